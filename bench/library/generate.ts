/**
 * A generated library for the scale benchmarks: the bundled corpus (87 real cases) as a project,
 * or a project of N cases made from it — each case two real case texts joined under a line of its
 * own (about 4,000 characters, so 5,000 cases hold about 20 MB of text), in documents of 100
 * cases with regions and parts — annotated by five reviewers with `annotations` spans in all
 * (500,000 at 5,000 cases), each with its quote, plus statuses and rubric scores. The files are
 * written in the project's own formats (as casebench writes them, read back through the store's
 * validation), without the durable-write ceremony, so that making 25,000 span shards takes
 * seconds, and each with the first backup casebench keeps of a file it writes. Deterministic: the same arguments make the same library.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../shared/anchor/index.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import { defaultRubric } from '../../shared/model/rubric.ts';
import type { CaseFile, CaseRecord, DocumentRecord, DocumentsFile, ReviewerCase, ReviewerFile, SpansFile } from '../../main/store/file-kinds.ts';
import { createProject } from '../../main/services/open-project.ts';
import { Backups } from '../../main/store/backups.ts';

export const REVIEWERS = ['reviewer-a', 'reviewer-b', 'reviewer-c', 'reviewer-d', 'reviewer-e'];
const LABELS = ['indicator', 'lesson', 'practice', 'innovation', 'policy', 'challenge'];
const REGIONS = ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区'];
const CASES_PER_DOCUMENT = 100;

let template: Promise<string> | null = null;

/** The bundled corpus as a project, made once per run (loading it takes the loader a few seconds). */
function corpusProject(): Promise<string> {
  template ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-library-')), 'corpus');
    const { service } = await createProject(dir, null, 'corpus');
    await service.store.flush();
    return dir;
  })();
  return template;
}

/** A deterministic random source (the same library every run). */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  return (k: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % k;
  };
}

/**
 * Every file's first backup, as casebench leaves a project it wrote (it keeps a copy of a file's
 * first version when it writes it, see backups.ts): without them a workbench's first read of
 * each file would make it, and the first open and first agreement measured would be a one-time
 * backing up of a project written by other means.
 */
async function firstBackups(dir: string): Promise<void> {
  const backups = new Backups(dir);
  const walk = async (folder: string): Promise<void> => {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.name.endsWith('.json')) await backups.ensureOne(path, readFileSync(path, 'utf8'));
    }
  };
  for (const f of ['casebench.json', 'schema.json', 'rubric.json']) await backups.ensureOne(join(dir, f), readFileSync(join(dir, f), 'utf8'));
  await walk(join(dir, 'corpus'));
  await walk(join(dir, 'reviews'));
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

export interface Library {
  dir: string;
  cases: number;
  annotations: number;
  /** Characters of case text in all. */
  characters: number;
  reviewers: string[];
}

/** Make a library of `cases` cases (87: the bundled corpus itself) with `annotations` spans over five reviewers. */
export async function generateLibrary(cases: number, annotations: number): Promise<Library> {
  const source = await corpusProject();
  const dir = join(mkdtempSync(join(tmpdir(), `casebench-library-${cases}-`)), 'p');
  mkdirSync(dir, { recursive: true });
  for (const f of ['casebench.json', 'schema.json', 'rubric.json', '.gitattributes']) cpSync(join(source, f), join(dir, f));
  mkdirSync(join(dir, 'corpus', 'cases'), { recursive: true });
  const corpus = readJson<DocumentsFile>(join(source, 'corpus', 'documents.json'));
  const templates = corpus.documents.flatMap((d) => d.caseIds).map((id) => readJson<CaseFile>(join(source, 'corpus', 'cases', `${id}.json`)).case);
  const now = new Date(Date.UTC(2026, 0, 1)).toISOString();

  let records: CaseRecord[];
  let documents: DocumentRecord[];
  if (cases === templates.length) {
    records = templates;
    documents = corpus.documents;
  } else {
    records = [];
    documents = [];
    for (let i = 0; i < cases; i++) {
      const d = Math.floor(i / CASES_PER_DOCUMENT);
      const documentId = `lib-${String(d + 1).padStart(3, '0')}`;
      if (!documents[d]) {
        documents[d] = { ...corpus.documents[0]!, id: documentId, file: `${documentId}.txt`, title: `典型案例汇编（第 ${d + 1} 辑）`, year: 2000 + (d % 26), source: null, importedAt: now, caseIds: [], warnings: [] };
      }
      const a = templates[i % templates.length]!;
      const b = templates[(i * 7 + 3) % templates.length]!;
      const id = `${documentId}-${String((i % CASES_PER_DOCUMENT) + 1).padStart(3, '0')}`;
      const head = `案例编号 LIB${String(i + 1).padStart(5, '0')}`;
      const aText = a.revisions.at(-1)!.text;
      const bText = b.revisions.at(-1)!.text;
      const text = `${head}\n${aText}\n${bText}`;
      const shift = (by: number) => (s: CaseRecord['revisions'][number]['sections'][number]) => ({ ...s, start: s.start + by, headingEnd: s.headingEnd + by, end: s.end + by });
      const sections = [...a.revisions.at(-1)!.sections.map(shift(head.length + 1)), ...b.revisions.at(-1)!.sections.map(shift(head.length + 1 + aText.length + 1))];
      records.push({
        ...a,
        id,
        documentId,
        ordinal: (i % CASES_PER_DOCUMENT) + 1,
        title: `${a.title}（${i + 1}）`,
        region: REGIONS[i % REGIONS.length]!,
        part: a.part,
        revisions: [{ ...a.revisions[0]!, revision: 0, text, sections, createdAt: now }],
      });
      documents[d]!.caseIds.push(id);
    }
  }
  writeFileSync(join(dir, 'corpus', 'documents.json'), JSON.stringify({ schemaVersion: 1, documents } satisfies DocumentsFile));
  for (const c of records) writeFileSync(join(dir, 'corpus', 'cases', `${c.id}.json`), JSON.stringify({ schemaVersion: 1, case: c } satisfies CaseFile));

  // Five reviewers, each with a shard per case and an index of statuses, scores and counts.
  const rnd = random(cases * 31 + annotations);
  const criteria = defaultRubric().criteria.map((c) => c.id);
  const perShard = annotations / (records.length * REVIEWERS.length);
  let made = 0;
  let characters = 0;
  for (const c of records) characters += c.revisions.at(-1)!.text.length;
  mkdirSync(join(dir, 'reviews'), { recursive: true });
  REVIEWERS.forEach((reviewer, r) => {
    mkdirSync(join(dir, 'reviews', `${reviewer}.spans`), { recursive: true });
    const index: Record<string, ReviewerCase> = {};
    records.forEach((c, k) => {
      const text = c.revisions.at(-1)!.text;
      // An even spread of `annotations` over the shards, whatever the division leaves.
      const count = Math.floor((k * REVIEWERS.length + r + 1) * perShard) - Math.floor((k * REVIEWERS.length + r) * perShard);
      const spans: SpanAnnotation[] = [];
      for (let i = 0; i < count; i++) {
        let start = rnd(Math.max(1, text.length - 12));
        // Never inside a surrogate pair (the store refuses such a boundary).
        if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start--;
        let end = Math.min(text.length, start + 2 + rnd(16));
        if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
        const label = LABELS[(made + i) % LABELS.length]!;
        spans.push({ id: `g${r}-${made + i}`, caseId: c.id, start, end, quote: makeQuote(text, start, end), label, fields: label === 'indicator' ? { value: (made + i) % 100, unit: '%' } : {}, note: '', reviewer, origin: 'manual', revision: 0, createdAt: now, updatedAt: now });
      }
      spans.sort((x, y) => x.start - y.start || x.end - y.end);
      made += count;
      writeFileSync(join(dir, 'reviews', `${reviewer}.spans`, `${c.id}.json`), JSON.stringify({ schemaVersion: 1, caseId: c.id, spans } satisfies SpansFile));
      const labelCounts: Record<string, number> = {};
      for (const s of spans) labelCounts[s.label] = (labelCounts[s.label] ?? 0) + 1;
      const status = (['todo', 'in-progress', 'done', 'done'] as const)[rnd(4)]!;
      const score = status === 'todo' ? undefined : { ratings: Object.fromEntries(criteria.map((id) => [id, 1 + rnd(5)])), evidence: {}, comment: '', recommendation: (['include', 'pending', 'exclude'] as const)[rnd(3)]!, updatedAt: now };
      index[c.id] = { status, ...(score ? { score } : {}), spanCount: spans.length, orphanCount: 0, labelCounts, ...(spans.length ? { spansRevision: 0 } : {}) };
    });
    writeFileSync(join(dir, 'reviews', `${reviewer}.json`), JSON.stringify({ schemaVersion: 1, reviewer, createdAt: now, cases: index } satisfies ReviewerFile));
  });
  await firstBackups(dir);
  return { dir, cases: records.length, annotations: made, characters, reviewers: REVIEWERS };
}
