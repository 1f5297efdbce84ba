import { isWorkbenchExport } from '../../../../shared/codecs/workbench-json';
import { jsonErrorOffset, lineAndColumn, MAX_JSON_DEPTH } from './json-error';
import { isLabelStudioExport, labelStudioTasks } from '../../../../shared/import/peers/records';
import { partition, recordToDocument } from './records';
import { refused, type Extraction } from './types';

/** "at line 3, column 14: <parser message>" for text JSON.parse refused. */
function locate(text: string, error: unknown): string {
  const offset = jsonErrorOffset(text);
  if (offset === 'too-deep') return `nested too deeply (more than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels)`;
  return `at ${lineAndColumn(text, Math.max(0, offset))}: ${(error as Error).message}`;
}

/** A JSON array of records, one record, or the workbench's own export. */
export function extractJson(text: string): Extraction {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return refused(`Malformed JSON ${locate(text, error)}`);
  }
  if (isWorkbenchExport(parsed)) return { kind: 'workbench-export', parsed };
  if (isLabelStudioExport(parsed)) {
    const items = labelStudioTasks(parsed).map((task, index) =>
      'reason' in task
        ? { part: `task ${index + 1}`, reason: task.reason }
        : {
            part: `task ${index + 1}`,
            rawText: task.text,
            given: { title: task.title },
            annotations: task.annotations,
          },
    );
    return { kind: 'documents', ...partition(items), notes: [] };
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  const label = Array.isArray(parsed) ? (index: number) => `item ${index + 1}` : () => 'record';
  return {
    kind: 'documents',
    ...partition(records.map((record, index) => recordToDocument(record, label(index)))),
    notes: [],
  };
}

/** One JSON record per line; a malformed line is skipped with its number, the others import. */
export function extractJsonLines(text: string): Extraction {
  const items = text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const part = `line ${index + 1}`;
    try {
      return [recordToDocument(JSON.parse(line), part)];
    } catch (error) {
      return [{ part, reason: `malformed JSON: ${(error as Error).message}` }];
    }
  });
  return { kind: 'documents', ...partition(items), notes: [] };
}
