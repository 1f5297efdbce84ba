import type { Migration } from './types';

/**
 * Assisted annotation (issue 14): what the analyst taught the suggesters, and suggestions stored by
 * a pre-annotation job for review. Shipped names and patterns stay in resources/assist/; these
 * tables hold only the analyst's additions and overrides, so an update of the shipped data reaches
 * every workbench.
 */
export const migration012Assist: Migration = {
  version: 12,
  name: 'assisted annotation',
  up(db) {
    db.exec(`
      CREATE TABLE assist_names (
        label_key TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (label_key, text)
      ) STRICT;
      CREATE TABLE assist_patterns (
        id TEXT PRIMARY KEY,
        definition_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE assist_rejections (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        label_key TEXT NOT NULL,
        text_key TEXT NOT NULL,
        quote TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_id, label_key, text_key)
      ) STRICT;
      CREATE TABLE assist_stored_suggestions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        label_key TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        source TEXT NOT NULL,
        rule TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assist_stored_suggestions_by_article ON assist_stored_suggestions(article_id, start);
    `);
  },
};
