/**
 * Re-imports a workbench JSON export (the import pipeline routes `.json` files whose `format`
 * is "marginalia-workbench" here).
 *
 * - All or nothing per file: the whole file is one transaction (`changes.batch`), so a failure
 *   or a kill leaves nothing of it. Spans and articles that do not fit are skipped and named.
 * - Labels: the local ones are never renamed or recoloured. A label the file adds, or defines
 *   differently (name, colour, hotkey…), is asked in the import review (merge-labels.ts): add it,
 *   map its spans to a label here, or skip them. Nothing is written before it is answered.
 * - Each article is stored through `storeArticle` and gets back its status, timestamps and
 *   metadata, so an import into an empty database reproduces the export.
 * - An article already here (same content hash) is merged: the annotations it lacks (by author,
 *   label, start and end) are added, nothing is duplicated, and its own status and metadata are kept.
 * - Annotations are written through the change pipeline as one set per article (origin
 *   "import", one undo step). They always get ids of this database: a file's id is never
 *   reused (it could be huge, or the id of a deleted annotation that undo would bring back).
 *   The file's id is kept as the annotation's `importedId`, with its author, origin and times.
 *   Ids are assigned in the file's id order, so an import into an empty database keeps them.
 * - Every span is converted from the file's offset unit back to UTF-16 and checked against the
 *   text here; a span that does not fit is skipped and named in the notes, never stored.
 * - Entities (`merge-entities.ts`) are merged by id, then by canonical name and type, before the
 *   articles; a registry with a cycle of merges refuses the whole file. Each article's links
 *   follow its annotations as a second set; a span already linked here keeps its link.
 */
import type { ImportFileResult } from '../../../../shared/contract';
import {
  WorkbenchExportSchema,
  type WorkbenchAnnotation,
  type WorkbenchArticle,
} from '../../../../shared/codecs/workbench-json';
import type { Change } from '../../../../shared/domain/changes';
import { spanProblemRef } from '../../../../shared/domain/spans';
import type { MessageRef } from '../../../../shared/messages/backend-messages';
import { isCanonical } from '../../../../shared/text/canonical';
import { OffsetConverter, type OffsetUnit } from '../../../../shared/text/offsets';
import type { Workbench } from '../../workbench';
import { notesOf, skippedFor } from '../skipped';
import { storeArticle } from '../store-article';
import { importableAttributes, importFields, linkReferences, type PendingReferences } from './import-values';
import { entityRegistryProblem, mergeEntities } from './merge-entities';
import { FileReview, suggestedChoice } from '../review';
import { mergeLabels } from './merge-labels';
import { addRelations, mergeRelationTypes } from './merge-relations';

export function importWorkbenchExport(
  workbench: Workbench,
  fileName: string,
  parsed: unknown,
  review: FileReview = new FileReview(suggestedChoice),
): ImportFileResult[] {
  const result = WorkbenchExportSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return [
      skippedFor(fileName, {
        key: 'workbenchExportInvalid',
        params: { file: fileName, where, detail: issue?.message ?? 'unknown problem' },
      }),
    ];
  }
  const { labels, relationTypes, entities, articles, offset_unit: unit } = result.data;
  const registryProblem = entityRegistryProblem(
    entities,
    articles.flatMap((article, articleIndex) =>
      article.annotations.flatMap((annotation, index) =>
        annotation.entityId === undefined
          ? []
          : [{ entityId: annotation.entityId, where: `articles.${articleIndex}.annotations.${index}` }],
      ),
    ),
  );
  if (registryProblem) {
    return [
      {
        outcome: 'skipped',
        file: fileName,
        reason: `${fileName} was not imported: its entity registry is broken at ${registryProblem}.`,
      },
    ];
  }
  const spanCounts = new Map<string, number>();
  for (const annotation of articles.flatMap((article) => article.annotations))
    spanCounts.set(annotation.label, (spanCounts.get(annotation.label) ?? 0) + 1);
  return workbench.changes.batch(() => {
    const merged = mergeLabels(workbench, labels, { fileName, review, spanCounts });
    const typeNotes = mergeRelationTypes(workbench, relationTypes, merged.keys);
    const mergedEntities = mergeEntities(workbench, fileName, entities);
    const results = articles.map((article) =>
      importArticle(
        workbench,
        { fileName, unit, labelKeys: merged.keys, entityIds: mergedEntities.localIds },
        `${fileName} › article ${article.id}`,
        article,
      ),
    );
    review.throwIfOpen();
    return withFileNotes(results, [...merged.notes, ...typeNotes, ...mergedEntities.notes]);
  });
}

/** Notes about the file as a whole go with its first stored article (the report is per article). */
function withFileNotes(results: ImportFileResult[], notes: readonly MessageRef[]): ImportFileResult[] {
  if (notes.length === 0) return results;
  const first = results.findIndex((result) => result.outcome !== 'skipped');
  return results.map((result, index) =>
    index === first && result.outcome !== 'skipped'
      ? { ...result, ...notesOf([...(result.noteRefs ?? []), ...notes]) }
      : result,
  );
}

/** What every article of the file shares. */
interface FileContext {
  fileName: string;
  unit: OffsetUnit;
  /** The label here for each label of the file (mergeLabels); null: skip its spans. */
  labelKeys: ReadonlyMap<string, string | null>;
  /** The entity here for each entity id of the file (mergeEntities). */
  entityIds: ReadonlyMap<number, number>;
}

function importArticle(
  workbench: Workbench,
  context: FileContext,
  file: string,
  article: WorkbenchArticle,
): ImportFileResult {
  const fullText = article.text + (article.trimmedText ?? '');
  if (!isCanonical(fullText)) {
    return skippedFor(file, { key: 'workbenchTextNotCanonical', params: {} });
  }
  const converter = new OffsetConverter(article.text);
  let restoredNotes: MessageRef[] = [];
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
      const added = addAnnotations(workbench, context, articleId, article.annotations, converter);
      const related = addRelations(workbench, context.fileName, articleId, article.relations, added.storedIdOf);
      const fieldNotes = importFields(workbench, articleId, article.fields, context.fileName);
      workbench.articles.restoreImportedState(articleId, article);
      const restored = { count: added.count, relations: related.count, status: article.status };
      restoredNotes = [
        { key: related.count ? 'noteRestoredWithRelations' : 'noteRestored', params: restored },
        ...added.notes,
        ...related.notes,
        ...fieldNotes,
      ];
    },
  );
  if (stored.outcome === 'imported') {
    const title = workbench.articles.getSummary(stored.articleId).displayTitle;
    return { outcome: 'imported', file, articleId: stored.articleId, title, ...notesOf(restoredNotes) };
  }
  const merged = addAnnotations(workbench, context, stored.articleId, article.annotations, converter);
  const related = addRelations(workbench, context.fileName, stored.articleId, article.relations, merged.storedIdOf);
  const counts = {
    id: stored.articleId,
    added: merged.count,
    total: article.annotations.length,
    there: merged.alreadyThere,
    relations: related.count,
    relationsTotal: article.relations.length,
  };
  const notes: MessageRef[] = [
    { key: article.relations.length ? 'noteMergedWithRelations' : 'noteMerged', params: counts },
    ...merged.notes,
    ...related.notes,
    ...importFields(workbench, stored.articleId, article.fields, context.fileName),
  ];
  return { outcome: 'duplicate', file, articleId: stored.articleId, title: stored.displayTitle, ...notesOf(notes) };
}

interface AddedAnnotations {
  count: number;
  alreadyThere: number;
  /** New ids and skipped spans, in words. */
  notes: MessageRef[];
  /** The stored id of each of the file's annotations that is here now (added or already there). */
  storedIdOf: Map<number, number>;
}

/** Adds the annotations the article lacks as one change set; runs inside the file's batch. */
function addAnnotations(
  workbench: Workbench,
  { fileName, unit, labelKeys, entityIds }: FileContext,
  articleId: number,
  annotations: readonly WorkbenchAnnotation[],
  converter: OffsetConverter,
): AddedAnnotations {
  const text = workbench.articles.getText(articleId);
  // Per author, as the pipeline refuses identical spans: a colleague's twin of my span is their
  // layer agreeing with mine, not a duplicate (issue 15).
  const keyOf = (author: string, label: string, start: number, end: number) =>
    `${author}\u0000${label}\u0000${start}\u0000${end}`;
  /** Key → the id of the span here by that author with that label and range (-1: added earlier in this file). */
  const present = new Map<string, number>();
  for (const existing of workbench.annotationRows.listForArticle(articleId)) {
    present.set(keyOf(existing.author, existing.labelKey, existing.start, existing.end), existing.id);
    // Files written before authors were recorded (author ''): any author's twin is the same span.
    present.set(keyOf('', existing.labelKey, existing.start, existing.end), existing.id);
  }
  const result: AddedAnnotations = { count: 0, alreadyThere: 0, notes: [], storedIdOf: new Map() };
  const skipped: MessageRef[] = [];
  const changes: Change[] = [];
  const references: PendingReferences = new Map();
  const byFileId = [...annotations].sort((a, b) => a.id - b.id);
  for (const annotation of byFileId) {
    const mapped = labelKeys.get(annotation.label);
    // Skipped as the user chose: said once per label in the file's notes.
    if (mapped === null) continue;
    const labelKey = mapped ?? annotation.label;
    const span = `${annotation.label} “${annotation.quote}” [${annotation.start}, ${annotation.end})`;
    let start: number;
    let end: number;
    try {
      start = converter.toU16(annotation.start, unit);
      end = converter.toU16(annotation.end, unit);
    } catch (error) {
      skipped.push({ key: 'noteSkippedSpanOffsets', params: { span, detail: (error as Error).message } });
      continue;
    }
    const problem = spanProblemRef(text, start, end, annotation.quote);
    if (problem) {
      skipped.push({ key: 'noteSkippedSpan', params: { span, problem } });
      continue;
    }
    if (!workbench.labels.exists(labelKey)) {
      skipped.push({ key: 'noteSkippedSpanNoLabel', params: { span, label: labelKey } });
      continue;
    }
    const key = keyOf(annotation.author, labelKey, start, end);
    const existing = present.get(key);
    if (existing !== undefined) {
      // -1: a twin earlier in this file, linked (or not) through that one.
      if (existing > 0) result.storedIdOf.set(annotation.id, existing);
      result.alreadyThere++;
      continue;
    }
    present.set(key, -1); // a twin later in the file is skipped as already there
    const attributes = importableAttributes(workbench, labelKey, annotation, references, skipped);
    changes.push({
      kind: 'annotation.create',
      ref: String(annotation.id),
      annotation: {
        articleId,
        labelKey,
        start,
        end,
        quote: annotation.quote,
        note: annotation.note,
        ...(attributes ? { attributes } : {}),
        imported: {
          id: annotation.id,
          author: annotation.author,
          origin: annotation.origin,
          createdAt: annotation.createdAt,
          updatedAt: annotation.updatedAt,
        },
      },
    });
  }
  if (changes.length > 0) {
    const applied = workbench.changes.apply({
      articleId,
      origin: 'import',
      description: `Import ${changes.length} annotations from ${fileName}`,
      changes,
    });
    result.count = changes.length;
    for (const [fileId, id] of Object.entries(applied.createdIds)) result.storedIdOf.set(Number(fileId), id);
    result.notes.push(...skipped);
    result.notes.push(...linkReferences(workbench, articleId, references, applied.createdIds, fileName));
    const renumbered = Object.entries(applied.createdIds).filter(([fileId, id]) => String(id) !== fileId).length;
    if (renumbered > 0) {
      result.notes.push({ key: 'noteRenumbered', params: { count: renumbered } });
    }
    linkEntities(workbench, fileName, articleId, byFileId, result.storedIdOf, entityIds, result.notes);
    return result;
  }
  result.notes.push(...skipped);
  linkEntities(workbench, fileName, articleId, byFileId, result.storedIdOf, entityIds, result.notes);
  return result;
}

/**
 * Links the article's imported spans to the entities their file entities became here, as one set.
 * The file's links are taken as they are (a type mismatch there was the colleague's choice); a
 * span already linked here keeps its own link, and is counted.
 */
function linkEntities(
  workbench: Workbench,
  fileName: string,
  articleId: number,
  annotations: readonly WorkbenchAnnotation[],
  storedIdOf: ReadonlyMap<number, number>,
  entityIds: ReadonlyMap<number, number>,
  notes: MessageRef[],
): void {
  const changes: Change[] = [];
  let keptHere = 0;
  for (const annotation of annotations) {
    if (annotation.entityId === undefined) continue;
    const annotationId = storedIdOf.get(annotation.id);
    const entityId = entityIds.get(annotation.entityId);
    if (annotationId === undefined || entityId === undefined) continue;
    const existing = workbench.entityRows.findLink(annotationId);
    if (existing?.entityId === entityId) continue;
    if (existing) {
      keptHere++;
      continue;
    }
    changes.push({ kind: 'entityLink.set', annotationId, entityId, allowTypeMismatch: true });
  }
  if (changes.length > 0) {
    workbench.changes.apply({
      articleId,
      origin: 'import',
      description: `Import ${changes.length} entity links from ${fileName}`,
      changes,
    });
    notes.push({ key: 'noteEntityLinks', params: { count: changes.length } });
  }
  if (keptHere > 0) notes.push({ key: 'noteEntityLinksKept', params: { count: keptHere } });
}
