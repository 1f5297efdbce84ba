import type { Migration } from './types';

/**
 * Adjudication (issue 15): which disagreements between two layers of an article were decided, and
 * how. The gold spans themselves are ordinary annotations (author "gold"); this table is what
 * makes a "reject both" (no span) stay decided after a restart, and what the walk reads to skip
 * decided disagreements. Written only by `adjudication.decide` changes (undone with their set).
 */
export const migration018Adjudication: Migration = {
  version: 18,
  name: 'adjudication decisions',
  up(db) {
    db.exec(`
      CREATE TABLE adjudication_decisions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        mine TEXT NOT NULL,
        theirs TEXT NOT NULL,
        disagreement_key TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('mine', 'theirs', 'both', 'edited', 'rejected')),
        decided_at TEXT NOT NULL,
        PRIMARY KEY (article_id, mine, theirs, disagreement_key)
      ) STRICT;
    `);
  },
};
