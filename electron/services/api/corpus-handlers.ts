import type { ApiHandlers } from '../../../shared/contract';
import { annotateAllJobsOf } from '../corpus/annotate-all';
import type { Workbench } from '../workbench';

type CorpusHandlers = Pick<
  ApiHandlers,
  | 'queryLibrary'
  | 'libraryArticleIds'
  | 'libraryFacets'
  | 'concordance'
  | 'annotateAll'
  | 'startAnnotateAll'
  | 'getAnnotateAllJob'
  | 'cancelAnnotateAll'
  | 'corpusDashboard'
>;

export function createCorpusHandlers(workbench: Workbench): CorpusHandlers {
  const { corpus } = workbench;
  const jobs = annotateAllJobsOf(workbench);
  return {
    queryLibrary: (input) => corpus.queryLibrary(input),
    libraryArticleIds: ({ filter }) => corpus.libraryIds(filter),
    libraryFacets: () => corpus.facets(),
    concordance: ({ query, filter, limit }) => corpus.concordance(query, filter, limit),
    annotateAll: (input) => corpus.annotateAll(input),
    startAnnotateAll: (input) => ({ jobId: jobs.start(input) }),
    getAnnotateAllJob: ({ jobId }) => jobs.get(jobId),
    cancelAnnotateAll: ({ jobId }) => jobs.cancel(jobId),
    corpusDashboard: ({ filter }) => corpus.dashboard(filter),
  };
}
