import { describe, expect, it } from 'vitest';
import { classifyHeading, isKnownSectionName } from './section-kinds.ts';

describe('classifyHeading', () => {
  it.each([
    ['工作背景', ['background']],
    ['主要背景', ['background']],
    ['基本情况', ['background']],
    ['背景及目的', ['background']],
    ['主要问题', ['problems']],
    ['存在问题', ['problems']],
    ['问题与挑战', ['problems']],
    ['下一步打算', ['plans']],
    ['下一步工作计划', ['plans']],
    ['未来展望', ['plans']],
    ['存在问题及下一步打算', ['problems', 'plans']],
    ['主要做法', ['practices']],
    ['创新亮点', ['practices']],
    ['组织实施', ['practices']],
    ['推进成效', ['results']],
    ['取得的成效', ['results']],
    ['主要成果', ['results']],
    ['经验启示', ['lessons']],
    ['经验与体会', ['lessons']],
    ['成效和经验', ['results', 'lessons']],
    ['成效及经验', ['results', 'lessons']],
    ['工作成效与经验', ['results', 'lessons']],
    ['主要做法与成效', ['practices', 'results']],
    ['经验做法', ['practices']],
    ['目标', ['other']],
    // Narrative headings name no kind.
    ['善于发现问题：贴近市民了解控烟需求', ['other']],
    ['工作背景 Background', ['background']],
    ['主要做法（Practices）', ['practices']],
    ['经验启示 Lessons Learned', ['lessons']],
  ] as const)('%s → %j', (heading, kinds) => {
    expect(classifyHeading(heading)).toEqual(kinds);
  });

  it.each([
    ['工作背景', true],
    ['经验启示', true],
    ['主要做法', true],
    ['工作成效', true],
    ['成效和经验', true],
    ['存在问题', true],
    ['下一步计划', true],
    ['未来展望', true],
    ['项目概述', true],
    ['成效与影响', true],
    ['几点体会', true],
    ['典型做法', true],
    ['思考与建议', true],
    ['工作背景 Background', true],
    ['取得成效 Results', true],
    ['经验体会（Lessons）', true],
    ['领导重视是前提', false],
    ['Background', false],
    ['探索了有效实施路径', false],
  ])('isKnownSectionName(%s) = %s', (text, known) => {
    expect(isKnownSectionName(text)).toBe(known);
  });
});
