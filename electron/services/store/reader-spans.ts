import type { Database, Statement } from 'better-sqlite3';
import type { ReaderSpan } from '../../../shared/contract/reader';
import type { AttributeValues } from '../../../shared/domain/attribute-values';

type SpanRow = Omit<ReaderSpan, 'quote' | 'attributes'> & { attributesJson: string };

/**
 * The columns of an article's spans that the reader opens with: no quote (the reader slices it
 * from the text it already has) and no timestamps. Read-only.
 */
export class ReaderSpanStore {
  private readonly listStatement: Statement<[number], SpanRow>;

  constructor(db: Database) {
    this.listStatement = db.prepare(
      `SELECT id, label_key AS labelKey, start, "end", note, attributes_json AS attributesJson FROM annotations
       WHERE article_id = ? ORDER BY start, "end" DESC, id`,
    );
  }

  /** In text order: start asc, end desc, id asc (what `encodeSpans` expects). */
  listInTextOrder(articleId: number): Omit<ReaderSpan, 'quote'>[] {
    return this.listStatement
      .all(articleId)
      .map(({ attributesJson, ...span }) =>
        attributesJson === '{}' ? span : { ...span, attributes: JSON.parse(attributesJson) as AttributeValues },
      );
  }
}
