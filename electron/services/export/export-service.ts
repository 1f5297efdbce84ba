import { stringify } from 'csv-stringify/sync';
import { createExportCodec, exportOptionsProblem } from '../../../shared/codecs';
import { exportFormatSpec, schemaSidecarPath } from '../../../shared/codecs/registry';
import { schemaFileOf } from '../../../shared/domain/schema-file';
import type { CsvRowsWriter } from '../../../shared/codecs/csv';
import { exportEntities } from '../../../shared/codecs/entities';
import type { EncodedArticle, ExportChunk, ExportCodec } from '../../../shared/codecs/types';
import { MAX_LISTED_SPAN_ISSUES, type ExportOptions, type SpanIssue } from '../../../shared/contract/exports';
import { ApiError } from '../../../shared/contract/errors';
import type { Workbench } from '../workbench';
import { AtomicFile } from './atomic-file';
import { EntityStore } from '../store/entities';
import { ExportSource } from '../store/export-source';
import { openReadSnapshot } from '../store/read-snapshot';

/** Where an export stands; the issue lists stop at MAX_LISTED_SPAN_ISSUES, the counts do not. */
export interface ExportReport {
  articlesTotal: number;
  articlesDone: number;
  spansWritten: number;
  leftOut: SpanIssue[];
  leftOutCount: number;
  widened: SpanIssue[];
  widenedCount: number;
}

/** A report before the first article: what a new job shows. */
export function emptyExportReport(): ExportReport {
  return {
    articlesTotal: 0,
    articlesDone: 0,
    spansWritten: 0,
    leftOut: [],
    leftOutCount: 0,
    widened: [],
    widenedCount: 0,
  };
}

export interface ExportRun {
  appVersion: string;
  /** Aborting stops the export between batches and deletes what was written. */
  signal?: AbortSignal;
  /** Called after each batch with the live report (copy what you keep). */
  onProgress?: (report: Readonly<ExportReport>) => void;
  now?: () => Date;
}

/**
 * Text encoded before each write. Big enough that SQLite and the codecs run in long stretches,
 * small enough that memory stays flat and the event loop (IPC, HTTP) gets a turn between batches.
 */
const BATCH_CHARS = 1 << 20;

/**
 * RFC 4180: CRLF between records, and any cell holding a comma, a quote, CR or LF is quoted.
 * csv-stringify on its own quotes only cells holding the whole record delimiter (CRLF), so a
 * lone LF (every paragraph break in a context cell) must be matched explicitly.
 */
export const stringifyCsvRows: CsvRowsWriter = (rows) =>
  stringify(rows as string[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });

/**
 * Streams the selected articles and annotations from SQLite into `path` in the chosen format.
 * Resolves with the final report once the file is complete under its name; rejects (leaving no
 * file behind) on failure or when `run.signal` is aborted.
 */
export async function exportToFile(
  workbench: Workbench,
  options: ExportOptions,
  path: string,
  run: ExportRun,
): Promise<ExportReport> {
  const problem = exportOptionsProblem(options);
  if (problem) throw ApiError.of('rejected', problem.key, problem.params);
  // One read transaction on its own connection for the whole file: writes made while it streams
  // (a label renamed, a span moved) are not half in it.
  const snapshot = openReadSnapshot(workbench.databasePath, workbench.databaseOptions);
  try {
    return await writeExport(new ExportSource(snapshot.db, options), new EntityStore(snapshot.db), options, path, run);
  } finally {
    snapshot.close();
  }
}

async function writeExport(
  source: ExportSource,
  /** The registry in the same snapshot as the spans, for the links and the entities list. */
  entityRows: EntityStore,
  options: ExportOptions,
  path: string,
  run: ExportRun,
): Promise<ExportReport> {
  const exportedAt = (run.now?.() ?? new Date()).toISOString();
  if (options.format === 'conll') refuseSeveralLayers(options.authors ?? source.authorsInScope());
  const codec = createExportCodec(
    options,
    {
      unit: options.offsetUnit,
      labels: source.labels,
      attributeDefs: source.attributeDefs,
      fieldDefs: source.fieldDefs,
      schema: source.schema,
      relationTypes: source.relationTypes,
      appVersion: run.appVersion,
      exportedAt,
      entities: exportEntities(entityRows.listAll(), entityRows.allLinks()),
      ...(options.authors ? { authors: options.authors } : {}),
    },
    { stringifyCsvRows },
  );
  const report: ExportReport = { ...emptyExportReport(), articlesTotal: source.countArticles() };
  run.onProgress?.(report);
  const file = await AtomicFile.create(path);
  try {
    await file.write(codec.begin());
    let afterId = 0;
    for (;;) {
      run.signal?.throwIfAborted();
      const batch = encodeBatch(source, codec, afterId, report);
      if (!batch) break;
      await file.write(batch.chunk);
      afterId = batch.lastId;
      run.onProgress?.(report);
    }
    await file.write(codec.end());
    run.signal?.throwIfAborted();
    // The schema file first: the export never appears under its name without the schema it was made with.
    if (exportFormatSpec(options.format).schema === 'sidecar') await writeSchemaSidecar(source, path, exportedAt);
    await file.commit();
    return report;
  } catch (error) {
    await file.discard();
    throw error;
  }
}

/**
 * CoNLL has one tag per token and column: two annotators' spans on the same words cannot both be
 * written, so one layer is exported at a time (the user picks the author, or gold).
 */
function refuseSeveralLayers(authors: readonly string[]): void {
  if (authors.length > 1)
    throw ApiError.of('rejected', 'conllOneLayer', { authors: authors.map((author) => `“${author}”`).join(', ') });
}

/** The schema of the snapshot the export read, as a schema file (version 2) beside it. */
async function writeSchemaSidecar(source: ExportSource, exportPath: string, exportedAt: string): Promise<void> {
  const schema = schemaFileOf(source.schema, source.schemaAttributeDefs, source.fieldDefs, exportedAt);
  const sidecar = await AtomicFile.create(schemaSidecarPath(exportPath));
  try {
    await sidecar.write(`${JSON.stringify(schema, null, 2)}\n`);
    await sidecar.commit();
  } catch (error) {
    await sidecar.discard();
    throw error;
  }
}

/** Encodes the articles after `afterId` until about BATCH_CHARS are ready; null when none are left. */
function encodeBatch(
  source: ExportSource,
  codec: ExportCodec,
  afterId: number,
  report: ExportReport,
): { chunk: ExportChunk; lastId: number } | null {
  const parts: ExportChunk[] = [];
  let size = 0;
  let lastId = afterId;
  // Leaving the loop early closes the SQLite iterator, so nothing stays open across the await.
  for (const article of source.articlesAfter(afterId)) {
    const encoded = codec.article(article, source.annotationsOf(article.id), source.relationsOf(article.id));
    parts.push(encoded.chunk);
    size += encoded.chunk.length;
    lastId = article.id;
    addToReport(report, encoded);
    if (size >= BATCH_CHARS) break;
  }
  return lastId === afterId ? null : { chunk: joinChunks(parts), lastId };
}

/** A codec writes either text or bytes, never both. */
function joinChunks(parts: readonly ExportChunk[]): ExportChunk {
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
}

function addToReport(report: ExportReport, encoded: EncodedArticle): void {
  report.articlesDone++;
  report.spansWritten += encoded.spansWritten;
  report.leftOutCount += encoded.leftOut.length;
  report.widenedCount += encoded.widened.length;
  report.leftOut.push(...encoded.leftOut.slice(0, MAX_LISTED_SPAN_ISSUES - report.leftOut.length));
  report.widened.push(...encoded.widened.slice(0, MAX_LISTED_SPAN_ISSUES - report.widened.length));
}
