import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type BriefHandlers = Pick<ApiHandlers, 'listBriefs' | 'getBrief' | 'resolveCitations' | 'searchCitableSpans'>;

export function createBriefHandlers({ briefs }: Workbench): BriefHandlers {
  return {
    listBriefs: () => briefs.list(),
    getBrief: ({ id }) => briefs.get(id),
    resolveCitations: ({ citations }) => briefs.resolveCitations(citations),
    searchCitableSpans: ({ query, limit }) => briefs.searchCitableSpans(query, limit),
  };
}
