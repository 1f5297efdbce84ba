import type { Database, Statement } from 'better-sqlite3';
import { sentenceRanges } from '../../../shared/text/syllables';

/**
 * Where an article's sentences start (`article_sentences`, migration 020), from the project's one
 * sentence splitter (`sentenceRanges`: abbreviations such as "TP." and "PGS.TS.", numbers such as
 * "1.000", closing quotes). The dashboard's per-sentence label pairs are counted by triggers that
 * look a span's sentences up here, so the rows must exist before an article's first span: they are
 * written then (`ensure`), not at import, where most articles never get a span.
 */
export class SentenceStore {
  /**
   * Asked before every span written, so prepared once, on first use: stores are also made on
   * databases older than migration 020 (migration tests build them).
   */
  private known: Statement | null = null;

  constructor(private readonly db: Database) {}

  /** Writes the article's sentence starts unless they are there. */
  ensure(articleId: number): void {
    if (this.has(articleId)) return;
    const text = this.db.prepare(`SELECT text FROM articles WHERE id = ?`).pluck().get(articleId) as string | undefined;
    if (text !== undefined) this.write(articleId, text);
  }

  /**
   * Adds the starts of `text` that are missing. Text appended to an article (restored chrome)
   * leaves every earlier start where it was, so the spans' counts stay right.
   */
  write(articleId: number, text: string): void {
    const insert = this.db.prepare(`INSERT OR IGNORE INTO article_sentences (article_id, start) VALUES (?, ?)`);
    // An article always has a sentence at 0, so a span before the first token still has one.
    insert.run(articleId, 0);
    for (const sentence of sentenceRanges(text)) insert.run(articleId, sentence.start);
  }

  /** Whether the article's sentences were written (it has or had a span). */
  has(articleId: number): boolean {
    this.known ??= this.db.prepare(`SELECT 1 FROM article_sentences WHERE article_id = ? LIMIT 1`);
    return this.known.get(articleId) !== undefined;
  }
}
