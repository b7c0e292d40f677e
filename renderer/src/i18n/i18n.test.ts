import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { SECTION_KINDS } from '../../../shared/model/sections.ts';
import { REVIEW_STATUSES } from '../../../shared/model/review.ts';
import { RECOMMENDATIONS } from '../../../shared/model/scoring.ts';
import { FORMAT_IDS } from '../../../shared/export/catalog.ts';
import { OUTLINE_ACTIONS, SECTION_ACTIONS } from '../lib/history-label.ts';
import { DOCUMENT_SHAPES } from '../../../shared/model/document.ts';
import { READING_CHOICES, UNFIT_REASONS } from '../../../shared/outline/index.ts';
import { shortcutSheet, SHORTCUT_GROUPS } from '../lib/shortcuts.ts';
import { VIEWS } from '../state/views.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : []));
}

const lookup = (messages: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages);

describe('interface text', () => {
  const keys = new Set<string>();
  for (const file of sources(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) keys.add(m[1]!);
  }
  // Keys built from values: one per status, kind and origin.
  for (const s of REVIEW_STATUSES) keys.add(`status.${s}`);
  for (const k of SECTION_KINDS) keys.add(`kinds.${k}`);
  for (const r of RECOMMENDATIONS) keys.add(`recommendation.${r}`);
  for (const v of ['annotate', 'ranking', 'compare', 'compendium', 'lessons']) keys.add(`views.${v}`);
  for (const k of ['match', 'missing', 'boundary', 'label', 'fields']) keys.add(`compare.kinds.${k}`);
  for (const tab of ['annotations', 'score', 'meta', 'revisions']) keys.add(`panel.${tab}`);
  for (const f of ['docx', 'md']) keys.add(`compendium.export.${f}`);
  for (const f of FORMAT_IDS) keys.add(`export.formats.${f}`);
  for (const v of VIEWS) keys.add(`views.${v}`);
  for (const k of ['addSpan', 'addSpanLabelled', 'editSpan', 'editSpanLabelled', 'deleteSpan', 'editMeta', 'dropOrphan', 'placeOrphan', 'score', 'adjudicate', 'acceptSuggestion', 'rejectSuggestion', 'decideSuggestions', 'importSpans']) keys.add(`history.${k}`);
  for (const a of SECTION_ACTIONS) keys.add(`history.section.${a}`);
  // The outline corrections' steps, shapes, readings, reasons and severities.
  for (const a of OUTLINE_ACTIONS) keys.add(`history.outline.${a}`).add(`structure.op.${a}`);
  for (const s of DOCUMENT_SHAPES) keys.add(`structure.shapes.${s}`);
  for (const r of READING_CHOICES) keys.add(`structure.readings.${r}`);
  for (const r of UNFIT_REASONS) keys.add(`structure.unfit.${r}`);
  for (const s of ['warning', 'info']) keys.add(`structure.severity.${s}`);
  for (const g of SHORTCUT_GROUPS) keys.add(`shortcuts.groups.${g}`);
  for (const [, rows] of shortcutSheet('Ctrl', [], VIEWS)) for (const r of rows) keys.add(`shortcuts.keys.${r.what}`);

  it('uses keys that exist in Chinese and in English', () => {
    expect(keys.size).toBeGreaterThan(100);
    // A key with a count may exist as plural forms (key_one, key_other) instead.
    const has = (messages: object, k: string) => typeof lookup(messages, k) === 'string' || typeof lookup(messages, `${k}_other`) === 'string';
    const missing = [...keys].flatMap((k) => [has(zhCN, k) ? [] : [`zh-CN:${k}`], has(en, k) ? [] : [`en:${k}`]].flat());
    expect(missing).toEqual([]);
  });

  it('keeps the interpolation placeholders of every message in both languages', () => {
    const walk = (zh: object, other: object, path: string[] = []): string[] =>
      Object.entries(zh).flatMap(([k, v]) => {
        const o = (other as Record<string, unknown>)[k];
        if (typeof v === 'string') {
          const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
          return vars(v) === vars(String(o)) ? [] : [[...path, k].join('.')];
        }
        return walk(v as object, o as object, [...path, k]);
      });
    expect(walk(zhCN, en)).toEqual([]);
  });

  it('has no Chinese or English sentences written straight into components', () => {
    const offenders: string[] = [];
    for (const file of sources(join(SRC, 'components'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // JSX text between tags with two or more letters or ideographs.
          if (/>\s*[^<>{}]*[\p{Script=Han}]{2,}[^<>{}]*\s*</u.test(line) || /(aria-label|title|placeholder)="[^"]*[\p{L}]{3,}/u.test(line)) offenders.push(`${file.split('/').pop()}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('has no Chinese characters or full-width punctuation in .tsx code outside comments', () => {
    // "Reviewer：li.si", "2020年", "个百分点" in the English interface: every such literal
    // belongs in the message files (a separator too: app.labelled).
    const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
    // What is not interface text: input parsing, which accepts the Chinese commas people type
    // between choices whatever the interface language.
    const allowed: Array<[string, string]> = [['LabelSchemaEditor.tsx', '.split(/[,，、]/)']];
    const offenders: string[] = [];
    for (const file of sources(SRC).filter((f) => f.endsWith('.tsx'))) {
      const name = file.split('/').pop()!;
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (CJK.test(line) && !allowed.some(([f, piece]) => f === name && line.includes(piece))) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('has English plurals wherever a count is followed by a counted noun', () => {
    // "({{count}} cases, …)" reads "1 cases": such a message needs key_one and key_other.
    const walk = (o: object, path: string[] = []): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? (/_(one|other)$/.test(k) || !/\{\{count\}\} [a-z]+s\b/.test(v) ? [] : [[...path, k].join('.')]) : walk(v as object, [...path, k])));
    expect(walk(en)).toEqual([]);
  });

  it.each([
    ['compendium.confirmPropose', 1, '(1 case,'],
    ['compendium.confirmPropose', 3, '(3 cases,'],
  ])('says %s with %i in English as "%s"', async (key, count, expected) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t(key, { count })).toContain(expected);
  });

  it.each([
    ['// 中文 line comment', ''],
    ['const a = 1; // 中文 after code', 'const a = 1;'],
    ['{/* 中文 in JSX */}', '{}'],
    ['/** 中文\n * block */\nx', '\n\nx'],
    ["const url = 'http://例子';", "const url = 'http://例子';"],
  ])('strips comments, keeping lines and code: %s', (source, expected) => {
    expect(withoutComments(source).trimEnd()).toBe(expected);
  });
});

/** Source without its comments (block, JSX and line comments), line numbers kept. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) => line.replace(/(^|\s)\/\/.*$/, ''))
    .join('\n');
}
