import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabelSchema } from '../../shared/model/labels.ts';
import { openProject } from '../services/open-project.ts';
import { caseText, newsProject, run, scratch, snapshot, utf16 } from './cli.fixture.ts';

afterEach(() => vi.restoreAllMocks());

async function schemaOf(dir: string): Promise<LabelSchema> {
  return JSON.parse((await run(['schema', dir, '--json'])).out) as LabelSchema;
}

describe('casebench schema', () => {
  it('prints each label with its names, hotkey, cue and fields, and the same as JSON', async () => {
    const dir = await newsProject();
    const r = await run(['schema', dir]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^indicator {2}指标 \/ Indicator {2}key 1 {2}cue solid {2}glyph 数 {2}colour #ffd54f$/m);
    expect(r.out).toMatch(/^ {4}value {2}\S+ \/ Value {2}number$/m);
    expect(r.out).toMatch(/^ {4}direction {2}\S+ \/ Direction {2}choice: up \| down \| none$/m);
    expect(r.out).toMatch(/^practice {2}主要做法 \/ Practice {2}key 3 .*\n {4}fields: —$/m);
    const json = await schemaOf(dir);
    expect(json.labels.map((l) => l.id)).toEqual(['indicator', 'lesson', 'practice', 'innovation', 'policy', 'challenge']);
  });

  it.each([
    ['as printed by --json', (s: LabelSchema) => Buffer.from(JSON.stringify(s, null, 2))],
    ['as an API payload, in UTF-16', (s: LabelSchema) => utf16(JSON.stringify({ schema: s }))],
  ])('--set replaces the schema from a file %s', async (_how, encode) => {
    const dir = await newsProject();
    const schema = await schemaOf(dir);
    schema.labels[0]!.name.zh = '量化指标';
    schema.labels.push({ id: 'target', name: { zh: '目标', en: 'Target' }, color: '#123456', cue: 'solid', glyph: '标', hotkey: '7', fields: [] });
    const file = join(scratch(), 'schema.json');
    writeFileSync(file, encode(schema));
    const r = await run(['schema', dir, '--set', file]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('updated the label schema: 7 labels (added target)\n');
    expect(r.out).toMatch(/^indicator {2}量化指标 \/ Indicator/m);
    expect(r.out).toMatch(/^target {2}目标 \/ Target {2}key 7/m);
    expect((await schemaOf(dir)).labels).toHaveLength(7);
  });

  it.each<[string, (s: LabelSchema) => string, RegExp]>([
    ['malformed JSON', () => '{"labels": [', /schema\.json: not valid JSON \(/],
    ['an empty file', () => '', /schema\.json: file is empty/],
    ['a list instead of a schema', (s) => JSON.stringify(s.labels), /setSchema: schema: /],
    ['a hotkey the reader uses', (s) => JSON.stringify({ labels: s.labels.map((l, i) => (i ? l : { ...l, hotkey: 'n' })) }), /setSchema: schema: a label hotkey may not be one of the reader's keys/],
    ['two labels with one id', (s) => JSON.stringify({ labels: [...s.labels, { ...s.labels[0]!, hotkey: '9' }] }), /label ids must be unique/],
    ['a bad colour', (s) => JSON.stringify({ labels: s.labels.map((l, i) => (i ? l : { ...l, color: 'red' })) }), /setSchema: schema\.labels\.0\.color: /],
    ['removing a label in use', (s) => JSON.stringify({ labels: s.labels.filter((l) => l.id !== 'lesson') }), /cannot remove label "lesson" \(1 annotations\): relabel, edit or delete those annotations first/],
  ])('--set refuses %s with one line, changing nothing', async (_what, content, message) => {
    const dir = await newsProject();
    const alice = await openProject(dir, 'alice');
    const at = caseText(dir, 'newspaper-healthy-china-01').text.indexOf('出生缺陷');
    await alice.handlers.addSpan({ caseId: 'newspaper-healthy-china-01', start: at, end: at + 4, label: 'lesson' });
    await alice.store.flush();
    const file = join(scratch(), 'schema.json');
    writeFileSync(file, content(await schemaOf(dir)));
    const before = snapshot(dir);
    const r = await run(['schema', dir, '--set', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--set names a missing file', async () => {
    const dir = await newsProject();
    const before = readFileSync(join(dir, 'schema.json'));
    const r = await run(['schema', dir, '--set', join(dir, 'nope.json')]);
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/nope\.json: no such file/) });
    expect(readFileSync(join(dir, 'schema.json'))).toEqual(before);
  });
});
