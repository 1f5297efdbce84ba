import type { Database, Statement } from 'better-sqlite3';
import type { ReaderRelation, ReaderSpan } from '../../../shared/contract/reader';

/**
 * The columns of an article's spans that the reader opens with: no quote (the reader slices it
 * from the text it already has) and no timestamps; and its relations, by the same ids. Read-only.
 */
export class ReaderSpanStore {
  private readonly listStatement: Statement<[number], Omit<ReaderSpan, 'quote'>>;
  private readonly relationsStatement: Statement<[number], ReaderRelation>;

  constructor(db: Database) {
    this.relationsStatement = db.prepare(
      `SELECT id, type_key AS typeKey, head_id AS headId, tail_id AS tailId FROM relations WHERE article_id = ? ORDER BY id`,
    );
    this.listStatement = db.prepare(
      `SELECT id, label_key AS labelKey, start, "end", note FROM annotations
       WHERE article_id = ? ORDER BY start, "end" DESC, id`,
    );
  }

  /** In text order: start asc, end desc, id asc (what `encodeSpans` expects). */
  listInTextOrder(articleId: number): Omit<ReaderSpan, 'quote'>[] {
    return this.listStatement.all(articleId);
  }

  /** The article's relations by id. */
  listRelations(articleId: number): ReaderRelation[] {
    return this.relationsStatement.all(articleId);
  }
}
