import type { Database } from 'better-sqlite3';
import type { Label } from '../../../shared/domain/schemas';

interface LabelRow {
  key: string;
  name_vi: string;
  name_en: string;
  color: string;
  hotkey: string | null;
  kind: Label['kind'];
  description: string;
  sort_order: number;
  parent_key: string | null;
  hidden: 0 | 1;
  guideline: string;
}

function toLabel(row: LabelRow): Label {
  return {
    key: row.key,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    color: row.color,
    hotkey: row.hotkey,
    kind: row.kind,
    description: row.description,
    sortOrder: row.sort_order,
    parentKey: row.parent_key,
    hidden: row.hidden === 1,
    guideline: row.guideline,
  };
}

const toParams = (label: Label) => ({ ...label, hidden: label.hidden ? 1 : 0 });

/** An annotation of a label, as a merge or delete moves it. */
export interface LabelledSpan {
  id: number;
  articleId: number;
  start: number;
  end: number;
}

/**
 * The label rows. Plain reads and writes: what makes a label valid (free hotkey, no cycle) is
 * checked by the label change handler, the only writer.
 */
export class LabelStore {
  constructor(private readonly db: Database) {}

  list(): Label[] {
    const rows = this.db.prepare(`SELECT * FROM labels ORDER BY sort_order, key`).all() as LabelRow[];
    return rows.map(toLabel);
  }

  get(key: string): Label | null {
    const row = this.db.prepare(`SELECT * FROM labels WHERE key = ?`).get(key) as LabelRow | undefined;
    return row ? toLabel(row) : null;
  }

  exists(key: string): boolean {
    return this.db.prepare(`SELECT 1 FROM labels WHERE key = ?`).get(key) !== undefined;
  }

  insert(label: Label): void {
    this.db
      .prepare(
        `INSERT INTO labels (key, name_vi, name_en, color, hotkey, kind, description, sort_order, parent_key, hidden,
           guideline)
         VALUES (@key, @nameVi, @nameEn, @color, @hotkey, @kind, @description, @sortOrder, @parentKey, @hidden,
           @guideline)`,
      )
      .run(toParams(label));
  }

  /** Writes `label` over the row `key`; a different `label.key` renames it, and annotations and sublabels follow. */
  replace(key: string, label: Label): void {
    this.db
      .prepare(
        `UPDATE labels SET key = @key, name_vi = @nameVi, name_en = @nameEn, color = @color, hotkey = @hotkey,
           kind = @kind, description = @description, sort_order = @sortOrder, parent_key = @parentKey,
           hidden = @hidden, guideline = @guideline
         WHERE key = @oldKey`,
      )
      .run({ ...toParams(label), oldKey: key });
  }

  delete(key: string): void {
    this.db.prepare(`DELETE FROM labels WHERE key = ?`).run(key);
  }

  countAnnotations(key: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM annotations WHERE label_key = ?`).get(key) as { n: number }).n;
  }

  /** How many registry entities (redirects of merged ones included) have this label as their type. */
  countEntities(key: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM entities WHERE type_label_key = ?`).get(key) as { n: number }).n;
  }

  /** Every annotation count by label key (labels without any are absent). */
  annotationCounts(): Record<string, number> {
    const rows = this.db
      .prepare(`SELECT label_key AS key, count(*) AS n FROM annotations GROUP BY label_key`)
      .all() as { key: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.n]));
  }

  spansOf(key: string): LabelledSpan[] {
    return this.db
      .prepare(`SELECT id, article_id AS articleId, start, "end" FROM annotations WHERE label_key = ? ORDER BY id`)
      .all(key) as LabelledSpan[];
  }
}
