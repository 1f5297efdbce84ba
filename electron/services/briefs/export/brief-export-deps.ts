import type { Workbench } from '../../workbench';
import type { BriefExportDeps } from './brief-export-service';

/** Where exports find a workbench's briefs and what their citations show now: the brief service. */
export function briefExportDepsOf(workbench: Workbench): BriefExportDeps {
  return {
    briefs: workbench.briefs,
    citations: {
      resolve: (citations) => {
        const resolved = workbench.briefs.resolveCitations(citations);
        return new Map(citations.map((citation, index) => [citation.annotationId, resolved[index]!]));
      },
    },
  };
}
