import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';

/** One id per connection: the counters below are the connection's. */
const connectionIds = new WeakMap<Database, string>();

/**
 * A token that changes whenever anything in the database may have changed: rows written through
 * this connection (`total_changes()`, which counts every insert, update and delete, triggers
 * included, even in a transaction later rolled back) and commits by any other connection, another
 * process's or a worker's (`PRAGMA data_version`). Equal tokens therefore mean that nothing was
 * written in between; unequal ones may be a false alarm (a rolled-back write), never a miss. The
 * first part is this connection's, so a token from before a restart never matches.
 *
 * Lets the reader keep an article's answer and ask only whether it is still current
 * (`reopenArticle`), instead of being sent the same 0.6 MB again.
 */
export class DatabaseVersion {
  private readonly instance: string;
  private readonly writesHere: Statement<[], number>;
  private readonly commitsElsewhere: Statement<[], number>;

  constructor(db: Database) {
    let instance = connectionIds.get(db);
    if (!instance) connectionIds.set(db, (instance = randomBytes(6).toString('base64url')));
    this.instance = instance;
    this.writesHere = db.prepare<[], number>(`SELECT total_changes()`).pluck();
    this.commitsElsewhere = db.prepare<[], number>(`PRAGMA data_version`).pluck();
  }

  current(): string {
    return `${this.instance}.${this.commitsElsewhere.get()}.${this.writesHere.get()}`;
  }
}
