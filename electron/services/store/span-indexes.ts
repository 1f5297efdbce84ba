import type { Database } from 'better-sqlite3';
import { foldVietnamese } from '../../../shared/text/fold';

/**
 * Each attribute value of each span as a row (migration 021): label, attribute key, json_each's
 * type and value, and the span's article, for the library's "has attribute value" filter.
 */
export const ATTRIBUTE_VALUES_TABLE = 'annotation_attribute_values';

/**
 * The full-text table of migration 021 over span quotes and notes, folded as article texts are
 * (`foldVietnamese`). Contentless: quotes and notes live in `annotations`; the concordance
 * matches the candidates this index gives word by word there.
 */
export const ANNOTATION_SEARCH_TABLE = 'annotation_search';

/**
 * The partial index of migration 022 over the spans with a note (`note <> ''`), holding what the
 * notes concordance reads of them, so its hits are read from the index alone.
 */
export const NOTES_INDEX = 'annotations_with_note';

/**
 * The table of migration 026 (rebuilt by 027): one row per span with a note, keyed like
 * ANNOTATION_SEARCH_TABLE (spanSearchKey, whose halves are the article and span ids), with what a
 * notes concordance line shows beside the note: the labels of the spans covering the span, and of
 * those with exactly its range when they differ (JSON lists, in the order
 * CorpusStore.labelsCovering gives them), and its article's title and date. Kept by triggers on
 * `annotations` and `articles`.
 */
export const NOTE_LINES_TABLE = 'note_lines';

/** 2^32: ids below it fit in the low half of a span's search key (a trigger refuses the others). */
export const SPAN_KEY_FACTOR = 4_294_967_296;

/**
 * The rowid of a span (`row`: NEW, OLD or a table name) in ANNOTATION_SEARCH_TABLE: its article id
 * in the high 32 bits, its own id in the low ones. FTS5 returns matches in rowid order, so they
 * come grouped by article, in article order, with nothing to sort.
 */
export const spanSearchKey = (row: string): string => `(${row}.article_id * ${SPAN_KEY_FACTOR} + ${row}.id)`;

/**
 * The SQL function the triggers of migration 021 fold with. SQL has no Vietnamese folding, and
 * triggers keep the index right for every writer (the pipeline, imports, article deletes that
 * cascade to spans), so every connection that writes annotations must have it: openDatabase
 * registers it before migrating. A connection without it (the sqlite3 shell) can read but not
 * write annotations ("no such function"), never leaving the index behind silently.
 */
export const FOLD_FUNCTION = 'marginalia_fold';

export function registerFoldFunction(db: Database): void {
  db.function(FOLD_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldVietnamese(text) : text,
  );
}
