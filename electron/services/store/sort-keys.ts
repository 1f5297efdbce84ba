import type { Database, Statement } from 'better-sqlite3';
import { vietnameseSortKey } from '../../../shared/text/sort-key';

/** A source-less article sorts after every source, as an empty cell at the end of the column. */
const NO_SOURCE_KEY = '\uffff';

/** Writes the library's Vietnamese sort keys of one article (`library_facets`, migration 009). */
export class SortKeyWriter {
  private readonly update: Statement;

  constructor(db: Database) {
    this.update = db.prepare(`UPDATE library_facets SET title_sort = ?, source_sort = ? WHERE article_id = ?`);
  }

  write(articleId: number, displayTitle: string, source: string | null): void {
    const sourceKey = source === null ? NO_SOURCE_KEY : vietnameseSortKey(source);
    this.update.run(vietnameseSortKey(displayTitle), sourceKey, articleId);
  }
}
