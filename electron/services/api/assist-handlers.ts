import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type AssistHandlers = Pick<ApiHandlers, 'getSuggestions' | 'getAssistSettings' | 'setAssistSources'>;

export function createAssistHandlers(workbench: Workbench): AssistHandlers {
  const { assist, articles } = workbench;
  return {
    getSuggestions: ({ articleId }) => {
      articles.getSummary(articleId); // not_found for a missing article
      return assist.suggest(articleId);
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
