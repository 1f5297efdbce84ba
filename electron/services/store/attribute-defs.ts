import type { Database } from 'better-sqlite3';
import {
  AttributeSpecSchema,
  FieldSpecSchema,
  type AttributeDef,
  type FieldDef,
} from '../../../shared/domain/attributes';

interface DefRow {
  key: string;
  name_vi: string;
  name_en: string;
  required: number;
  sort_order: number;
  spec_json: string;
}

const ORDER = `ORDER BY sort_order, key`;

/** Row-level access to the attribute definitions of labels. Validation and history live in the handler. */
export class AttributeDefStore {
  constructor(private readonly db: Database) {}

  /** Every label's attributes, by label key then display order. */
  list(): AttributeDef[] {
    const rows = this.db.prepare(`SELECT * FROM attribute_defs ORDER BY label_key, sort_order, key`).all();
    return (rows as (DefRow & { label_key: string })[]).map(toAttributeDef);
  }

  listForLabel(labelKey: string): AttributeDef[] {
    const rows = this.db.prepare(`SELECT * FROM attribute_defs WHERE label_key = ? ${ORDER}`).all(labelKey);
    return (rows as (DefRow & { label_key: string })[]).map(toAttributeDef);
  }

  find(labelKey: string, key: string): AttributeDef | null {
    const row = this.db.prepare(`SELECT * FROM attribute_defs WHERE label_key = ? AND key = ?`).get(labelKey, key);
    return row ? toAttributeDef(row as DefRow & { label_key: string }) : null;
  }

  /** Inserts, or rewrites the definition with this label key and key. */
  put(def: AttributeDef): AttributeDef {
    this.db
      .prepare(
        `INSERT INTO attribute_defs (label_key, key, name_vi, name_en, required, sort_order, spec_json)
         VALUES (@labelKey, @key, @nameVi, @nameEn, @required, @sortOrder, @specJson)
         ON CONFLICT (label_key, key) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
           required = excluded.required, sort_order = excluded.sort_order, spec_json = excluded.spec_json`,
      )
      .run({ ...def, required: def.required ? 1 : 0, specJson: JSON.stringify(def.spec) });
    return this.find(def.labelKey, def.key)!;
  }

  delete(labelKey: string, key: string): void {
    this.db.prepare(`DELETE FROM attribute_defs WHERE label_key = ? AND key = ?`).run(labelKey, key);
  }
}

/** Row-level access to the document field definitions. */
export class FieldDefStore {
  constructor(private readonly db: Database) {}

  list(): FieldDef[] {
    return (this.db.prepare(`SELECT * FROM field_defs ${ORDER}`).all() as DefRow[]).map(toFieldDef);
  }

  find(key: string): FieldDef | null {
    const row = this.db.prepare(`SELECT * FROM field_defs WHERE key = ?`).get(key);
    return row ? toFieldDef(row as DefRow) : null;
  }

  put(def: FieldDef): FieldDef {
    this.db
      .prepare(
        `INSERT INTO field_defs (key, name_vi, name_en, required, sort_order, spec_json)
         VALUES (@key, @nameVi, @nameEn, @required, @sortOrder, @specJson)
         ON CONFLICT (key) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
           required = excluded.required, sort_order = excluded.sort_order, spec_json = excluded.spec_json`,
      )
      .run({ ...def, required: def.required ? 1 : 0, specJson: JSON.stringify(def.spec) });
    return this.find(def.key)!;
  }

  delete(key: string): void {
    this.db.prepare(`DELETE FROM field_defs WHERE key = ?`).run(key);
  }
}

function toAttributeDef(row: DefRow & { label_key: string }): AttributeDef {
  return {
    labelKey: row.label_key,
    key: row.key,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    required: row.required === 1,
    sortOrder: row.sort_order,
    spec: AttributeSpecSchema.parse(JSON.parse(row.spec_json)),
  };
}

function toFieldDef(row: DefRow): FieldDef {
  return {
    key: row.key,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    required: row.required === 1,
    sortOrder: row.sort_order,
    spec: FieldSpecSchema.parse(JSON.parse(row.spec_json)),
  };
}
