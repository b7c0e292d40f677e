import { describe, expect, it } from 'vitest';
import { classifyFont, headingRank } from './fonts.ts';

describe('classifyFont: what the names real PDFs embed say', () => {
  it.each([
    ['FZXBSJW--GB1-0', 'FZXBSJW--GB1-0', 'xiaobiaosong', false],
    ['方正小标宋简体', '方正小标宋简体', 'xiaobiaosong', false],
    ['ABCDEF+SimHei', 'SimHei', 'hei', false],
    ['黑体', '黑体', 'hei', false],
    ['MicrosoftYaHei-Bold', 'MicrosoftYaHei-Bold', 'hei', true],
    ['ABCDEF+NotoSansCJKsc-Bold', 'NotoSansCJKsc-Bold', 'hei', true],
    ['BAAAAA+NotoSansCJKjp-Regular-VKana', 'NotoSansCJKjp-Regular-VKana', 'hei', false],
    ['KaiTi_GB2312', 'KaiTi_GB2312', 'kai', false],
    ['楷体_GB2312', '楷体_GB2312', 'kai', false],
    ['CAAAAA+UKaiCN', 'UKaiCN', 'kai', false],
    ['FangSong_GB2312', 'FangSong_GB2312', 'fangsong', false],
    ['仿宋', '仿宋', 'fangsong', false],
    ['SimSun', 'SimSun', 'song', false],
    ['BAAAAA+UMingCN', 'UMingCN', 'song', false],
    ['TimesNewRomanPS-BoldMT', 'TimesNewRomanPS-BoldMT', 'song', true],
    ['Arial,Bold', 'Arial,Bold', 'hei', true],
    ['DejaVuSans', 'DejaVuSans', 'hei', false],
    ['HYQiHei-55S', 'HYQiHei-55S', 'hei', false],
    ['Wingdings', 'Wingdings', 'other', false],
    [undefined, 'unknown', 'other', false],
  ])('%s → %s, %s, bold %s', (name, family, fontClass, bold) => {
    expect(classifyFont(name)).toEqual({ family, fontClass, bold });
  });

  it('orders faces of one size as official documents use them: 小标宋, 黑体, 楷体, then body faces', () => {
    const order = (['song', 'kai', 'xiaobiaosong', 'fangsong', 'hei'] as const).map((c) => [c, headingRank(c, false)] as const).sort((a, b) => a[1] - b[1]).map(([c]) => c);
    expect(order.slice(0, 3)).toEqual(['xiaobiaosong', 'hei', 'kai']);
    expect(headingRank('song', true)).toBeLessThan(headingRank('song', false));
  });
});
