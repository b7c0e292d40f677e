/**
 * What the API says about a project folder shared by several writers: revision conflicts (a
 * text someone stored that did not become the case's), conflict copies left by file sync or git,
 * and the files other writers changed.
 */

/** A revision of a case text that did not become the case's: another writer's came first. */
export interface RevisionConflict {
  /** The revision file's id (its name): number, writer and hash. */
  id: string;
  caseId: string;
  caseTitle: string;
  /** The revision number it was written to become, and the one it was made on. */
  revision: number;
  baseRevision: number;
  author: string;
  createdAt: string;
  note: string;
  text: string;
  /** The case's revision now, and its text (to compare with). */
  currentRevision: number;
  currentText: string;
}

/** Where a conflict copy comes from: the tool that left it. */
export type ConflictSource = 'syncthing' | 'dropbox' | 'onedrive' | 'git';

/** A copy of a project file that file sync or a git merge left beside it (or inside it), waiting for a person. */
export interface FileConflict {
  /** Names the conflict in resolveFileConflict. */
  id: string;
  /** The project file, relative to the project folder ("schema.json", "reviews/alice.json"). */
  file: string;
  /** The copy (the same as `file` for git's conflict markers inside it). */
  copy: string;
  source: ConflictSource;
  /** What the file holds, for people ("the label schema"). */
  what: string;
  /** Whether the two can be merged (keyed lists: labels, criteria, parts, spans by id, reviewers' cases). */
  canMerge: boolean;
  /** What differs, in a few words each (labels only in the copy, …). */
  differences: string[];
}

export interface FileConflictResolution {
  file: string;
  kept: 'current' | 'copy' | 'merged';
  /** Where the version not kept went (under backups/conflicts/): nothing is deleted. */
  setAside: string | null;
}

/** What other writers changed since a workbench last asked (`seq`). */
export interface ExternalChanges {
  seq: number;
  /** False when more changed than the service kept track of: refresh everything. */
  complete: boolean;
  /** Files changed by others, relative to the project folder. */
  files: string[];
  revisionConflicts: number;
  fileConflicts: number;
}
