import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportOptionsSchema, type ExportOptions } from '../../../shared/contract/exports';
import { exportToFile } from '../../../electron/services/export/export-service';
import { EXPORT_FORMAT_SPECS, schemaSidecarPath } from '../../../shared/codecs/registry';
import { parseSchemaFile, SCHEMA_FILE_VERSION } from '../../../shared/domain/schema-file';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

const freshWorkbench = useTempWorkbenches();
const options = (input: Partial<ExportOptions> & Pick<ExportOptions, 'format'>): ExportOptions =>
  ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, ...input });

function annotated() {
  const workbench = freshWorkbench();
  const articleId = addArticle(workbench, 'Bộ Công an cảnh báo nguy cơ tấn công mạng vào hệ thống ngân hàng.');
  annotate(workbench, articleId, 'CYBER', 'tấn công mạng');
  annotate(workbench, articleId, 'ORG', 'Bộ Công an');
  return workbench;
}

describe('exports carry the label schema', () => {
  it('every dataset export carries the schema and its version: in the file (workbench JSON) or in a schema file beside it', async () => {
    const workbench = annotated();
    for (const spec of EXPORT_FORMAT_SPECS) {
      const path = join(workbench.dir, `every${spec.extension}`);
      await exportToFile(workbench, options({ format: spec.name, offsetUnit: spec.offsetUnits[0] }), path, {
        appVersion: 't',
      });
      const sidecar = schemaSidecarPath(path);
      if (spec.schema === 'in-file') {
        const file = JSON.parse(readFileSync(path, 'utf8'));
        expect(file.schemaVersion, spec.name).toBe(SCHEMA_FILE_VERSION);
        expect(file.attributeDefs.length, spec.name).toBeGreaterThan(0);
        expect(existsSync(sidecar), spec.name).toBe(false);
        continue;
      }
      const parsed = parseSchemaFile(JSON.parse(readFileSync(sidecar, 'utf8')));
      if (!parsed.ok) throw new Error(`${spec.name}: ${parsed.problem}`);
      expect(parsed.schema.version, spec.name).toBe(SCHEMA_FILE_VERSION);
      expect(parsed.schema.labels.find((label) => label.key === 'CYBER')?.path, spec.name).toBe('RISK/CYBER');
      expect(
        parsed.schema.attributes?.map((def) => `${def.labelKey}.${def.key}`),
        spec.name,
      ).toContain('RISK.severity');
      expect(
        parsed.schema.fields?.map((def) => def.key),
        spec.name,
      ).toContain('topics');
    }
    // The CSV and CoNLL files themselves stay as their readers expect: a header row, a DOCSTART line first.
    expect(readFileSync(join(workbench.dir, 'every.csv'), 'utf8').split('\r\n')[0]).toMatch(/^\uFEFF?article_id,/);
    expect(readFileSync(join(workbench.dir, 'every.conll'), 'utf8').split('\n')[0]).toBe('-DOCSTART- -X- O O');
    // JSON lines say the schema version on every record.
    const record = JSON.parse(readFileSync(join(workbench.dir, 'every.jsonl'), 'utf8').split('\n')[0]!);
    expect(record.meta.schema_version).toBe(SCHEMA_FILE_VERSION);
    expect(schemaSidecarPath('/a/b.brat.zip')).toBe('/a/b.brat.schema.json');
  });

  it('workbench JSON: the schema version and each label with its full path', async () => {
    const workbench = annotated();
    const path = join(workbench.dir, 'out.json');
    await exportToFile(workbench, options({ format: 'workbench-json' }), path, { appVersion: 't' });
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.schemaVersion).toBe(2);
    expect(file.labels.find((label: { key: string }) => label.key === 'CYBER')).toMatchObject({
      path: 'RISK/CYBER',
      parentKey: 'RISK',
    });
  });

  it('JSONL and CSV: the key and the full path per span; a filter by a parent includes its sublabels', async () => {
    const workbench = annotated();
    const jsonl = join(workbench.dir, 'out.jsonl');
    await exportToFile(workbench, options({ format: 'jsonl', labelKeys: ['RISK'] }), jsonl, { appVersion: 't' });
    const line = JSON.parse(readFileSync(jsonl, 'utf8').trim());
    expect(line.spans.map((span: { label: string; label_path: string }) => [span.label, span.label_path])).toEqual([
      ['CYBER', 'RISK/CYBER'],
    ]);
    const csv = join(workbench.dir, 'out.csv');
    await exportToFile(workbench, options({ format: 'csv-data', csvBom: false }), csv, { appVersion: 't' });
    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\r\n');
    const column = header!.split(',').indexOf('label_path');
    expect(rows.map((row) => row.split(',')[column])).toEqual(['ORG', 'RISK/CYBER']);
  });

  it('CoNLL: the top-level label by default, the full path as an option', async () => {
    const workbench = annotated();
    const tags = async (conllLabels?: 'top' | 'path') => {
      const path = join(workbench.dir, `out-${conllLabels}.conll`);
      await exportToFile(workbench, options({ format: 'conll', ...(conllLabels ? { conllLabels } : {}) }), path, {
        appVersion: 't',
      });
      return readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('tấn\t'))
        .map((line) => line.split('\t')[1]);
    };
    expect(await tags()).toEqual(['B-RISK']);
    expect(await tags('path')).toEqual(['B-RISK/CYBER']);
  });

  it('a label renamed while an export runs does not corrupt it: the export reads one snapshot', async () => {
    const workbench = annotated();
    const path = join(workbench.dir, 'renamed.json');
    let renamed = false;
    await exportToFile(workbench, options({ format: 'workbench-json' }), path, {
      appVersion: 't',
      // Called before the first article is read: the rename commits mid-export.
      onProgress: () => {
        if (renamed) return;
        renamed = true;
        workbench.changes.apply({
          origin: 'manual',
          changes: [{ kind: 'label.update', key: 'CYBER', patch: { key: 'CYBER_ATTACK' } }],
        });
      },
    });
    expect(workbench.labels.exists('CYBER_ATTACK')).toBe(true);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const keys = new Set(file.labels.map((label: { key: string }) => label.key));
    const used = file.articles.flatMap((article: { annotations: { label: string }[] }) =>
      article.annotations.map((annotation) => annotation.label),
    );
    expect(used).toContain('CYBER');
    expect(used.every((key: string) => keys.has(key))).toBe(true);
  });
});
