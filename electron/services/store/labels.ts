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
  };
}

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

  /**
   * Inserts or updates a label by key. A hotkey already taken by another label is dropped
   * rather than stolen, so the local palette stays usable.
   */
  upsert(label: Label): void {
    const hotkeyOwner = label.hotkey
      ? (this.db.prepare(`SELECT key FROM labels WHERE hotkey = ?`).get(label.hotkey) as { key: string } | undefined)
      : undefined;
    const hotkey = hotkeyOwner && hotkeyOwner.key !== label.key ? null : label.hotkey;
    this.db
      .prepare(
        `INSERT INTO labels (key, name_vi, name_en, color, hotkey, kind, description, sort_order)
         VALUES (@key, @nameVi, @nameEn, @color, @hotkey, @kind, @description, @sortOrder)
         ON CONFLICT(key) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
           color = excluded.color, hotkey = excluded.hotkey, kind = excluded.kind,
           description = excluded.description, sort_order = excluded.sort_order`,
      )
      .run({ ...label, hotkey });
  }
}
