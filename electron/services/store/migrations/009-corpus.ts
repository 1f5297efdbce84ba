import type { Migration } from './types';

/**
 * The library at corpus scale (issue 13): what the library sorts and filters on, in a narrow
 * table of its own. In `articles` these columns sit after the raw and canonical texts, in
 * overflow pages, so a sort or a filter over 100,000 rows read a gigabyte; here a row is about a
 * hundred bytes and the whole table a few megabytes.
 *
 * `library_facets` mirrors `articles` through triggers, so every writer (imports, metadata edits,
 * status, the pipeline's touches, other connections) keeps it right without knowing it exists.
 * `annotation_count` follows `annotations` the same way. The two sort keys (Vietnamese
 * alphabetical order, shared/text/sort-key.ts) need TypeScript: a trigger sets them to NULL when
 * the title or source changes, and LibraryStore fills every NULL key before it sorts.
 *
 * Indexes on `annotations` answer "has label X" and "annotated by author Y" per article.
 */
export const migration009Corpus: Migration = {
  version: 9,
  name: 'library facets and corpus indexes',
  up(db) {
    db.exec(`
      CREATE TABLE library_facets (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        title_sort TEXT,                        -- vietnameseSortKey(display title); NULL = to be filled
        source TEXT,
        source_sort TEXT,                       -- vietnameseSortKey(source); NULL = to be filled
        published_at TEXT,
        word_count INTEGER NOT NULL,
        status TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        annotation_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      INSERT INTO library_facets (article_id, source, published_at, word_count, status, imported_at, annotation_count)
        SELECT a.id, a.source, a.published_at, a.word_count, a.status, a.imported_at,
          (SELECT count(*) FROM annotations n WHERE n.article_id = a.id)
        FROM articles a;

      CREATE TRIGGER library_facets_insert AFTER INSERT ON articles BEGIN
        INSERT INTO library_facets (article_id, source, published_at, word_count, status, imported_at)
          VALUES (NEW.id, NEW.source, NEW.published_at, NEW.word_count, NEW.status, NEW.imported_at);
      END;
      CREATE TRIGGER library_facets_update
        AFTER UPDATE OF title, source, published_at, word_count, status, imported_at, text ON articles BEGIN
        UPDATE library_facets SET
          title_sort = CASE WHEN NEW.title IS OLD.title AND (NEW.title IS NOT NULL OR NEW.text = OLD.text)
            THEN title_sort END,
          source = NEW.source,
          source_sort = CASE WHEN NEW.source IS OLD.source THEN source_sort END,
          published_at = NEW.published_at, word_count = NEW.word_count, status = NEW.status,
          imported_at = NEW.imported_at
        WHERE article_id = NEW.id;
      END;
      CREATE TRIGGER library_facets_annotation_insert AFTER INSERT ON annotations BEGIN
        UPDATE library_facets SET annotation_count = annotation_count + 1 WHERE article_id = NEW.article_id;
      END;
      CREATE TRIGGER library_facets_annotation_delete AFTER DELETE ON annotations BEGIN
        UPDATE library_facets SET annotation_count = annotation_count - 1 WHERE article_id = OLD.article_id;
      END;

      CREATE INDEX library_facets_title ON library_facets(title_sort, article_id);
      CREATE INDEX library_facets_source ON library_facets(source_sort, article_id);
      CREATE INDEX library_facets_published ON library_facets(published_at, article_id);
      CREATE INDEX library_facets_imported ON library_facets(imported_at, article_id);
      CREATE INDEX library_facets_status ON library_facets(status, article_id);
      CREATE INDEX library_facets_words ON library_facets(word_count, article_id);
      CREATE INDEX library_facets_annotations ON library_facets(annotation_count, article_id);
      CREATE INDEX library_facets_unsorted ON library_facets(article_id) WHERE title_sort IS NULL OR source_sort IS NULL;

      CREATE INDEX annotations_by_label ON annotations(label_key, article_id);
      CREATE INDEX annotations_by_author ON annotations(author, article_id);
    `);
  },
};
