import type { DefinitionsPreview, SchemaImportPreview } from '../../../shared/contract/labels';
import type { AttributeDef, FieldDef } from '../../../shared/domain/attributes';
import { ApiError } from '../../../shared/contract/errors';
import { englishMessage, type MessageRef } from '../../../shared/messages/backend-messages';
import type { AppliedChanges, Change } from '../../../shared/domain/changes';
import { labelAncestry } from '../../../shared/domain/label-tree';
import { parseSchemaFile, schemaFileOf, type SchemaFile } from '../../../shared/domain/schema-file';
import { LABEL_DEFINITION_FIELDS, type Label } from '../../../shared/domain/schemas';
import type { Workbench } from '../workbench';

/** The fields of a label a schema file can change, in the order a preview lists them. */
const LABEL_FIELDS = [...LABEL_DEFINITION_FIELDS, 'hidden'] as const;

type SchemaStores = Pick<
  Workbench,
  'labels' | 'changes' | 'attributeDefs' | 'fieldDefs' | 'annotationRows' | 'articleFields'
>;

/** What the file's definitions hold beside the labels (version 2); null in a version 1 file. */
interface WantedDefinitions {
  attributes: AttributeDef[];
  fields: FieldDef[];
}

/** "LAW (1), EVENT (4)": keys with a count each, language-neutral inside a catalogue message. */
const countedList = (entries: readonly (readonly [string, number])[]) =>
  entries.length === 0 ? '—' : entries.map(([key, count]) => `${key} (${count})`).join(', ');
const attributeId = (def: Pick<AttributeDef, 'labelKey' | 'key'>) => `${def.labelKey}.${def.key}`;
const sameDef = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The label schema's reads, and its file: export, preview and import. Every write is a change
 * set (the editor sends `label.*` sets through `applyChanges` itself; an import is one set here).
 */
export class LabelService {
  constructor(private readonly stores: SchemaStores) {}

  private get labels() {
    return this.stores.labels;
  }

  usage(): Record<string, number> {
    return this.labels.annotationCounts();
  }

  exportSchema(now = new Date()): SchemaFile {
    const { attributeDefs, fieldDefs } = this.stores;
    return schemaFileOf(this.labels.list(), attributeDefs.list(), fieldDefs.list(), now.toISOString());
  }

  previewImport(file: unknown): SchemaImportPreview {
    return this.plan(this.parse(file)).preview;
  }

  /**
   * The file's labels, and its attribute and field definitions (version 2), become the schema, as
   * one change set: all or nothing. Refused when annotations would lose their label or stored
   * values their definition; a changed definition that stored values no longer fit is refused by
   * the change pipeline, naming it.
   */
  importSchema(file: unknown): AppliedChanges {
    const { preview, changes } = this.plan(this.parse(file));
    if (preview.refusalRef) throw ApiError.of('rejected', preview.refusalRef.key, preview.refusalRef.params);
    if (changes.length === 0) throw ApiError.of('rejected', 'schemaImportNothing');
    return this.stores.changes.apply({ origin: 'manual', description: 'Import a label schema', changes });
  }

  private parse(file: unknown): { labels: Label[]; definitions: WantedDefinitions | null } {
    const parsed = parseSchemaFile(file);
    if (!parsed.ok) throw ApiError.of('invalid_input', 'schemaImportInvalid', { problem: parsed.problem });
    const { labels, attributes, fields } = parsed.schema;
    return {
      labels: labels.map(({ path: _path, ...label }) => label),
      definitions: attributes || fields ? { attributes: attributes ?? [], fields: fields ?? [] } : null,
    };
  }

  /**
   * The set that turns the current schema into `wanted`, ordered so that no step meets a
   * transient conflict: unused labels the file lacks go first; changed hotkeys and parents are
   * cleared; then labels are created and updated parents first, with their final values.
   */
  private plan({ labels: wanted, definitions }: ReturnType<LabelService['parse']>): {
    preview: SchemaImportPreview;
    changes: Change[];
  } {
    const current = this.labels.list();
    const counts = this.labels.annotationCounts();
    const wantedKeys = new Set(wanted.map((label) => label.key));
    const currentByKey = new Map(current.map((label) => [label.key, label]));
    const removed = current
      .filter((label) => !wantedKeys.has(label.key))
      .map((label) => ({ key: label.key, annotationCount: counts[label.key] ?? 0 }));
    const orphaning = removed.filter((label) => label.annotationCount > 0);
    const defs = this.planDefinitions(definitions, wantedKeys);
    const refusalRef: MessageRef | null =
      orphaning.length > 0
        ? {
            key: 'schemaImportOrphansAnnotations',
            params: { labels: countedList(orphaning.map((label) => [label.key, label.annotationCount])) },
          }
        : defs.refusalRef;
    const changed = wanted.flatMap((label) => {
      const mine = currentByKey.get(label.key);
      const fields = mine ? LABEL_FIELDS.filter((field) => mine[field] !== label[field]) : [];
      return fields.length > 0 ? [{ key: label.key, fields: [...fields] }] : [];
    });
    const preview: SchemaImportPreview = {
      added: wanted.filter((label) => !currentByKey.has(label.key)).map((label) => label.key),
      changed,
      removed,
      attributes: defs.attributes,
      fields: defs.fields,
      refusal: refusalRef && englishMessage(refusalRef.key, refusalRef.params),
      refusalRef,
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
      ...defs.changes,
    ];
    return { preview, changes };
  }

  /**
   * The definition changes after the labels' (their labels exist by then): the file's
   * definitions replace ours. Definitions of labels the file removes go with those labels
   * (`label.delete` cascades); one that holds values here and is missing from the file refuses
   * the import, as a missing label with annotations does.
   */
  private planDefinitions(
    wanted: WantedDefinitions | null,
    wantedLabels: ReadonlySet<string>,
  ): { attributes: DefinitionsPreview; fields: DefinitionsPreview; changes: Change[]; refusalRef: MessageRef | null } {
    const none: DefinitionsPreview = { added: [], changed: [], removed: [] };
    if (wanted === null) return { attributes: none, fields: none, changes: [], refusalRef: null };
    const { attributeDefs, fieldDefs, annotationRows, articleFields } = this.stores;

    // A label the file removes takes its own definitions, and the span references that could
    // point only at it (AttributeDefHandler.cascade): those are not here for the plan.
    const removedWithLabels = (def: AttributeDef) =>
      !wantedLabels.has(def.labelKey) ||
      (def.spec.type === 'span' &&
        def.spec.labelKeys.length > 0 &&
        def.spec.labelKeys.every((key) => !wantedLabels.has(key)));
    const currentAttributes = attributeDefs.list().filter((def) => !removedWithLabels(def));
    const wantedAttributes = new Map(wanted.attributes.map((def) => [attributeId(def), def]));
    const attributeHere = new Map(currentAttributes.map((def) => [attributeId(def), def]));
    const attributes: DefinitionsPreview = {
      added: wanted.attributes.filter((def) => !attributeHere.has(attributeId(def))).map(attributeId),
      changed: wanted.attributes
        .filter((def) => attributeHere.has(attributeId(def)) && !sameDef(attributeHere.get(attributeId(def)), def))
        .map(attributeId),
      removed: currentAttributes
        .filter((def) => !wantedAttributes.has(attributeId(def)))
        .map((def) => ({
          key: attributeId(def),
          valueCount: annotationRows.listWithAttribute(def.labelKey, def.key).length,
        })),
    };
    const fieldHere = new Map(fieldDefs.list().map((def) => [def.key, def]));
    const wantedFields = new Set(wanted.fields.map((def) => def.key));
    const fields: DefinitionsPreview = {
      added: wanted.fields.filter((def) => !fieldHere.has(def.key)).map((def) => def.key),
      changed: wanted.fields
        .filter((def) => fieldHere.has(def.key) && !sameDef(fieldHere.get(def.key), def))
        .map((def) => def.key),
      removed: [...fieldHere.values()]
        .filter((def) => !wantedFields.has(def.key))
        .map((def) => ({ key: def.key, valueCount: articleFields.listForField(def.key).length })),
    };

    const losingAttributes = attributes.removed.filter((def) => def.valueCount > 0);
    const losingFields = fields.removed.filter((def) => def.valueCount > 0);
    const refusalRef: MessageRef | null =
      losingAttributes.length + losingFields.length === 0
        ? null
        : {
            key: 'schemaImportDeletesValues',
            params: {
              attributes: countedList(losingAttributes.map((def) => [def.key, def.valueCount])),
              fields: countedList(losingFields.map((def) => [def.key, def.valueCount])),
            },
          };

    const changes: Change[] = [
      ...attributes.removed.map(({ key }): Change => {
        const def = attributeHere.get(key)!;
        return { kind: 'attributeDef.delete', labelKey: def.labelKey, key: def.key };
      }),
      ...fields.removed.map(({ key }): Change => ({ kind: 'fieldDef.delete', key })),
      ...wanted.attributes.flatMap((def): Change[] => {
        if (attributes.added.includes(attributeId(def))) return [{ kind: 'attributeDef.create', def }];
        if (!attributes.changed.includes(attributeId(def))) return [];
        const { labelKey, key, ...patch } = def;
        return [{ kind: 'attributeDef.update', labelKey, key, patch }];
      }),
      ...wanted.fields.flatMap((def): Change[] => {
        if (fields.added.includes(def.key)) return [{ kind: 'fieldDef.create', def }];
        if (!fields.changed.includes(def.key)) return [];
        const { key, ...patch } = def;
        return [{ kind: 'fieldDef.update', key, patch }];
      }),
    ];
    return { attributes, fields, changes, refusalRef };
  }
}
