/**
 * Rows of Marginalia's annotation CSV placed on articles already in the workbench: the CSV holds
 * no article text, so each article of the file is found here by its id and title (the same
 * workbench), else by its title alone (another workbench that imported the same articles); a
 * candidate is taken only when the rows' quotes sit at their offsets in its text. The spans then
 * go through `addPeerAnnotations` (labels matched or asked, unit detected from the quotes,
 * spans already there skipped), all in the file's one transaction.
 */
import type { ImportFileResult } from '../../../shared/contract';
import type { ArticleSummary } from '../../../shared/domain/schemas';
import { resolveSpans, type PeerAnnotations } from '../../../shared/import/peers/spans';
import type { Workbench } from '../workbench';
import type { AnnotationRow } from './formats/types';
import { addPeerAnnotations } from './peer-annotations';
import type { FileReview } from './review';
import type { MessageRef } from '../../../shared/messages/backend-messages';
import { notesOf, skippedFor } from './skipped';

const FORMAT = 'Marginalia CSV';

export function importAnnotationRows(
  workbench: Workbench,
  file: string,
  rows: readonly AnnotationRow[],
  review: FileReview,
): ImportFileResult[] {
  const byArticle = new Map<string, AnnotationRow[]>();
  for (const row of rows) {
    const key = `${row.articleId}\u0000${row.title}`;
    byArticle.set(key, [...(byArticle.get(key) ?? []), row]);
  }
  const labelCounts = new Map<string, number>();
  for (const { span } of rows) labelCounts.set(span.label, (labelCounts.get(span.label) ?? 0) + 1);
  return workbench.changes.batch(() => {
    const summaries = workbench.articles.list();
    const results = [...byArticle.values()].map((group): ImportFileResult => {
      const [{ articleId, title } = { articleId: 0, title: '' }] = group;
      const annotations: PeerAnnotations = {
        format: FORMAT,
        unit: 'detect',
        spans: group.map((row) => row.span),
        problems: [],
      };
      const name = `${file} (article ${articleId})`;
      const here = articleHere(workbench, summaries, articleId, title, annotations);
      if (!here) return skippedFor(name, { key: 'csvRowsNoArticle', params: { id: articleId, title } });
      const notes = addPeerAnnotations(workbench, here.id, workbench.articles.getText(here.id), annotations, {
        fileName: file,
        review,
        labelCounts,
      });
      const placed: MessageRef[] =
        here.id === articleId ? [] : [{ key: 'noteArticleIsHere', params: { fileId: articleId, id: here.id } }];
      return {
        outcome: 'duplicate',
        file: name,
        articleId: here.id,
        title: here.displayTitle,
        ...notesOf([...placed, ...notes]),
      };
    });
    review.throwIfOpen();
    return results;
  });
}

/**
 * The article the rows belong to: the one with the file's id and title, else one with the
 * title; either only when at least one row's quote sits at its offsets there.
 */
function articleHere(
  workbench: Workbench,
  summaries: readonly ArticleSummary[],
  articleId: number,
  title: string,
  annotations: PeerAnnotations,
): ArticleSummary | undefined {
  const sameTitle = summaries.filter((summary) => (summary.title ?? '') === title);
  const candidates = [
    ...sameTitle.filter((summary) => summary.id === articleId),
    ...sameTitle.filter((summary) => summary.id !== articleId),
  ];
  return candidates.find(
    (candidate) => resolveSpans(workbench.articles.getText(candidate.id), annotations).spans.length > 0,
  );
}
