import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

export function createAdjudicationHandlers(
  workbench: Workbench,
): Pick<ApiHandlers, 'listDisagreements' | 'decideDisagreement' | 'acceptAgreed' | 'disagreementCounts'> {
  const service = workbench.adjudication;
  return {
    listDisagreements: (input) => service.list(input),
    decideDisagreement: (input) => service.decide(input),
    acceptAgreed: (input) => service.acceptAgreed(input),
    disagreementCounts: (input) => ({ counts: service.counts(input) }),
  };
}
