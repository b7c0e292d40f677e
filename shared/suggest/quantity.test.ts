import { describe, expect, it } from 'vitest';
import { suggestIndicators } from './indicators.ts';
import { chineseNumeral, numberTokens, roundTo, scaleDecimal } from './number-tokens.ts';
import { readUnit } from './units.ts';

const only = (text: string) => {
  const all = suggestIndicators(text, []);
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('approximate markers: in the span when adjacent, in the approx field always', () => {
  it.each<[string, string, string]>([
    ['基层接诊胸痛患者3.6万余名，', '3.6万余名', '余'],
    ['制作短视频80余部。', '80余部', '余'],
    ['修建慢行系统5500多公里，', '5500多公里', '余'],
    ['累计节省医疗开支约 3.6亿元，', '约 3.6亿元', '约'],
    ['覆盖了近90%的基层医疗卫生机构', '近90%', '近'],
    ['HIS直报病例占比接近 90%。', '接近 90%', '近'],
    ['接受服务的吸烟者已超过 80000人次。', '超过 80000人次', '超过'],
    ['总浏览量超 6110万。', '超 6110万', '超过'],
    ['再灌注率维持 90%以上，', '90%以上', '以上'],
    ['平均 40分钟左右，', '40分钟左右', '约'],
    ['中国糖尿病患者约有1.4亿人，', '1.4亿人', '约'],
    ['先天性心脏病的发病率约为 6‰～10‰。', '6‰～10‰', '约'],
    ['本年度共完成筛查 1172万人，', '1172万人', ''],
  ])('%s → 【%s】 approx %s', (text, span, approx) => {
    const s = only(text);
    expect(s.text).toBe(span);
    expect(s.fields.approx).toBe(approx);
  });
});

describe('number tokens', () => {
  it('reads full-width digits and decimal points, keeping offsets on the original text', () => {
    const [t] = numberTokens('全市８个县区，１２．５％');
    expect(t).toMatchObject({ start: 2, end: 3, raw: '８', value: 8 });
    expect(numberTokens('１２．５％')[0]).toMatchObject({ value: 12.5, decimals: 1 });
  });

  it.each<[number, number, number, number]>([
    [3.6, 1, 4, 36000],
    [225.9, 1, 4, 2259000],
    [4.194, 3, 4, 41940],
    [1.4, 1, 8, 140000000],
    [26.83, 2, 4, 268300],
  ])('scales %f by 10^%i without rounding noise', (value, decimals, power, expected) => {
    expect(scaleDecimal(value, decimals, power)).toBe(expected);
  });

  it('rounds differences to the written precision', () => {
    expect(roundTo(26.82 - 19.18, 2)).toBe(7.64);
    expect(roundTo(46.83 - 41.71, 2)).toBe(5.12);
  });

  it.each<[string, number | null]>([
    ['一', 1],
    ['六', 6],
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['两', 2],
    ['abc', null],
  ])('chineseNumeral(%s) = %s', (s, n) => {
    expect(chineseNumeral(s)).toBe(n);
  });
});

describe('units and measure words', () => {
  it.each<[string, string, string]>([
    ['名参与者', '名', 'count'],
    ['人次，', '人次', 'count'],
    ['个百分点', '个百分点', 'rate'],
    ['%，', '%', 'rate'],
    [' /10 万下降', '/10万', 'rate'],
    ['$  万降低', '', ''],
    ['kg，', 'kg', 'amount'],
    ['平方米；', '平方米', 'amount'],
    ['元/人的定额补助', '元/人', 'amount'],
    ['个月', '个月', 'time'],
    ['岁，', '岁', 'age'],
  ])('"%s" → %s (%s)', (after, unit, kind) => {
    const u = readUnit(after, 0);
    if (!unit) expect(u).toBeNull();
    else expect(u).toMatchObject({ unit, kind });
  });

  it('does not read a Latin letter glued to more letters as a unit ("5G", "3D")', () => {
    expect(readUnit('Gb', 0)).toBeNull();
    expect(readUnit('kg，', 0)).toMatchObject({ unit: 'kg' });
    expect(readUnit('kgx', 0)).toBeNull();
  });

  it('reads 方 (cubic metres) only when it stands alone', () => {
    expect(readUnit('方；', 0)).toMatchObject({ unit: '方' });
    expect(readUnit('方面服务', 0)).toBeNull();
  });
});

describe('quantities', () => {
  it('joins a compound duration: "11分钟 12秒" is 11.2 minutes', () => {
    expect(only('最短用时 11分钟 12秒。').fields).toMatchObject({ value: 11.2, unit: '分钟' });
  });

  it('keeps the formula debris of "$236/10$ 万" inside the span', () => {
    expect(only('发病率为  $236/10$  万。').text).toBe('$236/10$  万');
  });
});
