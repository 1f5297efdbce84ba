import type { Database, Statement } from 'better-sqlite3';
import type { AgreementArticles } from '../../../shared/contract/agreement';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import { displayTitleOf } from './articles';
import { LibraryStore, list } from './library';

/** One stored span as agreement reads it: `[start, end)` in UTF-16 units. */
export type AgreementSpanRow = [author: string, labelKey: string, start: number, end: number];

/**
 * What the agreement service reads, one article at a time: which articles the chosen authors
 * annotated (under a library filter), and each one's text and those authors' spans. The article
 * ids are the only list held for the whole corpus; spans come per article through an index
 * (`annotations_by_author` or `annotations_by_article`, as SQLite chooses).
 */
export class AgreementSource {
  private readonly library: LibraryStore;
  private readonly articleRow: Statement<[number], { title: string | null; text: string }>;
  private readonly authorList: { sql: string; params: Record<string, unknown> };
  private spanRows: Statement | undefined;

  constructor(
    private readonly db: Database,
    private readonly authors: readonly string[],
  ) {
    this.library = new LibraryStore(db);
    this.authorList = list('author', authors);
    this.articleRow = db.prepare(`SELECT title, text FROM articles WHERE id = ?`);
  }

  /** Articles under `filter` with spans by every chosen author (or by any), ascending by id. */
  articleIds(filter: LibraryFilter, articles: AgreementArticles): number[] {
    const scope = this.library.scope(filter);
    const authors = this.authorList;
    const having = articles === 'annotatedByAll' ? `HAVING count(DISTINCT author) = ${this.authors.length}` : '';
    return this.db
      .prepare(
        `SELECT article_id FROM annotations
         WHERE author IN (${authors.sql}) ${scope ? `AND article_id IN (${scope.where})` : ''}
         GROUP BY article_id ${having} ORDER BY article_id`,
      )
      .pluck()
      .all({ ...authors.params, ...scope?.params }) as number[];
  }

  article(articleId: number): { text: string; displayTitle: string } | null {
    const row = this.articleRow.get(articleId);
    return row ? { text: row.text, displayTitle: displayTitleOf(row.title, row.text.slice(0, 200)) } : null;
  }

  /** The chosen authors' spans of one article, in text order. */
  spans(articleId: number): AgreementSpanRow[] {
    this.spanRows ??= this.db
      .prepare(
        `SELECT author, label_key, start, "end" FROM annotations
         WHERE article_id = @articleId AND author IN (${this.authorList.sql}) ORDER BY start, "end"`,
      )
      .raw();
    return this.spanRows.all({ ...this.authorList.params, articleId }) as AgreementSpanRow[];
  }
}
