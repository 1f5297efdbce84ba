/**
 * THE list of export formats: what the export dialog offers, what the command line accepts
 * (`--format`, old names as aliases), what the services write and what the tests loop over.
 * The names themselves are the contract's EXPORT_FORMATS; `satisfies` keeps the two in step.
 */
import type { ExportFormat, ExportOptions } from '../contract/exports';
import type { MessageRef } from '../messages/backend-messages';
import type { OffsetUnit } from '../text/offsets';
import { createBratCodec } from './brat';
import { createConllCodec } from './conll';
import { createCsvCodec, type CsvRowsWriter, type CsvVariant } from './csv';
import { createRelationsCsvCodec } from './csv-relations';
import { createJsonlCodec } from './jsonl';
import { createSpacyJsonlCodec } from './spacy-jsonl';
import type { ExportCodec, ExportContext } from './types';
import { createWebAnnotationCodec } from './web-annotation';
import { createWorkbenchJsonCodec } from './workbench-json';

/** Options of ExportOptions that only some formats read. */
export type ExportFormatOption = 'csvBom' | 'conllLastColumn' | 'conllLabels';

/** The options a codec reads (the rest choose what is exported, not how). */
export type CodecOptions = Pick<ExportOptions, 'format' | 'csvBom' | 'conllLastColumn' | 'conllLabels'>;

/** What a codec may need besides the options: the Node-side CSV writer. */
export interface CodecDeps {
  stringifyCsvRows: CsvRowsWriter;
}

export interface ExportFormatSpec {
  name: ExportFormat;
  /** Shown in the dialog. */
  label: string;
  hint: string;
  /** Older names the command line still accepts. */
  aliases: readonly string[];
  extension: string;
  contentType: string;
  /** Units the format can count offsets in; the first is its own. */
  offsetUnits: readonly OffsetUnit[];
  options: readonly ExportFormatOption[];
  /**
   * Where the file's schema (labels, attributes, fields, schema version) goes: in the file itself
   * (workbench JSON), or in a schema file beside it (`data.schema.json`, `schemaSidecarPath`),
   * since a header line would break what reads CSV, CoNLL, JSON lines or brat.
   */
  schema: 'in-file' | 'sidecar';
  create(options: CodecOptions, context: ExportContext, deps: CodecDeps): ExportCodec;
}

const BOTH_UNITS = ['codepoint', 'utf16'] as const;
const JSON_TYPE = 'application/json; charset=utf-8';
const JSONL_TYPE = 'application/jsonl; charset=utf-8';

/** The two CSV variants differ only in their names and whether people's cells are guarded. */
function csvFormat<Name extends 'csv' | 'csv-data'>(
  name: Name,
  variant: CsvVariant,
  text: { label: string; hint: string },
): ExportFormatSpec & { name: Name } {
  return {
    name,
    ...text,
    aliases: [],
    extension: '.csv',
    contentType: 'text/csv; charset=utf-8',
    offsetUnits: BOTH_UNITS,
    options: ['csvBom'],
    schema: 'sidecar',
    create: (options, context, deps) =>
      createCsvCodec(context, { bom: options.csvBom, variant, stringifyRows: deps.stringifyCsvRows }),
  };
}

export const EXPORT_FORMAT_REGISTRY = {
  'workbench-json': {
    name: 'workbench-json',
    label: 'Workbench JSON',
    hint: 'Lossless: labels, notes, statuses. Re-imports exactly.',
    aliases: ['json'],
    extension: '.json',
    contentType: JSON_TYPE,
    offsetUnits: BOTH_UNITS,
    options: [],
    schema: 'in-file',
    create: (_options, context) => createWorkbenchJsonCodec(context),
  },
  jsonl: {
    name: 'jsonl',
    label: 'JSONL',
    hint: 'One article per line with spans, as Hugging Face datasets and pandas read it.',
    aliases: [],
    extension: '.jsonl',
    contentType: JSONL_TYPE,
    offsetUnits: BOTH_UNITS,
    options: [],
    schema: 'sidecar',
    create: (_options, context) => createJsonlCodec(context),
  },
  'spacy-jsonl': {
    name: 'spacy-jsonl',
    label: 'spaCy JSONL',
    hint: 'Tokens and spans (Prodigy shape) that doc.char_span always finds; README has the DocBin recipe.',
    aliases: ['spacy', 'prodigy'],
    extension: '.spacy.jsonl',
    contentType: JSONL_TYPE,
    offsetUnits: ['codepoint'],
    options: [],
    schema: 'sidecar',
    create: (_options, context) => createSpacyJsonlCodec(context),
  },
  csv: csvFormat('csv', 'spreadsheet', {
    label: 'CSV for spreadsheets',
    hint: 'One row per annotation with context; cells people read are guarded against formulas.',
  }),
  'csv-data': csvFormat('csv-data', 'data', {
    label: 'CSV for data tools',
    hint: 'The same rows with every cell exact (no formula guard), for pandas and Python’s csv.',
  }),
  'csv-relations': {
    name: 'csv-relations',
    label: 'CSV of relations',
    hint: 'One row per relation between two spans (type, both ends with label, offsets and quote); joins the annotation CSV.',
    aliases: ['relations'],
    extension: '.relations.csv',
    contentType: 'text/csv; charset=utf-8',
    offsetUnits: BOTH_UNITS,
    options: ['csvBom'],
    schema: 'sidecar',
    create: (options, context, deps) =>
      createRelationsCsvCodec(context, { bom: options.csvBom, stringifyRows: deps.stringifyCsvRows }),
  },
  conll: {
    name: 'conll',
    label: 'CoNLL (BIO)',
    hint: 'Syllable tokens; analysis and entity tag columns, entities last (as spaCy and NLTK read them).',
    aliases: [],
    extension: '.conll',
    contentType: 'text/plain; charset=utf-8',
    offsetUnits: BOTH_UNITS,
    options: ['conllLastColumn', 'conllLabels'],
    schema: 'sidecar',
    create: (options, context) => createConllCodec(context, options.conllLastColumn, options.conllLabels),
  },
  brat: {
    name: 'brat',
    label: 'brat standoff (zip)',
    hint: 'A .txt and .ann per article and annotation.conf, zipped; offsets in code points.',
    aliases: [],
    extension: '.brat.zip',
    contentType: 'application/zip',
    offsetUnits: ['codepoint'],
    options: [],
    schema: 'sidecar',
    create: (_options, context) => createBratCodec(context),
  },
  'web-annotation': {
    name: 'web-annotation',
    label: 'W3C Web Annotation',
    hint: 'JSON-LD AnnotationCollection with quote and position selectors.',
    aliases: ['w3c'],
    extension: '.jsonld',
    contentType: 'application/ld+json; charset=utf-8',
    offsetUnits: BOTH_UNITS,
    options: [],
    schema: 'sidecar',
    create: (_options, context) => createWebAnnotationCodec(context),
  },
} as const satisfies { [Name in ExportFormat]: ExportFormatSpec & { name: Name } };

export const EXPORT_FORMAT_SPECS: readonly ExportFormatSpec[] = Object.values(EXPORT_FORMAT_REGISTRY);

export function exportFormatSpec(format: ExportFormat): ExportFormatSpec {
  return EXPORT_FORMAT_REGISTRY[format];
}

/** A format by its name or one of its aliases (command line); undefined when unknown. */
export function exportFormatByName(name: string): ExportFormatSpec | undefined {
  const wanted = name.trim().toLowerCase();
  return EXPORT_FORMAT_SPECS.find((spec) => spec.name === wanted || spec.aliases.includes(wanted));
}

/** Why the options cannot be written in their format (an unsupported unit), or null. */
export function exportOptionsProblem(options: Pick<ExportOptions, 'format' | 'offsetUnit'>): MessageRef | null {
  const spec = exportFormatSpec(options.format);
  if (spec.offsetUnits.includes(options.offsetUnit)) return null;
  return {
    key: 'exportUnitUnavailable',
    params: { format: spec.label, units: spec.offsetUnits.join(' or '), unit: options.offsetUnit },
  };
}

/** The schema file beside an export: `data.csv` → `data.schema.json`, `x.brat.zip` → `x.brat.schema.json`. */
export function schemaSidecarPath(exportPath: string): string {
  const slash = Math.max(exportPath.lastIndexOf('/'), exportPath.lastIndexOf('\\'));
  const dot = exportPath.lastIndexOf('.');
  return `${dot > slash + 1 ? exportPath.slice(0, dot) : exportPath}.schema.json`;
}
