import type { Database, Statement } from 'better-sqlite3';
import type { Article, ArticleMetadataPatch, ArticleStatus, ArticleSummary } from '../../../shared/domain/schemas';
import { ApiError } from '../../../shared/contract/errors';
import { countWords, foldAndCountWords, foldVietnamese } from '../../../shared/text/fold';
import { storedDuplicateKeyOf, storedDuplicateKeyOfFolded } from './duplicate-keys';
import { SearchIndex } from './search-index';
import { SentenceStore } from './sentences';
import { sortKeysOf, SortKeyWriter } from './sort-keys';
import { nowIso } from './clock';
import { joinedWriteTransaction, writeTransaction } from './write-transaction';

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
  /** Computed by the caller (an import computes them on its reading thread); else by `insert`. */
  derived?: DerivedColumns;
}

/**
 * The columns and rows the store derives from an article's title, source and text: its word
 * count, duplicate key, search row (folded) and library sort keys. One fold of the text serves
 * the search row and the duplicate key, and counts its words on the way. Pure, so an import
 * computes them off the writing thread.
 */
export interface DerivedColumns {
  wordCount: number;
  /** `articles.duplicate_key` (./duplicate-keys.ts). */
  duplicateKey: string | null;
  titleFolded: string;
  textFolded: string;
  titleSort: string;
  sourceSort: string;
}

export function derivedColumnsOf(article: Pick<NewArticle, 'title' | 'source' | 'text'>): DerivedColumns {
  const { folded: textFolded, words } = foldAndCountWords(article.text);
  const sortKeys = sortKeysOf(displayTitleOf(article.title, article.text.slice(0, 200)), article.source);
  return {
    wordCount: words,
    duplicateKey: storedDuplicateKeyOfFolded(article.text, textFolded),
    titleFolded: foldVietnamese(article.title ?? ''),
    textFolded,
    titleSort: sortKeys.titleSort,
    sourceSort: sortKeys.sourceSort,
  };
}

/** An article's search row, held until its batch's end (`ArticleStore.withSearchRowsAtEnd`). */
interface HeldSearchRow {
  contentHash: string;
  titleFolded: string;
  textFolded: string;
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

interface ArticleHead {
  id: number;
  title: string | null;
  head: string;
}

const headOf = (row: ArticleHead | undefined): { id: number; displayTitle: string } | null =>
  row ? { id: row.id, displayTitle: displayTitleOf(row.title, row.head) } : null;

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
  /**
   * The import's statements, prepared on first use and kept: preparing the insert compiles the
   * triggers on `articles`, which cost more than the insert itself. Not prepared in the
   * constructor, since stores are also made on databases older than the columns they name.
   */
  /**
   * Search rows held back by `withSearchRowsAtEnd`, by article id, with the content hash of the
   * article they were made for; null while rows are written with their article.
   */
  private heldSearchRows: Map<number, HeldSearchRow> | null = null;
  private statements: {
    insert: Statement;
    hashOf: Statement<[number], string>;
    byHash: Statement<[string], ArticleHead>;
    byDuplicateKey: Statement<[string], ArticleHead>;
  } | null = null;

  constructor(private readonly db: Database) {
    this.searchIndex = new SearchIndex(db);
    this.sortKeys = new SortKeyWriter(db);
    this.sentences = new SentenceStore(db);
  }

  private prepared(): NonNullable<ArticleStore['statements']> {
    this.statements ??= {
      // `text` is null when it is the raw text (nothing canonicalised, nothing trimmed: most
      // files): a string is converted to UTF-8 each time it is bound, 16 KB of an 8 KB article.
      insert: this.db.prepare(
        `INSERT INTO articles (raw_text, text, trimmed_text, content_hash, title, source, byline, url,
           published_at, file_name, word_count, status, imported_at, updated_at, duplicate_key)
         VALUES (@rawText, coalesce(@text, @rawText), @trimmedText, @contentHash, @title, @source, @byline, @url,
           @publishedAt, @fileName, @wordCount, 'new', @now, @now, @duplicateKey)`,
      ),
      hashOf: this.db.prepare<[number], string>(`SELECT content_hash FROM articles WHERE id = ?`).pluck(),
      byHash: this.db.prepare(`SELECT id, title, substr(text, 1, 200) AS head FROM articles WHERE content_hash = ?`),
      byDuplicateKey: this.db.prepare(
        `SELECT id, title, substr(text, 1, 200) AS head FROM articles WHERE duplicate_key = ? ORDER BY id LIMIT 1`,
      ),
    };
    return this.statements;
  }

  /**
   * Inserts a new article with its search row and sort keys; the caller has checked the hash for
   * duplicates. Inside a transaction it joins it: the caller rolls back on an error.
   */
  insert(article: NewArticle): number {
    const now = nowIso();
    const derived = article.derived ?? derivedColumnsOf(article);
    return joinedWriteTransaction(this.db, () => {
      const result = this.prepared().insert.run({
        rawText: article.rawText,
        text: article.text === article.rawText ? null : article.text,
        trimmedText: article.trimmedText,
        contentHash: article.contentHash,
        title: article.title,
        source: article.source,
        byline: article.byline,
        url: article.url,
        publishedAt: article.publishedAt,
        fileName: article.fileName,
        wordCount: derived.wordCount,
        now,
        duplicateKey: derived.duplicateKey,
      });
      const id = Number(result.lastInsertRowid);
      if (this.heldSearchRows) {
        const row = {
          contentHash: article.contentHash,
          titleFolded: derived.titleFolded,
          textFolded: derived.textFolded,
        };
        this.heldSearchRows.set(id, row);
      } else {
        this.searchIndex.putFolded(id, derived.titleFolded, derived.textFolded);
      }
      this.sortKeys.writeKeys(id, derived);
      return id;
    });
  }

  /**
   * Runs `work`, a transaction that inserts articles each in a savepoint of its own (an import
   * batch), with the search rows of the articles it inserts written together at its end, in the
   * same transaction. FTS5 flushes its pending rows to a new index segment at every savepoint
   * opened after a write, so rows written with their articles cost one segment per file, and
   * the merging of thousands of tiny segments. A row is written only for an article still there
   * (a file whose savepoint rolled back leaves none, or its id to a later article, whose row
   * replaced it). Must run inside a transaction; nested, it joins the outer one.
   */
  withSearchRowsAtEnd<T>(work: () => T): T {
    if (!this.db.inTransaction) throw new Error('ArticleStore.withSearchRowsAtEnd runs inside a transaction.');
    if (this.heldSearchRows) return work();
    const held = new Map<number, HeldSearchRow>();
    this.heldSearchRows = held;
    let value: T;
    try {
      value = work();
    } finally {
      this.heldSearchRows = null;
    }
    const { hashOf } = this.prepared();
    for (const [id, row] of held)
      if (hashOf.get(id) === row.contentHash) this.searchIndex.putFolded(id, row.titleFolded, row.textFolded);
    return value;
  }

  findIdByHash(contentHash: string): { id: number; displayTitle: string } | null {
    return headOf(this.prepared().byHash.get(contentHash));
  }

  /**
   * The oldest article that `text` probably duplicates: the same duplicate key (its folded
   * longest paragraph), found by the index of migration 010.
   */
  findProbableDuplicate(text: string): { id: number; displayTitle: string } | null {
    return this.findByDuplicateKey(storedDuplicateKeyOf(text));
  }

  /** `findProbableDuplicate` for a stored duplicate key already computed (`DerivedColumns.duplicateKey`). */
  findByDuplicateKey(duplicateKey: string | null): { id: number; displayTitle: string } | null {
    return duplicateKey === null ? null : headOf(this.prepared().byDuplicateKey.get(duplicateKey));
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
      this.rewriteSearchRow(id, article.title, text);
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
    this.rewriteSearchRow(id, title, text);
  }

  /** An article's search row after its title or text changed; held with the others while its insert's row is. */
  private rewriteSearchRow(id: number, title: string | null, text: string): void {
    const held = this.heldSearchRows?.get(id);
    if (!held) return this.searchIndex.put(id, title, text);
    held.titleFolded = foldVietnamese(title ?? '');
    held.textFolded = foldVietnamese(text);
  }
}

/** Empty metadata is stored as NULL, so "not found" and "cleared" read the same. */
function normaliseField(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
