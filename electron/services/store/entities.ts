import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import type { Entity, EntityLink } from '../../../shared/domain/entities';
import { foldVietnamese } from '../../../shared/text/fold';

interface EntityRow {
  id: number;
  name: string;
  type_label_key: string;
  external_id: string | null;
  note: string;
  merged_into: number | null;
  created_at: string;
  updated_at: string;
  aliases_json: string;
}

const ENTITY_COLUMNS = `e.id, e.name, e.type_label_key, e.external_id, e.note, e.merged_into, e.created_at,
  e.updated_at,
  (SELECT coalesce(json_group_array(alias), '[]') FROM
     (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY position)) AS aliases_json`;

function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    name: row.name,
    typeLabelKey: row.type_label_key,
    aliases: JSON.parse(row.aliases_json) as string[],
    externalId: row.external_id,
    note: row.note,
    mergedInto: row.merged_into,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A stored mention: a linked span with what the entity page shows around it. */
export interface MentionRow {
  annotationId: number;
  articleId: number;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
  articleTitle: string | null;
  publishedAt: string | null;
  source: string | null;
}

/** One end of a relation touching an entity's mentions, with the other end's span. */
export interface RelatedRow {
  relationId: number;
  typeKey: string;
  /** The entity's own span in the relation. */
  ownAnnotationId: number;
  annotationId: number;
  labelKey: string;
  quote: string;
  articleId: number;
  articleTitle: string | null;
  publishedAt: string | null;
}

/** Row-level access to entities, aliases and links. Validation and history live in the change pipeline. */
export class EntityStore {
  constructor(private readonly db: Database) {}

  find(id: number): Entity | null {
    const row = this.db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`).get(id) as
      EntityRow | undefined;
    return row ? toEntity(row) : null;
  }

  get(id: number): Entity {
    const found = this.find(id);
    if (!found) throw ApiError.of('not_found', 'entityNotFound', { id });
    return found;
  }

  /** Every entity (redirects included), by id: the registry as exports write it. */
  listAll(): Entity[] {
    const rows = this.db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e ORDER BY e.id`).all() as EntityRow[];
    return rows.map(toEntity);
  }

  /** Live entities (not redirects) whose folded name or an alias contains `needleFolded`. */
  candidates(needleFolded: string, limit: number): Entity[] {
    const pattern = `%${needleFolded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT ${ENTITY_COLUMNS} FROM entities e
         WHERE e.merged_into IS NULL AND (e.name_folded LIKE @pattern ESCAPE '\\' OR EXISTS (
           SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias_folded LIKE @pattern ESCAPE '\\'))
         ORDER BY e.name_folded, e.id LIMIT @limit`,
      )
      .all({ pattern, limit }) as EntityRow[];
    return rows.map(toEntity);
  }

  /** The entity types (label keys) that live entities have: only spans of these can match one. */
  liveTypeLabelKeys(): Set<string> {
    const rows = this.db
      .prepare(`SELECT DISTINCT type_label_key AS key FROM entities WHERE merged_into IS NULL`)
      .all() as { key: string }[];
    return new Set(rows.map((row) => row.key));
  }

  /** Live entities whose folded name or an alias is exactly one of `namesFolded`. */
  byFoldedName(namesFolded: readonly string[]): Entity[] {
    if (namesFolded.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${ENTITY_COLUMNS} FROM entities e
         WHERE e.merged_into IS NULL AND (e.name_folded IN (SELECT value FROM json_each(@names)) OR EXISTS (
           SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id
             AND a.alias_folded IN (SELECT value FROM json_each(@names))))
         ORDER BY e.id`,
      )
      .all({ names: JSON.stringify(namesFolded) }) as EntityRow[];
    return rows.map(toEntity);
  }

  /** Inserts with the given id when re-creating a known entity (redo, undo of a delete). */
  insert(entity: Omit<Entity, 'id'> & { id?: number }): Entity {
    const result = this.db
      .prepare(
        `INSERT INTO entities (id, name, name_folded, type_label_key, external_id, note, merged_into, created_at,
           updated_at)
         VALUES (@id, @name, @nameFolded, @typeLabelKey, @externalId, @note, @mergedInto, @createdAt, @updatedAt)`,
      )
      .run({ ...entity, id: entity.id ?? null, nameFolded: foldVietnamese(entity.name) });
    const id = Number(result.lastInsertRowid);
    this.writeAliases(id, entity.aliases);
    return this.get(id);
  }

  replace(entity: Entity): Entity {
    this.db
      .prepare(
        `UPDATE entities SET name = @name, name_folded = @nameFolded, type_label_key = @typeLabelKey,
           external_id = @externalId, note = @note, merged_into = @mergedInto, created_at = @createdAt,
           updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run({ ...entity, nameFolded: foldVietnamese(entity.name) });
    this.db.prepare(`DELETE FROM entity_aliases WHERE entity_id = ?`).run(entity.id);
    this.writeAliases(entity.id, entity.aliases);
    return this.get(entity.id);
  }

  delete(id: number): void {
    this.db.prepare(`DELETE FROM entities WHERE id = ?`).run(id);
  }

  /** Ids of the entities that redirect to `id`. */
  mergedInto(id: number): number[] {
    return this.db.prepare(`SELECT id FROM entities WHERE merged_into = ? ORDER BY id`).pluck().all(id) as number[];
  }

  private writeAliases(entityId: number, aliases: readonly string[]): void {
    const insert = this.db.prepare(
      `INSERT INTO entity_aliases (entity_id, position, alias, alias_folded) VALUES (?, ?, ?, ?)`,
    );
    aliases.forEach((alias, position) => insert.run(entityId, position, alias, foldVietnamese(alias)));
  }

  findLink(annotationId: number): EntityLink | null {
    return (
      (this.db
        .prepare(
          `SELECT l.annotation_id AS annotationId, n.article_id AS articleId, l.entity_id AS entityId
           FROM entity_links l JOIN annotations n ON n.id = l.annotation_id WHERE l.annotation_id = ?`,
        )
        .get(annotationId) as EntityLink | undefined) ?? null
    );
  }

  /** Creates or replaces the span's link. */
  setLink(annotationId: number, entityId: number): void {
    this.db
      .prepare(
        `INSERT INTO entity_links (annotation_id, entity_id) VALUES (?, ?)
         ON CONFLICT (annotation_id) DO UPDATE SET entity_id = excluded.entity_id`,
      )
      .run(annotationId, entityId);
  }

  deleteLink(annotationId: number): void {
    this.db.prepare(`DELETE FROM entity_links WHERE annotation_id = ?`).run(annotationId);
  }

  linksOf(entityId: number): EntityLink[] {
    return this.db
      .prepare(
        `SELECT l.annotation_id AS annotationId, n.article_id AS articleId, l.entity_id AS entityId
         FROM entity_links l JOIN annotations n ON n.id = l.annotation_id
         WHERE l.entity_id = ? ORDER BY n.article_id, n.start, l.annotation_id`,
      )
      .all(entityId) as EntityLink[];
  }

  linksOfArticle(articleId: number): EntityLink[] {
    return this.db
      .prepare(
        `SELECT l.annotation_id AS annotationId, n.article_id AS articleId, l.entity_id AS entityId
         FROM entity_links l JOIN annotations n ON n.id = l.annotation_id
         WHERE n.article_id = ? ORDER BY n.start, l.annotation_id`,
      )
      .all(articleId) as EntityLink[];
  }

  /** Every link, for exports, in annotation order. */
  allLinks(): EntityLink[] {
    return this.db
      .prepare(
        `SELECT l.annotation_id AS annotationId, n.article_id AS articleId, l.entity_id AS entityId
         FROM entity_links l JOIN annotations n ON n.id = l.annotation_id ORDER BY l.annotation_id`,
      )
      .all() as EntityLink[];
  }

  /** Mentions linked per live entity, for lists. */
  mentionCounts(entityIds: readonly number[]): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT entity_id AS entityId, count(*) AS mentions FROM entity_links
         WHERE entity_id IN (SELECT value FROM json_each(?)) GROUP BY entity_id`,
      )
      .all(JSON.stringify(entityIds)) as { entityId: number; mentions: number }[];
    return new Map(rows.map((row) => [row.entityId, row.mentions]));
  }

  /** The entity's mentions with their article, newest article first, then in text order. */
  mentions(entityId: number, limit: number): MentionRow[] {
    return this.db
      .prepare(
        `SELECT n.id AS annotationId, n.article_id AS articleId, n.label_key AS labelKey, n.start, n."end" AS "end",
           n.quote, a.title AS articleTitle, a.published_at AS publishedAt, a.source
         FROM entity_links l JOIN annotations n ON n.id = l.annotation_id JOIN articles a ON a.id = n.article_id
         WHERE l.entity_id = ?
         ORDER BY a.published_at IS NULL, a.published_at DESC, a.id, n.start LIMIT ?`,
      )
      .all(entityId, limit) as MentionRow[];
  }

  /** Other entities linked in the same articles, by articles shared, then mentions. */
  coOccurring(entityId: number, limit: number): { entityId: number; articles: number; mentions: number }[] {
    return this.db
      .prepare(
        `WITH own_articles AS (
           SELECT DISTINCT n.article_id FROM entity_links l JOIN annotations n ON n.id = l.annotation_id
           WHERE l.entity_id = @entityId)
         SELECT l.entity_id AS entityId, count(DISTINCT n.article_id) AS articles, count(*) AS mentions
         FROM entity_links l JOIN annotations n ON n.id = l.annotation_id
         WHERE n.article_id IN (SELECT article_id FROM own_articles) AND l.entity_id <> @entityId
         GROUP BY l.entity_id ORDER BY articles DESC, mentions DESC, l.entity_id LIMIT @limit`,
      )
      .all({ entityId, limit }) as { entityId: number; articles: number; mentions: number }[];
  }

  /** Relations (of `typeKeys`) with one end on the entity's mentions, and the other end's span. */
  relatedSpans(entityId: number, typeKeys: readonly string[]): RelatedRow[] {
    return this.db
      .prepare(
        `WITH own AS (SELECT annotation_id FROM entity_links WHERE entity_id = @entityId),
         ends AS (
           SELECT r.id, r.type_key, r.head_id AS own_id, r.tail_id AS other_id FROM relations r
           WHERE r.head_id IN own AND r.type_key IN (SELECT value FROM json_each(@types))
           UNION
           SELECT r.id, r.type_key, r.tail_id, r.head_id FROM relations r
           WHERE r.tail_id IN own AND r.type_key IN (SELECT value FROM json_each(@types)))
         SELECT e.id AS relationId, e.type_key AS typeKey, e.own_id AS ownAnnotationId, n.id AS annotationId,
           n.label_key AS labelKey, n.quote, n.article_id AS articleId, a.title AS articleTitle,
           a.published_at AS publishedAt
         FROM ends e JOIN annotations n ON n.id = e.other_id JOIN articles a ON a.id = n.article_id
         ORDER BY a.published_at IS NULL, a.published_at, a.id, n.start`,
      )
      .all({ entityId, types: JSON.stringify(typeKeys) }) as RelatedRow[];
  }
}
