import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import type { Relation, RelationType } from '../../../shared/domain/relations';

interface RelationTypeRow {
  key: string;
  name_vi: string;
  name_en: string;
  directed: 0 | 1;
  head_labels_json: string;
  tail_labels_json: string;
  color: string;
  sort_order: number;
}

const toRelationType = (row: RelationTypeRow): RelationType => ({
  key: row.key,
  nameVi: row.name_vi,
  nameEn: row.name_en,
  directed: row.directed === 1,
  headLabels: JSON.parse(row.head_labels_json) as string[],
  tailLabels: JSON.parse(row.tail_labels_json) as string[],
  color: row.color,
  sortOrder: row.sort_order,
});

interface RelationRow {
  id: number;
  article_id: number;
  type_key: string;
  head_id: number;
  tail_id: number;
  note: string;
  author: string;
  origin: Relation['origin'];
  created_at: string;
  updated_at: string;
}

export const toRelation = (row: RelationRow): Relation => ({
  id: row.id,
  articleId: row.article_id,
  typeKey: row.type_key,
  headId: row.head_id,
  tailId: row.tail_id,
  note: row.note,
  author: row.author,
  origin: row.origin,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Row-level access to relation types. Validation and history live in the change handlers. */
export class RelationTypeStore {
  constructor(private readonly db: Database) {}

  /** In schema order: the first allowed type is the reader's default. */
  list(): RelationType[] {
    const rows = this.db.prepare(`SELECT * FROM relation_types ORDER BY sort_order, key`).all() as RelationTypeRow[];
    return rows.map(toRelationType);
  }

  find(key: string): RelationType | null {
    const row = this.db.prepare(`SELECT * FROM relation_types WHERE key = ?`).get(key) as RelationTypeRow | undefined;
    return row ? toRelationType(row) : null;
  }

  get(key: string): RelationType {
    const found = this.find(key);
    if (!found) throw ApiError.of('not_found', 'relationTypeNotFound', { type: key });
    return found;
  }

  /** Inserts, or rewrites every column of, the type with this key. */
  put(type: RelationType): RelationType {
    this.db
      .prepare(
        `INSERT INTO relation_types (key, name_vi, name_en, directed, head_labels_json, tail_labels_json, color, sort_order)
         VALUES (@key, @nameVi, @nameEn, @directed, @headLabels, @tailLabels, @color, @sortOrder)
         ON CONFLICT(key) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
           directed = excluded.directed, head_labels_json = excluded.head_labels_json,
           tail_labels_json = excluded.tail_labels_json, color = excluded.color, sort_order = excluded.sort_order`,
      )
      .run({
        ...type,
        directed: type.directed ? 1 : 0,
        headLabels: JSON.stringify(type.headLabels),
        tailLabels: JSON.stringify(type.tailLabels),
      });
    return this.get(type.key);
  }

  delete(key: string): void {
    this.db.prepare(`DELETE FROM relation_types WHERE key = ?`).run(key);
  }
}

/** A relation with the labels of its two ends, as the allowed-labels check reads it. */
export interface RelationWithLabels {
  id: number;
  headLabel: string;
  tailLabel: string;
}

/** A row to insert: `id` only when re-creating a known relation (redo, undo of a delete). */
export type NewRelationRow = Omit<Relation, 'id'> & { id?: number };

/** Row-level access to relations. */
export class RelationStore {
  constructor(private readonly db: Database) {}

  listForArticle(articleId: number): Relation[] {
    const rows = this.db
      .prepare(`SELECT * FROM relations WHERE article_id = ? ORDER BY id`)
      .all(articleId) as RelationRow[];
    return rows.map(toRelation);
  }

  /** Every relation with this span at either end (indexes by head and by tail). */
  listTouching(annotationId: number): Relation[] {
    const rows = this.db
      .prepare(`SELECT * FROM relations WHERE head_id = ? UNION SELECT * FROM relations WHERE tail_id = ? ORDER BY id`)
      .all(annotationId, annotationId) as RelationRow[];
    return rows.map(toRelation);
  }

  /** The relations of a type with their ends' labels (to check a changed rule against them). */
  listOfTypeWithLabels(typeKey: string): RelationWithLabels[] {
    return this.db
      .prepare(
        `SELECT r.id AS id, h.label_key AS headLabel, t.label_key AS tailLabel
         FROM relations r JOIN annotations h ON h.id = r.head_id JOIN annotations t ON t.id = r.tail_id
         WHERE r.type_key = ?`,
      )
      .all(typeKey) as RelationWithLabels[];
  }

  countOfType(typeKey: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM relations WHERE type_key = ?`).get(typeKey) as { n: number }).n;
  }

  /** A relation of this type between these spans, either way round when `eitherWay`. */
  findBetween(
    typeKey: string,
    headId: number,
    tailId: number,
    eitherWay: boolean,
    exceptId: number | null,
  ): Relation | null {
    const row = this.db
      .prepare(
        `SELECT * FROM relations WHERE type_key = @typeKey AND id IS NOT @exceptId
           AND ((head_id = @headId AND tail_id = @tailId) OR (@eitherWay AND head_id = @tailId AND tail_id = @headId))
         LIMIT 1`,
      )
      .get({ typeKey, headId, tailId, eitherWay: eitherWay ? 1 : 0, exceptId }) as RelationRow | undefined;
    return row ? toRelation(row) : null;
  }

  find(id: number): Relation | null {
    const row = this.db.prepare(`SELECT * FROM relations WHERE id = ?`).get(id) as RelationRow | undefined;
    return row ? toRelation(row) : null;
  }

  get(id: number): Relation {
    const found = this.find(id);
    if (!found) throw ApiError.of('not_found', 'relationNotFound', { id });
    return found;
  }

  insert(relation: NewRelationRow): Relation {
    const result = this.db
      .prepare(
        `INSERT INTO relations (id, article_id, type_key, head_id, tail_id, note, author, origin, created_at, updated_at)
         VALUES (@id, @articleId, @typeKey, @headId, @tailId, @note, @author, @origin, @createdAt, @updatedAt)`,
      )
      .run({ ...relation, id: relation.id ?? null });
    return this.get(Number(result.lastInsertRowid));
  }

  /** Rewrites the type, note and provenance; the ends and the article never change. */
  replace(relation: Relation): Relation {
    this.db
      .prepare(
        `UPDATE relations SET type_key = @typeKey, note = @note, author = @author, origin = @origin,
           created_at = @createdAt, updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run(relation);
    return this.get(relation.id);
  }

  delete(id: number): void {
    this.db.prepare(`DELETE FROM relations WHERE id = ?`).run(id);
  }
}
