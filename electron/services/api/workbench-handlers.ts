import type { ApiHandlers } from '../../../shared/contract';
import type { BackupCallName } from '../../../shared/contract/backups';
import type { Workbench } from '../workbench';
import { createAdjudicationHandlers } from './adjudication-handlers';
import { createAgreementHandlers } from './agreement-handlers';
import { createAnnotationHandlers } from './annotation-handlers';
import { createArticleHandlers } from './article-handlers';
import { createAttributeHandlers } from './attribute-handlers';
import { createBriefExportHandlers } from './brief-export-handlers';
import { createBriefHandlers } from './brief-handlers';
import { createEntityHandlers } from './entity-handlers';
import { createCorpusHandlers } from './corpus-handlers';
import { createAssistHandlers } from './assist-handlers';
import { createExportHandlers } from './export-handlers';
import type { HostAdapter } from './host';
import { createLabelHandlers } from './label-handlers';
import { createReaderHandlers } from './reader-handlers';
import { createRelationHandlers } from './relation-handlers';
import { createImportHandlers } from './import-handlers';
import { createTeamHandlers } from './team-handlers';

export type WorkbenchApiHandlers = Omit<ApiHandlers, BackupCallName>;

/** The contract's calls on one open workbench (all but the backup calls, which outlive it). */
export function createWorkbenchHandlers(workbench: Workbench, host: HostAdapter): WorkbenchApiHandlers {
  return {
    ...createArticleHandlers(workbench, host),
    ...createAnnotationHandlers(workbench),
    ...createCorpusHandlers(workbench),
    ...createReaderHandlers(workbench),
    ...createRelationHandlers(workbench),
    ...createImportHandlers(workbench, host, host.importLimits ? { limits: host.importLimits } : {}),
    ...createExportHandlers(workbench, host),
    ...createAttributeHandlers(workbench),
    ...createEntityHandlers(workbench),
    ...createAssistHandlers(workbench),
    ...createLabelHandlers(workbench),
    ...createAgreementHandlers(workbench),
    ...createTeamHandlers(workbench, host),
    ...createBriefExportHandlers(workbench, host),
    ...createAdjudicationHandlers(workbench),
    ...createBriefHandlers(workbench),
  };
}
