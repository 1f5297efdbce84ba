/**
 * Builds a colleague's annotation package ("Export my work", issue 15) the way the colleague's
 * own Marginalia would: a temporary workbench holding the seed corpus, where "Bình" annotates the
 * seed article "3 đề xuất…", exported with `exportPackage`. Used by unit tests and the end-to-end
 * tests (it imports neither vitest nor Playwright).
 *
 * Against `MY_SPANS` (what the local author is to annotate on the same article, `mySpansChangeSet`)
 * Bình's layer agrees on two spans and disagrees in every way the adjudication view shows:
 * a span only mine, a span only theirs, the same words with another label, and the same label
 * with other boundaries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeSet } from '../../shared/domain/changes';
import { seedIfEmpty } from '../../electron/services/import/seed';
import { exportPackage } from '../../electron/services/team/package-export';
import { openWorkbench } from '../../electron/services/workbench';
import type { PackageManifest } from '../../shared/team/package-manifest';
import { packageFileName } from '../../shared/team/package-manifest';

export const FIXTURE_AUTHOR = 'Bình';
/** The seed article both layers annotate, by the start of its title. */
export const FIXTURE_ARTICLE_TITLE = '3 đề xuất';

/** A span named by its words: the `occurrence`-th (0-based) place they stand in the text. */
export interface FixtureSpan {
  labelKey: string;
  quote: string;
  occurrence?: number;
  note?: string;
}

/** What the local author annotates on the seed article. */
export const MY_SPANS: readonly FixtureSpan[] = [
  { labelKey: 'PER', quote: 'Lương Tam Quang' }, // both agree
  { labelKey: 'LOC', quote: 'Hà Nội' }, // both agree
  { labelKey: 'ORG', quote: 'Bộ Ngoại giao' }, // theirs: LOC (label differs)
  { labelKey: 'TITLE', quote: 'Thứ trưởng' }, // theirs: "Thứ trưởng Bộ Công an" (boundary differs)
  { labelKey: 'PER', quote: 'Phạm Minh Chính' }, // only mine
];

/** Bình's layer in the package. */
export const THEIR_SPANS: readonly FixtureSpan[] = [
  { labelKey: 'PER', quote: 'Lương Tam Quang' },
  { labelKey: 'LOC', quote: 'Hà Nội' },
  { labelKey: 'LOC', quote: 'Bộ Ngoại giao' },
  { labelKey: 'TITLE', quote: 'Thứ trưởng Bộ Công an' },
  { labelKey: 'PER', quote: 'Bùi Thanh Sơn', note: 'Bộ trưởng Ngoại giao' }, // only theirs
];

/** A label the receiver lacks, for the mapping step (`withUnknownLabel`). */
export const FIXTURE_UNKNOWN_LABEL = {
  key: 'MEETING',
  nameVi: 'Hội nghị',
  nameEn: 'Meeting',
  color: '#7a4fb5',
  kind: 'entity',
  quote: 'Hội nghị tổng kết công tác ngành ngoại giao năm 2022',
} as const;

/** UTF-16 offsets of a fixture span in `text`; throws when its words are not there. */
export function placeSpan(text: string, span: FixtureSpan): { start: number; end: number } {
  let start = -1;
  for (let seen = 0; seen <= (span.occurrence ?? 0); seen++) {
    start = text.indexOf(span.quote, start + 1);
    if (start < 0) throw new Error(`fixture span “${span.quote}” is not in the article`);
  }
  return { start, end: start + span.quote.length };
}

/** The change set that creates `spans` on the article (origin manual; the author defaults to the profile). */
export function spansChangeSet(
  articleId: number,
  text: string,
  spans: readonly FixtureSpan[],
  author?: string,
): ChangeSet {
  return {
    articleId,
    origin: 'manual',
    ...(author ? { author } : {}),
    changes: spans.map((span, index) => ({
      kind: 'annotation.create' as const,
      ref: `fixture-${index}`,
      annotation: {
        articleId,
        labelKey: span.labelKey,
        ...placeSpan(text, span),
        quote: span.quote,
        note: span.note ?? '',
      },
    })),
  };
}

/** The local author's side of the disagreements (send it with `applyChanges`). */
export function mySpansChangeSet(articleId: number, text: string): ChangeSet {
  return spansChangeSet(articleId, text, MY_SPANS);
}

export interface BuiltTeamPackage {
  /** The package file (`….mpkg.zip`). */
  path: string;
  fileName: string;
  manifest: PackageManifest;
  /** Removes the folder holding the package. */
  dispose(): void;
}

export interface TeamPackageOptions {
  /** Where to write the package; a fresh temp folder when absent (removed by `dispose`). */
  dir?: string;
  author?: string;
  /** Adds a span of a label the receiver lacks (FIXTURE_UNKNOWN_LABEL), so importing asks to map it. */
  withUnknownLabel?: boolean;
}

/** Builds Bình's package from a temporary workbench (removed before this resolves). */
export async function buildTeamPackage(options: TeamPackageOptions = {}): Promise<BuiltTeamPackage> {
  const author = options.author ?? FIXTURE_AUTHOR;
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'marginalia-team-package-'));
  const workbenchDir = mkdtempSync(join(tmpdir(), 'marginalia-colleague-'));
  const workbench = openWorkbench(join(workbenchDir, 'colleague.db'));
  try {
    workbench.profile.set(author);
    await seedIfEmpty(workbench, join(__dirname, '..', '..', 'seeds'));
    const article = workbench.articles.list().find((row) => row.displayTitle.startsWith(FIXTURE_ARTICLE_TITLE));
    if (!article) throw new Error(`seed missing: ${FIXTURE_ARTICLE_TITLE}…`);
    const text = workbench.articles.getText(article.id);
    const spans: FixtureSpan[] = [...THEIR_SPANS];
    if (options.withUnknownLabel) {
      const { quote, ...label } = FIXTURE_UNKNOWN_LABEL;
      workbench.changes.apply({
        origin: 'manual',
        changes: [
          {
            kind: 'label.create',
            label: {
              ...label,
              hotkey: null,
              parentKey: null,
              description: '',
              guideline: '',
              hidden: false,
              sortOrder: 99,
            },
          },
        ],
      });
      spans.push({ labelKey: label.key, quote });
    }
    workbench.changes.apply(spansChangeSet(article.id, text, spans));
    const fileName = packageFileName(author, new Date());
    const path = join(dir, fileName);
    const { manifest } = await exportPackage(workbench, author, path, { appVersion: 'fixture' });
    return {
      path,
      fileName,
      manifest,
      dispose: () => (ownDir ? rmSync(dir, { recursive: true, force: true }) : undefined),
    };
  } finally {
    workbench.close();
    rmSync(workbenchDir, { recursive: true, force: true });
  }
}
