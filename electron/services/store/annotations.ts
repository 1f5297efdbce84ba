import type { Database, Statement } from 'better-sqlite3';
import type { AttributeValues } from '../../../shared/domain/attribute-values';
import type { Annotation } from '../../../shared/domain/schemas';
import { ApiError } from '../../../shared/contract/errors';
import { SentenceStore } from './sentences';

interface AnnotationRow {
  id: number;
  article_id: number;
  label_key: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  author: string;
  origin: Annotation['origin'];
  imported_id: number | null;
  /** `{}` when no attribute is set (migration 006). */
  attributes_json: string;
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
    author: row.author,
    origin: row.origin,
    ...(row.attributes_json !== '{}' ? { attributes: JSON.parse(row.attributes_json) as AttributeValues } : {}),
    ...(row.imported_id !== null ? { importedId: row.imported_id } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A row to insert: `id` only when re-creating a known annotation (redo, undo of a delete). */
export type NewAnnotationRow = Omit<Annotation, 'id' | 'author'> & {
  id?: number;
  /** '' when unknown (rows seeded outside the change pipeline, e.g. benchmarks). */
  author?: string;
};

/** Row-level access to annotations. Validation and history live in the change service. */
export class AnnotationStore {
  private readonly sentences: SentenceStore;
  /**
   * Statements prepared once: preparing a write to `annotations` compiles every trigger on it (the
   * library's and the dashboard's counters), about a millisecond each time, which an annotate-all
   * of thousands of spans paid per span.
   */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    this.sentences = new SentenceStore(db);
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  listForArticle(articleId: number): Annotation[] {
    const rows = this.prepare(`SELECT * FROM annotations WHERE article_id = ? ORDER BY start, "end" DESC, id`).all(
      articleId,
    ) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  find(id: number): Annotation | null {
    const row = this.prepare(`SELECT * FROM annotations WHERE id = ?`).get(id) as AnnotationRow | undefined;
    return row ? toAnnotation(row) : null;
  }

  /**
   * Another annotation by the same author with the same label and range in the article
   * (index: article, start, end). Authors are layers: a colleague's or the gold layer's twin of
   * my span is agreement, not a duplicate.
   */
  findIdentical(
    span: Pick<Annotation, 'articleId' | 'labelKey' | 'start' | 'end' | 'author'>,
    exceptId: number | null,
  ): Annotation | null {
    const row = this.prepare(
      `SELECT * FROM annotations WHERE article_id = ? AND start = ? AND "end" = ? AND label_key = ?
           AND author = ? AND id IS NOT ? LIMIT 1`,
    ).get(span.articleId, span.start, span.end, span.labelKey, span.author, exceptId) as AnnotationRow | undefined;
    return row ? toAnnotation(row) : null;
  }

  get(id: number): Annotation {
    const found = this.find(id);
    if (!found) throw ApiError.of('not_found', 'annotationNotFound', { id });
    return found;
  }

  insert(annotation: NewAnnotationRow): Annotation {
    // The dashboard's per-sentence triggers look the span's sentences up (migration 020).
    this.sentences.ensure(annotation.articleId);
    const result = this.prepare(
      `INSERT INTO annotations (id, article_id, label_key, start, "end", quote, note, author, origin, imported_id,
           attributes_json, created_at, updated_at)
         VALUES (@id, @articleId, @labelKey, @start, @end, @quote, @note, @author, @origin, @importedId,
           @attributesJson, @createdAt, @updatedAt)`,
    ).run({
      ...annotation,
      id: annotation.id ?? null,
      author: annotation.author ?? '',
      importedId: annotation.importedId ?? null,
      attributesJson: attributesJson(annotation.attributes),
    });
    return this.get(Number(result.lastInsertRowid));
  }

  /** Rewrites every column but the id and the article. */
  replace(annotation: Annotation): Annotation {
    this.prepare(
      `UPDATE annotations SET label_key = @labelKey, start = @start, "end" = @end, quote = @quote, note = @note,
           author = @author, origin = @origin, imported_id = @importedId, attributes_json = @attributesJson,
           created_at = @createdAt, updated_at = @updatedAt
         WHERE id = @id`,
    ).run({
      ...annotation,
      importedId: annotation.importedId ?? null,
      attributesJson: attributesJson(annotation.attributes),
    });
    return this.get(annotation.id);
  }

  delete(id: number): void {
    this.prepare(`DELETE FROM annotations WHERE id = ?`).run(id);
  }

  /** The annotations of a label on which the attribute `key` is set (a definition being changed or deleted). */
  listWithAttribute(labelKey: string, key: string): Annotation[] {
    const rows = this.prepare(
      `SELECT * FROM annotations WHERE label_key = ? AND json_type(attributes_json, '$."' || ? || '"') IS NOT NULL
         ORDER BY id`,
    ).all(labelKey, key) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  /** The article's annotations that have attributes set: those that may point at another span. */
  listWithAttributes(articleId: number): Annotation[] {
    const rows = this.prepare(
      `SELECT * FROM annotations WHERE article_id = ? AND attributes_json <> '{}' ORDER BY id`,
    ).all(articleId) as AnnotationRow[];
    return rows.map(toAnnotation);
  }
}

/** Keys sorted, so equal maps are equal text (undo compares stored states). */
function attributesJson(values: AttributeValues | undefined): string {
  if (!values) return '{}';
  return JSON.stringify(Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1))));
}
