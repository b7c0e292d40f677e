import type { ApiClient, MethodName } from '../../../shared/api/contract.ts';

/**
 * Which API calls can change the reviewer's undo history (push a step, or switch to another
 * reviewer's or project's history). A Record over every method, so that a method added to the
 * contract does not compile until someone decides. Undo and redo answer with the new state
 * themselves; reads (and the export progress poll) never change it.
 */
export const CHANGES_HISTORY: Record<MethodName, boolean> = {
  projectInfo: false,
  recentProjects: false,
  openProject: true,
  createProject: true,
  chooseFolder: false,
  setReviewer: true,
  // The reviewer's history goes with their old name.
  renameReviewer: true,
  removeReviewer: true,
  listCases: false,
  getCase: false,
  setCaseMeta: true,
  setCaseStatus: true,
  addSpan: true,
  updateSpan: true,
  deleteSpan: true,
  tagSection: true,
  undo: false,
  redo: false,
  historyState: false,
  reviseText: true,
  listRevisions: false,
  getRevisionText: false,
  sourceExcerpt: false,
  sourceFile: false,
  listOrphans: false,
  resolveOrphan: true,
  setScore: true,
  getScores: false,
  ranking: false,
  ratingDistributions: false,
  agreement: false,
  getSuggestions: false,
  generateSuggestions: false,
  decideSuggestions: true,
  listLessons: false,
  exportLessons: false,
  compareReviewers: false,
  adjudicate: true,
  getCompendium: false,
  proposeCompendium: false,
  setCompendium: false,
  exportCompendium: false,
  getRubric: false,
  setRubric: false,
  getSchema: false,
  setSchema: false,
  search: false,
  startExport: false,
  exportStatus: false,
  importAnnotations: true,
  stats: false,
  changesSince: false,
  listRevisionConflicts: false,
  listFileConflicts: false,
  // Keeping a copy replaces a file under the undo history's feet: it is asked for again.
  resolveFileConflict: true,
  // Applying one is a revision: the case's steps are dropped from the undo history.
  resolveRevisionConflict: true,
  previewImport: false,
  loadProgress: false,
  editImport: false,
  // Into a new project: another history; into the open one: steps of the new cases' ids are none yet, but the project changed.
  commitImport: true,
  getOutline: false,
  correctOutline: true,
  reloadDocument: true,
};

/**
 * The same client, but every call that can change the undo history is followed (once it
 * succeeded) by `refresh`: the Undo and Redo buttons follow every change, whichever component
 * made it, without each one having to remember.
 */
export function withHistoryRefresh(api: ApiClient, refresh: () => void): ApiClient {
  const out: Record<string, unknown> = { ...api };
  for (const method of Object.keys(CHANGES_HISTORY) as MethodName[]) {
    if (!CHANGES_HISTORY[method]) continue;
    const call = api[method] as (input: unknown) => Promise<unknown>;
    out[method] = async (input: unknown) => {
      const result = await call(input);
      refresh();
      return result;
    };
  }
  return out as ApiClient;
}
