import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestedExportFileName } from '../../../shared/codecs';
import { packageFileName } from '../../../shared/team/package-manifest';
import { buildTeamPackage, FIXTURE_AUTHOR, THEIR_SPANS, type BuiltTeamPackage } from '../../helpers/team-package';

const built: BuiltTeamPackage[] = [];
afterEach(() => built.splice(0).forEach((pkg) => pkg.dispose()));

describe('the team package fixture', () => {
  it("builds Bình's package: a zip with a manifest counting her spans and the workbench JSON of her layer", async () => {
    const pkg = await buildTeamPackage();
    built.push(pkg);
    const entries = unzipSync(new Uint8Array(readFileSync(pkg.path)));
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'workbench.json']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array));
    expect(manifest).toMatchObject({
      format: 'marginalia-package',
      formatVersion: 1,
      author: FIXTURE_AUTHOR,
      counts: { articles: 1, annotations: THEIR_SPANS.length, relations: 0, entityLinks: 0 },
    });
    const workbench = JSON.parse(strFromU8(entries['workbench.json'] as Uint8Array));
    expect(workbench.authors).toEqual([FIXTURE_AUTHOR]);
    expect(workbench.articles).toHaveLength(1);
    const authors = new Set(
      workbench.articles[0].annotations.map((annotation: { author: string }) => annotation.author),
    );
    expect([...authors]).toEqual([FIXTURE_AUTHOR]);
  });
});

describe('packageFileName', () => {
  it('keeps the author’s Vietnamese name and replaces what no file system takes in a name', () => {
    const date = new Date('2026-11-30T10:00:00Z');
    expect(packageFileName('Bình', date)).toBe('marginalia-work-Bình-2026-11-30.mpkg.zip');
    expect(packageFileName('a/b:c\u0001', date)).toBe('marginalia-work-a_b_c_-2026-11-30.mpkg.zip');
  });
});

describe('suggestedExportFileName', () => {
  it('names the layers of a layer export (CoNLL has no column to say whose tags it holds)', () => {
    const date = new Date(2026, 10, 30, 10);
    expect(suggestedExportFileName('conll', date, ['gold'])).toBe('marginalia-gold-2026-11-30.conll');
    expect(suggestedExportFileName('jsonl', date, ['Bình', 'a/b'])).toBe('marginalia-Bình+a_b-2026-11-30.jsonl');
    expect(suggestedExportFileName('jsonl', date)).toBe('marginalia-2026-11-30.jsonl');
  });
});
