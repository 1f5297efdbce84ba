import type { Database } from 'better-sqlite3';
import type { Article, ArticleMetadataPatch, ArticleStatus, ArticleSummary } from '../../../shared/domain/schemas';
import { ApiError } from '../../../shared/contract/errors';
import { countWords } from '../../../shared/text/fold';
import { storedDuplicateKeyOf } from './duplicate-keys';
import { SearchIndex } from './search-index';
import { SentenceStore } from './sentences';
import { SortKeyWriter } from './sort-keys';
import { nowIso } from './clock';
import { writeTransaction } from './write-transaction';

/** What an importer hands the store; the store adds id, status and timestamps. */
export interface NewArticle {
  rawText: string;
  /** Canonical annotatable text (without the trimmed chrome). */
  text: string;
  /** Chrome cut off the end; `text + trimmedText` is the full canonical text. */
  trimmedText: string | null;
  contentHash: string;
  title: string | null;
  source: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  fileName: string | null;
}

interface ArticleRow {
  id: number;
  title: string | null;
  source: string | null;
  published_at: string | null;
  word_count: number;
  annotation_count: number;
  status: ArticleStatus;
  imported_at: string;
  updated_at: string;
  head: string;
}

interface FullArticleRow extends ArticleRow {
  text: string;
  byline: string | null;
  url: string | null;
  file_name: string | null;
  content_hash: string;
  trimmed_text: string | null;
}

const SUMMARY_COLUMNS = `
  a.id, a.title, a.source, a.published_at, a.word_count, a.status, a.imported_at, a.updated_at,
  substr(a.text, 1, 200) AS head,
  (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS annotation_count`;

const DISPLAY_TITLE_WORDS = 12;

/** The title as shown, or null when it is missing or blank: the display title then comes from the text. */
export function ownTitleOf(title: string | null): string | null {
  return title?.trim() || null;
}

/** The title, or the first words of the text when the article has none. */
export function displayTitleOf(title: string | null, textHead: string): string {
  const own = ownTitleOf(title);
  if (own) return own;
  const words = textHead.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '(empty article)';
  const head = words.slice(0, DISPLAY_TITLE_WORDS).join(' ');
  return words.length > DISPLAY_TITLE_WORDS ? `${head}…` : head;
}

function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    displayTitle: displayTitleOf(row.title, row.head),
    source: row.source,
    publishedAt: row.published_at,
    wordCount: row.word_count,
    annotationCount: row.annotation_count,
    status: row.status,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
  };
}

export class ArticleStore {
  /** Kept in step with every write of a title or text, inside that write's transaction. */
  private readonly searchIndex: SearchIndex;
  /** The library's sort keys (migration 009), written with the row so a fresh import sorts at once. */
  private readonly sortKeys: SortKeyWriter;
  /** Sentence starts of annotated articles (migration 020), extended when text is appended. */
  private readonly sentences: SentenceStore;

  constructor(private readonly db: Database) {
    this.searchIndex = new SearchIndex(db);
    this.sortKeys = new SortKeyWriter(db);
    this.sentences = new SentenceStore(db);
  }

  /** Inserts a new article; the caller has checked the hash for duplicates. */
  insert(article: NewArticle): number {
    const now = nowIso();
    return writeTransaction(this.db, () => {
      const result = this.db
        .prepare(
          `INSERT INTO articles (raw_text, text, trimmed_text, content_hash, title, source, byline, url,
             published_at, file_name, word_count, status, imported_at, updated_at, duplicate_key)
           VALUES (@rawText, @text, @trimmedText, @contentHash, @title, @source, @byline, @url,
             @publishedAt, @fileName, @wordCount, 'new', @now, @now, @duplicateKey)`,
        )
        .run({
          ...article,
          wordCount: countWords(article.text),
          now,
          duplicateKey: storedDuplicateKeyOf(article.text),
        });
      const id = Number(result.lastInsertRowid);
      this.searchIndex.put(id, article.title, article.text);
      this.sortKeys.write(id, displayTitleOf(article.title, article.text.slice(0, 200)), article.source);
      return id;
    });
  }

  findIdByHash(contentHash: string): { id: number; displayTitle: string } | null {
    const row = this.db
      .prepare(`SELECT id, title, substr(text, 1, 200) AS head FROM articles WHERE content_hash = ?`)
      .get(contentHash) as { id: number; title: string | null; head: string } | undefined;
    return row ? { id: row.id, displayTitle: displayTitleOf(row.title, row.head) } : null;
  }

  /**
   * The oldest article that `text` probably duplicates: the same duplicate key (its folded
   * longest paragraph), found by the index of migration 010.
   */
  findProbableDuplicate(text: string): { id: number; displayTitle: string } | null {
    const key = storedDuplicateKeyOf(text);
    if (key === null) return null;
    const row = this.db
      .prepare(
        `SELECT id, title, substr(text, 1, 200) AS head FROM articles WHERE duplicate_key = ? ORDER BY id LIMIT 1`,
      )
      .get(key) as { id: number; title: string | null; head: string } | undefined;
    return row ? { id: row.id, displayTitle: displayTitleOf(row.title, row.head) } : null;
  }

  count(): number {
    return this.db.prepare(`SELECT count(*) FROM articles`).pluck().get() as number;
  }

  list(): ArticleSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.imported_at, a.id`)
      .all() as ArticleRow[];
    return rows.map(toSummary);
  }

  getSummary(id: number): ArticleSummary {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as
      ArticleRow | undefined;
    if (!row) throw ApiError.of('not_found', 'articleNotFound', { id });
    return toSummary(row);
  }

  get(id: number): Article {
    const row = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, a.text, a.byline, a.url, a.file_name, a.content_hash, a.trimmed_text
         FROM articles a WHERE a.id = ?`,
      )
      .get(id) as FullArticleRow | undefined;
    if (!row) throw ApiError.of('not_found', 'articleNotFound', { id });
    return {
      ...toSummary(row),
      text: row.text,
      byline: row.byline,
      url: row.url,
      fileName: row.file_name,
      contentHash: row.content_hash,
      trimmedText: row.trimmed_text,
    };
  }

  /** The canonical text alone: what annotation writes are validated against. */
  getText(id: number): string {
    const row = this.db.prepare(`SELECT text FROM articles WHERE id = ?`).get(id) as { text: string } | undefined;
    if (!row) throw ApiError.of('not_found', 'articleNotFound', { id });
    return row.text;
  }

  setStatus(id: number, status: ArticleStatus): ArticleSummary {
    const result = this.db
      .prepare(`UPDATE articles SET status = ?, updated_at = ? WHERE id = ?`)
      .run(status, nowIso(), id);
    if (result.changes === 0) throw ApiError.of('not_found', 'articleNotFound', { id });
    return this.getSummary(id);
  }

  /** Marks a new article as in progress; called when its first annotation is made. */
  markStarted(id: number): void {
    this.db.prepare(`UPDATE articles SET status = 'in_progress' WHERE id = ? AND status = 'new'`).run(id);
  }

  /** Gives an imported article back the status and times its file recorded (not "new", not now). */
  restoreImportedState(id: number, state: Pick<Article, 'status' | 'importedAt' | 'updatedAt'>): void {
    this.db
      .prepare(
        `UPDATE articles SET status = @status, imported_at = @importedAt, updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ status: state.status, importedAt: state.importedAt, updatedAt: state.updatedAt, id });
  }

  touch(id: number): void {
    this.db.prepare(`UPDATE articles SET updated_at = ? WHERE id = ?`).run(nowIso(), id);
  }

  updateMetadata(id: number, patch: ArticleMetadataPatch): Article {
    const columns: Record<keyof ArticleMetadataPatch, string> = {
      title: 'title',
      source: 'source',
      byline: 'byline',
      url: 'url',
      publishedAt: 'published_at',
    };
    const entries = (Object.keys(columns) as (keyof ArticleMetadataPatch)[]).filter((key) => key in patch);
    if (entries.length > 0) {
      const assignments = entries.map((key) => `${columns[key]} = @${key}`).join(', ');
      const values = Object.fromEntries(entries.map((key) => [key, normaliseField(patch[key] ?? null)]));
      writeTransaction(this.db, () => {
        const result = this.db
          .prepare(`UPDATE articles SET ${assignments}, updated_at = @now WHERE id = @id`)
          .run({ ...values, now: nowIso(), id });
        if (result.changes === 0) throw ApiError.of('not_found', 'articleNotFound', { id });
        if ('title' in patch) this.reindex(id);
      });
    }
    return this.get(id);
  }

  /** Appends the trimmed chrome back to the annotatable text; existing offsets stay valid. */
  restoreTrimmed(id: number): Article {
    return writeTransaction(this.db, () => {
      const article = this.get(id);
      if (article.trimmedText === null) return article;
      const text = article.text + article.trimmedText;
      this.db
        .prepare(
          `UPDATE articles SET text = ?, trimmed_text = NULL, word_count = ?, duplicate_key = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(text, countWords(text), storedDuplicateKeyOf(text), nowIso(), id);
      this.searchIndex.put(id, article.title, text);
      // The appended text's sentences, for spans made there (migration 020).
      if (this.sentences.has(id)) this.sentences.write(id, text);
      return this.get(id);
    });
  }

  /** Rewrites the article's search rows from what is stored now. */
  private reindex(id: number): void {
    const { title, text } = this.db.prepare(`SELECT title, text FROM articles WHERE id = ?`).get(id) as {
      title: string | null;
      text: string;
    };
    this.searchIndex.put(id, title, text);
  }
}

/** Empty metadata is stored as NULL, so "not found" and "cleared" read the same. */
function normaliseField(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
