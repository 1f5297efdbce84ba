import { resolve } from 'node:path';
import packageJson from '../../../package.json';
import { EXPORT_FORMAT_SPECS, exportFormatByName } from '../../../shared/codecs';
import { describeSpanIssue } from '../../../shared/codecs/unit-spans';
import { ExportOptionsSchema, type ExportOptions, type SpanIssue } from '../../../shared/contract/exports';
import { exportToFile, type ExportReport } from '../../services/export/export-service';
import { DB_OPTION, parseCommandLine, UsageError } from '../../services/command-line';
import { openWorkbenchAt } from '../open-workbench';

const USAGE =
  `Usage: npm run cli -- export --format ${EXPORT_FORMAT_SPECS.map((spec) => spec.name).join('|')} --out FILE ` +
  '[--status new|in_progress|done] [--labels RISK,PROPOSAL] [--authors Lan,gold] [--unit codepoint|utf16] [--no-bom] [--db PATH]';
const OPTIONS = {
  ...DB_OPTION,
  format: { type: 'string' },
  out: { type: 'string' },
  status: { type: 'string' },
  labels: { type: 'string' },
  /** The layers: spans of these authors only (gold is "gold"); CoNLL takes one. */
  authors: { type: 'string' },
  unit: { type: 'string' },
  'no-bom': { type: 'boolean' },
} as const;
const PROGRESS_INTERVAL_MS = 500;

/** Exports to --out; exits 2 on a usage error, 1 when the export fails, 0 otherwise. */
export async function runExportCommand(argv: string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    console.error(parsed);
    console.error(USAGE);
    return 2;
  }
  const workbench = await openWorkbenchAt(parsed.db, { seed: false });
  // Ctrl+C cancels cleanly: the partial file is deleted, an older file under --out is untouched.
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    const report = await exportToFile(workbench, parsed.options, parsed.out, {
      appVersion: packageJson.version,
      signal: controller.signal,
      onProgress: progressPrinter(),
    });
    printSummary(report, parsed.out, parsed.options.offsetUnit);
    return 0;
  } catch (error) {
    const reason = controller.signal.aborted ? 'cancelled' : error instanceof Error ? error.message : String(error);
    console.error(`\nExport failed: ${reason.replace(/\.$/, '')}. Nothing was written to ${parsed.out}.`);
    return 1;
  } finally {
    process.off('SIGINT', cancel);
    workbench.close();
  }
}

function parseArguments(argv: string[]): { options: ExportOptions; out: string; db: string | undefined } | string {
  let values;
  try {
    values = parseCommandLine(argv, OPTIONS).values;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  const formatName = values.format;
  const format = formatName === undefined ? undefined : exportFormatByName(formatName)?.name;
  if (!format) return formatName ? `Unknown format: ${formatName}` : 'Missing --format.';
  const { out, status, labels, authors } = values;
  if (!out) return 'Missing --out FILE.';
  const options = ExportOptionsSchema.safeParse({
    scope: status ? { kind: 'status', status } : { kind: 'all' },
    labelKeys: labels ? labels.split(',').map((key) => key.trim().toUpperCase()) : null,
    ...(authors ? { authors: authors.split(',').map((author) => author.trim()) } : {}),
    format,
    offsetUnit: values.unit ?? 'codepoint',
    csvBom: !values['no-bom'],
  });
  if (!options.success) {
    const issue = options.error.issues[0];
    return `Invalid ${issue?.path.join('.') ?? 'option'}: ${issue?.message ?? 'not understood'}`;
  }
  return { options: options.data, out: resolve(out), db: values.db };
}

function progressPrinter(): (report: Readonly<ExportReport>) => void {
  let last = 0;
  return (report) => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    const line = `Exporting: ${report.articlesDone}/${report.articlesTotal} articles, ${report.spansWritten} spans`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

function printSummary(report: ExportReport, out: string, unit: string): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(
    `Wrote ${report.spansWritten} spans from ${report.articlesDone} articles to ${out} ` +
      `(offsets in ${unit === 'utf16' ? 'UTF-16 code units' : 'code points'}).`,
  );
  printIssues(`${report.leftOutCount} spans were left out`, report.leftOut, report.leftOutCount);
  printIssues(
    `${report.widenedCount} spans had an edge inside a token and were widened`,
    report.widened,
    report.widenedCount,
  );
}

function printIssues(heading: string, listed: readonly SpanIssue[], count: number): void {
  if (count === 0) return;
  console.log(`${heading}:`);
  for (const issue of listed) console.log(`  ${describeSpanIssue(issue)}`);
  if (count > listed.length) console.log(`  … and ${count - listed.length} more.`);
}
