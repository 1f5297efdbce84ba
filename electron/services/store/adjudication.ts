import type { Database, Statement } from 'better-sqlite3';
import type { AdjudicationRecord, Decision } from '../../../shared/adjudication/changes';
import { nowIso } from './clock';

type RecordKey = Pick<AdjudicationRecord, 'articleId' | 'mine' | 'theirs' | 'key'>;

/** Row access for the remembered adjudication decisions (migration 018). */
export class AdjudicationStore {
  private readonly findStatement: Statement<[number, string, string, string], { decision: Decision }>;
  private readonly listStatement: Statement<[number, string, string], { key: string; decision: Decision }>;

  constructor(private readonly db: Database) {
    this.findStatement = db.prepare(
      `SELECT decision FROM adjudication_decisions
       WHERE article_id = ? AND mine = ? AND theirs = ? AND disagreement_key = ?`,
    );
    this.listStatement = db.prepare(
      `SELECT disagreement_key AS key, decision FROM adjudication_decisions
       WHERE article_id = ? AND mine = ? AND theirs = ?`,
    );
  }

  find(record: RecordKey): AdjudicationRecord | null {
    const row = this.findStatement.get(record.articleId, record.mine, record.theirs, record.key);
    return row ? { ...pick(record), decision: row.decision } : null;
  }

  /** The decisions between two layers of one article: disagreement key → decision. */
  decisionsOf(articleId: number, mine: string, theirs: string): Map<string, Decision> {
    return new Map(this.listStatement.all(articleId, mine, theirs).map((row) => [row.key, row.decision]));
  }

  insert(record: AdjudicationRecord): void {
    this.db
      .prepare(
        `INSERT INTO adjudication_decisions (article_id, mine, theirs, disagreement_key, decision, decided_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(record.articleId, record.mine, record.theirs, record.key, record.decision, nowIso());
  }

  delete(record: RecordKey): void {
    this.db
      .prepare(
        `DELETE FROM adjudication_decisions WHERE article_id = ? AND mine = ? AND theirs = ? AND disagreement_key = ?`,
      )
      .run(record.articleId, record.mine, record.theirs, record.key);
  }
}

const pick = ({ articleId, mine, theirs, key }: RecordKey): RecordKey => ({ articleId, mine, theirs, key });
