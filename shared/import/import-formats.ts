/**
 * THE list of file types the import reads: the import service binds an extractor to each
 * (electron/services/import/formats), the import dialog builds its accept list from it, and a
 * test keeps the README table in step. Pure data, so the renderer can read it too.
 */
export interface ImportFormatSpec {
  extensions: readonly string[];
  /** Shown in the dialog and the README. */
  label: string;
  /** Decoded as text first (encoding detection, legacy conversion), or read as bytes. */
  reads: 'text' | 'bytes';
}

export const IMPORT_FORMAT_REGISTRY = {
  text: { extensions: ['.txt'], label: 'Plain text', reads: 'text' },
  markdown: { extensions: ['.md', '.markdown'], label: 'Markdown (markup stripped)', reads: 'text' },
  html: { extensions: ['.html', '.htm'], label: 'Web page (article found by Readability)', reads: 'text' },
  docx: { extensions: ['.docx'], label: 'Word document', reads: 'bytes' },
  csv: { extensions: ['.csv'], label: 'CSV table (title, text, source, url, date)', reads: 'text' },
  json: { extensions: ['.json'], label: 'JSON records, a workbench export, or Label Studio JSON', reads: 'text' },
  jsonl: {
    extensions: ['.jsonl'],
    label: 'JSON Lines records, with spans (Marginalia, Prodigy/spaCy, doccano)',
    reads: 'text',
  },
  conll: { extensions: ['.conll', '.bio'], label: 'CoNLL BIO (tags in the last column)', reads: 'text' },
  brat: { extensions: ['.zip'], label: 'brat standoff (.txt + .ann pairs, zipped)', reads: 'bytes' },
} as const satisfies Record<string, ImportFormatSpec>;

export type ImportFormatName = keyof typeof IMPORT_FORMAT_REGISTRY;

export const IMPORT_EXTENSIONS: readonly string[] = Object.values(IMPORT_FORMAT_REGISTRY).flatMap(
  (spec) => spec.extensions,
);

/** The `accept` attribute of a file input. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

/** The format a file name's extension (any case) names, or null. */
export function importFormatOf(fileName: string): ImportFormatName | null {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot).toLowerCase();
  const entry = Object.entries(IMPORT_FORMAT_REGISTRY).find(([, spec]) =>
    (spec.extensions as readonly string[]).includes(extension),
  );
  return entry ? (entry[0] as ImportFormatName) : null;
}
