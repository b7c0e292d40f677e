import type { CarryReport } from './carry.ts';
import type { Correction, Unfit } from './corrections.ts';
import type { OutlineView } from './view.ts';

/** Files added, as the loader and the corrections so far read them, before anything is written. */
export interface ImportPreview {
  draftId: string;
  /** One outline per file that loaded, in the order given. */
  documents: OutlineView[];
  /** Files that cannot be loaded, each with the reason (they are left out of the import). */
  errors: Array<{ file: string; message: string }>;
}

/** What one outline correction did to a project. */
export interface OutlineChange {
  view: OutlineView;
  correction: Correction;
  /** Every reviewer's annotations on the cases it changed: unchanged, moved, placed again, orphaned. */
  spans: CarryReport;
  added: string[];
  removed: string[];
  /** Cases whose text, sections or title changed (new and removed ones aside). */
  changed: string[];
  /** Where two scores of one reviewer met on one case (a merge): the case kept its own; the others are listed. */
  scoresSetAside: Array<{ reviewer: string; caseId: string; from: string[] }>;
}

/** What re-loading a document's source with the current loader (and its corrections) did. */
export interface ReloadReport {
  view: OutlineView;
  /** Corrections that no longer fit, with the reason; they stay in the list. */
  unfit: Unfit[];
  added: string[];
  /** Cases the loader no longer finds that no one had annotated: retired. */
  removed: string[];
  /** Cases the loader no longer finds that hold annotations: kept as they were. */
  kept: string[];
  /** Cases whose text changed: a new revision, annotations re-anchored to it. */
  revised: string[];
  /** Cases an editor revised since: their text was kept, only title, region and part follow the load. */
  editedKept: string[];
  unchanged: number;
}
