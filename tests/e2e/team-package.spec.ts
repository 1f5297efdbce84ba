/**
 * Issue 15 end to end through the browser host: a colleague's package (built by the fixture, with
 * a label this workbench lacks) is checked, its label mapped in the mapping step, imported; after
 * a reload the API shows the colleague's spans stored under her name; then the gold layer and her
 * layer are exported as JSONL through the export dialog, and the author field read back.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { articleIdByTitle, callApi } from './stored-state';
import {
  buildTeamPackage,
  FIXTURE_ARTICLE_TITLE,
  FIXTURE_AUTHOR,
  FIXTURE_UNKNOWN_LABEL,
  spansChangeSet,
  THEIR_SPANS,
  type BuiltTeamPackage,
} from '../helpers/team-package';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'team');

let pkg: BuiltTeamPackage;
test.beforeAll(async () => {
  pkg = await buildTeamPackage({ withUnknownLabel: true });
});
test.afterAll(() => pkg.dispose());

interface StoredAnnotation {
  labelKey: string;
  quote: string;
  author: string;
}

test("a colleague's package becomes her layer after the mapping step; gold and her layer export as JSONL with the author", async ({
  page,
  host,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import package…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a colleague’s package' });
  await dialog.getByLabel('Package file').setInputFiles(pkg.path);
  await expect(dialog.getByText(`the work of ${FIXTURE_AUTHOR}`, { exact: false })).toBeVisible();
  // The mapping step: MEETING is not a label here; its spans become EVENT spans.
  const mapping = dialog.getByLabel(`Label to use for ${FIXTURE_UNKNOWN_LABEL.key}`);
  await mapping.selectOption('EVENT');
  await page.screenshot({ path: join(SCREENSHOTS, 'mapping-step.png') });
  await dialog.getByRole('button', { name: 'Import with these decisions' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Imported ${FIXTURE_AUTHOR}’s layer: 6 annotations added`);
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  await page.reload();
  const articleId = await articleIdByTitle(host, FIXTURE_ARTICLE_TITLE);
  const stored = await callApi<StoredAnnotation[]>(host, 'listAnnotations', { articleId });
  const hers = stored.filter((span) => span.author === FIXTURE_AUTHOR).map((span) => [span.labelKey, span.quote]);
  expect(hers.sort()).toEqual(
    [...THEIR_SPANS.map((span) => [span.labelKey, span.quote]), ['EVENT', FIXTURE_UNKNOWN_LABEL.quote]].sort(),
  );
  expect(stored.filter((span) => span.author !== FIXTURE_AUTHOR)).toEqual([]);

  // A gold layer (as adjudication writes it: spans with author "gold").
  const text = await callApi<{ text: string }>(host, 'getArticle', { id: articleId }).then((article) => article.text);
  await callApi(host, 'applyChanges', spansChangeSet(articleId, text, THEIR_SPANS.slice(0, 2), 'gold'));

  const exportLayer = async (layer: string, fileName: string) => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
    await exportDialog.getByRole('radio', { name: 'Only these authors' }).check();
    await exportDialog.getByRole('checkbox', { name: new RegExp(`^${layer}`) }).check();
    await exportDialog.getByRole('radio', { name: /^JSONL / }).check();
    const downloadPromise = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloadPromise;
    const path = join(host.dir, fileName);
    await download.saveAs(path);
    await exportDialog.getByRole('button', { name: 'Close' }).click();
    return readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { spans: { author: string }[]; meta: { authors: string[] | null } });
  };

  const gold = await exportLayer('Gold', 'gold.jsonl');
  expect(gold).toHaveLength(1);
  expect(gold[0]?.meta.authors).toEqual(['gold']);
  expect(gold[0]?.spans.map((span) => span.author)).toEqual(['gold', 'gold']);

  const binh = await exportLayer(FIXTURE_AUTHOR, 'binh.jsonl');
  expect(binh[0]?.meta.authors).toEqual([FIXTURE_AUTHOR]);
  expect(new Set(binh.flatMap((line) => line.spans.map((span) => span.author)))).toEqual(new Set([FIXTURE_AUTHOR]));

  // "Export my work…" for any stored author: her layer goes back out as a package.
  await page.getByRole('button', { name: 'Export my work…' }).click();
  const workDialog = page.getByRole('dialog', { name: 'Export my work' });
  await workDialog.getByRole('radio', { name: new RegExp(`^${FIXTURE_AUTHOR} ·`) }).check();
  const downloadPromise = page.waitForEvent('download');
  await workDialog.getByRole('button', { name: 'Export package' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^marginalia-work-${FIXTURE_AUTHOR}-\\d{4}-\\d{2}-\\d{2}\\.mpkg\\.zip$`),
  );
  const packagePath = join(host.dir, 'again.mpkg.zip');
  await download.saveAs(packagePath);
  const entries = unzipSync(new Uint8Array(readFileSync(packagePath)));
  const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array)) as { author: string; counts: object };
  expect(manifest).toMatchObject({
    author: FIXTURE_AUTHOR,
    counts: { articles: 1, annotations: THEIR_SPANS.length + 1 },
  });
});
