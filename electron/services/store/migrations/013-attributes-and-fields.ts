import type { Database } from 'better-sqlite3';
import type { AttributeDef, FieldDef } from '../../../../shared/domain/attributes';
import type { Migration } from './types';

/**
 * Typed attributes of spans and typed fields of articles (issue 11, parts 3 and 4). Planned as
 * 006, shipped as 013: it runs after the label schema (005) on every database.
 * - `annotations.attributes_json`: the span's attribute values, `{key: value}` (an added column:
 *   the table is not rebuilt, and every older row reads as `{}`, no attribute set);
 * - `attribute_defs`: what each label's attributes are, keyed by label key and attribute key. A
 *   renamed label key carries its definitions along (ON UPDATE CASCADE); a deleted label takes
 *   them with it (ON DELETE CASCADE: a definition without its label means nothing). `label.delete`
 *   and `label.merge` delete them first as `attributeDef.delete` changes, so undo brings them back;
 *   the foreign key is the floor under any other path;
 * - `field_defs` and `article_fields`: the document fields and each article's values.
 * The seed schema's labels get the default attributes (when they exist), and the default fields.
 */
export const migration013AttributesAndFields: Migration = {
  version: 13,
  name: 'attributes and document fields',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN attributes_json TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(attributes_json) AND json_type(attributes_json) = 'object');

      CREATE TABLE attribute_defs (
        label_key TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE ON DELETE CASCADE,
        key TEXT NOT NULL,
        name_vi TEXT NOT NULL,
        name_en TEXT NOT NULL,
        required INTEGER NOT NULL CHECK (required IN (0, 1)),
        sort_order INTEGER NOT NULL,
        spec_json TEXT NOT NULL CHECK (json_valid(spec_json)),   -- {type, ...}: shared/domain/attributes.ts
        PRIMARY KEY (label_key, key)
      ) STRICT;

      CREATE TABLE field_defs (
        key TEXT PRIMARY KEY,
        name_vi TEXT NOT NULL,
        name_en TEXT NOT NULL,
        required INTEGER NOT NULL CHECK (required IN (0, 1)),
        sort_order INTEGER NOT NULL,
        spec_json TEXT NOT NULL CHECK (json_valid(spec_json))
      ) STRICT;

      CREATE TABLE article_fields (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field_key TEXT NOT NULL REFERENCES field_defs(key) ON UPDATE CASCADE,
        value_json TEXT NOT NULL CHECK (json_valid(value_json)),
        author TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (article_id, field_key)
      ) STRICT;
      -- The library's filter "articles whose field F has value V" reads one field's rows.
      CREATE INDEX article_fields_by_field ON article_fields(field_key, article_id);
    `);
    seedDefaults(db);
  },
};

function seedDefaults(db: Database): void {
  const labelExists = db.prepare(`SELECT 1 FROM labels WHERE key = ?`).pluck();
  const insertAttribute = db.prepare(
    `INSERT INTO attribute_defs (label_key, key, name_vi, name_en, required, sort_order, spec_json)
     VALUES (@labelKey, @key, @nameVi, @nameEn, @required, @sortOrder, @specJson)`,
  );
  for (const def of DEFAULT_ATTRIBUTES) {
    // A database whose seed labels were renamed or removed keeps what it has.
    if (labelExists.get(def.labelKey) === undefined) continue;
    insertAttribute.run({ ...def, required: def.required ? 1 : 0, specJson: JSON.stringify(def.spec) });
  }
  const insertField = db.prepare(
    `INSERT INTO field_defs (key, name_vi, name_en, required, sort_order, spec_json)
     VALUES (@key, @nameVi, @nameEn, @required, @sortOrder, @specJson)`,
  );
  for (const def of DEFAULT_FIELDS) {
    insertField.run({ ...def, required: def.required ? 1 : 0, specJson: JSON.stringify(def.spec) });
  }
}

const option = (value: string, nameVi: string, nameEn: string) => ({ value, nameVi, nameEn });

/** The seed schema's attributes (issue 11): what analysts of security news record on a risk, a proposal, a title. */
export const DEFAULT_ATTRIBUTES: readonly AttributeDef[] = [
  {
    labelKey: 'RISK',
    key: 'severity',
    nameVi: 'Mức độ',
    nameEn: 'Severity',
    required: true,
    sortOrder: 0,
    spec: {
      type: 'enum',
      multiple: false,
      options: [option('low', 'Thấp', 'Low'), option('medium', 'Trung bình', 'Medium'), option('high', 'Cao', 'High')],
    },
  },
  {
    labelKey: 'RISK',
    key: 'domain',
    nameVi: 'Lĩnh vực',
    nameEn: 'Domain',
    required: false,
    sortOrder: 1,
    spec: {
      type: 'enum',
      multiple: true,
      options: [
        option('political', 'Chính trị', 'Political'),
        option('military', 'Quân sự', 'Military'),
        option('economic', 'Kinh tế', 'Economic'),
        option('cyber', 'An ninh mạng', 'Cyber'),
        option('social', 'Xã hội', 'Social'),
        option('environment', 'Môi trường', 'Environment'),
      ],
    },
  },
  {
    labelKey: 'RISK',
    key: 'time_ref',
    nameVi: 'Thời điểm',
    nameEn: 'Time reference',
    required: false,
    sortOrder: 2,
    spec: {
      type: 'enum',
      multiple: false,
      options: [
        option('past', 'Quá khứ', 'Past'),
        option('present', 'Hiện tại', 'Present'),
        option('future', 'Tương lai', 'Future'),
      ],
    },
  },
  {
    labelKey: 'PROPOSAL',
    key: 'addressee',
    nameVi: 'Đối tượng hướng tới',
    nameEn: 'Addressee',
    required: false,
    sortOrder: 0,
    spec: { type: 'text' },
  },
  {
    labelKey: 'PROPOSAL',
    key: 'proposer',
    nameVi: 'Người đề xuất',
    nameEn: 'Proposer',
    required: false,
    sortOrder: 1,
    spec: { type: 'text' },
  },
  {
    labelKey: 'PROPOSAL',
    key: 'stance',
    nameVi: 'Thể thức',
    nameEn: 'Stance',
    required: true,
    sortOrder: 2,
    spec: {
      type: 'enum',
      multiple: false,
      options: [
        option('asserted', 'Khẳng định', 'Asserted'),
        option('hypothetical', 'Giả định', 'Hypothetical'),
        option('negated', 'Phủ định', 'Negated'),
      ],
    },
  },
  {
    labelKey: 'TITLE',
    key: 'rank',
    nameVi: 'Cấp bậc',
    nameEn: 'Rank',
    required: false,
    sortOrder: 0,
    spec: {
      type: 'enum',
      multiple: false,
      options: [
        option('leader', 'Lãnh đạo cấp cao', 'Top leader'),
        option('minister', 'Bộ trưởng', 'Minister'),
        option('deputy', 'Thứ trưởng, phó', 'Deputy'),
        option('director', 'Cục trưởng, vụ trưởng', 'Director'),
        option('other', 'Khác', 'Other'),
      ],
    },
  },
];

export const DEFAULT_FIELDS: readonly FieldDef[] = [
  {
    key: 'topics',
    nameVi: 'Chủ đề',
    nameEn: 'Topics',
    required: false,
    sortOrder: 0,
    spec: {
      type: 'enum',
      multiple: true,
      options: [
        option('security', 'An ninh', 'Security'),
        option('defence', 'Quốc phòng', 'Defence'),
        option('diplomacy', 'Ngoại giao', 'Diplomacy'),
        option('economy', 'Kinh tế', 'Economy'),
        option('law', 'Pháp luật', 'Law'),
        option('technology', 'Công nghệ', 'Technology'),
      ],
    },
  },
  {
    key: 'country_focus',
    nameVi: 'Quốc gia trọng tâm',
    nameEn: 'Country focus',
    required: false,
    sortOrder: 1,
    spec: { type: 'text' },
  },
  {
    key: 'doc_type',
    nameVi: 'Loại văn bản',
    nameEn: 'Document type',
    required: false,
    sortOrder: 2,
    spec: {
      type: 'enum',
      multiple: false,
      options: [
        option('speech', 'Bài phát biểu', 'Speech'),
        option('report', 'Báo cáo', 'Report'),
        option('news', 'Tin tức', 'News'),
      ],
    },
  },
  {
    key: 'summary',
    nameVi: 'Tóm tắt của người phân tích',
    nameEn: 'Analyst summary',
    required: false,
    sortOrder: 3,
    spec: { type: 'text' },
  },
];
