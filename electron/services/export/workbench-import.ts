/**
 * Re-imports a workbench JSON export (the import pipeline routes `.json` files whose `format`
 * is "marginalia-workbench" here).
 *
 * - Labels are upserted first, colours and hotkeys included.
 * - Each article is stored through `storeArticle`, in its own transaction, and gets back its
 *   status, timestamps and metadata, so an import into an empty database reproduces the export.
 * - An article already here (same content hash) is merged: the annotations it lacks (by label,
 *   start and end) are added, nothing is duplicated, and its own status and metadata are kept.
 * - Annotation ids: an annotation keeps its exported id when that id is free here, and gets a
 *   new one when another annotation already holds it; the notes count those renumbered.
 * - Every span is converted from the file's offset unit back to UTF-16 and checked against the
 *   text here; a span that does not fit is skipped and named in the notes, never stored.
 */
import type { ImportFileResult } from '../../../shared/contract';
import {
  WorkbenchExportSchema,
  type WorkbenchAnnotation,
  type WorkbenchArticle,
} from '../../../shared/codecs/workbench-json';
import { spanProblem } from '../../../shared/domain/spans';
import type { Label } from '../../../shared/domain/schemas';
import { isCanonical } from '../../../shared/text/canonical';
import { OffsetConverter, type OffsetUnit } from '../../../shared/text/offsets';
import { storeArticle } from '../import/store-article';
import type { Workbench } from '../workbench';

export function importWorkbenchExport(workbench: Workbench, fileName: string, parsed: unknown): ImportFileResult[] {
  const result = WorkbenchExportSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return [
      {
        outcome: 'skipped',
        file: fileName,
        reason: `${fileName} is not a valid Marginalia workbench export${where}: ${issue?.message ?? 'unknown problem'}.`,
      },
    ];
  }
  const { labels, articles, offset_unit: unit } = result.data;
  upsertLabels(workbench, labels);
  return articles.map((article) => {
    const file = `${fileName} › article ${article.id}`;
    try {
      return importArticle(workbench, file, unit, article);
    } catch (error) {
      // Its transaction rolled back; the other articles of the file still get their chance.
      return { outcome: 'skipped', file, reason: `It could not be stored: ${(error as Error).message}` };
    }
  });
}

/**
 * Two passes so that hotkeys can swap between labels of the file (RISK 1 ⇄ PROPOSAL 2) without
 * one dropping its hotkey because the other still held it; labels not in the file keep theirs.
 */
function upsertLabels(workbench: Workbench, labels: readonly Label[]): void {
  workbench.db.transaction(() => {
    for (const label of labels) workbench.labels.upsert({ ...label, hotkey: null });
    for (const label of labels) workbench.labels.upsert(label);
  })();
}

function importArticle(
  workbench: Workbench,
  file: string,
  unit: OffsetUnit,
  article: WorkbenchArticle,
): ImportFileResult {
  const fullText = article.text + (article.trimmedText ?? '');
  if (!isCanonical(fullText)) {
    return {
      outcome: 'skipped',
      file,
      reason: 'its text is not canonical (NFC, LF): it was changed after the export, so its offsets cannot be trusted.',
    };
  }
  const converter = new OffsetConverter(article.text);
  let restoredNotes: string[] = [];
  const stored = storeArticle(
    workbench.db,
    workbench.articles,
    {
      // The export holds the canonical text only; it stands in for the raw text it came from.
      rawText: fullText,
      text: article.text,
      trimmedText: article.trimmedText,
      title: article.title,
      source: article.source,
      byline: article.byline,
      url: article.url,
      publishedAt: article.publishedAt,
      fileName: article.fileName,
    },
    (articleId) => {
      const added = addAnnotations(workbench, articleId, article.annotations, converter, unit);
      restoreArticleState(workbench, articleId, article);
      restoredNotes = [`Restored ${added.count} annotations and the status “${article.status}”.`, ...added.notes];
    },
  );
  if (stored.outcome === 'imported') {
    const title = workbench.articles.getSummary(stored.articleId).displayTitle;
    return { outcome: 'imported', file, articleId: stored.articleId, title, notes: restoredNotes };
  }
  const merged = workbench.db.transaction(() => {
    const result = addAnnotations(workbench, stored.articleId, article.annotations, converter, unit);
    if (result.count > 0) {
      workbench.articles.markStarted(stored.articleId);
      workbench.articles.touch(stored.articleId);
    }
    return result;
  })();
  const notes = [
    `Already here as article ${stored.articleId}; merged: kept its status and metadata, ` +
      `added ${merged.count} of ${article.annotations.length} annotations (${merged.alreadyThere} were already there).`,
    ...merged.notes,
  ];
  return { outcome: 'duplicate', file, articleId: stored.articleId, title: stored.displayTitle, notes };
}

interface AddedAnnotations {
  count: number;
  alreadyThere: number;
  /** Renumbered ids and skipped spans, in words. */
  notes: string[];
}

/** Adds the annotations the article lacks; runs inside the caller's transaction. */
function addAnnotations(
  workbench: Workbench,
  articleId: number,
  annotations: readonly WorkbenchAnnotation[],
  converter: OffsetConverter,
  unit: OffsetUnit,
): AddedAnnotations {
  const text = workbench.articles.getText(articleId);
  const keyOf = (label: string, start: number, end: number) => `${label}\u0000${start}\u0000${end}`;
  const present = new Set(
    workbench.annotationRows
      .listForArticle(articleId)
      .map((existing) => keyOf(existing.labelKey, existing.start, existing.end)),
  );
  const idTaken = workbench.db.prepare(`SELECT 1 FROM annotations WHERE id = ?`).pluck();
  const result: AddedAnnotations = { count: 0, alreadyThere: 0, notes: [] };
  const skipped: string[] = [];
  let renumbered = 0;
  for (const annotation of annotations) {
    const describe = `${annotation.label} “${annotation.quote}” [${annotation.start}, ${annotation.end})`;
    let start: number;
    let end: number;
    try {
      start = converter.toU16(annotation.start, unit);
      end = converter.toU16(annotation.end, unit);
    } catch (error) {
      skipped.push(`${describe}: ${(error as Error).message}`);
      continue;
    }
    const problem = spanProblem(text, start, end, annotation.quote);
    if (problem) {
      skipped.push(`${describe}: ${problem}`);
      continue;
    }
    if (!workbench.labels.exists(annotation.label)) {
      skipped.push(`${describe}: there is no label ${annotation.label}`);
      continue;
    }
    const key = keyOf(annotation.label, start, end);
    if (present.has(key)) {
      result.alreadyThere++;
      continue;
    }
    const keepId = idTaken.get(annotation.id) === undefined;
    if (!keepId) renumbered++;
    workbench.annotationRows.insert({
      ...(keepId ? { id: annotation.id } : {}),
      articleId,
      labelKey: annotation.label,
      start,
      end,
      quote: annotation.quote,
      note: annotation.note,
      origin: annotation.origin,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
    });
    present.add(key);
    result.count++;
  }
  if (renumbered > 0) result.notes.push(`${renumbered} annotations got new ids: their exported ids were taken here.`);
  result.notes.push(...skipped.map((reason) => `Skipped ${reason}.`));
  return result;
}

/** The store gives a new article status "new" and the current time; the export knows better. */
function restoreArticleState(workbench: Workbench, articleId: number, article: WorkbenchArticle): void {
  workbench.db
    .prepare(
      `UPDATE articles SET status = @status, imported_at = @importedAt, updated_at = @updatedAt WHERE id = @articleId`,
    )
    .run({ status: article.status, importedAt: article.importedAt, updatedAt: article.updatedAt, articleId });
}
