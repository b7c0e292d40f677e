import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import type { ProjectService } from '../project-service.ts';
import { decide, generateForReviewer, suggestionView } from '../suggestions.ts';

type SuggestionMethods = 'getSuggestions' | 'generateSuggestions' | 'decideSuggestions';

/**
 * Suggestions: the shared ones (`suggestions/<case>.json`, re-read when another process applied
 * them) and each reviewer's own set and decisions in their file (suggestions.ts: decisions are
 * merged into the file as it is when written, accepted ones become spans like any other).
 */
export function suggestionHandlers(service: ProjectService): Pick<ProjectHandlers, SuggestionMethods> {
  return {
    getSuggestions: async ({ caseId }: ParsedInputOf<'getSuggestions'>) => suggestionView(service, caseId),
    generateSuggestions: async ({ caseId }: ParsedInputOf<'generateSuggestions'>) => generateForReviewer(service, caseId),
    decideSuggestions: async ({ caseId, decisions }: ParsedInputOf<'decideSuggestions'>) => decide(service, caseId, decisions),
  };
}
