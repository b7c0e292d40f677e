import { describe, expect, it } from 'vitest';
import { leadingPlaceName } from './regions.ts';

describe('leadingPlaceName: the place a title or a unit starts with', () => {
  it.each([
    ['石家庄市坚持医防融合', '石家庄市'],
    ['秦皇岛北戴河区强化健康促进', '秦皇岛北戴河区'],
    ['浙江省湖州市始终坚持', '浙江省湖州市'],
    ['成都市疾病预防控制中心', '成都市'],
    ['晋城市卫生健康委员会', '晋城市'],
    ['盐城市建设健康城市', '盐城市'],
    ['聊城市东昌府区人民医院', '聊城市东昌府区'],
  ])('%s → %s', (text, place) => {
    expect(leadingPlaceName(text)).toBe(place);
  });

  it.each(['健康城市建设再上新台阶', '卫生城市创建工作', '大城市病的治理', '全市推进健康促进', '社区卫生服务中心', '国际化大都市的健康治理'])('%s names no place', (text) => {
    expect(leadingPlaceName(text)).toBeNull();
  });
});
