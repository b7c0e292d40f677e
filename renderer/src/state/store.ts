import { create } from 'zustand';
import type { ApiClient } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/api-error.ts';
import type { CaseDetail, CaseSummary, HistoryState, ProjectInfo, ReanchorReport, SuggestionView } from '../../../shared/api/types.ts';
import type { FieldValue, SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { LabelSchema } from '../../../shared/model/labels.ts';
import type { ReviewStatus } from '../../../shared/model/review.ts';
import type { Connection } from '../api/connect.ts';
import { caseInAddress } from '../api/first-requests.ts';
import { CaseCache, invalidatingClient, type OpenedCase } from './case-cache.ts';
import { withHistoryRefresh } from './history-refresh.ts';
import { unseenRecoveries } from './recovery-notes.ts';

export type Dialog = 'search' | 'export' | 'shortcuts' | 'project' | 'reviewer' | 'palette' | 'labels' | 'import' | 'import-new' | null;
export type SideTab = 'annotations' | 'suggestions' | 'indicators' | 'score' | 'meta' | 'revisions';
export type View = 'annotate' | 'ranking' | 'agreement' | 'compare' | 'compendium' | 'lessons';

export interface Filters {
  documentId?: string;
  part?: string;
  region?: string;
  label?: string;
  status?: ReviewStatus;
  /** Cases this reviewer has annotated (with status: cases this reviewer gave that status). */
  reviewer?: string;
}

export interface Notice {
  /** 'recovered': files the store repaired or set aside; shown under a heading, kept until dismissed. */
  kind: 'info' | 'error' | 'recovered';
  text: string;
}

/** How a revision went: saved, refused because someone revised the case meanwhile, or failed. */
export type ReviseOutcome = { ok: true } | { ok: false; conflict: boolean; message: string };

interface State {
  conn: Connection;
  info: ProjectInfo | null;
  schema: LabelSchema | null;
  cases: CaseSummary[];
  filters: Filters;
  caseId: string | null;
  detail: CaseDetail | null;
  /** Spans added but not yet confirmed by the service (shown at once, removed on failure). */
  pending: SpanAnnotation[];
  selectedSpanId: string | null;
  showOthers: boolean;
  /** Whether the reader paints every pending suggestion (false: only the one in focus); remembered in this browser. */
  showSuggestions: boolean;
  dialog: Dialog;
  view: View;
  sideTab: SideTab;
  history: HistoryState;
  notice: Notice | null;
  lastReport: ReanchorReport | null;
  /** Bumped when spans change from outside the span editor (undo, redo, reload): editors restart from the stored values. */
  editorEpoch: number;
  /** The open case's suggestions as the current reviewer sees them (null before any reviewer is chosen). */
  suggestions: SuggestionView | null;
  /** The suggestion the keys act on (the last one jumped to or clicked). */
  focusedSuggestionId: string | null;
  /** A text range to show (search hit, annotation in the list), consumed by the reader. */
  reveal: { start: number; end: number; select: boolean; nonce: number } | null;
  /** Bumped when other writers' changes to the project were taken in: views that hold what they read fetch it again. */
  changeEpoch: number;
  /** Conflicts waiting for a person: revision texts that did not become the case's, and copies file sync or git left. */
  syncConflicts: { revisions: number; files: number };
}

interface Actions {
  boot(): Promise<void>;
  refreshInfo(): Promise<void>;
  refreshCases(): Promise<void>;
  setFilters(f: Filters): Promise<void>;
  openCase(id: string, reveal?: { start: number; end: number; select?: boolean }): Promise<void>;
  reloadCase(): Promise<void>;
  setReviewer(name: string): Promise<void>;
  /** Rename a reviewer (their files go with the name); false, with the reason shown, when refused. */
  renameReviewer(from: string, to: string): Promise<boolean>;
  /** Remove a reviewer who has no work; false, with the reason shown, when refused. */
  removeReviewer(name: string): Promise<boolean>;
  addSpan(start: number, end: number, label: string): Promise<SpanAnnotation | null>;
  updateSpan(id: string, patch: { label?: string; fields?: Record<string, FieldValue>; note?: string; start?: number; end?: number }): Promise<void>;
  deleteSpan(id: string): Promise<void>;
  selectSpan(id: string | null): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  setStatus(status: ReviewStatus): Promise<void>;
  toggleOthers(): Promise<void>;
  setShowSuggestions(show: boolean): void;
  openDialog(d: Dialog): void;
  setView(v: View): void;
  setSideTab(t: SideTab): void;
  notify(n: Notice | null): void;
  run<T>(p: Promise<T>): Promise<T | null>;
  /** Save a new revision of the open case's text; on a conflict the case is reloaded (the caller keeps its draft). */
  revise(text: string, note: string): Promise<ReviseOutcome>;
  focusSuggestion(id: string | null): void;
  /** Scroll the reader to a range of the open case (and select it, if asked). */
  revealRange(start: number, end: number, select?: boolean): void;
  generateSuggestions(): Promise<void>;
  /** Accept or reject suggestions (one undoable step); accepted ones become the reviewer's spans. */
  decideSuggestions(decisions: Array<{ id: string; accept: boolean; fields?: Record<string, FieldValue> }>): Promise<void>;
  afterProjectSwitch(info: ProjectInfo): Promise<void>;
  /** Save an edited label schema; false (with the reason shown) when the service refuses it. */
  saveSchema(schema: LabelSchema): Promise<boolean>;
  /** Ask what other writers changed (on focus, and every few seconds while shown) and show it; `everything`: show all again (a conflict copy was kept). */
  checkExternalChanges(everything?: boolean): Promise<void>;
}

export type Store = State & Actions;

const SHOW_SUGGESTIONS_KEY = 'casebench-show-suggestions';
const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

/** A cached case fetched this recently is shown without asking again. */
const FRESH_MS = 1000;

/** How often a shown workbench asks what other writers changed. */
const EXTERNAL_CHECK_MS = 5000;

const noHistory: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
let tempIds = 0;

/** The UI's state and the actions that change it; every change goes through the typed API. */
export const createAppStore = (conn: Connection) =>
  create<Store>()((set, get) => {
    // The Undo and Redo buttons follow the service's history: after every call that can change
    // it (whichever component makes it, see history-refresh.ts) the state is fetched again, and
    // only the newest answer counts (an older one arriving late must not re-enable Redo).
    let historySeq = 0;
    const setHistory = (history: HistoryState) => {
      historySeq++;
      set({ history });
    };
    const refreshHistory = async () => {
      const seq = ++historySeq;
      try {
        const history = await conn.api.historyState({});
        if (seq === historySeq) set({ history });
      } catch {
        // The call that changed it reported any failure; the buttons keep their last state.
      }
    };
    // Cases fetched ahead of being opened (the next one) and the last ones left, each for one
    // view (who is annotating, whether others' spans are shown); whatever may change one drops it.
    const viewKey = (reviewer = get().info?.reviewer ?? null) => `${reviewer ?? ''}\u0000${get().showOthers ? 'all' : 'own'}`;
    const caseCache = new CaseCache((caseId, view) => fetchCase(caseId, view.endsWith('all'), false));
    const api: ApiClient = invalidatingClient(
      withHistoryRefresh(conn.api, () => void refreshHistory()),
      caseCache,
    );
    /**
     * A case and the reviewer's suggestions on it (none before someone is annotating: `annotating`
     * may be on its way, at start); failures are shown (`notify`) or taken as nothing.
     */
    const fetchCase = async (caseId: string, others: boolean, notify: boolean, annotating: boolean | Promise<boolean> = !!get().info?.reviewer): Promise<OpenedCase | null> => {
      const call = <T>(p: Promise<T>) => (notify ? get().run(p) : p.catch(() => null));
      const suggestions = Promise.resolve(annotating).then((yes) => (yes ? call(api.getSuggestions({ caseId })) : null));
      const [detail, mine] = await Promise.all([call(api.getCase({ caseId, reviewers: others ? 'all' : undefined })), suggestions]);
      return detail ? { detail, suggestions: mine } : null;
    };
    // Responses can arrive out of order: only the newest request for the case or the list counts.
    let caseSeq = 0;
    let listSeq = 0;
    // Undo and redo run one at a time, in the order the keys were pressed.
    let historyQueue: Promise<unknown> = Promise.resolve();
    const inOrder = (step: () => Promise<void>) => (historyQueue = historyQueue.then(step, step));
    // Suggestions are per reviewer: none until someone is annotating.
    // A span added, moved, relabelled or deleted changes which suggestions it covers: asked again.
    const refreshSuggestions = async (caseId: string) => {
      const view = await loadSuggestions(caseId);
      if (view && get().caseId === caseId) set({ suggestions: view });
    };
    const loadSuggestions = (caseId: string) => (get().info?.reviewer ? get().run(api.getSuggestions({ caseId })) : Promise.resolve(null));
    // Files the store repaired or set aside (when the project opened, or later when a case's
    // span file is first read): each note is shown once, whenever it first appears.
    const seenRecoveries = new Set<string>();
    const announceRecoveries = (info: ProjectInfo) => {
      const fresh = unseenRecoveries(info.recovered, seenRecoveries);
      if (fresh.length) {
        // New notes join the ones still on screen: each names a file set aside with someone's work.
        const shown = get().notice;
        const text = fresh.map((r) => r.message).join('\n');
        set({ notice: { kind: 'recovered', text: shown?.kind === 'recovered' ? `${shown.text}\n${text}` : text } });
      }
    };
    // Reading a case can set a span file aside: look for new notes after each case (re)load.
    const checkRecoveries = () => void get().refreshInfo();
    // Other writers on the project folder (another window, a teammate through file sync): what
    // changed is asked for when the window gets the focus or is shown again, and every few
    // seconds while it is shown.
    let externalSeq = 0;
    let watching = false;
    const watchExternalChanges = () => {
      if (watching || typeof window === 'undefined') return;
      watching = true;
      const check = () => void get().checkExternalChanges();
      window.addEventListener('focus', check);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
      setInterval(() => {
        if (document.visibilityState === 'visible') check();
      }, EXTERNAL_CHECK_MS);
    };

    return {
      conn: { ...conn, api },
      info: null,
      schema: null,
      cases: [],
      filters: {},
      caseId: null,
      detail: null,
      pending: [],
      selectedSpanId: null,
      showOthers: false,
      showSuggestions: storage()?.getItem(SHOW_SUGGESTIONS_KEY) !== 'hidden',
      dialog: null,
      view: 'annotate',
      sideTab: 'annotations',
      history: noHistory,
      notice: null,
      lastReport: null,
      editorEpoch: 0,
      reveal: null,
      suggestions: null,
      focusedSuggestionId: null,
      changeEpoch: 0,
      syncConflicts: { revisions: 0, files: 0 },

      async saveSchema(schema) {
        // Made from the schema shown: another writer's save since is merged with it, or refused.
        const base = get().schema;
        const saved = await get().run(api.setSchema({ schema, ...(base ? { base } : {}) }));
        if (!saved) {
          // Refused: the schema now in the project is shown (the notice says why).
          const now = await api.getSchema({}).catch(() => null);
          if (now) set({ schema: now });
          return false;
        }
        set({ schema: saved });
        return true;
      },

      async checkExternalChanges(everything = false) {
        let changes;
        try {
          changes = await conn.api.changesSince({ since: externalSeq });
        } catch {
          return; // the service is away (a restart): the next check asks again
        }
        externalSeq = changes.seq;
        if (everything) changes = { ...changes, complete: false };
        const { revisions, files } = get().syncConflicts;
        if (revisions !== changes.revisionConflicts || files !== changes.fileConflicts) set({ syncConflicts: { revisions: changes.revisionConflicts, files: changes.fileConflicts } });
        if (changes.complete && !changes.files.length) return;
        if (!changes.complete || changes.files.includes('schema.json')) {
          const schema = await api.getSchema({}).catch(() => null);
          if (schema && JSON.stringify(schema) !== JSON.stringify(get().schema)) set({ schema });
        }
        caseCache.clear();
        set({ changeEpoch: get().changeEpoch + 1 });
        await Promise.all([get().refreshInfo(), get().refreshCases()]);
        // The open case when its text or anyone's work on it changed (its files name it).
        const id = get().caseId;
        if (id && (!changes.complete || changes.files.some((f) => f.endsWith(`/${id}.json`) || /^reviews\/[^/]+\.json$/.test(f)))) await get().reloadCase();
      },

      async run(p) {
        try {
          return await p;
        } catch (e) {
          const text = e instanceof ApiError || e instanceof Error ? e.message : String(e);
          set({ notice: { kind: 'error', text } });
          return null;
        }
      },

      async boot() {
        watchExternalChanges();
        // Everything the first screen needs is asked for at once, the case the address names
        // included (before the list says it exists): one round trip to the text, not five (and
        // the page's first script sent these already, see api/first-requests.ts).
        const named = caseInAddress();
        const asked = api.projectInfo({});
        const early = named ? fetchCase(named, false, false, asked.then((i) => !!i.reviewer, () => false)) : null;
        // A reloaded page finds the history the service kept (Ctrl+Z works: so must the button).
        void refreshHistory();
        const [info, schema, cases] = await Promise.all([asked, api.getSchema({}), get().run(api.listCases(get().filters))]);
        const first = (named && cases?.find((c) => c.id === named)?.id) || cases?.[0]?.id;
        // Shown together with the case: one render of the whole screen, not one per answer.
        if (first) await caseCache.adopt(first, viewKey(info.reviewer), first === named && early ? early : fetchCase(first, false, false));
        set({ info, schema, cases: cases ?? [], dialog: info.reviewer ? null : 'reviewer' });
        announceRecoveries(info);
        if (first) await get().openCase(first);
      },

      async refreshInfo() {
        const info = await get().run(api.projectInfo({}));
        if (!info) return;
        // Unchanged (the usual case): keep the object, so nothing re-renders for nothing.
        if (JSON.stringify(info) !== JSON.stringify(get().info)) set({ info });
        announceRecoveries(info);
      },

      async afterProjectSwitch(info) {
        // Another project: its own log of other writers' changes.
        externalSeq = 0;
        set({ info, schema: await api.getSchema({}), caseId: null, detail: null, filters: {}, selectedSpanId: null, pending: [], dialog: info.reviewer ? null : 'reviewer' });
        announceRecoveries(info);
        await get().refreshCases();
        const first = get().cases[0]?.id;
        if (first) await get().openCase(first);
        // Another project, another history (whoever made the switch).
        void refreshHistory();
      },

      async refreshCases() {
        const seq = ++listSeq;
        const cases = await get().run(api.listCases(get().filters));
        if (cases && seq === listSeq) set({ cases });
      },

      async setFilters(filters) {
        set({ filters });
        await get().refreshCases();
      },

      async openCase(id, reveal) {
        const seq = ++caseSeq;
        const view = viewKey();
        const version = caseCache.version;
        const cached = caseCache.get(id, view);
        const age = caseCache.age(id, view);
        // Arrived already (fetched ahead): shown in this very task, with no turn in between.
        const loaded = caseCache.peek(id, view) ?? ((cached && (await cached)) || (await fetchCase(id, get().showOthers, true)));
        if (!loaded || seq !== caseSeq) return;
        const { detail, suggestions } = loaded;
        // The case left is kept as shown, for coming back to it.
        const left = get().detail;
        if (left && left.summary.id !== id) caseCache.put(left.summary.id, view, { detail: left, suggestions: get().suggestions });
        set({
          caseId: id,
          detail,
          suggestions,
          focusedSuggestionId: null,
          pending: [],
          selectedSpanId: null,
          reveal: reveal ? { ...reveal, select: reveal.select ?? true, nonce: Date.now() } : null,
        });
        history.replaceState(null, '', `#/case/${encodeURIComponent(id)}`);
        checkRecoveries();
        // The next case in the navigator, fetched now so that Alt+↓ shows it at once.
        const list = get().cases;
        const next = list[list.findIndex((c) => c.id === id) + 1];
        if (next) caseCache.prefetch(next.id, view);
        // Served from a cache entry that is not brand new: asked again, and shown if it differs
        // and nothing changed meanwhile (another writer's change the store has not taken in yet).
        if (cached && age > FRESH_MS) {
          void fetchCase(id, view.endsWith('all'), false).then((fresh) => {
            if (fresh && seq === caseSeq && version === caseCache.version && JSON.stringify(fresh) !== JSON.stringify({ detail, suggestions })) set({ detail: fresh.detail, suggestions: fresh.suggestions });
          });
        }
      },

      async reloadCase() {
        const id = get().caseId;
        if (!id) return;
        const seq = ++caseSeq;
        const [detail, suggestions] = await Promise.all([get().run(api.getCase({ caseId: id, reviewers: get().showOthers ? 'all' : undefined })), loadSuggestions(id)]);
        if (detail && seq === caseSeq) set({ detail, suggestions, pending: [], editorEpoch: get().editorEpoch + 1 });
        checkRecoveries();
      },

      async setReviewer(name) {
        const info = await get().run(api.setReviewer({ name }));
        if (!info) return;
        // Another reviewer's work starts from nothing in focus: suggestion ids come from the text,
        // so the one the last reviewer had in focus (and their caret) would be where N went on from.
        set({ info, dialog: null, focusedSuggestionId: null, selectedSpanId: null });
        if (typeof document !== 'undefined') document.getSelection()?.removeAllRanges();
        await Promise.all([get().refreshCases(), get().reloadCase()]);
      },

      async renameReviewer(from, to) {
        const info = await get().run(api.renameReviewer({ from, to }));
        if (!info) return false;
        set({ info });
        await Promise.all([get().refreshCases(), get().reloadCase()]);
        return true;
      },

      async removeReviewer(name) {
        const info = await get().run(api.removeReviewer({ name }));
        if (!info) return false;
        set({ info });
        await get().refreshCases();
        return true;
      },

      async addSpan(start, end, label) {
        const { detail, info } = get();
        if (!detail || !info?.reviewer || end <= start) return null;
        const now = new Date().toISOString();
        const temp: SpanAnnotation = {
          id: `pending-${++tempIds}`,
          caseId: detail.summary.id,
          start,
          end,
          quote: { exact: detail.text.slice(start, end), prefix: '', suffix: '' },
          label,
          fields: {},
          note: '',
          reviewer: info.reviewer,
          origin: 'manual',
          revision: detail.revision,
          createdAt: now,
          updatedAt: now,
        };
        set({ pending: [...get().pending, temp] });
        const span = await get().run(api.addSpan({ caseId: detail.summary.id, start, end, label, quote: temp.quote.exact }));
        const current = get().detail;
        const pending = get().pending.filter((p) => p.id !== temp.id);
        if (!span || !current || current.summary.id !== span.caseId) {
          set({ pending });
          return null;
        }
        // One update: the confirmed span replaces the pending one without a frame in between.
        set({ pending, detail: { ...current, spans: [...current.spans, span].sort((a, b) => a.start - b.start || a.end - b.end) }, selectedSpanId: span.id });
        void get().refreshCases();
        void refreshSuggestions(span.caseId);
        return span;
      },

      async updateSpan(id, patch) {
        const detail = get().detail;
        if (!detail) return;
        const span = await get().run(api.updateSpan({ caseId: detail.summary.id, id, ...patch }));
        if (!span) return;
        const current = get().detail!;
        set({ detail: { ...current, spans: current.spans.map((s) => (s.id === id ? span : s)) } });
        if (patch.label || patch.start !== undefined || patch.end !== undefined) void refreshSuggestions(span.caseId);
      },

      async deleteSpan(id) {
        const detail = get().detail;
        if (!detail) return;
        const done = await get().run(api.deleteSpan({ caseId: detail.summary.id, id }));
        if (!done) return;
        const current = get().detail!;
        set({ detail: { ...current, spans: current.spans.filter((s) => s.id !== id) }, selectedSpanId: null });
        void get().refreshCases();
        void refreshSuggestions(detail.summary.id);
      },

      selectSpan(id) {
        set({ selectedSpanId: id });
      },

      undo() {
        return inOrder(async () => {
          const r = await get().run(api.undo({}));
          if (!r) return;
          setHistory(r);
          if (r.caseId && r.caseId !== get().caseId) await get().openCase(r.caseId);
          else await get().reloadCase();
          void get().refreshCases();
        });
      },

      redo() {
        return inOrder(async () => {
          const r = await get().run(api.redo({}));
          if (!r) return;
          setHistory(r);
          if (r.caseId && r.caseId !== get().caseId) await get().openCase(r.caseId);
          else await get().reloadCase();
          void get().refreshCases();
        });
      },

      async setStatus(status) {
        const id = get().caseId;
        if (!id) return;
        if ((await get().run(api.setCaseStatus({ caseId: id, status }))) === null) return;
        await Promise.all([get().refreshCases(), get().reloadCase()]);
      },

      async toggleOthers() {
        set({ showOthers: !get().showOthers });
        await get().reloadCase();
      },

      setShowSuggestions(showSuggestions) {
        storage()?.setItem(SHOW_SUGGESTIONS_KEY, showSuggestions ? 'shown' : 'hidden');
        // Hidden: the one in focus stays painted, so hiding starts with none in focus.
        set(showSuggestions ? { showSuggestions } : { showSuggestions, focusedSuggestionId: null });
      },

      openDialog(dialog) {
        set({ dialog });
      },

      setView(view) {
        set({ view });
      },

      setSideTab(sideTab) {
        set({ sideTab });
      },

      notify(notice) {
        // A passing hint does not push away a note about repaired files (it stays until dismissed).
        if (notice?.kind === 'info' && get().notice?.kind === 'recovered') return;
        set({ notice });
      },

      focusSuggestion(id) {
        set({ focusedSuggestionId: id });
      },

      revealRange(start, end, select = false) {
        set({ reveal: { start, end, select, nonce: Date.now() } });
      },

      async generateSuggestions() {
        const id = get().caseId;
        if (!id) return;
        const view = await get().run(api.generateSuggestions({ caseId: id }));
        if (view && get().caseId === id) set({ suggestions: view });
      },

      async decideSuggestions(decisions) {
        const id = get().caseId;
        if (!id || !decisions.length) return;
        const r = await get().run(api.decideSuggestions({ caseId: id, decisions }));
        if (!r || get().caseId !== id) return;
        set({ suggestions: r.view });
        await Promise.all([get().reloadCase(), get().refreshCases()]);
      },

      async revise(text, note) {
        const detail = get().detail;
        // (The form that calls this is only shown with a case open.)
        if (!detail) return { ok: false, conflict: false, message: '' };
        let report: ReanchorReport;
        try {
          report = await api.reviseText({ caseId: detail.summary.id, text, note, baseRevision: detail.revision });
        } catch (e) {
          // The caller keeps the form and the edited text, and says what went wrong.
          const conflict = e instanceof ApiError && e.code === 'conflict';
          // Someone revised it meanwhile: show their version (the reader, the diff), so the editor can compare.
          if (conflict) await get().reloadCase();
          return { ok: false, conflict, message: e instanceof Error ? e.message : String(e) };
        }
        set({ lastReport: report });
        await Promise.all([get().reloadCase(), get().refreshCases()]);
        return { ok: true };
      },
    };
  });

export type AppStore = ReturnType<typeof createAppStore>;
