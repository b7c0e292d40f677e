import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ExternalChanges } from '../../../shared/api/sync-types.ts';
import type { LabelDef, LabelSchema } from '../../../shared/model/labels.ts';
import type { Rubric } from '../../../shared/model/rubric.ts';
import { editableLabelSchema, rubric as rubricSchema, describeIssues } from '../../../shared/model/schemas.ts';
import { merge3, mergeKeyedList, mergeObject, same, type Merger } from '../../../shared/merge/three-way.ts';
import { findConflictCopies } from '../../store/conflict-copies.ts';
import { ProjectError } from '../../store/project-store.ts';
import type { ProjectService } from '../project-service.ts';
import { caseClash } from '../reviewer-names.ts';
import { conflictMessage } from './conflict-message.ts';

type ProjectMethods = 'projectInfo' | 'setReviewer' | 'undo' | 'redo' | 'historyState' | 'getRubric' | 'setRubric' | 'getSchema' | 'setSchema' | 'changesSince';

type Field = LabelDef['fields'][number];
type Criterion = Rubric['criteria'][number];
/** Labels by id (their fields by key), each label's properties one by one. */
const schemaMerger: Merger<LabelSchema> = mergeObject<LabelSchema>({ labels: mergeKeyedList<LabelDef>((l) => l.id, mergeObject<LabelDef>({ fields: mergeKeyedList<Field>((f) => f.key, mergeObject<Field>()) })) });
/** Criteria by id, each one's properties (a weight, a scale) one by one. */
const rubricMerger: Merger<Rubric> = mergeObject<Rubric>({ criteria: mergeKeyedList<Criterion>((c) => c.id, mergeObject<Criterion>()) });

/** How often a schema or rubric save is merged again when yet another writer saved meanwhile. */
const ATTEMPTS = 3;

/** Another writer saved between the merge and the write: merge again. */
class ChangedAgain extends Error {}

/**
 * The project itself: who is annotating, the undo history, the label schema (`schema.json`) and
 * the rubric (`rubric.json`), and what other writers changed. A schema or rubric a person saves
 * was edited from a base (the one the page says it loaded, else the one this workbench last
 * showed); if another writer saved one since,
 * the two are merged (a label or criterion added on either side is kept; what only one side
 * changed is taken from it) or, where both changed the same property differently, refused with
 * a conflict naming it, and the newer one shown.
 */
export function projectHandlers(service: ProjectService): Pick<ProjectHandlers, ProjectMethods> {
  const store = service.store;

  /** Merge `mine` (made from `base`) into the file's newest version, write it, and return it. */
  async function save<T>(what: string, file: string, base: T | undefined, mine: T, current: () => T, merger: Merger<T>, check: (merged: T) => Promise<void>, write: (change: (onDisk: T) => T) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await store.syncExternalChanges();
      const theirs = current();
      let merged = mine;
      if (base !== undefined && !same(base, theirs)) {
        const r = merge3(base, mine, theirs, merger);
        if (r.conflicts.length) throw new ApiError('conflict', conflictMessage(file, what, r.conflicts));
        merged = r.value;
      }
      await check(merged);
      try {
        return await write((onDisk) => {
          if (!same(onDisk, theirs)) throw new ChangedAgain();
          return merged;
        });
      } catch (e) {
        if (!(e instanceof ChangedAgain)) throw e;
        if (attempt >= ATTEMPTS) throw new ApiError('conflict', `${what} (${file}) keeps being changed by another workbench: your change was not saved; try again`);
      }
    }
  }

  return {
    projectInfo: async () => {
      await store.refreshReviewers(service.reviewer);
      return service.info();
    },

    setReviewer: async ({ name }: ParsedInputOf<'setReviewer'>) => {
      // Bob where bob exists would be one file on macOS and Windows (and in a synced folder).
      const clash = caseClash(store.reviewers, name);
      if (clash) throw new ApiError('invalid-input', clash);
      try {
        await store.ensureReviewerFile(name);
      } catch (e) {
        if (e instanceof ProjectError) throw new ApiError('invalid-input', e.message);
        throw e;
      }
      service.reviewer = name;
      return service.info();
    },

    undo: async () => service.historyResult(await service.history(service.requireReviewer()).undo()),
    redo: async () => service.historyResult(await service.history(service.requireReviewer()).redo()),
    historyState: async () => (service.reviewer ? service.history(service.reviewer).state : { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }),

    getRubric: async () => (service.served.rubric = store.rubric),
    setRubric: async ({ rubric, base }: ParsedInputOf<'setRubric'>) => {
      const saved = await save<Rubric>('the rubric', 'rubric.json', base ?? service.served.rubric, rubric, () => store.rubric, rubricMerger, async (merged) => {
        const ok = rubricSchema.safeParse(merged);
        if (!ok.success) throw new ApiError('conflict', `the rubric merged with another workbench's is not a valid rubric (${describeIssues(ok.error)}): your change was not saved`);
      }, (change) => store.updateRubric(change));
      return (service.served.rubric = saved);
    },

    getSchema: async () => (service.served.schema = store.schema),
    setSchema: async ({ schema, base }: ParsedInputOf<'setSchema'>) => {
      const saved = await save<LabelSchema>('the label schema', 'schema.json', base ?? service.served.schema, schema, () => store.schema, schemaMerger, async (merged) => {
        const ok = editableLabelSchema.safeParse(merged);
        if (!ok.success) throw new ApiError('conflict', `the label schema merged with another workbench's is not a valid schema (${describeIssues(ok.error)}): your change was not saved`);
        // A label still in use stays, and a field keeps accepting the values stored in it: a
        // removed label would leave annotations no one can see or edit, a changed field type or a
        // removed choice would leave annotations that can no longer be saved.
        const problems = await service.schemaConflicts(merged.labels);
        if (problems.length) throw new ApiError('conflict', `${problems.join('; ')}: relabel, edit or delete those annotations first`);
      }, (change) => store.updateSchema(change));
      return (service.served.schema = saved);
    },

    changesSince: async ({ since }: ParsedInputOf<'changesSince'>): Promise<ExternalChanges> => {
      await store.syncExternalChanges();
      const changes = store.changes.since(since);
      const revisionConflicts = (await service.handlers.listRevisionConflicts({})).length;
      const fileConflicts = (await findConflictCopies(store.dir)).length;
      return { seq: store.changes.seq, complete: store.changes.covers(since), files: [...new Set(changes.map((c) => c.file))], revisionConflicts, fileConflicts };
    },
  };
}
