import type { ApiHandlers } from '../../../shared/contract';
import { SUGGESTIONS_LISTED_MAX } from '../../../shared/contract/assist';
import type { Workbench } from '../workbench';

type AssistHandlers = Pick<ApiHandlers, 'getSuggestions' | 'getAssistSettings' | 'setAssistSources'>;

export function createAssistHandlers(workbench: Workbench): AssistHandlers {
  const { assist, articles } = workbench;
  return {
    getSuggestions: ({ articleId }) => {
      articles.getSummary(articleId); // not_found for a missing article
      const { suggestions, stoppedPatterns } = assist.suggest(articleId);
      return {
        articleId,
        suggestions: suggestions.slice(0, SUGGESTIONS_LISTED_MAX),
        total: suggestions.length,
        stoppedPatterns,
      };
    },
    getAssistSettings: () => ({
      sources: assist.sources(),
      patterns: assist.patterns(),
      addedNames: assist.addedNames(),
      shippedNameCount: assist.shippedNameCount(),
    }),
    setAssistSources: (patch) => assist.setSources(patch),
  };
}
