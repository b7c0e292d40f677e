import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../ingest/load.ts';
import { outermostEnumeration } from './enumeration.ts';
import { headlineOf } from './headline.ts';
import { suggestIndicators } from './indicators.ts';
import { figureShare, POINT_SCORE, readClause, readLead, readPoint, type ClauseReading, type LeadReading } from './point-reading.ts';

describe('readClause', () => {
  it.each<[string, ClauseReading]>([
    ['领导重视是前提', 'lesson'],
    ['健康城市建设至关重要', 'lesson'],
    ['坚持政府主导、部门协同', 'lesson'],
    ['全面无烟法律的有效实施有利于提升吸烟者戒烟意愿', 'lesson'],
    ['管理机制联动性强', 'lesson'],
    ['社会动员广泛', 'lesson'],
    ['宣传到位', 'lesson'],
    ['开发管理工具', 'lesson'],
    ['完善共享机制', 'lesson'],
    ['体重控制成效显著', 'outcome'],
    ['参与积极性及满意度高', 'outcome'],
    ['健康生活方式养成', 'outcome'],
    ['心血管疾病防治网络日趋完善', 'outcome'],
    ['提升居民健康水平', 'outcome'],
    // 应急 is not 应 (a principle's "should"); 要素 is not 要.
    ['应急救治能力显著提升', 'outcome'],
    ['要素配置', 'neither'],
    ['智慧健康管理', 'neither'],
    ['工作经验', 'neither'],
  ])('%s → %s', (clause, reading) => {
    expect(readClause(clause)).toBe(reading);
  });
});

describe('readLead: a point lead, clause by clause', () => {
  it.each<[string, LeadReading]>([
    ['管理机制联动性强，社会动员广泛', 'lesson'],
    ['开发管理工具，提供关键技术支持', 'lesson'],
    ['技术支撑是保障', 'lesson'],
    ['参与积极性及满意度高', 'outcome'],
    ['健康体重意识提高', 'outcome'],
    ['健康中国微观基础进一步夯实', 'outcome'],
    ['急性心肌梗死死亡率已呈现逐年下降趋势', 'outcome'],
    ['智慧健康管理，提升居民健康水平', 'outcome'],
    ['宣传到位，公众认可度高', 'both'],
    ['完善共享机制，提升健康服务效率', 'both'],
    ['多元发展', 'neither'],
  ])('%s → %s', (lead, reading) => {
    expect(readLead(lead)).toBe(reading);
  });
});

describe('figureShare: how much of a body reports figures', () => {
  const share = (text: string) => figureShare(text, 0, text.length, suggestIndicators(text, []));
  it.each<[string, number, number]>([
    ['1134名参与者人均减重 1.42kg，最高减重 18.30kg。', 1, 1],
    ['各部门形成合力，广泛动员职业人群参与，践行健康体重理念。', 0, 0],
    ['多家媒体进行宣传报道，在 9块户外大屏滚动播放科普知识，广泛营造健康体重管理社会氛围，公众认可度不断提高。', 0.1, 0.4],
  ])('%s', (text, min, max) => {
    expect(share(text)).toBeGreaterThanOrEqual(min);
    expect(share(text)).toBeLessThanOrEqual(max);
  });
});

describe('readPoint: lesson or result', () => {
  const ORGANISED = '多家媒体进行宣传报道，并在户外大屏滚动播放健康体重科普知识，广泛营造社会氛围，公众认可度不断提高。';
  const FIGURES = '覆盖 120万人，知晓率达 91%，满意度为 97%。';
  it.each<[string, string, boolean, number]>([
    // The lead decides when it says lesson or result outright, whatever the body.
    ['领导重视是前提', FIGURES, true, POINT_SCORE.lessonLead],
    ['体重控制成效显著', ORGANISED, false, 0],
    // A lead that pairs approach and outcome, or names neither: the body decides.
    ['宣传到位，公众认可度高', ORGANISED, true, POINT_SCORE.decidedByBody],
    ['宣传到位，公众认可度高', FIGURES, false, 0],
    ['多元发展', ORGANISED, true, POINT_SCORE.decidedByBody],
    ['多元发展', FIGURES, false, 0],
  ])('%s + %s', (lead, body, lesson, score) => {
    const text = `${lead}\n${body}`;
    const r = readPoint(lead, text, 0, text.length, suggestIndicators(text, []));
    expect(r.lesson).toBe(lesson);
    expect(r.score).toBe(score);
  });
});

describe('the merged sections of the seeds, point by point', () => {
  const file = 'healthy-china-2024-typical-cases-compendium.txt';
  const cases = loadDocument(readFileSync(join(import.meta.dirname, '../../seeds', file)), file, { id: 'hc2024' }).cases;

  function readings(caseId: string): Array<[string, boolean]> {
    const c = cases.find((x) => x.id === caseId)!;
    const s = c.sections.find((x) => x.level === 1 && x.kinds.includes('results') && x.kinds.includes('lessons'))!;
    const figures = suggestIndicators(c.text, c.sections);
    const markers = outermostEnumeration(c.text.slice(s.headingEnd, s.end));
    return markers.map((m, i) => {
      const bodyStart = s.headingEnd + m.bodyStart;
      const end = s.headingEnd + (markers[i + 1]?.start ?? s.end - s.headingEnd);
      const lead = headlineOf(c.text.slice(bodyStart, end));
      return [lead, readPoint(lead, c.text, bodyStart, end, figures).lesson];
    });
  }

  it.each<[string, Array<[string, boolean]>]>([
    [
      'hc2024-01',
      [
        ['管理机制联动性强，社会动员广泛', true],
        ['参与积极性及满意度高', false],
        ['体重控制成效显著', false],
        ['健康体重意识提高', false],
        ['健康生活方式养成', false],
        ['宣传到位，公众认可度高', true],
      ],
    ],
    [
      'hc2024-10',
      [
        ['开发管理工具，提供关键技术支持', true],
        ['构建健康风险预测模型，开具个性化健康处方', true],
        ['完善共享机制，提升健康服务效率', true],
        ['智慧健康管理，提升居民健康水平', false],
      ],
    ],
    [
      'hc2024-29',
      [
        ['覆盖“地市—县—乡—村”的心血管疾病防治网络日趋完善', false],
        ['各级医疗机构心血管疾病诊治能力显著提升', false],
        ['高危人群筛查及心血管慢病管理初见成效', false],
        ['急性心肌梗死死亡率已呈现逐年下降趋势', false],
      ],
    ],
  ])('%s', (caseId, expected) => {
    expect(readings(caseId)).toEqual(expected);
  });
});
