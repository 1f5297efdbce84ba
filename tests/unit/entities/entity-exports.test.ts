import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../../electron/services/export/export-service';
import { importWorkbenchExport } from '../../../electron/services/import/workbench/workbench-import';
import type { Workbench } from '../../../electron/services/workbench';
import { ExportOptionsSchema, type ExportFormat } from '../../../shared/contract/exports';
import type { Change } from '../../../shared/domain/changes';
import { addArticle, annotate } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const TEXT = 'Đại tướng Tô Lâm làm việc với Bộ Công an tại Hà Nội.';

let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;
let toLam: number;
let ministry: number;

function apply(workbench: Workbench, changes: Change[]) {
  return workbench.changes.apply({ origin: 'manual', changes });
}

/** Tô Lâm (with a QID and an alias) linked once; Bộ Công an linked once; Hà Nội unlinked; a merged redirect. */
function registry(workbench: Workbench, article: number): { toLam: number; ministry: number } {
  const created = apply(workbench, [
    {
      kind: 'entity.create',
      ref: 'per',
      entity: {
        name: 'Tô Lâm',
        typeLabelKey: 'PER',
        aliases: ['Bộ trưởng Tô Lâm'],
        externalId: 'Q10800853',
        note: 'n',
      },
    },
    { kind: 'entity.create', ref: 'org', entity: { name: 'Bộ Công an', typeLabelKey: 'ORG' } },
    { kind: 'entity.create', ref: 'old', entity: { name: 'To Lam', typeLabelKey: 'PER' } },
  ]).createdIds;
  apply(workbench, [{ kind: 'entity.merge', fromId: created.old!, intoId: created.per! }]);
  const person = annotate(workbench, article, 'PER', 'Tô Lâm');
  const org = annotate(workbench, article, 'ORG', 'Bộ Công an');
  annotate(workbench, article, 'LOC', 'Hà Nội');
  apply(workbench, [
    { kind: 'entityLink.set', annotationId: person.id, entityId: created.per! },
    { kind: 'entityLink.set', annotationId: org.id, entityId: created.org! },
  ]);
  return { toLam: created.per!, ministry: created.org! };
}

beforeEach(() => {
  workbench = freshWorkbench();
  articleId = addArticle(workbench, TEXT, 'Làm việc');
  ({ toLam, ministry } = registry(workbench, articleId));
});

async function exported(
  from: Workbench & { dir: string },
  format: ExportFormat,
  name = `out-${format}`,
): Promise<Buffer> {
  const path = join(from.dir, name);
  const options = ExportOptionsSchema.parse({
    scope: { kind: 'all' },
    labelKeys: null,
    format,
    offsetUnit: 'codepoint',
  });
  await exportToFile(from, options, path, { appVersion: 'test' });
  return readFileSync(path);
}

describe('entity fields in every export', () => {
  it('JSONL: entity_id and entity_name per span, null when unlinked', async () => {
    const line = JSON.parse((await exported(workbench, 'jsonl')).toString('utf8'));
    expect(line.spans.map((span: Record<string, unknown>) => [span.text, span.entity_id, span.entity_name])).toEqual([
      ['Tô Lâm', toLam, 'Tô Lâm'],
      ['Bộ Công an', ministry, 'Bộ Công an'],
      ['Hà Nội', null, null],
    ]);
  });

  it('CSV: entity_id and entity_name columns', async () => {
    const rows = (await exported(workbench, 'csv-data'))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    // Right after annotation_id; the attribute and field columns follow them.
    const header = rows[0]!.split(',');
    const afterId = header.indexOf('annotation_id') + 1;
    expect(header.slice(afterId, afterId + 2)).toEqual(['entity_id', 'entity_name']);
    const entityCells = (row: string) => row.split(',').slice(afterId, afterId + 2);
    expect(entityCells(rows[1]!)).toEqual([String(toLam), 'Tô Lâm']);
    expect(entityCells(rows[3]!)).toEqual(['', '']);
  });

  it('brat: N normalisation lines to the registry and to Wikidata', async () => {
    const files = unzipSync(new Uint8Array(await exported(workbench, 'brat')));
    const ann = strFromU8(files[`article-${articleId}.ann`]!);
    expect(ann.split('\n').filter((line) => line.startsWith('N'))).toEqual([
      `N1\tReference T1 Marginalia:${toLam}\tTô Lâm`,
      'N2\tReference T1 Wikidata:Q10800853\tTô Lâm',
      `N3\tReference T2 Marginalia:${ministry}\tBộ Công an`,
    ]);
  });

  it('W3C Web Annotation: identifying bodies for the entity and its Wikidata IRI', async () => {
    const collection = JSON.parse((await exported(workbench, 'web-annotation')).toString('utf8'));
    const [person, , place] = collection.first.items;
    expect(person.body.filter((body: { purpose: string }) => body.purpose === 'identifying')).toEqual([
      {
        type: 'SpecificResource',
        purpose: 'identifying',
        source: { id: `urn:marginalia:entity:${toLam}`, label: 'Tô Lâm' },
      },
      { type: 'SpecificResource', purpose: 'identifying', source: 'http://www.wikidata.org/entity/Q10800853' },
    ]);
    expect(place.body.some((body: { purpose: string }) => body.purpose === 'identifying')).toBe(false);
  });
});

describe('workbench JSON with entities', () => {
  it('round trip into an empty database keeps the registry, the redirect and the links', async () => {
    const file = JSON.parse((await exported(workbench, 'workbench-json')).toString('utf8'));
    expect(
      file.entities.map((entity: { name: string; mergedInto: number | null }) => [entity.name, entity.mergedInto]),
    ).toEqual([
      ['Tô Lâm', null],
      ['Bộ Công an', null],
      ['To Lam', toLam],
    ]);
    const fresh = freshWorkbench();
    const results = importWorkbenchExport(fresh, 'colleague.json', file);
    expect(results[0]).toMatchObject({ outcome: 'imported' });
    expect(JSON.stringify(results[0])).toContain(
      'Entities: 0 merged by id, 0 merged by name and type, 2 added, 1 kept as merged into the one they were merged into.',
    );
    const withoutUpdated = ({ updatedAt: _updatedAt, ...entity }: { updatedAt: string }) => entity;
    expect(fresh.entityRows.listAll().map(withoutUpdated)).toEqual(workbench.entityRows.listAll().map(withoutUpdated));
    expect(fresh.entityRows.get(toLam)).toEqual(workbench.entityRows.get(toLam));
    expect(fresh.entityRows.allLinks()).toEqual(workbench.entityRows.allLinks());
  });

  it('merges a colleague’s registry by id, then by canonical name and type, and says what it merged', async () => {
    const file = JSON.parse((await exported(workbench, 'workbench-json')).toString('utf8'));
    // The colleague added an alias to Tô Lâm (same record: same id and creation time) and a new entity.
    file.entities[0].aliases.push('Chủ tịch nước Tô Lâm');
    file.entities.push({
      ...file.entities[1],
      id: 40,
      name: 'Hà Nội',
      type: 'LOC',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    file.articles[0].annotations[2].entityId = 40;

    const target = freshWorkbench();
    const here = addArticle(target, TEXT, 'Làm việc');
    // Here Bộ Công an was made independently (another id and time): it matches by name and type.
    apply(target, [{ kind: 'entity.create', ref: 'x', entity: { name: 'Nguyễn Văn A', typeLabelKey: 'PER' } }]);
    const localMinistry = apply(target, [
      { kind: 'entity.create', ref: 'org', entity: { name: 'bộ công an', typeLabelKey: 'ORG' } },
    ]).createdIds.org!;
    // Nothing here matches Tô Lâm by id with the same creation time: it is added.
    const results = importWorkbenchExport(target, 'colleague.json', file);
    expect(results[0]).toMatchObject({ outcome: 'duplicate', articleId: here });
    expect(JSON.stringify(results[0])).toContain('Entities: 0 merged by id, 1 merged by name and type, 2 added');
    const names = target.entities.list('', { limit: 10 }).map((entity) => [entity.name, entity.mentionCount]);
    expect(names).toEqual([
      ['bộ công an', 1],
      ['Hà Nội', 1],
      ['Nguyễn Văn A', 0],
      ['Tô Lâm', 1],
    ]);
    expect(target.entityRows.linksOf(localMinistry)).toHaveLength(1);

    // Importing it again: matched by name and type now, nothing added twice.
    const again = importWorkbenchExport(target, 'colleague.json', file);
    expect(JSON.stringify(again[0])).toContain('Entities: 0 merged by id, 3 merged by name and type, 0 added.');

    // Back into the database it came from: the same records, matched by id; the new alias is added.
    const home = importWorkbenchExport(workbench, 'colleague.json', file);
    expect(JSON.stringify(home[0])).toContain(
      'Entities: 2 merged by id, 0 merged by name and type, 1 added, 1 gained aliases or an external id.',
    );
    expect(workbench.entityRows.get(toLam).aliases).toEqual(['Bộ trưởng Tô Lâm', 'Chủ tịch nước Tô Lâm']);
  });

  it('refuses a registry with a cycle of merges, naming the file and the cycle, and writes nothing', async () => {
    const file = JSON.parse((await exported(workbench, 'workbench-json')).toString('utf8'));
    file.entities[0].mergedInto = file.entities[2].id; // Tô Lâm → To Lam → Tô Lâm
    const target = freshWorkbench();
    const results = importWorkbenchExport(target, 'colleague.json', file);
    expect(results).toEqual([
      {
        outcome: 'skipped',
        file: 'colleague.json',
        reason: `colleague.json was not imported: its entity registry is broken at entities.0.mergedInto: a cycle of merges (${toLam} → 3 → ${toLam}).`,
      },
    ]);
    expect(target.articles.list()).toEqual([]);
    expect(target.entityRows.listAll()).toEqual([]);
  });

  it('refuses an empty entity name or a link to an entity the file lacks', async () => {
    const file = JSON.parse((await exported(workbench, 'workbench-json')).toString('utf8'));
    const blank = structuredClone(file);
    blank.entities[1].name = '  ';
    expect(importWorkbenchExport(freshWorkbench(), 'a.json', blank)[0]).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('at entities.1.name: an entity name cannot be empty or only whitespace'),
    });
    const dangling = structuredClone(file);
    dangling.articles[0].annotations[0].entityId = 99;
    expect(importWorkbenchExport(freshWorkbench(), 'b.json', dangling)[0]).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('articles.0.annotations.0.entityId: there is no entity 99 in the file'),
    });
  });
});
