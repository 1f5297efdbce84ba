import type { Database, Statement } from 'better-sqlite3';
import type { ExportOptions } from '../../../shared/contract/exports';
import { ApiError } from '../../../shared/contract/errors';
import type { ExportArticle } from '../../../shared/codecs/types';
import { attributesOfLabel, type AttributeDef, type FieldDef } from '../../../shared/domain/attributes';
import { expandLabelFilter } from '../../../shared/domain/label-tree';
import type { Relation, RelationType } from '../../../shared/domain/relations';
import type { Annotation, Label } from '../../../shared/domain/schemas';
import { toAnnotation } from './annotations';
import { ArticleFieldStore } from './article-fields';
import { AttributeDefStore, FieldDefStore } from './attribute-defs';
import { RelationTypeStore, toRelation } from './relations';
import { LabelStore } from './labels';

interface ArticleRow {
  id: number;
  title: string | null;
  source: string | null;
  byline: string | null;
  url: string | null;
  published_at: string | null;
  file_name: string | null;
  content_hash: string;
  status: ExportArticle['status'];
  imported_at: string;
  updated_at: string;
  text: string;
  trimmed_text: string | null;
}

type AnnotationRow = Parameters<typeof toAnnotation>[0];

/**
 * The rows one export reads: the articles in scope by ascending id, and each one's annotations
 * (label filter applied; a parent label includes its sublabels) by start, longest first, then id.
 * It only reads; given a snapshot connection (openReadSnapshot) every batch sees the same state.
 */
export class ExportSource {
  /** The exported labels, in schema order. */
  readonly labels: Label[];
  /** Every label (for paths: a sublabel's parent may be filtered out). */
  readonly schema: Label[];
  /** The schema's relation types, in order. */
  readonly relationTypes: RelationType[];
  /** The exported labels' attributes, label by label in schema order (the CSV's column order). */
  readonly attributeDefs: AttributeDef[];
  /** Every label's attributes, for the schema file written beside the export. */
  readonly schemaAttributeDefs: AttributeDef[];
  readonly fieldDefs: FieldDef[];
  private readonly fields: ArticleFieldStore;
  private readonly scopeSql: string;
  private readonly scopeParams: Record<string, string>;
  private readonly labelsParam: { labels: string } | Record<string, never>;
  private readonly authorsParam: { authors: string } | Record<string, never>;
  private readonly selectArticles: Statement;
  private readonly selectAnnotations: Statement;
  private readonly selectRelations: Statement;

  constructor(
    private readonly db: Database,
    options: Pick<ExportOptions, 'scope' | 'labelKeys' | 'authors'>,
  ) {
    const { scope } = options;
    const allLabels = new LabelStore(db).list();
    this.schema = allLabels;
    this.relationTypes = new RelationTypeStore(db).list();
    const picked = options.labelKeys;
    const unknownLabel = picked?.find((key) => !allLabels.some((label) => label.key === key));
    if (unknownLabel) throw ApiError.of('not_found', 'labelNotFound', { label: unknownLabel });
    const labelKeys = picked ? [...expandLabelFilter(allLabels, picked)] : null;
    this.labels = labelKeys ? allLabels.filter((label) => labelKeys.includes(label.key)) : allLabels;
    this.labelsParam = labelKeys ? { labels: JSON.stringify(labelKeys) } : {};
    // Read once, with the labels: a definition changed while the export runs cannot reorder its columns.
    const attributeDefs = new AttributeDefStore(db).list();
    this.schemaAttributeDefs = attributeDefs;
    this.attributeDefs = this.labels.flatMap((label) => attributesOfLabel(attributeDefs, label.key));
    this.fieldDefs = new FieldDefStore(db).list();
    this.fields = new ArticleFieldStore(db);

    let scopeSql: string;
    let scopeParams: Record<string, string>;
    if (scope.kind === 'all') {
      scopeSql = '1';
      scopeParams = {};
    } else if (scope.kind === 'status') {
      scopeSql = 'status = @status';
      scopeParams = { status: scope.status };
    } else {
      scopeSql = 'id IN (SELECT value FROM json_each(@ids))';
      scopeParams = { ids: JSON.stringify(scope.articleIds) };
    }
    // A layer export holds the articles where the layer has spans: an article nobody of the layer
    // annotated is not a negative example (gold, say, covers only the adjudicated articles).
    const authors = options.authors;
    this.authorsParam = authors ? { authors: JSON.stringify(authors) } : {};
    const inLayer = (alias: string) => `${alias}.author IN (SELECT value FROM json_each(@authors))`;
    if (authors) {
      scopeSql = `(${scopeSql}) AND EXISTS (SELECT 1 FROM annotations l WHERE l.article_id = articles.id AND ${inLayer('l')})`;
      scopeParams = { ...scopeParams, ...this.authorsParam };
    }
    this.scopeSql = scopeSql;
    this.scopeParams = scopeParams;
    if (scope.kind === 'articles') this.assertArticlesExist(scope.articleIds);

    this.selectArticles = db.prepare(
      `SELECT id, title, source, byline, url, published_at, file_name, content_hash, status, imported_at, updated_at,
         text, trimmed_text
       FROM articles WHERE id > @afterId AND ${this.scopeSql} ORDER BY id`,
    );
    const labelFilter = labelKeys ? `AND a.label_key IN (SELECT value FROM json_each(@labels))` : '';
    const authorFilter = authors ? `AND ${inLayer('a')}` : '';
    this.selectAnnotations = db.prepare(
      `SELECT * FROM annotations a WHERE article_id = @articleId ${labelFilter} ${authorFilter}
       ORDER BY start, "end" DESC, id`,
    );
    // A relation is exported only with both its ends (a label or layer filter may leave one out).
    this.selectRelations = db.prepare(
      `SELECT r.* FROM relations r
         JOIN annotations h ON h.id = r.head_id JOIN annotations t ON t.id = r.tail_id
       WHERE r.article_id = @articleId
         ${labelKeys ? `AND h.label_key IN (SELECT value FROM json_each(@labels)) AND t.label_key IN (SELECT value FROM json_each(@labels))` : ''}
         ${authors ? `AND ${inLayer('h')} AND ${inLayer('t')}` : ''}
       ORDER BY r.id`,
    );
  }

  countArticles(): number {
    const row = this.db.prepare(`SELECT count(*) AS count FROM articles WHERE ${this.scopeSql}`).get(this.scopeParams);
    return (row as { count: number }).count;
  }

  /**
   * Streams the articles after `afterId`. Callers stop early and resume from the last id they
   * saw, so the statement is never left open while the export awaits the disk.
   */
  *articlesAfter(afterId: number): Generator<ExportArticle> {
    const rows = this.selectArticles.iterate({ ...this.scopeParams, afterId }) as IterableIterator<ArticleRow>;
    for (const row of rows) {
      yield {
        id: row.id,
        title: row.title,
        source: row.source,
        byline: row.byline,
        url: row.url,
        publishedAt: row.published_at,
        fileName: row.file_name,
        contentHash: row.content_hash,
        status: row.status,
        importedAt: row.imported_at,
        updatedAt: row.updated_at,
        text: row.text,
        trimmedText: row.trimmed_text,
        fields: this.fields.valuesOf(row.id),
      };
    }
  }

  annotationsOf(articleId: number): Annotation[] {
    const rows = this.selectAnnotations.all({
      articleId,
      ...this.labelsParam,
      ...this.authorsParam,
    }) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  relationsOf(articleId: number): Relation[] {
    return (
      this.selectRelations.all({ articleId, ...this.labelsParam, ...this.authorsParam }) as Parameters<
        typeof toRelation
      >[0][]
    ).map(toRelation);
  }

  /** The authors of the spans that would be exported (label filter and layers applied), sorted. */
  authorsInScope(): string[] {
    return this.db
      .prepare(
        `SELECT DISTINCT a.author FROM annotations a
         WHERE a.article_id IN (SELECT id FROM articles WHERE ${this.scopeSql}) ${this.labelsParam.labels ? 'AND a.label_key IN (SELECT value FROM json_each(@labels))' : ''}
         ORDER BY a.author`,
      )
      .pluck()
      .all({ ...this.scopeParams, ...this.labelsParam }) as string[];
  }

  /** Ticked articles must exist (whether the layer annotated them or not). */
  private assertArticlesExist(ids: readonly number[]): void {
    const found = this.db
      .prepare(`SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(@ids))`)
      .pluck()
      .all({ ids: JSON.stringify(ids) }) as number[];
    const present = new Set(found);
    const missing = ids.filter((id) => !present.has(id));
    if (missing.length > 0) throw ApiError.of('not_found', 'articlesNotFound', { ids: missing.join(', ') });
  }
}
