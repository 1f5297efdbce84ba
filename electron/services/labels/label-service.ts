import type { SchemaImportPreview } from '../../../shared/contract/labels';
import { ApiError } from '../../../shared/contract/errors';
import type { AppliedChanges, Change } from '../../../shared/domain/changes';
import { labelAncestry } from '../../../shared/domain/label-tree';
import { parseSchemaFile, schemaFileOf, type SchemaFile } from '../../../shared/domain/schema-file';
import type { Label } from '../../../shared/domain/schemas';
import type { ChangeService } from '../changes/change-service';
import type { LabelStore } from '../store/labels';

/** The fields of a label a schema file can change, in the order a preview lists them. */
const LABEL_FIELDS = [
  'nameVi',
  'nameEn',
  'color',
  'hotkey',
  'kind',
  'description',
  'guideline',
  'sortOrder',
  'parentKey',
  'hidden',
] as const satisfies readonly (keyof Label)[];

/**
 * The label schema's reads, and its file: export, preview and import. Every write is a change
 * set (the editor sends `label.*` sets through `applyChanges` itself; an import is one set here).
 */
export class LabelService {
  constructor(
    private readonly labels: LabelStore,
    private readonly changes: ChangeService,
  ) {}

  usage(): Record<string, number> {
    return this.labels.annotationCounts();
  }

  exportSchema(now = new Date()): SchemaFile {
    return schemaFileOf(this.labels.list(), now.toISOString());
  }

  previewImport(file: unknown): SchemaImportPreview {
    return this.plan(this.parse(file)).preview;
  }

  /** The file's labels become the schema, as one change set; refused when annotations would lose their label. */
  importSchema(file: unknown): AppliedChanges {
    const { preview, changes } = this.plan(this.parse(file));
    if (preview.refusal) throw new ApiError('rejected', preview.refusal);
    if (changes.length === 0)
      throw new ApiError('rejected', 'The schema file is the same as this schema: nothing to import.');
    return this.changes.apply({ origin: 'manual', description: 'Import a label schema', changes });
  }

  private parse(file: unknown): Label[] {
    const parsed = parseSchemaFile(file);
    if (!parsed.ok) throw new ApiError('invalid_input', `The schema file was not imported: ${parsed.problem}.`);
    return parsed.schema.labels.map(({ path: _path, ...label }) => label);
  }

  /**
   * The set that turns the current schema into `wanted`, ordered so that no step meets a
   * transient conflict: unused labels the file lacks go first; changed hotkeys and parents are
   * cleared; then labels are created and updated parents first, with their final values.
   */
  private plan(wanted: Label[]): { preview: SchemaImportPreview; changes: Change[] } {
    const current = this.labels.list();
    const counts = this.labels.annotationCounts();
    const wantedKeys = new Set(wanted.map((label) => label.key));
    const currentByKey = new Map(current.map((label) => [label.key, label]));
    const removed = current
      .filter((label) => !wantedKeys.has(label.key))
      .map((label) => ({ key: label.key, annotationCount: counts[label.key] ?? 0 }));
    const orphaning = removed.filter((label) => label.annotationCount > 0);
    const refusal =
      orphaning.length === 0
        ? null
        : `The schema file has no label ${orphaning.map((label) => `${label.key} (${label.annotationCount} annotations here)`).join(', ')}: ` +
          'importing it would leave those annotations without a label. Add the labels to the file, or merge them into others here first.';
    const changed = wanted.flatMap((label) => {
      const mine = currentByKey.get(label.key);
      const fields = mine ? LABEL_FIELDS.filter((field) => mine[field] !== label[field]) : [];
      return fields.length > 0 ? [{ key: label.key, fields: [...fields] }] : [];
    });
    const preview: SchemaImportPreview = {
      added: wanted.filter((label) => !currentByKey.has(label.key)).map((label) => label.key),
      changed,
      removed,
      refusal,
    };
    const changedKeys = new Map(changed.map((entry) => [entry.key, entry.fields as readonly string[]]));
    const clear = changed.flatMap(({ key, fields }) => {
      const patch = {
        ...(fields.includes('hotkey') ? { hotkey: null } : {}),
        ...(fields.includes('parentKey') ? { parentKey: null } : {}),
      };
      return Object.keys(patch).length > 0 ? [{ kind: 'label.update' as const, key, patch }] : [];
    });
    const parentsFirst = [...wanted].sort(
      (a, b) => labelAncestry(wanted, a.key).length - labelAncestry(wanted, b.key).length,
    );
    const changes: Change[] = [
      ...removed.map(({ key }) => ({ kind: 'label.delete' as const, key, moveAnnotationsTo: null })),
      ...clear,
      ...parentsFirst.flatMap((label): Change[] => {
        if (!currentByKey.has(label.key)) return [{ kind: 'label.create', label }];
        if (!changedKeys.has(label.key)) return [];
        const { key, ...patch } = label;
        return [{ kind: 'label.update', key, patch }];
      }),
    ];
    return { preview, changes };
  }
}
