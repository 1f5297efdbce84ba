import type { Database } from 'better-sqlite3';
import type { AttributeValue } from '../../../shared/domain/attributes';
import type { FieldValueState } from '../../../shared/domain/changes';

interface FieldRow {
  article_id: number;
  field_key: string;
  value_json: string;
  author: string;
  updated_at: string;
}

const toState = (row: FieldRow): FieldValueState => ({
  articleId: row.article_id,
  key: row.field_key,
  value: JSON.parse(row.value_json) as AttributeValue,
  author: row.author,
  updatedAt: row.updated_at,
});

/** Each article's document field values. Validation and history live in the field value handler. */
export class ArticleFieldStore {
  constructor(private readonly db: Database) {}

  /** The article's values by field key (unset fields are absent). */
  valuesOf(articleId: number): Record<string, AttributeValue> {
    const rows = this.db
      .prepare(`SELECT * FROM article_fields WHERE article_id = ? ORDER BY field_key`)
      .all(articleId) as FieldRow[];
    return Object.fromEntries(rows.map((row) => [row.field_key, JSON.parse(row.value_json) as AttributeValue]));
  }

  find(articleId: number, key: string): FieldValueState | null {
    const row = this.db
      .prepare(`SELECT * FROM article_fields WHERE article_id = ? AND field_key = ?`)
      .get(articleId, key) as FieldRow | undefined;
    return row ? toState(row) : null;
  }

  /** Every stored value of one field (to check them against a changed definition, or clear them). */
  listForField(key: string): FieldValueState[] {
    const rows = this.db
      .prepare(`SELECT * FROM article_fields WHERE field_key = ? ORDER BY article_id`)
      .all(key) as FieldRow[];
    return rows.map(toState);
  }

  put(state: FieldValueState): FieldValueState {
    this.db
      .prepare(
        `INSERT INTO article_fields (article_id, field_key, value_json, author, updated_at)
         VALUES (@articleId, @key, @valueJson, @author, @updatedAt)
         ON CONFLICT (article_id, field_key) DO UPDATE SET value_json = excluded.value_json,
           author = excluded.author, updated_at = excluded.updated_at`,
      )
      .run({ ...state, valueJson: JSON.stringify(state.value) });
    return this.find(state.articleId, state.key)!;
  }

  delete(articleId: number, key: string): void {
    this.db.prepare(`DELETE FROM article_fields WHERE article_id = ? AND field_key = ?`).run(articleId, key);
  }
}
