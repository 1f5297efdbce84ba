import type { Database } from 'better-sqlite3';
import type { AssistRecord, GazetteerName } from '../../../shared/assist/changes';
import type { PatternDefinition } from '../../../shared/assist/patterns';
import type { Suggestion } from '../../../shared/assist/suggestion';
import { nowIso } from './clock';
import { writeTransaction } from './write-transaction';

type RejectionRecord = Extract<AssistRecord, { type: 'rejection' }>;

/** Row access for what the analyst taught the suggesters (migration 012). */
export class AssistStore {
  constructor(private readonly db: Database) {}

  listNames(): GazetteerName[] {
    return this.db
      .prepare(`SELECT label_key AS labelKey, text FROM assist_names ORDER BY label_key, text`)
      .all() as GazetteerName[];
  }

  hasName(name: GazetteerName): boolean {
    return (
      this.db.prepare(`SELECT 1 FROM assist_names WHERE label_key = ? AND text = ?`).get(name.labelKey, name.text) !==
      undefined
    );
  }

  insertName(name: GazetteerName): void {
    this.db
      .prepare(`INSERT INTO assist_names (label_key, text, created_at) VALUES (?, ?, ?)`)
      .run(name.labelKey, name.text, nowIso());
  }

  deleteName(name: GazetteerName): void {
    this.db.prepare(`DELETE FROM assist_names WHERE label_key = ? AND text = ?`).run(name.labelKey, name.text);
  }

  /** The analyst's patterns and overrides of shipped ones, by id. */
  listPatternOverrides(): Map<string, PatternDefinition> {
    const rows = this.db.prepare(`SELECT id, definition_json FROM assist_patterns ORDER BY id`).all() as {
      id: string;
      definition_json: string;
    }[];
    return new Map(rows.map((row) => [row.id, JSON.parse(row.definition_json) as PatternDefinition]));
  }

  findPatternOverride(id: string): PatternDefinition | null {
    const json = this.db.prepare(`SELECT definition_json FROM assist_patterns WHERE id = ?`).pluck().get(id) as
      string | undefined;
    return json === undefined ? null : (JSON.parse(json) as PatternDefinition);
  }

  putPatternOverride(definition: PatternDefinition): void {
    this.db
      .prepare(
        `INSERT INTO assist_patterns (id, definition_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET definition_json = excluded.definition_json, updated_at = excluded.updated_at`,
      )
      .run(definition.id, JSON.stringify(definition), nowIso());
  }

  deletePatternOverride(id: string): void {
    this.db.prepare(`DELETE FROM assist_patterns WHERE id = ?`).run(id);
  }

  /** The rejected texts of an article, as `labelKey`/`textKey` pairs. */
  listRejections(articleId: number): RejectionRecord[] {
    const rows = this.db
      .prepare(
        `SELECT article_id AS articleId, label_key AS labelKey, text_key AS textKey, quote
           FROM assist_rejections WHERE article_id = ?`,
      )
      .all(articleId) as Omit<RejectionRecord, 'type'>[];
    return rows.map((row) => ({ type: 'rejection', ...row }));
  }

  findRejection(articleId: number, labelKey: string, textKey: string): RejectionRecord | null {
    const row = this.db
      .prepare(
        `SELECT article_id AS articleId, label_key AS labelKey, text_key AS textKey, quote
           FROM assist_rejections WHERE article_id = ? AND label_key = ? AND text_key = ?`,
      )
      .get(articleId, labelKey, textKey) as Omit<RejectionRecord, 'type'> | undefined;
    return row ? { type: 'rejection', ...row } : null;
  }

  insertRejection(record: RejectionRecord): void {
    this.db
      .prepare(
        `INSERT INTO assist_rejections (article_id, label_key, text_key, quote, created_at) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(record.articleId, record.labelKey, record.textKey, record.quote, nowIso());
  }

  deleteRejection(record: RejectionRecord): void {
    this.db
      .prepare(`DELETE FROM assist_rejections WHERE article_id = ? AND label_key = ? AND text_key = ?`)
      .run(record.articleId, record.labelKey, record.textKey);
  }

  /** Replaces an article's stored suggestions (a pre-annotation run's result, kept for review), at once. */
  replaceStoredSuggestions(articleId: number, suggestions: readonly Suggestion[]): void {
    const insert = this.db.prepare(
      `INSERT INTO assist_stored_suggestions (article_id, label_key, start, "end", quote, source, rule, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = nowIso();
    writeTransaction(this.db, () => {
      this.db.prepare(`DELETE FROM assist_stored_suggestions WHERE article_id = ?`).run(articleId);
      for (const s of suggestions) insert.run(articleId, s.labelKey, s.start, s.end, s.quote, s.source, s.rule, now);
    });
  }

  /**
   * The article's spans as far as the suggestion filter looks: label and range. Read from the
   * covering index `annotations_by_article` (migration 024), not as full annotations: at 10,000
   * spans that was a tenth of a suggestion request's CPU.
   */
  spanRanges(articleId: number): { labelKey: string; start: number; end: number }[] {
    return this.db
      .prepare(`SELECT label_key AS labelKey, start, "end" FROM annotations WHERE article_id = ?`)
      .all(articleId) as { labelKey: string; start: number; end: number }[];
  }

  /** What a pre-annotation run stored for the article, in reading order. */
  listStoredSuggestions(articleId: number): Suggestion[] {
    return this.db
      .prepare(
        `SELECT label_key AS labelKey, start, "end", quote, source, rule
           FROM assist_stored_suggestions WHERE article_id = ? ORDER BY start, "end" DESC`,
      )
      .all(articleId) as Suggestion[];
  }

  /**
   * The entity registry's names and aliases under their entity's type label (merged entities
   * left out, as they redirect), for the names gazetteer.
   */
  registryNames(): GazetteerName[] {
    return this.db
      .prepare(
        `SELECT type_label_key AS labelKey, name AS text FROM entities WHERE merged_into IS NULL
         UNION
         SELECT e.type_label_key, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
          WHERE e.merged_into IS NULL`,
      )
      .all() as GazetteerName[];
  }

  /** Every stored annotation's label and text, for the gazetteer that learns from the analyst. */
  *learnedNames(maxChars: number): IterableIterator<{ labelKey: string; text: string }> {
    yield* this.db
      .prepare(`SELECT DISTINCT label_key AS labelKey, quote AS text FROM annotations WHERE length(quote) <= ?`)
      .iterate(maxChars) as IterableIterator<{ labelKey: string; text: string }>;
  }
}
