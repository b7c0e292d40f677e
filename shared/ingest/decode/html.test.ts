import { describe, expect, it } from 'vitest';
import { loadDocument } from '../load.ts';
import { decodeSource } from './index.ts';

const PAGE = `<!DOCTYPE html><html><head><title>通知_卫生健康委员会</title>
<style>.nav li { float: left; } body { font-family: SimSun; }</style>
<script>var x = "<p>not text</p>"; document.write('广告');</script></head>
<body><div class="header"><img alt="委徽"> 设为首页 | 加入收藏</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;通知公告</div>
<div class="article"><h1>关于印发典型案例的通知</h1>
<div class="TRS_Editor">
<p style="text-align:center"><strong>创新模式&ldquo;全民共建&rdquo;</strong></p>
<p>&#12288;&#12288;一、工作背景</p>
<p>&#12288;&#12288;近年来，鹤壁市坚持一切为了人民健康的发展理念，
深入实施健康知识普及行动，覆盖率达到95%。</p>
<p><b>一是加强领导。</b>成立领导小组，统筹推进。</p>
<table><tr><th>地区</th><th>做法</th></tr><tr><td>丰台区</td><td><p>建立网络。</p><p>培训骨干。</p></td></tr></table>
</div></div>
<div class="footer">版权所有 © 卫生健康委员会 京ICP备000号</div></body></html>`;

describe('HTML pages', () => {
  const source = decodeSource(new TextEncoder().encode(PAGE), 'page.html');
  const texts = source.lines.map((l) => l.text.text);

  it('keeps the article and drops scripts, styles, navigation, breadcrumbs and footers', () => {
    expect(source.kind).toBe('html');
    expect(texts).toEqual([
      '关于印发典型案例的通知',
      '创新模式“全民共建”',
      '一、工作背景',
      '近年来，鹤壁市坚持一切为了人民健康的发展理念，深入实施健康知识普及行动，覆盖率达到95%。',
      '一是加强领导。成立领导小组，统筹推进。',
      '地区\t做法',
      '丰台区\t建立网络。 培训骨干。',
    ]);
  });

  it('keeps headings, bold leads, alignment and table cells as hints; every line is a closed block', () => {
    expect(source.lines[0]!.mdHeading).toBe(1);
    expect(source.lines[1]!.style).toMatchObject({ bold: true, align: 'center' });
    expect(source.lines[4]!.boldLead).toBe('一是加强领导。');
    expect(source.lines[6]!.cells!.map((c) => c.text)).toEqual(['丰台区', '建立网络。 培训骨干。']);
    expect(source.lines.every((l) => l.closed)).toBe(true);
  });

  it('maps every character it keeps back to the page source, decoded entities included', () => {
    for (const line of source.lines) {
      for (let i = 0; i < line.text.length; i++) {
        const ch = line.text.text[i]!;
        const raw = source.rawText.slice(line.text.toRaw(i), line.text.toRaw(i) + 8);
        // A copied character stands at its place; a decoded one maps to its entity.
        expect(raw.startsWith(ch) || raw.startsWith('&') || /\s/.test(ch)).toBe(true);
      }
    }
  });

  it('loads as a case with its sections, no markup left', () => {
    const doc = loadDocument(new TextEncoder().encode(PAGE), 'page.html');
    const text = doc.cases.map((c) => c.text).join('\n');
    expect(text).not.toMatch(/<|&[a-z]+;|&#\d+;|float: left|document\.write/);
    expect(doc.cases[0]!.sections.map((s) => s.heading)).toContain('工作背景');
    expect(doc.warnings.some((w) => w.code === 'markup-residue')).toBe(false);
  });
});

describe('preformatted text in HTML', () => {
  it('keeps its line breaks, and lets the joiner undo hard wraps', () => {
    const page = '<html><body><pre>案例1\n坚持“四个四”工作法 推进健康知识普及行动\n一、工作背景\n普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济最有效的措施之一。\n二、主要做法\n建立机制&amp;开展工作。</pre></body></html>';
    const source = decodeSource(new TextEncoder().encode(page), 'saved.html');
    expect(source.lines.map((l) => l.text.text)).toEqual(['案例1', '坚持“四个四”工作法 推进健康知识普及行动', '一、工作背景', '普及健康知识，提高全省居民健康素养，是提高居民健康水平最经济最有效的措施之一。', '二、主要做法', '建立机制&开展工作。']);
    expect(source.lines.some((l) => l.closed)).toBe(false);
    const doc = loadDocument(new TextEncoder().encode(page), 'saved.html');
    expect(doc.cases.map((c) => c.title)).toEqual(['坚持“四个四”工作法 推进健康知识普及行动']);
  });
});

describe('line breaks in the source between CJK characters', () => {
  it('vanish after an astral ideograph or an emoji too', () => {
    const source = decodeSource(new TextEncoder().encode('<html><body><p>健康𠀀\n中国😀\n行动，\nWHO\nreport</p></body></html>'), 'x.html');
    expect(source.lines.map((l) => l.text.text)).toEqual(['健康𠀀中国😀行动， WHO report']);
  });
});
