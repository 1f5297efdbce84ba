import { isWorkbenchExport } from '../../../../shared/codecs/workbench-json';
import { jsonErrorOffset, lineAndColumn, MAX_JSON_DEPTH } from './json-error';
import { isLabelStudioExport, labelStudioTasks } from '../../../../shared/import/peers/records';
import { partition, recordToDocument } from './records';
import type { MessageRef } from '../../../../shared/messages/backend-messages';
import { refused, type Extraction } from './types';

/** Where JSON.parse stopped (line, column and its message), or that the text nests too deeply. */
function malformed(text: string, error: unknown): MessageRef {
  const offset = jsonErrorOffset(text);
  if (offset === 'too-deep') return { key: 'jsonNestedTooDeep', params: { max: MAX_JSON_DEPTH } };
  return {
    key: 'jsonMalformedAt',
    params: { ...lineAndColumn(text, Math.max(0, offset)), detail: (error as Error).message },
  };
}

/** A JSON array of records, one record, or the workbench's own export. */
export function extractJson(text: string): Extraction {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return refused(malformed(text, error));
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
      return [{ part, reason: { key: 'jsonlLineMalformed', params: { detail: (error as Error).message } } as const }];
    }
  });
  return { kind: 'documents', ...partition(items), notes: [] };
}
