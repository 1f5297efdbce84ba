/**
 * Relations in every export that can hold them (issue 12, part 3): workbench JSON round-trips
 * them, JSONL names spans by index, spaCy JSONL in Prodigy's rel.manual shape, the relations CSV,
 * brat R lines with the types in annotation.conf, and W3C linking annotations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../../electron/services/export/export-service';
import { importWorkbenchExport } from '../../../electron/services/import/workbench/workbench-import';
import { ExportOptionsSchema, type ExportFormat } from '../../../shared/contract/exports';
import type { Change } from '../../../shared/domain/changes';
import { seededArticle, useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();
let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;

const QUOTES = {
  person: 'Lương Tam Quang',
  title: 'Thượng tướng',
  first: 'Thứ nhất, nắm sát diễn biến tình hình',
  second: 'Thứ hai, tiếp tục mở rộng, thúc đẩy hợp tác an ninh',
};

beforeEach(async () => {
  workbench = freshWorkbench();
  ({ articleId } = await seededArticle(workbench, '3 đề xuất'));
  const text = workbench.articles.getText(articleId);
  const spans: [keyof typeof QUOTES, string][] = [
    ['person', 'PER'],
    ['title', 'TITLE'],
    ['first', 'PROPOSAL'],
    ['second', 'PROPOSAL'],
  ];
  const { createdIds } = workbench.changes.apply({
    origin: 'manual',
    changes: spans.map(([ref, labelKey]): Change => {
      const quote = QUOTES[ref];
      const start = text.indexOf(quote);
      return {
        kind: 'annotation.create',
        ref,
        annotation: { articleId, labelKey, start, end: start + quote.length, quote },
      };
    }),
  });
  const relate = (typeKey: string, head: string, tail: string, note = ''): Change => ({
    kind: 'relation.create',
    ref: `${head}-${tail}`,
    relation: { articleId, typeKey, headId: createdIds[head]!, tailId: createdIds[tail]!, note },
  });
  workbench.changes.apply({
    origin: 'manual',
    changes: [
      relate('proposed_by', 'first', 'person', 'nêu bật ba điểm'),
      relate('proposed_by', 'second', 'person'),
      relate('holds_title', 'person', 'title'),
    ],
  });
});

async function exported(format: ExportFormat, extra: Record<string, unknown> = {}): Promise<Buffer> {
  const path = join(workbench.dir, `export-${format}`);
  const options = ExportOptionsSchema.parse({
    format,
    scope: { kind: 'articles', articleIds: [articleId] },
    labelKeys: null,
    offsetUnit: 'codepoint',
    ...extra,
  });
  await exportToFile(workbench, options, path, { appVersion: 'test' });
  return readFileSync(path);
}

describe('relations in exports', () => {
  it('workbench JSON is lossless: a fresh workbench importing it holds the same relations', async () => {
    const file = JSON.parse((await exported('workbench-json')).toString('utf8'));
    expect(file.relationTypes.map((type: { key: string }) => type.key)).toContain('proposed_by');
    expect(file.articles[0].relations).toHaveLength(3);
    const fresh = freshWorkbench();
    const [result] = importWorkbenchExport(fresh, 'colleague.json', file);
    expect(result).toMatchObject({ outcome: 'imported' });
    const freshId = (result as { articleId: number }).articleId;
    const described = (bench: typeof workbench, id: number) => {
      const quote = (spanId: number) => bench.annotationRows.get(spanId).quote;
      return bench.relations
        .listForArticle(id)
        .map((relation) => `${quote(relation.headId)} ${relation.typeKey} ${quote(relation.tailId)} ${relation.note}`)
        .sort();
    };
    expect(described(fresh, freshId)).toEqual(described(workbench, articleId));
    // Importing the same file again adds nothing twice.
    const [again] = importWorkbenchExport(fresh, 'colleague.json', file);
    expect(again).toMatchObject({ outcome: 'duplicate' });
    expect(fresh.relations.listForArticle(freshId)).toHaveLength(3);
  });

  it('JSONL: relations as {head, child, label} by index into spans', async () => {
    const line = JSON.parse((await exported('jsonl')).toString('utf8').trim());
    const quoteAt = (index: number) => line.spans[index].text;
    expect(
      line.relations.map(
        (r: { head: number; child: number; label: string }) => `${quoteAt(r.head)} ${r.label} ${quoteAt(r.child)}`,
      ),
    ).toEqual([
      `${QUOTES.first} proposed_by ${QUOTES.person}`,
      `${QUOTES.second} proposed_by ${QUOTES.person}`,
      `${QUOTES.person} holds_title ${QUOTES.title}`,
    ]);
  });

  it('spaCy JSONL: Prodigy rel.manual shape, head and child the last token of each span', async () => {
    const line = JSON.parse((await exported('spacy-jsonl')).toString('utf8').trim());
    const [first] = line.relations;
    expect(first).toMatchObject({
      label: 'proposed_by',
      head_span: { label: 'PROPOSAL' },
      child_span: { label: 'PER' },
    });
    expect(first.head).toBe(first.head_span.token_end);
    expect(line.tokens[first.child].text).toBe('Quang');
  });

  it('the relations CSV: one row per relation, both ends by label, offsets and quote', async () => {
    const csv = (await exported('csv-relations')).toString('utf8');
    const [header, ...rows] = csv.trim().split(/\r\n/);
    expect(header).toBe(
      'article_id,relation_id,type,type_name_vi,type_name_en,directed,head_label,head_start,head_end,head_quote,tail_label,tail_start,tail_end,tail_quote,note,author,origin',
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain(`proposed_by,do … đề xuất,proposed by,yes,PROPOSAL`);
    expect(rows[0]).toContain(`"${QUOTES.first}",PER`); // quoted: it holds a comma
    expect(rows[0]).toContain('nêu bật ba điểm');
  });

  it('a label filter leaves out the relations whose end is not exported', async () => {
    const csv = (await exported('csv-relations', { labelKeys: ['PER', 'TITLE'] })).toString('utf8');
    expect(csv.trim().split(/\r\n/)).toHaveLength(2);
  });

  it('brat: R lines between the T ids, and the types with their allowed labels in annotation.conf', async () => {
    const files = unzipSync(new Uint8Array(await exported('brat')));
    const ann = strFromU8(files[`article-${articleId}.ann`]!);
    const conf = strFromU8(files['annotation.conf']!);
    const tOf = (quote: string) => new RegExp(`^(T\\d+)\\t\\S+ [\\d; ]+\\t${quote}$`, 'm').exec(ann)?.[1];
    expect(ann).toContain(`R1\tproposed_by Arg1:${tOf(QUOTES.first)} Arg2:${tOf(QUOTES.person)}`);
    expect(ann).toContain(`R3\tholds_title Arg1:${tOf(QUOTES.person)} Arg2:${tOf(QUOTES.title)}`);
    expect(conf).toContain('[relations]\nproposed_by\tArg1:PROPOSAL, Arg2:PER|ORG\n');
  });

  it('W3C Web Annotation: a linking annotation per relation, target the head, body the tail and the type', async () => {
    const collection = JSON.parse((await exported('web-annotation')).toString('utf8'));
    const linking = collection.first.items.filter((item: { motivation: string }) => item.motivation === 'linking');
    expect(linking).toHaveLength(3);
    const ids = new Set(collection.first.items.map((item: { id: string }) => item.id));
    for (const item of linking) {
      expect(ids.has(item.target)).toBe(true);
      expect(ids.has(item.body[0].id)).toBe(true);
    }
    expect(linking[0].body[1]).toEqual({ type: 'TextualBody', purpose: 'tagging', value: 'proposed_by' });
  });
});
