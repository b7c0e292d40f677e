import type { ApiClient, MethodName } from '../../../shared/api/contract.ts';
import type { CaseDetail, SuggestionView } from '../../../shared/api/types.ts';

/** What opening a case fetches: the case as the reviewer sees it, and their suggestions on it. */
export interface OpenedCase {
  detail: CaseDetail;
  suggestions: SuggestionView | null;
}

/**
 * Calls that change nothing: they leave the cached cases as they are. Calls that change one case
 * (named by `caseId` in their input) drop that case only; any other call may have changed
 * anything (undo and redo, imports, outline corrections, another project) and drops them all.
 * A method missing from both lists counts as the last kind, so a new method is safe by default.
 */
const READS = new Set<MethodName>([
  'projectInfo', 'recentProjects', 'listCases', 'getCase', 'historyState', 'listRevisions', 'getRevisionText', 'sourceExcerpt', 'sourceFile',
  'listOrphans', 'getScores', 'ranking', 'ratingDistributions', 'agreement', 'getSuggestions', 'listLessons', 'compareReviewers', 'getCompendium',
  'getRubric', 'getSchema', 'search', 'exportStatus', 'stats', 'changesSince', 'listRevisionConflicts', 'listFileConflicts', 'loadProgress', 'getOutline',
]);
const ONE_CASE = new Set<MethodName>([
  'setCaseMeta', 'setCaseStatus', 'addSpan', 'updateSpan', 'deleteSpan', 'tagSection', 'reviseText', 'setScore', 'generateSuggestions', 'decideSuggestions', 'adjudicate',
]);

/** How a call leaves the cache: untouched, without one case, or empty. */
export function invalidation(method: MethodName, input: unknown): { kind: 'none' } | { kind: 'case'; caseId: string } | { kind: 'all' } {
  if (READS.has(method)) return { kind: 'none' };
  const caseId = (input as { caseId?: unknown } | null)?.caseId;
  if (ONE_CASE.has(method) && typeof caseId === 'string') return { kind: 'case', caseId };
  return { kind: 'all' };
}

/**
 * Cases fetched before they are opened — the next one in the navigator, the one the address
 * names while the list is still on its way — and the last ones left, so that moving between
 * cases shows the text at once instead of after a round trip. Each entry is for one view (the
 * reviewer, whether others' spans are shown). An entry is dropped when a call may have changed
 * its case, and a fetch that was under way then is not kept: what is served from here is never
 * older than the last change this window made. (Other writers' changes drop everything when the
 * store takes them in.)
 */
export class CaseCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every change: what was fetched before one may be older than what is shown after it. */
  private generation = 0;

  constructor(
    private readonly fetch: (caseId: string, view: string) => Promise<OpenedCase | null>,
    private readonly limit = 6,
  ) {}

  get version(): number {
    return this.generation;
  }

  /** Start fetching a case for this view, unless it is cached or on its way already. */
  prefetch(caseId: string, view: string): void {
    const key = keyOf(caseId, view);
    if (this.entries.has(key)) return;
    void this.keep(key, this.fetch(caseId, view).catch(() => null));
  }

  /** Keep a fetch started before the view was known (the case the address names, at start); resolves once it has arrived and is kept. */
  adopt(caseId: string, view: string, fetched: Promise<OpenedCase | null>): Promise<void> {
    return this.keep(keyOf(caseId, view), fetched);
  }

  /** Keep a case as it is shown now (the one being left), for coming back to it. */
  put(caseId: string, view: string, loaded: OpenedCase): void {
    void this.keep(keyOf(caseId, view), Promise.resolve(loaded), loaded);
  }

  /** The cached case for this view, or null. It stays cached (moving back and forth is common). */
  get(caseId: string, view: string): Promise<OpenedCase | null> | null {
    return this.entries.get(keyOf(caseId, view))?.fetched ?? null;
  }

  /**
   * The cached case when it has arrived already, or null: the caller can show it in the same
   * task (one render with whatever else changes then), without waiting a turn for a promise.
   */
  peek(caseId: string, view: string): OpenedCase | null {
    return this.entries.get(keyOf(caseId, view))?.value ?? null;
  }

  /** How long ago a cached case was fetched, in ms (Infinity when it is not cached). */
  age(caseId: string, view: string, now = Date.now()): number {
    const at = this.entries.get(keyOf(caseId, view))?.at;
    return at === undefined ? Number.POSITIVE_INFINITY : now - at;
  }

  /** Drop what a call may have changed (see `invalidation`). */
  changed(method: MethodName, input: unknown): void {
    const what = invalidation(method, input);
    if (what.kind === 'none') return;
    this.generation++;
    if (what.kind === 'all') return void this.entries.clear();
    for (const key of this.entries.keys()) if (key.startsWith(`${what.caseId}\u0000`)) this.entries.delete(key);
  }

  /** Everything may have changed (other writers' files were taken in). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private keep(key: string, fetched: Promise<OpenedCase | null>, value: OpenedCase | null = null): Promise<void> {
    const entry: Entry = { fetched, value, at: Date.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // The oldest go first (a Map keeps insertion order).
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    if (value) return Promise.resolve();
    return fetched.then((loaded) => {
      if (this.entries.get(key) !== entry) return;
      // A failed fetch is not kept: opening the case asks again (and shows why it fails).
      if (!loaded) this.entries.delete(key);
      else entry.value = loaded;
    });
  }
}

interface Entry {
  fetched: Promise<OpenedCase | null>;
  /** What the fetch gave, once it has arrived. */
  value: OpenedCase | null;
  /** When it was fetched (or kept). */
  at: number;
}

const keyOf = (caseId: string, view: string) => `${caseId}\u0000${view}`;

/**
 * The same client, telling the cache about every call once it is answered (and when it fails
 * too: a refused write may have changed part of what it touched).
 */
export function invalidatingClient(api: ApiClient, cache: CaseCache): ApiClient {
  const out: Record<string, unknown> = {};
  for (const [method, call] of Object.entries(api) as Array<[MethodName, (input: unknown) => Promise<unknown>]>) {
    if (READS.has(method)) {
      out[method] = call;
      continue;
    }
    out[method] = async (input: unknown) => {
      try {
        return await call(input);
      } finally {
        cache.changed(method, input);
      }
    };
  }
  return out as ApiClient;
}
