import type { ApiHandlers } from '../../../shared/contract';
import { AgreementService } from '../agreement/agreement-service';
import type { Workbench } from '../workbench';

export function createAgreementHandlers(workbench: Workbench): Pick<ApiHandlers, 'agreement'> {
  const service = new AgreementService(workbench);
  return { agreement: (input) => service.compute(input) };
}
