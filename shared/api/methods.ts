import type { MethodName } from './contract.ts';

/**
 * The method names, without zod, for the Electron preload (which must stay small). The type
 * assertion below fails to compile if this list and the contract ever differ.
 */
export const API_METHODS = [
  'projectInfo',
  'recentProjects',
  'openProject',
  'createProject',
  'chooseFolder',
  'setReviewer',
  'renameReviewer',
  'removeReviewer',
  'listCases',
  'getCase',
  'setCaseMeta',
  'setCaseStatus',
  'addSpan',
  'updateSpan',
  'deleteSpan',
  'tagSection',
  'undo',
  'redo',
  'historyState',
  'reviseText',
  'listRevisions',
  'getRevisionText',
  'sourceExcerpt',
  'sourceFile',
  'listOrphans',
  'resolveOrphan',
  'setScore',
  'getScores',
  'ranking',
  'ratingDistributions',
  'agreement',
  'getSuggestions',
  'generateSuggestions',
  'decideSuggestions',
  'listLessons',
  'exportLessons',
  'compareReviewers',
  'adjudicate',
  'getCompendium',
  'proposeCompendium',
  'setCompendium',
  'exportCompendium',
  'getRubric',
  'setRubric',
  'getSchema',
  'setSchema',
  'search',
  'startExport',
  'exportStatus',
  'importAnnotations',
  'stats',
  'changesSince',
  'listRevisionConflicts',
  'listFileConflicts',
  'resolveFileConflict',
  'resolveRevisionConflict',
  'previewImport',
  'loadProgress',
  'editImport',
  'commitImport',
  'getOutline',
  'correctOutline',
  'reloadDocument',
] as const satisfies readonly MethodName[];

type Listed = (typeof API_METHODS)[number];
type Missing = Exclude<MethodName, Listed>;
// If a method is added to the contract but not listed here, this line names it in the error.
export const allMethodsListed: Missing extends never ? true : Missing = true;

/** IPC channel of a method: namespaced so no other channel can be mistaken for the API. */
export const channelOf = (method: MethodName) => `casebench:${method}`;
