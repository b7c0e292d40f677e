import { statSync } from 'node:fs';
import type { ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { agreementReport, type AgreementCase, type AgreementInput, type AgreementReport } from '../../shared/agreement/report.ts';
import type { CaseScore } from '../../shared/model/scoring.ts';
import type { CaseSections, ReviewStatus } from '../../shared/model/review.ts';
import type { CaseRecord } from '../store/file-kinds.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { CONSENSUS } from './compendium.ts';
import type { RevisionChain } from './revision-chain.ts';

/** What the agreement needs from the project service: its store, and the chain that carries spans to the current text. */
export interface AgreementSource {
  store: ProjectStore;
  chain: RevisionChain;
  now(): string;
}

/** How far the agreement has got: span shards read of those to read (then the figures, in one go). */
export type AgreementProgress = (done: number, total: number) => void;

/** Shards read at once: enough to keep the disk busy, few enough not to hold many files' text at a time. */
const READ_AHEAD = 16;

type AgreementSpan = AgreementInput['spans'][number];

/**
 * Of each shard read for an agreement (and not open in the process), what the figures use, with
 * the version of the file it came from and the case revision it was carried to: the next
 * agreement reads again only the shards whose file or case changed since — a stat each, where
 * reading and checking them all again took seconds in a library of thousands of cases. Kept
 * per store, as long as the store is.
 */
interface ReadShard {
  ino: number;
  size: number;
  mtimeMs: number;
  revision: number;
  spans: PackedSpans;
}
const readShards = new WeakMap<ProjectStore, Map<string, ReadShard>>();
/** The same for shards open in the process, by their list of spans. */
const fromOpen = new WeakMap<readonly unknown[], { revision: number; spans: PackedSpans }>();

/**
 * A shard's placed spans as kept between agreements: four numbers a span in one typed array (its
 * start, end, revision and label, an index into one table of label ids; one array a shard, as
 * each array costs a hundred-odd bytes of its own). The case and the reviewer are the shard's.
 * Orphans are not kept: the report leaves them out (they have no place to compare). Kept as
 * objects, the 500,000 spans of a large library held about 60 MB, a good part of a workbench's memory.
 */
interface PackedSpans {
  caseId: string;
  reviewer: string;
  /** start, end, revision, label; start, end, revision, label; … */
  spans: Int32Array;
}
const FIELDS = 4;

/** Label ids by index, for PackedSpans (a project has a handful; a span of an unknown label keeps its id too). */
const labelTable: string[] = [];
const labelIndex = new Map<string, number>();
function labelNumber(label: string): number {
  let i = labelIndex.get(label);
  if (i === undefined) {
    i = labelTable.push(label) - 1;
    labelIndex.set(label, i);
  }
  return i;
}

function pack(reviewer: string, caseId: string, spans: readonly AgreementSpan[]): PackedSpans {
  const placed = spans.filter((s) => !s.orphan);
  const packed = new Int32Array(placed.length * FIELDS);
  placed.forEach((s, i) => {
    const at = i * FIELDS;
    packed[at] = s.start;
    packed[at + 1] = s.end;
    packed[at + 2] = s.revision;
    packed[at + 3] = labelNumber(s.label);
  });
  return { caseId, reviewer, spans: packed };
}

/** The spans of `packed` as the report takes them, added to `out`. */
function unpackInto({ caseId, reviewer, spans }: PackedSpans, out: AgreementSpan[]): void {
  for (let i = 0; i < spans.length; i += FIELDS) {
    out.push({ caseId, start: spans[i]!, end: spans[i + 1]!, revision: spans[i + 2]!, label: labelTable[spans[i + 3]!]!, reviewer });
  }
}

/** A shard's spans as the agreement uses them: from memory when the file and the case are as they were. */
async function shardSpans(source: AgreementSource, reviewer: string, c: CaseRecord, now: string): Promise<PackedSpans> {
  const { store } = source;
  const revision = c.revisions.length - 1;
  const forward = async () => pack(reviewer, c.id, source.chain.forward(c, await store.spansForReading(reviewer, c.id), now).spans);
  // Open here: current in memory (with this process's own edits); what the figures use is kept
  // while the shard's list is the same one (a write replaces it) at the same revision.
  if (store.hasOpenShard(reviewer, c.id)) {
    const stored = await store.spansForReading(reviewer, c.id);
    const seen = fromOpen.get(stored);
    if (seen?.revision === revision) return seen.spans;
    const spans = pack(reviewer, c.id, source.chain.forward(c, stored, now).spans);
    fromOpen.set(stored, { revision, spans });
    return spans;
  }
  let kept = readShards.get(store);
  if (!kept) readShards.set(store, (kept = new Map()));
  const key = `${reviewer}\u0000${c.id}`;
  // Taken before reading: a write in between shows as a change next time.
  // (At once, not through the thread pool: tens of thousands of stats that way took seconds.)
  const info = statSync(store.shardPath(reviewer, c.id), { throwIfNoEntry: false }) ?? null;
  const before = kept.get(key);
  if (before && info && before.ino === info.ino && before.size === info.size && before.mtimeMs === info.mtimeMs && before.revision === revision) return before.spans;
  const spans = await forward();
  if (info) kept.set(key, { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, revision, spans });
  else kept.delete(key);
  return spans;
}

/**
 * The committee's agreement over a set of cases (all by default; or chosen by id, part or
 * document), between the reviewers asked about — by default every reviewer but the consensus,
 * which is made from them. Of those, the report counts as raters only who covered at least one of
 * the chosen cases (a user who only adjudicated, or a member assigned other cases, is listed as
 * idle), and it compares each pair and pools unitizing alpha on the cases two or more covered.
 *
 * Over a library of thousands of cases it reads the shards a few at a time, keeps of each span
 * only what the figures use (not its quote and fields), does not keep the shards open, reads
 * again next time only what changed (see ReadShard), and tells `onProgress` how far it has got.
 */
export async function agreement(source: AgreementSource, input: ParsedInputOf<'agreement'>, onProgress?: AgreementProgress): Promise<AgreementReport> {
  const { store } = source;
  const known = new Set(store.caseIds);
  const unknown = (input.caseIds ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new ApiError('not-found', `no case ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''} in this project`);
  const reviewers = [...new Set(input.reviewers ?? store.reviewers.filter((r) => r !== CONSENSUS))];
  const missing = reviewers.filter((r) => !store.reviewers.includes(r));
  if (missing.length) throw new ApiError('not-found', `no reviewer ${missing.join(', ')} in this project`);
  const chosen = (input.caseIds ?? store.caseIds)
    .map((id) => store.getCase(id)!)
    .filter((c) => (!input.part || c.part === input.part) && (!input.documentId || c.documentId === input.documentId));

  const cases: AgreementCase[] = [];
  const shards: Array<{ reviewer: string; caseIndex: number }> = [];
  for (const c of chosen) {
    const latest = c.revisions[c.revisions.length - 1]!;
    const status: Record<string, ReviewStatus> = {};
    const scores: Record<string, CaseScore | undefined> = {};
    const sections: Record<string, CaseSections | undefined> = {};
    for (const r of reviewers) {
      const rc = store.reviewerCase(r, c.id);
      status[r] = rc?.status ?? 'todo';
      scores[r] = rc?.score;
      sections[r] = rc?.sections;
      // Only shards that hold spans are read (and carried to the current revision).
      if (rc && rc.spanCount + rc.orphanCount > 0) shards.push({ reviewer: r, caseIndex: cases.length });
    }
    cases.push({ id: c.id, title: c.title, length: latest.text.length, revision: latest.revision, status, scores, sections });
  }

  const spans: AgreementSpan[] = [];
  let done = 0;
  onProgress?.(0, shards.length);
  const now = source.now();
  for (let next = 0; next < shards.length; next += READ_AHEAD) {
    const batch = await Promise.all(shards.slice(next, next + READ_AHEAD).map(({ reviewer, caseIndex }) => shardSpans(source, reviewer, chosen[caseIndex]!, now)));
    for (const packed of batch) unpackInto(packed, spans);
    done += batch.length;
    onProgress?.(done, shards.length);
  }
  return agreementReport({ rubric: store.rubric, labels: store.schema.labels.map((l) => l.id), reviewers, cases, spans, coverage: input.coverage ?? 'done' });
}
