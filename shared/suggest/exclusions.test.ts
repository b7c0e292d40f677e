import { describe, expect, it } from 'vitest';
import { scanCandidates } from './candidates.ts';
import type { ExclusionReason } from './exclusions.ts';
import { suggestIndicators } from './indicators.ts';

/** The rule that excludes the number at `fragment` (the first digit run in it), or null. */
function reasonAt(text: string, fragment: string): ExclusionReason | null {
  const at = text.indexOf(fragment);
  if (at < 0) throw new Error(`"${fragment}" not in "${text}"`);
  const digit = at + fragment.search(/[0-9０-９]/);
  const c = scanCandidates(text).candidates.find((x) => x.numberStart <= digit && digit < x.numberEnd);
  if (!c) throw new Error(`no candidate at "${fragment}"`);
  return c.reason;
}

function covered(text: string, fragment: string): boolean {
  const at = text.indexOf(fragment);
  return suggestIndicators(text, []).some((s) => s.start < at + fragment.length && at < s.end);
}

describe('numbers that are not indicators', () => {
  it.each<[string, string, string, ExclusionReason]>([
    // The examples of the brief.
    ['a date', '2024年6月，国家卫生健康委等 16部门制定发布方案', '2024年', 'date'],
    ['a month', '2024年6月，国家卫生健康委等 16部门制定发布方案', '6月', 'date'],
    ['a year on its own', '据2019年全省居民健康素养水平调查显示', '2019年', 'date'],
    ['a document name', '制作权威健康科普标准课件、健康素养66条系列短视频80余部。', '66条', 'name'],
    ['a document number', '健康中原行动推进委员会办公室（豫健委办〔2022〕3号）', '2022', 'document'],
    ['the serial of a document number', '健康中原行动推进委员会办公室（豫健委办〔2022〕3号）', '3号', 'document'],
    ['a title', '落实《健康中国行动（2019—2030年）》要求', '2019', 'title'],
    ['an event name', '面对新冠疫情和7·20洪涝灾害，鹤壁市集中全力', '7·20', 'event'],
    ['the second number of an event name', '面对新冠疫情和7·20洪涝灾害，鹤壁市集中全力', '20洪', 'event'],
    ['statistical notation', '比例由 46.83%降低为41.71%（P<0.05），', '0.05', 'statistic'],
    ['an enumeration (1)', '(1)开展健康教育；(2)开展筛查', '1', 'enumeration'],
    ['an enumeration 1.', '二、主要做法\n1.搭建沟通网络\n活动启动前', '1.', 'enumeration'],
    ['a phone number', '依托河南省心理援助热线(7095888)设立疫情专席', '7095888', 'phone'],
    ['a hotline', '充分运用 12320 卫生健康热线，向广大市民普及戒烟知识', '12320', 'phone'],
    ['an ordinal in a name', '在第 9届互联网+健康中国大会分论坛上', '9届', 'ordinal'],
    ['an ordinal in time', '入组后的第 1个月、第 3个月开展评估', '1个月', 'ordinal'],
    ['a time of day', '活动于上午9:30开始', '9:30', 'time-of-day'],
    ['the minutes of a time of day', '活动于上午9:30开始', '30开始', 'time-of-day'],
    // More from the seeds.
    ['a year range', '2012-2019年，分别联动中央国家机关', '2012', 'date'],
    ['a bare year', '天津自 1984建立冠心病、脑卒中等主要慢性病发病监测', '1984', 'date'],
    ['a time span', '近 3年湖北省围产儿出生缺陷发生率呈下降趋势', '3年', 'time-span'],
    ['a programme length', '北京市民健康体重行动为期 12 周，于 7 月启动', '12 周', 'time-span'],
    ['a time reckoned from an event', '对出生后6～72 小时的新生儿采用听诊和血氧饱和度测定', '6～72', 'time-span'],
    ['a time window', '对出生后 6～72小时内新生儿进行先天性心脏病筛查', '6～72', 'qualifier'],
    ['a duration glued to a noun', '积极建设城市高品质15分钟生活圈', '15分钟', 'qualifier'],
    ['an age qualifier', '15岁以上人群吸烟率由条例实施前的 28%下降', '15岁', 'qualifier'],
    ['a threshold qualifier', '参与者平均每周运动 3 次及以上的比例提高了27.73%', '3 次', 'qualifier'],
    ['a per-capita denominator', '全市每 10 万人中可提供服务的精神科执业医师达到 5.57 人', '10 万', 'qualifier'],
    ['a place qualifier', '城市居民在 5公里之内可以抵达胸痛中心', '5公里', 'qualifier'],
    ['a quoted name', '湖北省实施“323”攻坚行动', '323', 'name'],
    ['a formula name', '创新“1+2”工作模式，形成个人、家庭、社会联动', '1+2', 'name'],
    ['a formula spelled out', '组成“1+1+N”（1名医护人员+1名控烟志愿者领袖+N 名吸烟者）戒烟同伴互助团队', '1名医护', 'name'],
    ['a code', '使PM2.5浓度同比下降', '2.5', 'code'],
    ['a technology name', '推广 5G+区域健康管理新模式', '5G', 'code'],
    ['a web address', '活动http://www.baidu.com/link?url=SgUsuEvuI41MKI0AkQ总体参与率较高', '41', 'url'],
    ['a standard', '共推荐不少于 700名医师作为健康管理医师', '700名', 'standard'],
    ['an allocation per unit', '向 10家总医院下拨培训经费 200万（每家总医院 20万元）', '20万元', 'standard'],
    ['an allocation of one', '为29所学校各配备1个健康医疗团队', '1个', 'standard'],
    ['a count restating its list', '聚焦心脑血管病、癌症、慢性呼吸系统病3类重大疾病', '3类', 'list-count'],
    ['a number with no unit and no copula', '依托健康中原120电视栏目开展宣传', '120', 'bare-number'],
  ])('%s: %s', (_name, text, fragment, reason) => {
    expect(reasonAt(text, fragment)).toBe(reason);
    expect(covered(text, fragment)).toBe(false);
  });

  it('a Chinese-numeral enumeration or ordinal yields nothing at all', () => {
    expect(suggestIndicators('一是领导重视。二是部门协同。第一，建立机制；第二批试点。个人是自己健康第一责任人。', [])).toEqual([]);
  });

  it('keeps the indicator beside an excluded number', () => {
    const text = '2024年6月，国家卫生健康委等 16部门制定发布方案';
    expect(suggestIndicators(text, []).map((s) => s.text)).toEqual(['16部门']);
  });

  it('keeps a partial list count: the list says less than the count ("国家卫生健康委等 16部门")', () => {
    expect(reasonAt('国家卫生健康委、省委宣传部等 12 部门联合印发', '12 部门')).toBeNull();
  });

  it('keeps a duration that is the value of a time metric', () => {
    expect(reasonAt('空气质量优良天数达325天，', '325天')).toBeNull();
  });
});
