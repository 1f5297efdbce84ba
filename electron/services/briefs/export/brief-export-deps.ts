import type { Workbench } from '../../workbench';
import type { BriefExportDeps } from './brief-export-service';

/**
 * Where exports find a workbench's briefs and resolve their citations. MERGE POINT: the brief
 * store's `get` and `resolveCitations` (the brief editor's half of issue 16) are wired in here;
 * until they are, `exportBrief` answers `briefsNotAvailable`.
 */
export function briefExportDepsOf(_workbench: Workbench): BriefExportDeps | null {
  return null;
}
