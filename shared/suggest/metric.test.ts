import { describe, expect, it } from 'vitest';
import { suggestIndicators } from './indicators.ts';
import { qualifiedMetric } from './metric.ts';

/**
 * Metric names are the noun phrase a figure measures, as an indicator table prints them — not the
 * verb or particle next to the number (the fragments drafts printed: 制定发布, 下发了, 有…, …之一).
 * Sentences from the seeds.
 */
const metricOf = (text: string, quote: string) => suggestIndicators(text, []).find((s) => s.text === quote)?.fields.metric;

describe('metric names', () => {
  it.each([
    // A measure word that is a noun, with a verb after it: what is counted.
    ['2024年6月，国家卫生健康委等16部门制定发布《“体重管理年”活动实施方案》。', '16部门', '部门'],
    ['省卫生健康委于2020年3月联合6部门下发了《关于在全省开展免费婚前医学检查的通知》。', '6部门', '部门'],
    // Not the verb of having, of continuing, of being one of.
    ['截至目前，全省共有产前诊断机构18家，产前筛查机构231家。', '18家', '产前诊断机构'],
    ['已连续3年新生儿疾病筛查率达98%以上，听力障碍筛查率达95%以上。', '98%以上', '新生儿疾病筛查率'],
    ['今年将孕妇无创产前基因免费筛查列入河北省2022年20项民生工程之一。', '20项', '民生工程'],
    ['明确了在原有3项筛查病种基础上增至6种。', '6种', '筛查病种'],
    // After a measure word: up to the verb, a short quoted name kept.
    ['充分运用全市885个农村“大喇叭”、550个社区“小音响”。', '885个', '农村“大喇叭”'],
    ['为29所学校各配备1个健康医疗团队、为22家幼儿园配备1名健康副园长。', '22家', '幼儿园'],
    ['243个街道、乡镇统一设立“文体工作站”。', '243个', '街道、乡镇'],
    // A share said as the noun it counts.
    ['65%的参与者表示掌握了八段锦这项技能。', '65%', '表示掌握了八段锦这项技能的参与者'],
    ['80%的乡镇和70%的行政村按照时间节点举办了届次运动会。', '80%', '乡镇'],
    // A verb phrase inside a long clause: its object.
    ['针对不同群体，通过朋友圈和微信群推广防护知识4.2万条。', '4.2万条', '防护知识'],
    ['对家庭医生开展健康科普技能培训和健康素养标准课件推广培训30期。', '30期', '健康科普技能培训和健康素养标准课件推广培训'],
    // A bare "筛查率", "占比": of what, the clause before says.
    ['新生儿先天性心脏病筛查覆盖98%县市区，筛查率达85%以上。', '85%以上', '新生儿先天性心脏病筛查率'],
    ['其中，媒体传播与实践的培训率最高，占比40%。', '40%', '媒体传播与实践的培训占比'],
    // A verb alone, with its measure word, names the count.
    ['截至2024年底，已推出400余期。', '400余期', '推出期数'],
    // A link left in the text is no part of the name.
    ['https://mp.weixin.qq.com/s/uEvuI41MKI0AkQ总体参与率较高，为 91.98%，比 2020年上升了 4.4个百分点。', '91.98%', '总体参与率'],
  ])('%s → %s: %s', (text, quote, metric) => expect(metricOf(text, quote)).toBe(metric));

  it.each([
    ['筛查率', '新生儿先天性心脏病筛查覆盖', '新生儿先天性心脏病筛查率'],
    ['占比', '媒体传播与实践的培训率', '媒体传播与实践的培训占比'],
    ['覆盖率', '', '覆盖率'],
  ])('qualifiedMetric(%s, %s) = %s', (bare, topic, name) => expect(qualifiedMetric(bare, topic)).toBe(name));
});
