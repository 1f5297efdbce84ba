/**
 * Bad packages (issue 15, "Bad input"): each is refused whole with a message naming the file and
 * the problem, and nothing of it is written. Built from the fixture's real package, broken one way each.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { PACKAGE_FORMAT_VERSION } from '../../../shared/team/package-manifest';
import { createTeamHandlers } from '../../../electron/services/api/team-handlers';
import type { Workbench } from '../../../electron/services/workbench';
import { seededArticle, useTempWorkbenches } from '../../helpers/temp-workbench';
import { buildTeamPackage, type BuiltTeamPackage } from '../../helpers/team-package';

const openWorkbench = useTempWorkbenches();
let built: BuiltTeamPackage;
let entries: Record<string, Uint8Array>;

beforeAll(async () => {
  built = await buildTeamPackage();
  entries = unzipSync(new Uint8Array(readFileSync(built.path)));
});
afterAll(() => built.dispose());

type Json = Record<string, unknown> & { articles: { text: string; annotations: { end: number }[] }[] };

/** The fixture's package with its entries changed by `edit` (JSON entries parsed; a string replaces an entry as is). */
function repacked(edit: { manifest?: (m: Record<string, unknown>) => unknown; workbench?: (w: Json) => unknown }) {
  const json = (name: string) => JSON.parse(strFromU8(entries[name] as Uint8Array));
  const files: Record<string, Uint8Array> = {};
  for (const [name, change] of [
    ['manifest.json', edit.manifest],
    ['workbench.json', edit.workbench],
  ] as const) {
    const value = change ? change(json(name)) : json(name);
    if (value === undefined) continue;
    files[name] = strToU8(typeof value === 'string' ? value : JSON.stringify(value));
  }
  return zipSync(files);
}

/** Previews `bytes` as `name` in a seeded workbench; answers the error and proves nothing was written. */
async function refusal(bytes: Uint8Array, name = 'binh.mpkg.zip'): Promise<ApiError> {
  const workbench: Workbench = openWorkbench();
  await seededArticle(workbench);
  const before = JSON.stringify(workbench.articles.list().map((a) => [a.id, a.annotationCount]));
  const handlers = createTeamHandlers(workbench, { kind: 'electron', appVersion: 'test' });
  let caught: unknown;
  try {
    await handlers.previewPackage({
      source: { kind: 'uploads', files: [{ name, dataBase64: Buffer.from(bytes).toString('base64') }] },
    });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ApiError);
  expect(JSON.stringify(workbench.articles.list().map((a) => [a.id, a.annotationCount]))).toBe(before);
  const error = caught as ApiError;
  expect(error.code).toBe('rejected');
  expect(error.message).toContain(name);
  return error;
}

describe('bad packages are refused whole, naming the file and the problem', () => {
  it('the intact package passes (the breakages below are the only difference)', async () => {
    const workbench = openWorkbench();
    await seededArticle(workbench);
    const handlers = createTeamHandlers(workbench, { kind: 'electron', appVersion: 'test' });
    const preview = await handlers.previewPackage({
      source: {
        kind: 'uploads',
        files: [{ name: 'ok.zip', dataBase64: Buffer.from(repacked({})).toString('base64') }],
      },
    });
    expect(preview.manifest.author).toBe('Bình');
  });

  it('regression: a file that is not a zip (a JSON renamed .zip) is refused as not a package', async () => {
    const error = await refusal(strToU8('{"format":"marginalia-package"}'), 'renamed.zip');
    expect(error.ref?.key).toBe('packageNotZip');
    expect(error.message).toMatch(/renamed\.zip is not an annotation package: it is not a zip file/);
  });

  it('regression: a truncated zip (cut in half while copying) is refused as damaged', async () => {
    const whole = readFileSync(built.path);
    const error = await refusal(new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2))));
    expect(error.ref?.key).toBe('packageTruncated');
    expect(error.message).toMatch(/damaged or truncated/);
  });

  it('regression: a package of a newer format version is refused by its version, before its fields are read', async () => {
    const error = await refusal(
      repacked({ manifest: (m) => ({ ...m, formatVersion: PACKAGE_FORMAT_VERSION + 1, newField: true }) }),
    );
    expect(error.ref?.key).toBe('packageNewerVersion');
    expect(error.message).toContain(`version ${PACKAGE_FORMAT_VERSION + 1}`);
  });

  it('regression: an article whose text no longer matches its content hash is refused, naming the article', async () => {
    const error = await refusal(
      repacked({
        workbench: (w) => {
          const [article] = w.articles;
          if (article) article.text = article.text.replace('Bộ Công an', 'Bộ Quốc phòng');
          return w;
        },
      }),
    );
    expect(error.ref?.key).toBe('packageHashMismatch');
    expect(error.message).toMatch(/3 đề xuất/);
  });

  it('regression: a span past the end of its text is refused, naming the article, the span and the problem', async () => {
    const error = await refusal(
      repacked({
        workbench: (w) => {
          const [article] = w.articles;
          const [annotation] = article?.annotations ?? [];
          if (article && annotation) annotation.end = Array.from(article.text).length + 5;
          return w;
        },
      }),
    );
    expect(error.ref?.key).toBe('packageSpanInvalid');
    expect(error.message).toMatch(/annotation \d+ \(PER \[\d+, \d+\)\): code point offset \d+ is outside 0\.\.\d+/);
  });

  it('regression: a zip without manifest.json is refused as not a package', async () => {
    const error = await refusal(repacked({ manifest: () => undefined }));
    expect(error.ref?.key).toBe('packageNoManifest');
    expect(error.message).toContain('manifest.json');
  });

  it('regression: malformed JSON in manifest.json is refused, naming the entry', async () => {
    const error = await refusal(repacked({ manifest: () => '{"format": "marginalia-package", ' }));
    expect(error.ref?.key).toBe('packageMalformedJson');
    expect(error.message).toMatch(/manifest\.json is not valid JSON/);
  });

  it('regression: malformed JSON in workbench.json is refused, naming the entry', async () => {
    const error = await refusal(repacked({ workbench: () => '{"format": "marginalia-workbench", "articles": [' }));
    expect(error.ref?.key).toBe('packageMalformedJson');
    expect(error.message).toMatch(/workbench\.json is not valid JSON/);
  });

  it("regression: a span of another author in someone's package is refused (a package is one layer)", async () => {
    const error = await refusal(
      repacked({
        workbench: (w) => {
          const annotation = w.articles[0]?.annotations[0] as unknown as { author: string };
          annotation.author = 'Lan';
          return w;
        },
      }),
    );
    expect(error.ref?.key).toBe('packageOtherAuthor');
  });

  it('regression: counts that differ from the manifest (a span removed by hand) are refused', async () => {
    const error = await refusal(
      repacked({
        workbench: (w) => {
          w.articles[0]?.annotations.pop();
          return w;
        },
      }),
    );
    expect(error.ref?.key).toBe('packageCountsDiffer');
  });

  it('regression: a package larger than the import limit is refused before it is read', async () => {
    const workbench = openWorkbench();
    const handlers = createTeamHandlers(workbench, {
      kind: 'electron',
      appVersion: 'test',
      importLimits: { maxFileBytes: 100, maxFiles: 10, maxRecordsPerFile: 10, maxExtractSeconds: 10 },
    });
    const bytes = Buffer.from(repacked({})).toString('base64');
    await expect(
      handlers.previewPackage({ source: { kind: 'uploads', files: [{ name: 'big.zip', dataBase64: bytes }] } }),
    ).rejects.toThrow(/big\.zip is .*; the limit for a package is 100 B|big\.zip is/);
  });
});
