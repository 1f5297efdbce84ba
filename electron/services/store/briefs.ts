import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import type { Brief, BriefContent, BriefSummary } from '../../../shared/brief/brief';

interface BriefRow {
  id: number;
  title: string;
  author: string;
  content_json: string;
  created_at: string;
  updated_at: string;
}

const SUMMARY_COLUMNS = `id, title, author, created_at, updated_at`;

function toSummary(row: Omit<BriefRow, 'content_json'>): BriefSummary {
  return { id: row.id, title: row.title, author: row.author, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toBrief(row: BriefRow): Brief {
  return { ...toSummary(row), content: JSON.parse(row.content_json) as BriefContent };
}

/** A cited span as it is stored now, with what a citation shows of its article. */
export interface CitedSpanRow {
  annotationId: number;
  articleId: number;
  labelKey: string;
  startU16: number;
  endU16: number;
  quote: string;
  /** The title, or null when the article has none (the citation then shows its first words). */
  title: string | null;
  head: string;
  source: string | null;
  publishedAt: string | null;
}

/** One candidate of the editor's citation palette: what it is matched on. */
export interface CitableSpanKey {
  annotationId: number;
  quote: string;
  labelKey: string;
  entityName: string | null;
}

/** Row-level access to briefs and the reads citations need. Validation lives in the change pipeline. */
export class BriefStore {
  constructor(private readonly db: Database) {}

  list(): BriefSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM briefs ORDER BY updated_at DESC, id DESC`)
      .all() as BriefRow[];
    return rows.map(toSummary);
  }

  find(id: number): Brief | null {
    const row = this.db.prepare(`SELECT * FROM briefs WHERE id = ?`).get(id) as BriefRow | undefined;
    return row ? toBrief(row) : null;
  }

  get(id: number): Brief {
    const found = this.find(id);
    if (!found) throw ApiError.of('not_found', 'briefNotFound', { id });
    return found;
  }

  /** Inserts with the given id when re-creating a known brief. */
  insert(brief: Omit<Brief, 'id'> & { id?: number }): Brief {
    const result = this.db
      .prepare(
        `INSERT INTO briefs (id, title, author, content_json, created_at, updated_at)
         VALUES (@id, @title, @author, @content, @createdAt, @updatedAt)`,
      )
      .run({ ...brief, id: brief.id ?? null, content: JSON.stringify(brief.content) });
    return this.get(Number(result.lastInsertRowid));
  }

  replace(brief: Brief): Brief {
    this.db
      .prepare(
        `UPDATE briefs SET title = @title, author = @author, content_json = @content, created_at = @createdAt,
           updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ ...brief, content: JSON.stringify(brief.content) });
    return this.get(brief.id);
  }

  delete(id: number): void {
    this.db.prepare(`DELETE FROM briefs WHERE id = ?`).run(id);
  }

  /** The spans of `annotationIds` that still exist, with their articles' title, source and date. */
  citedSpans(annotationIds: readonly number[]): CitedSpanRow[] {
    if (annotationIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT a.id AS annotationId, a.article_id AS articleId, a.label_key AS labelKey, a.start AS startU16,
           a."end" AS endU16, a.quote, r.title, substr(r.text, 1, 200) AS head, r.source,
           r.published_at AS publishedAt
         FROM annotations a JOIN articles r ON r.id = a.article_id
         WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(annotationIds)) as CitedSpanRow[];
  }

  /** Which of `articleIds` still exist. */
  existingArticles(articleIds: readonly number[]): Set<number> {
    if (articleIds.length === 0) return new Set();
    const ids = this.db
      .prepare(`SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(JSON.stringify(articleIds)) as number[];
    return new Set(ids);
  }

  /** An article's canonical text (for code-point offsets). */
  articleText(articleId: number): string {
    const text = this.db.prepare(`SELECT text FROM articles WHERE id = ?`).pluck().get(articleId) as string | undefined;
    if (text === undefined) throw ApiError.of('not_found', 'articleNotFound', { id: articleId });
    return text;
  }

  /**
   * Every span with what the citation palette matches it on (quote, label, linked entity), newest
   * first, one row at a time: the caller folds and filters, and stops once it has enough.
   */
  *citableSpanKeys(): Generator<CitableSpanKey> {
    yield* this.db
      .prepare(
        `SELECT a.id AS annotationId, a.quote, a.label_key AS labelKey, e.name AS entityName
         FROM annotations a
         LEFT JOIN entity_links l ON l.annotation_id = a.id
         LEFT JOIN entities e ON e.id = l.entity_id
         ORDER BY a.id DESC`,
      )
      .iterate() as Generator<CitableSpanKey>;
  }
}
