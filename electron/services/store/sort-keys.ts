import type { Database, Statement } from 'better-sqlite3';
import { vietnameseSortKey } from '../../../shared/text/sort-key';

/** A source-less article sorts after every source, as an empty cell at the end of the column. */
const NO_SOURCE_KEY = '\uffff';

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
    if (this.update === undefined) {
      const exists = this.db
        .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'library_facets'`)
        .get();
      this.update = exists
        ? this.db.prepare(`UPDATE library_facets SET title_sort = ?, source_sort = ? WHERE article_id = ?`)
        : null;
    }
    if (!this.update) return;
    const sourceKey = source === null ? NO_SOURCE_KEY : vietnameseSortKey(source);
    this.update.run(vietnameseSortKey(displayTitle), sourceKey, articleId);
  }
}
