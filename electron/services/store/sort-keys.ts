import type { Database, Statement } from 'better-sqlite3';
import { vietnameseSortKey } from '../../../shared/text/sort-key';

/** A source-less article sorts after every source, as an empty cell at the end of the column. */
const NO_SOURCE_KEY = '\uffff';

export interface SortKeys {
  titleSort: string;
  sourceSort: string;
}

/** The library's sort keys of an article with this display title and source. */
export function sortKeysOf(displayTitle: string, source: string | null): SortKeys {
  return {
    titleSort: vietnameseSortKey(displayTitle),
    sourceSort: source === null ? NO_SOURCE_KEY : vietnameseSortKey(source),
  };
}

/**
 * Writes the library's Vietnamese sort keys of one article (`library_facets`, migration 009).
 * A store opened at an older schema (migration tests build old databases with the live stores)
 * has no facets table: nothing is written, and `LibraryStore.fillSortKeys` fills the keys once
 * migration 009 has run.
 */
export class SortKeyWriter {
  private update: Statement | null | undefined;

  constructor(private readonly db: Database) {}

  write(articleId: number, displayTitle: string, source: string | null): void {
    this.writeKeys(articleId, sortKeysOf(displayTitle, source));
  }

  /** `write` with the keys already computed (`sortKeysOf`). */
  writeKeys(articleId: number, keys: SortKeys): void {
    if (this.update === undefined) {
      const exists = this.db
        .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'library_facets'`)
        .get();
      this.update = exists
        ? this.db.prepare(`UPDATE library_facets SET title_sort = ?, source_sort = ? WHERE article_id = ?`)
        : null;
    }
    this.update?.run(keys.titleSort, keys.sourceSort, articleId);
  }
}
