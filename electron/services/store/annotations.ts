import type { Database } from 'better-sqlite3';
import type { Annotation } from '../../../shared/domain/schemas';
import { ApiError } from '../../../shared/contract/errors';

interface AnnotationRow {
  id: number;
  article_id: number;
  label_key: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  origin: Annotation['origin'];
  created_at: string;
  updated_at: string;
}

export function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    articleId: row.article_id,
    labelKey: row.label_key,
    start: row.start,
    end: row.end,
    quote: row.quote,
    note: row.note,
    origin: row.origin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Row-level access to annotations. Validation and history live in the annotation service. */
export class AnnotationStore {
  constructor(private readonly db: Database) {}

  listForArticle(articleId: number): Annotation[] {
    const rows = this.db
      .prepare(`SELECT * FROM annotations WHERE article_id = ? ORDER BY start, "end" DESC, id`)
      .all(articleId) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  get(id: number): Annotation {
    const row = this.db.prepare(`SELECT * FROM annotations WHERE id = ?`).get(id) as AnnotationRow | undefined;
    if (!row) throw new ApiError('not_found', `Annotation ${id} does not exist.`);
    return toAnnotation(row);
  }

  /** Inserts a full row; `id` is kept when given (undo of a delete re-creates the same id). */
  insert(annotation: Omit<Annotation, 'id'> & { id?: number }): Annotation {
    const result = this.db
      .prepare(
        `INSERT INTO annotations (id, article_id, label_key, start, "end", quote, note, origin, created_at, updated_at)
         VALUES (@id, @articleId, @labelKey, @start, @end, @quote, @note, @origin, @createdAt, @updatedAt)`,
      )
      .run({ ...annotation, id: annotation.id ?? null });
    return this.get(Number(result.lastInsertRowid));
  }

  replace(annotation: Annotation): Annotation {
    this.db
      .prepare(
        `UPDATE annotations SET label_key = @labelKey, start = @start, "end" = @end, quote = @quote,
           note = @note, origin = @origin, created_at = @createdAt, updated_at = @updatedAt WHERE id = @id`,
      )
      .run(annotation);
    return this.get(annotation.id);
  }

  delete(id: number): void {
    this.db.prepare(`DELETE FROM annotations WHERE id = ?`).run(id);
  }
}
