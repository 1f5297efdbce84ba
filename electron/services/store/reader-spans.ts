import type { Database, Statement } from 'better-sqlite3';
import type { ReaderRelation, SpanRow } from '../../../shared/contract/reader';

/**
 * The columns of an article's spans that the reader opens with: no quote (the reader slices it
 * from the text it already has) and no timestamps; and its relations, by the same ids. Read-only.
 */
export class ReaderSpanStore {
  private readonly listStatement: Statement<[number], string>;
  private readonly relationsStatement: Statement<[number], ReaderRelation>;

  constructor(db: Database) {
    this.relationsStatement = db.prepare(
      `SELECT id, type_key AS typeKey, head_id AS headId, tail_id AS tailId FROM relations WHERE article_id = ? ORDER BY id`,
    );
    // SQLite builds the list as one JSON text of small arrays: at 10,000 spans that and one
    // JSON.parse take about half the time of 10,000 row objects from the driver. The ORDER BY
    // inside the aggregate is what fixes the order (an ordered subquery would not promise it).
    // Attribute values go in as JSON (json(), not a quoted string), null when none is set. The
    // author is sent on only when the article has several (encodeSpans), for the reader's layers.
    this.listStatement = db
      .prepare<[number], string>(
        `SELECT json_group_array(
           json_array(id, label_key, start, "end", note,
             CASE WHEN attributes_json = '{}' THEN NULL ELSE json(attributes_json) END, author)
           ORDER BY start, "end" DESC, id)
         FROM annotations WHERE article_id = ?`,
      )
      .pluck();
  }

  /** In text order: start asc, end desc, id asc (what `encodeSpans` expects). */
  listInTextOrder(articleId: number): SpanRow[] {
    return JSON.parse(this.listStatement.get(articleId) ?? '[]') as SpanRow[];
  }

  /** The article's relations by id. */
  listRelations(articleId: number): ReaderRelation[] {
    return this.relationsStatement.all(articleId);
  }
}
