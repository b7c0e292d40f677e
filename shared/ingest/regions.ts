/** Province-level divisions, by full and short name: region names in titles use either. */
export const PROVINCES: ReadonlyArray<readonly [full: string, short: string]> = [
  ['北京市', '北京'], ['天津市', '天津'], ['上海市', '上海'], ['重庆市', '重庆'], ['河北省', '河北'],
  ['山西省', '山西'], ['辽宁省', '辽宁'], ['吉林省', '吉林'], ['黑龙江省', '黑龙江'], ['江苏省', '江苏'],
  ['浙江省', '浙江'], ['安徽省', '安徽'], ['福建省', '福建'], ['江西省', '江西'], ['山东省', '山东'],
  ['河南省', '河南'], ['湖北省', '湖北'], ['湖南省', '湖南'], ['广东省', '广东'], ['海南省', '海南'],
  ['四川省', '四川'], ['贵州省', '贵州'], ['云南省', '云南'], ['陕西省', '陕西'], ['甘肃省', '甘肃'],
  ['青海省', '青海'], ['台湾省', '台湾'], ['内蒙古自治区', '内蒙古'], ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'], ['宁夏回族自治区', '宁夏'], ['新疆维吾尔自治区', '新疆'],
  ['香港特别行政区', '香港'], ['澳门特别行政区', '澳门'], ['新疆生产建设兵团', '兵团'],
];

/** Provincial health-action brands name the province by an old name: 健康中原 is Henan, 健康龙江 Heilongjiang. */
const ACTION_BRANDS: Readonly<Record<string, string>> = {
  中原: '河南省', 龙江: '黑龙江省', 八桂: '广西壮族自治区', 齐鲁: '山东省', 燕赵: '河北省', 三秦: '陕西省', 荆楚: '湖北省', 巴渝: '重庆市', 三晋: '山西省', 八闽: '福建省', 江淮: '安徽省', 天府: '四川省', 龙江行动: '黑龙江省',
};

/** The province a document is about, from its "健康河北行动" / "健康中原行动" style name, if any. */
export function provinceOfAction(text: string): string | null {
  const m = /健康([\p{Script=Han}]{2,3}?)(?:行动|建设)/u.exec(text);
  if (!m) return null;
  const name = m[1]!;
  const province = PROVINCES.find(([full, short]) => name === short || name === full);
  return province ? province[0] : (ACTION_BRANDS[name] ?? null);
}

/** A province named at the very start of a text ("湖北省聚焦…", "浙江省湖州市…"). */
export function leadingProvince(text: string): string | null {
  for (const [full] of PROVINCES) if (text.startsWith(full)) return full;
  return null;
}

const PLACE = /^(?![全各本该我市省县区])[\p{Script=Han}]{1,7}?(?:特别行政区|自治区|自治州|地区|省|市|县|区|旗|盟)(?:[\p{Script=Han}]{1,5}?(?:市|县|区|旗))?/u;
const PLACE_ALONE = /^(?![全各本该我市省县区])[\p{Script=Han}]{1,7}?(?:特别行政区|自治区|自治州|地区|省|市|县|区|旗|盟)/u;
// 城市 and 都市 end words (健康城市, 大都市) as well as names (晋城市, 成都市, 盐城市): a word has
// two characters or more before them, or a size (大城市); a name one character of its own.
const NOT_PLACE = /(?:社区|园区|校区|片区|城区|景区|辖区|地区|新区建设|市民|县域|区域|超市|门市|专区|小区|街区|新区)$|^(?:.{2,}|[大小新老古名])[城都]市$/;

/**
 * The place name a title or attribution starts with: "石家庄市坚持…" → 石家庄市, "秦皇岛北戴河区强化…"
 * → 秦皇岛北戴河区, "浙江省湖州市始终…" → 浙江省湖州市. Null when the text starts with something else.
 */
export function leadingPlaceName(text: string): string | null {
  const t = text.replace(/^[—\-－\s]+/, '');
  const province = leadingProvince(t);
  if (province) {
    const rest = PLACE.exec(t.slice(province.length));
    return rest && !NOT_PLACE.test(rest[0]) && rest[0].length <= 8 ? province + rest[0] : province;
  }
  const m = PLACE.exec(t);
  if (!m) return null;
  if (!NOT_PLACE.test(m[0])) return m[0];
  // The county part may be words after all ("盐城市" + "建设健康城市"): the city alone then.
  const city = PLACE_ALONE.exec(t);
  return city && city[0] !== m[0] && !NOT_PLACE.test(city[0]) ? city[0] : null;
}

/** Names of reporting units that are institutions rather than places. */
export function isInstitution(text: string): boolean {
  return /(医院|卫生院|大学|学院|学校|中心|委员会|委|局|厅|办公室|协会|学会|工会|工作组|公司|集团|研究院|研究所|计生协|妇联|团委)$/.test(text.replace(/[（(][^）)]*[）)]$/, ''));
}
