/**
 * A citation resolver over the real stores of a temp workbench, for the export tests only: the
 * production resolver is the brief store's (`resolveCitations`), wired in at merge time. It answers
 * as the shared contract says: live (the span now, offsets in code points), orphaned (span gone,
 * article here) or articleMissing.
 */
import type { CitationSnapshot, ResolvedCitation } from '../../../shared/brief/citation';
import { OffsetConverter } from '../../../shared/text/offsets';
import type { CitationResolver } from '../../../electron/services/briefs/export/brief-export-service';
import type { Workbench } from '../../../electron/services/workbench';

export function storeCitations(workbench: Workbench): CitationResolver {
  return {
    resolve(citations: readonly CitationSnapshot[]): Map<number, ResolvedCitation> {
      const answers = new Map<number, ResolvedCitation>();
      for (const { annotationId, articleId } of citations) {
        const span = workbench.annotationRows.find(annotationId);
        if (!span) {
          const articleHere = workbench.articles.list().some((article) => article.id === articleId);
          answers.set(annotationId, { state: articleHere ? 'orphaned' : 'articleMissing', annotationId, articleId });
          continue;
        }
        const article = workbench.articles.getSummary(span.articleId);
        const offsets = new OffsetConverter(workbench.articles.getText(span.articleId));
        answers.set(annotationId, {
          state: 'live',
          citation: {
            annotationId,
            articleId: span.articleId,
            labelKey: span.labelKey,
            quote: span.quote,
            articleTitle: article.displayTitle,
            source: article.source,
            publishedAt: article.publishedAt,
            startU16: span.start,
            endU16: span.end,
          },
          startCp: offsets.u16ToCodePoint(span.start),
          endCp: offsets.u16ToCodePoint(span.end),
        });
      }
      return answers;
    },
  };
}
