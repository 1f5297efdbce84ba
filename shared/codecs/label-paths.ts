import { labelPath } from '../domain/label-tree';
import type { ExportContext } from './types';

/** Each exported label's full path (`RISK/CYBER`), from the whole schema. */
export function labelPaths(context: Pick<ExportContext, 'labels' | 'schema'>): Map<string, string> {
  const schema = context.schema ?? context.labels;
  return new Map(schema.map((label) => [label.key, labelPath(schema, label.key)]));
}
