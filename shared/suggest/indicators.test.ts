import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../model/annotation.ts';
import { suggestIndicators } from './indicators.ts';

/** The indicator suggestion whose text is `span`, from `text` with no sections. */
function find(text: string, span: string) {
  const all = suggestIndicators(text, []);
  const s = all.find((x) => x.text === span);
  if (!s) throw new Error(`no suggestion "${span}" in ${JSON.stringify(all.map((x) => x.text))}`);
  return s;
}

type Expected = Record<string, FieldValue>;

describe('counts with measure words', () => {
  it.each<[string, string, Expected]>([
    ['全市4186名健康指导员对群众开展针对性的健康指导', '4186名', { kind: 'count', value: 4186, unit: '名', approx: '', metric: '健康指导员' }],
    ['建设省级以上健康促进医院127所，健康教育基地25所', '127所', { kind: 'count', value: 127, unit: '所', metric: '省级以上健康促进医院' }],
    ['基层接诊胸痛患者3.6万余名，成功溶栓362例。', '3.6万余名', { kind: 'count', value: 36000, unit: '名', approx: '余' }],
    ['制作健康素养66条系列短视频80余部。', '80余部', { kind: 'count', value: 80, unit: '部', approx: '余' }],
    ['1134名参与者人均减重 1.42kg', '1134名', { kind: 'count', value: 1134, metric: '参与者' }],
    ['在线观看人数达 225.9万人。', '225.9万人', { kind: 'count', value: 2259000, unit: '人', metric: '在线观看人数' }],
    ['3.2万参与者线上学习打卡率为 91%', '3.2万', { kind: 'count', value: 32000, unit: '' }],
    ['新乡市 13 个社区矫正中心均设置有心理咨询功能室', '13 个', { kind: 'count', value: 13, unit: '个' }],
    ['全市８个县区', '８个', { kind: 'count', value: 8, unit: '个' }],
  ])('%s → %s', (text, span, fields) => {
    expect(find(text, span).fields).toMatchObject(fields);
  });
});

describe('rates and shares', () => {
  it.each<[string, string, Expected]>([
    ['3.2万参与者线上学习打卡率为 91%，', '91%', { kind: 'rate', value: 91, unit: '%', metric: '参与者线上学习打卡率' }],
    ['其中 866人（76.37%）体重下降。', '76.37%', { kind: 'rate', value: 76.37, unit: '%' }],
    ['报告患病率 5.31‰，', '5.31‰', { kind: 'rate', value: 5.31, unit: '‰' }],
    ['2023年围产儿先天性心脏病发生率 46.92/万，', '46.92/万', { kind: 'rate', value: 46.92, unit: '/万', year: 2023 }],
    ['91%的人对活动的形式和内容表示满意', '91%', { kind: 'rate', value: 91, metric: '对活动的形式和内容表示满意的人' }],
    ['每万人口拥有公共卫生人员数已达 13.03，', '13.03', { value: 13.03, unit: '', metric: '每万人口拥有公共卫生人员数' }],
  ])('%s → %s', (text, span, fields) => {
    expect(find(text, span).fields).toMatchObject(fields);
  });
});

describe('amounts with units', () => {
  it.each<[string, string, Expected]>([
    ['1134名参与者人均减重 1.42kg，最高减重 18.30kg。', '1.42kg', { kind: 'amount', value: 1.42, unit: 'kg' }],
    ['累计播放防疫健康知识长达 80 万小时；', '80 万小时', { kind: 'amount', value: 800000, unit: '小时', metric: '播放防疫健康知识' }],
    ['累计投入 5530余万元，', '5530余万元', { kind: 'amount', value: 55300000, unit: '元', approx: '余' }],
    ['新增绿地面积4.194万平方米，建设绿道5.4公里', '4.194万平方米', { kind: 'amount', value: 41940, unit: '平方米' }],
    ['截至 2023年，苏州市人均预期寿命提高至 83.06 岁，', '83.06 岁', { value: 83.06, unit: '岁', direction: 'up', year: 2023 }],
    ['整体干预时间为 12周。', '12周', { value: 12, unit: '周' }],
    ['在活产新生儿中的发病率为 2‰～3‰。', '2‰～3‰', { kind: 'rate', value: 2, valueMax: 3, unit: '‰' }],
    ['一般要求在医院内安排专用场地 100—200 平方米，', '100—200 平方米', { kind: 'amount', value: 100, valueMax: 200, unit: '平方米' }],
    ['新增 4000-10000余元不等的补助', '4000-10000余元', { value: 4000, valueMax: 10000, unit: '元', approx: '余' }],
  ])('%s → %s', (text, span, fields) => {
    expect(find(text, span).fields).toMatchObject(fields);
  });
});

describe('change expressions: the whole expression, parsed', () => {
  it.each<[string, string, Expected]>([
    [
      '全省居民健康素养水平从2019年19.18%提升到2021年26.82%。',
      '从2019年19.18%提升到2021年26.82%',
      { kind: 'change', metric: '居民健康素养水平', baseline: 19.18, baselineYear: 2019, value: 26.82, year: 2021, direction: 'up', change: 7.64, changeUnit: 'pp', unit: '%' },
    ],
    [
      '活动终期超重肥胖的比例由 46.83%降低为41.71%（P<0.05），',
      '由 46.83%降低为41.71%',
      { kind: 'change', metric: '活动终期超重肥胖的比例', baseline: 46.83, value: 41.71, direction: 'down', change: 5.12, changeUnit: 'pp' },
    ],
    [
      '15岁以上人群吸烟率由条例实施前的 28%下降到 2023年的 22.97%，',
      '由条例实施前的 28%下降到 2023年的 22.97%',
      { baseline: 28, baselineYear: null, value: 22.97, year: 2023, direction: 'down', metric: '15岁以上人群吸烟率' },
    ],
    [
      '全市健康主题公园面积由创建之初的 13万平方米增长到 1060万平方米；',
      '由创建之初的 13万平方米增长到 1060万平方米',
      { baseline: 130000, value: 10600000, unit: '平方米', direction: 'up', change: 10470000, changeUnit: 'abs' },
    ],
    [
      '全市平均急救反应时间由 34分钟减少至 11分钟 12秒，',
      '由 34分钟减少至 11分钟 12秒',
      { baseline: 34, value: 11.2, unit: '分钟', direction: 'down', change: 22.8, changeUnit: 'abs' },
    ],
    // Across units of time the baseline is put in the later value's unit.
    [
      '全市急救车辆平均出车用时由 3分钟缩短至 48秒，',
      '由 3分钟缩短至 48秒',
      { baseline: 180, value: 48, unit: '秒', direction: 'down', change: 132, changeUnit: 'abs' },
    ],
    [
      '甲乙类传染病发病率从 2017 年  $236/10$  万降低到 2021 年  $175.6/10$  万，',
      '从 2017 年  $236/10$  万降低到 2021 年  $175.6/10$  万',
      { baseline: 236, baselineYear: 2017, value: 175.6, year: 2021, unit: '/10万', direction: 'down', change: 60.4 },
    ],
    [
      '每万人口拥有公共卫生人员数从 2017 年的 4.4 增加到 2021 年的 7.0，',
      '从 2017 年的 4.4 增加到 2021 年的 7.0',
      { baseline: 4.4, value: 7, direction: 'up', change: 2.6, changeUnit: 'abs' },
    ],
    [
      '婚检率由2018年的29.21%直线上升，2021年全省婚检率达到了79.8%，',
      '由2018年的29.21%直线上升，2021年全省婚检率达到了79.8%',
      { baseline: 29.21, baselineYear: 2018, value: 79.8, year: 2021, direction: 'up', change: 50.59, changeUnit: 'pp' },
    ],
    [
      '该院自 2017年开展疾病管理后，患者满意度从全省第 158名快速提升到 2023年的全省第 1名。',
      '从全省第 158名快速提升到 2023年的全省第 1名',
      { baseline: 158, baselineYear: 2017, value: 1, year: 2023, direction: 'up', change: 157, changeUnit: 'abs' },
    ],
    [
      '2023年新生儿先天性心脏病筛查率达到94.85%，较 2020 年增长 10.82 个百分点。',
      '较 2020 年增长 10.82 个百分点',
      { kind: 'change', value: null, baselineYear: 2020, year: 2023, direction: 'up', change: 10.82, changeUnit: 'pp', metric: '新生儿先天性心脏病筛查率' },
    ],
    ['成人吸烟率下降约10个百分点。', '下降约10个百分点', { kind: 'change', direction: 'down', change: 10, changeUnit: 'pp', approx: '约', metric: '成人吸烟率' }],
    ['参与者平均每周运动 3 次及以上的比例提高了27.73%，', '提高了27.73%', { direction: 'up', change: 27.73, changeUnit: '%' }],
    ['住院率由79.64%降至70.85%，下降幅度8.79%，', '下降幅度8.79%', { direction: 'down', change: 8.79, changeUnit: '%', metric: '住院率' }],
  ])('%s', (text, span, fields) => {
    expect(find(text, span).fields).toMatchObject(fields);
  });

  it('reads a change with no subject as being about the figure before it', () => {
    const text = '户籍居民急性心肌梗死粗死亡率从 110.75 /10 万下降至 2023年的 39.76/10万，下降 64.10%，';
    expect(find(text, '下降 64.10%').fields).toMatchObject({ metric: '户籍居民急性心肌梗死粗死亡率', change: 64.1, changeUnit: '%' });
  });

  it('gives a parallel change the years of the one before it in the sentence', () => {
    const text = '知晓率由 2012年的 62.1%上升至 2022年的 87.4%，家庭盐勺持有率由 23.0%上升至 37.2%。';
    expect(find(text, '由 23.0%上升至 37.2%').fields).toMatchObject({ baselineYear: 2012, year: 2022, baseline: 23, value: 37.2 });
  });

  it('marks a level reached with the direction it moved in', () => {
    expect(find('婴儿死亡率下降至 1.79‰，', '1.79‰').fields).toMatchObject({ kind: 'rate', direction: 'down', value: 1.79 });
  });

  it('does not take a count acted on by a verb for a change ("改造提升 20 家农贸市场")', () => {
    expect(find('改造提升 20 家农贸市场，', '20 家').fields).toMatchObject({ kind: 'count', change: null });
  });
});

describe('rankings', () => {
  it.each<[string, string, Expected]>([
    ['健康企业数量位居全省第一，', '全省第一', { kind: 'ranking', value: 1, metric: '健康企业数量' }],
    ['全市卫生健康信息化发展总指数排名全国 TOP50地级城市第 22位、居全省前列。', '第 22位', { kind: 'ranking', value: 22, unit: '位' }],
    ['在《2023年服务质量监测情况通报》中位列副省级城市首位。', '首位', { kind: 'ranking', value: 1 }],
    ['市第一医院变态反应专科荣登声誉排行榜第六位。', '第六位', { kind: 'ranking', value: 6 }],
    ['辛集市婚检率为90.73%，全省排名第1。', '第1', { kind: 'ranking', value: 1 }],
  ])('%s → %s', (text, span, fields) => {
    expect(find(text, span).fields).toMatchObject(fields);
  });
});

describe('every suggestion carries every field of the indicator label', () => {
  it('has the keys of INDICATOR_FIELDS plus kind', () => {
    const [s] = suggestIndicators('覆盖率达 95%。', []);
    expect(Object.keys(s!.fields).sort()).toEqual(['approx', 'baseline', 'baselineYear', 'change', 'changeUnit', 'direction', 'kind', 'metric', 'unit', 'value', 'year']);
  });
});
