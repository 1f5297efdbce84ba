import type { ApiHandlers } from '../../../shared/contract';
import { SUGGESTIONS_LISTED_MAX } from '../../../shared/contract/assist';
import { preannotationJobsOf } from '../assist/preannotation-jobs';
import type { Workbench } from '../workbench';

type AssistHandlers = Pick<
  ApiHandlers,
  | 'getSuggestions'
  | 'getAssistSettings'
  | 'setAssistSources'
  | 'startPreannotation'
  | 'getPreannotationJob'
  | 'cancelPreannotation'
>;

export function createAssistHandlers(workbench: Workbench): AssistHandlers {
  const { assist, articles } = workbench;
  const jobs = preannotationJobsOf(workbench);
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
    startPreannotation: ({ scope }) => ({ jobId: jobs.start(scope) }),
    getPreannotationJob: ({ jobId }) => jobs.get(jobId),
    cancelPreannotation: ({ jobId }) => jobs.cancel(jobId),
  };
}
