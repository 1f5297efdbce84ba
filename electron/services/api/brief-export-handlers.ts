import { basename } from 'node:path';
import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { briefDownloadsOf } from '../briefs/export/brief-downloads';
import { briefExportDepsOf } from '../briefs/export/brief-export-deps';
import { renderBrief, writeRenderedBrief, type BriefExportDeps } from '../briefs/export/brief-export-service';
import { briefSectionsOf } from '../briefs/sections/brief-section-service';
import type { Workbench } from '../workbench';
import type { HostAdapter } from './host';
import { refuseUnchosenPaths } from './import-handlers';

type BriefExportHandlers = Pick<ApiHandlers, 'exportBrief' | 'generateBriefSection'>;

/** `deps` finds briefs and resolves citations: the workbench's own (brief-export-deps.ts), or a test's. */
export function createBriefExportHandlers(
  workbench: Workbench,
  host: HostAdapter,
  deps: () => BriefExportDeps = () => briefExportDepsOf(workbench),
): BriefExportHandlers {
  return {
    exportBrief: async ({ briefId, formatId, path, language }) => {
      const rendered = await renderBrief(deps(), briefId, formatId, language);
      const { missingCitations } = rendered;
      let target = path ?? null;
      // Electron asks where, as a dataset export does; the browser host has no dialog and downloads.
      if (target === null && host.pickExportPath) {
        target = await host.pickExportPath(rendered.fileName);
        if (target === null) return { state: 'cancelled' };
      }
      if (target === null) {
        const id = await briefDownloadsOf(workbench).add(rendered);
        return { state: 'download', fileName: rendered.fileName, downloadUrl: `/api/download/${id}`, missingCitations };
      }
      // Only a path the save dialog returned (Electron) or a trusted caller's (tests, CLI).
      refuseUnchosenPaths(host, 'export', [target]);
      try {
        await writeRenderedBrief(rendered, target);
      } catch (error) {
        throw ApiError.of('rejected', 'exportFailed', {
          detail: error instanceof Error ? error.message : String(error),
        });
      }
      return { state: 'written', fileName: basename(target), path: target, missingCitations };
    },
    generateBriefSection: ({ kind, filter, language }) => briefSectionsOf(workbench).generate(kind, filter, language),
  };
}
