import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type CorpusHandlers = Pick<
  ApiHandlers,
  'queryLibrary' | 'libraryArticleIds' | 'libraryFacets' | 'concordance' | 'annotateAll' | 'corpusDashboard'
>;

export function createCorpusHandlers(workbench: Workbench): CorpusHandlers {
  const { corpus } = workbench;
  return {
    queryLibrary: (input) => corpus.queryLibrary(input),
    libraryArticleIds: ({ filter }) => corpus.libraryIds(filter),
    libraryFacets: () => corpus.facets(),
    concordance: ({ query, filter, limit }) => corpus.concordance(query, filter, limit),
    annotateAll: (input) => corpus.annotateAll(input),
    corpusDashboard: ({ filter }) => corpus.dashboard(filter),
  };
}
