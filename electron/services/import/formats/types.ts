import type { PeerAnnotations, PeerSpan } from '../../../../shared/import/peers/spans';
import type { MessageRef } from '../../../../shared/messages/backend-messages';

/** One article found in a file, before canonicalisation, with whatever metadata the format carries. */
export interface SourceDocument {
  /** Where in the file the article came from ("row 3", "line 7"); null for one-article files. */
  part: string | null;
  rawText: string;
  /** Metadata given by the format itself (CSV columns, JSON fields, HTML meta); wins over heuristics. */
  given: GivenMetadata;
  /** Text the extractor left out (HTML: what Readability dropped), kept as restorable trimmed chrome. */
  droppedText?: string;
  /** What the report should say about this record. */
  notes?: MessageRef[];
  /**
   * Spans the file brought from an annotation tool, on `rawText`. Such a text is stored whole
   * (no chrome cut), since the spans may point anywhere in it.
   */
  annotations?: PeerAnnotations;
}

/** One row of Marginalia's annotation CSV, its cells as written (guarded cells restored). */
export interface AnnotationRow {
  part: string;
  articleId: number;
  title: string;
  span: PeerSpan;
}

export interface GivenMetadata {
  title?: string | null;
  source?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  byline?: string | null;
}

/** A record of a multi-article file that was refused on its own, e.g. a CSV row without text. */
export interface SkippedPart {
  part: string;
  /** A catalogue message, so the report shows it in the UI's language. */
  reason: MessageRef;
}

export type Extraction =
  | { kind: 'documents'; documents: SourceDocument[]; skipped: SkippedPart[]; notes: MessageRef[] }
  /** Marginalia's annotation CSV: rows of spans for articles already in the workbench (../annotation-rows). */
  | { kind: 'annotation-rows'; rows: AnnotationRow[]; skipped: SkippedPart[] }
  /** The workbench's own export, re-imported with its annotations by the export module. */
  | { kind: 'workbench-export'; parsed: unknown }
  | { kind: 'refused'; reason: MessageRef; preview?: string };

export function refused(reason: MessageRef, preview?: string): Extraction {
  return preview === undefined ? { kind: 'refused', reason } : { kind: 'refused', reason, preview };
}
