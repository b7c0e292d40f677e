/**
 * Why a number is not an indicator. Each rule names a kind of number that looks like a figure but
 * does not measure anything: it dates, names, numbers or qualifies something else.
 */
export type ExclusionReason =
  | 'date' // 2024年6月, 2019年, 2012-2019年, 14日
  | 'time-span' // 近3年, 为期12周, 13年来: when, not how much
  | 'time-of-day' // 9:30
  | 'title' // a number inside 《…》
  | 'name' // a number inside a short quoted name ("“323”攻坚行动"), or joined by "+" ("1+2"模式)
  | 'document' // 豫健委办〔2022〕3号, 软著登字第10829550号
  | 'url'
  | 'event' // 7·20洪涝灾害
  | 'statistic' // P<0.05, n=120, 95%CI
  | 'enumeration' // (1), 1. at the start of a paragraph
  | 'phone' // 12320, (7095888): five or more digits with no unit
  | 'ordinal' // 第9届, 第1个月 (rankings are found separately)
  | 'code' // PM2.5, FM92.0, 5G, H5, TOP50
  | 'qualifier' // 15岁以上人群, 每周运动3次及以上的比例, 每5万人
  | 'standard' // 不低于70%, 至少1家: a rule, not a measurement
  | 'list-count' // 心脑血管病、癌症、慢性呼吸系统病3类: restates the list before it
  | 'bare-number'; // a number with no unit that no copula ties to a metric
