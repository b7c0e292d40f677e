import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { CompendiumFile } from '../../store/file-kinds.ts';
import { LESSON_FORMATS, renderLessons } from '../../../shared/export/lessons.ts';
import { merge3, mergeKeyedList, mergeObject, mergeStringList, same, type Merger } from '../../../shared/merge/three-way.ts';
import { offsetConverter, type OffsetConverter } from '../../../shared/text/units.ts';
import { compendiumView, proposeCompendium, renderCompendium } from '../compendium.ts';
import { listLessons } from '../lessons.ts';
import type { ProjectService } from '../project-service.ts';
import { conflictMessage } from './conflict-message.ts';

type DraftMethods = 'getCompendium' | 'proposeCompendium' | 'setCompendium' | 'exportCompendium' | 'listLessons' | 'exportLessons';

type CompendiumDraft = NonNullable<CompendiumFile['draft']>;
type Part = CompendiumDraft['parts'][number];
/** Parts by title, their cases as lists; the newest update time; the rest field by field. */
const draftMerger: Merger<CompendiumDraft> = mergeObject<CompendiumDraft>({
  parts: mergeKeyedList<Part>((p) => p.title, mergeObject<Part>({ caseIds: mergeStringList })),
  updatedAt: (_b, mine, theirs) => ({ value: mine > theirs ? mine : theirs, conflicts: [] }),
});

/**
 * The compendium draft (`compendium.json`) and the lessons library. The draft an editor saves
 * was made from the one this workbench last showed; if another editor saved one since, the two
 * are merged (parts and their cases added on either side are kept, a removal holds where the
 * other side left the part alone) or, where both changed the same thing, refused with a
 * conflict and the newer draft shown.
 */
export function draftHandlers(service: ProjectService): Pick<ProjectHandlers, DraftMethods> {
  const store = service.store;
  const view = async () => {
    const v = await compendiumView(service);
    service.served.compendium = v.draft;
    return v;
  };
  return {
    getCompendium: async () => view(),
    proposeCompendium: async ({ title, recommendations, minScore, groupBy }: ParsedInputOf<'proposeCompendium'>) => {
      const v = await proposeCompendium(service, title, { recommendations: recommendations ?? ['include'], minScore: minScore ?? null, groupBy: groupBy ?? 'part' });
      service.served.compendium = v.draft;
      return v;
    },
    setCompendium: async ({ draft, base: given }: ParsedInputOf<'setCompendium'>) => {
      const unknown = draft.parts.flatMap((p) => p.caseIds).filter((id) => !store.getCase(id));
      if (unknown.length) throw new ApiError('invalid-input', `no case ${unknown.join(', ')} in this project`);
      const mine: CompendiumDraft = { ...draft, updatedAt: service.now() };
      // The draft the edit was made from: as the page says, else as this workbench last showed it.
      const base = given !== undefined ? given : service.served.compendium;
      await store.updateCompendium((theirs) => {
        // Nothing shown here yet (the command line), or nothing changed on disk since it was: mine as it is.
        if (base === undefined || same(base, theirs) || theirs === null) return mine;
        const merged = merge3(base ?? undefined, mine, theirs, draftMerger);
        if (merged.conflicts.length) throw new ApiError('conflict', conflictMessage('compendium.json', 'the compendium draft', merged.conflicts));
        return merged.value;
      });
      return view();
    },
    exportCompendium: async ({ format }: ParsedInputOf<'exportCompendium'>) => service.exports.startCompendium(format, (await store.compendium())?.title ?? 'compendium', () => renderCompendium(service, format)),
    listLessons: async (filter: ParsedInputOf<'listLessons'>) => listLessons(service, filter),
    exportLessons: async ({ format, ...filter }: ParsedInputOf<'exportLessons'>) => {
      const { extension, mediaType } = LESSON_FORMATS[format];
      return service.exports.startDocument(`lessons-${format}`, 'lessons', extension, mediaType, async () => {
        const entries = await listLessons(service, filter);
        const converters = new Map<string, OffsetConverter>();
        const codePoints = (caseId: string, utf16: number) => {
          let c = converters.get(caseId);
          if (!c) converters.set(caseId, (c = offsetConverter(service.caseOf(caseId).revisions.at(-1)!.text)));
          return c.toCodePoints(utf16);
        };
        return renderLessons(entries, format, { title: `${store.info.name}：经验启示库`, codePoints });
      });
    },
  };
}
