/**
 * "Import a colleague's package": a checked package (package-read.ts) is held between its preview
 * and the user's confirmation of the mapping step, then imported by the one workbench JSON import
 * (`importWorkbenchExport`) with the user's decisions, in one transaction. The colleague's spans
 * keep their author (imported provenance): their layer, never relabelled as mine. Articles are
 * matched by content hash and added when missing; a span of theirs already here is not added
 * again, so importing the same package twice changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ReviewDecisions } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { PackageImportReport, PackagePreview } from '../../../shared/contract/team';
import { choiceProblem, FileReview } from '../import/review';
import { labelQuestion } from '../import/workbench/merge-labels';
import { importWorkbenchExport } from '../import/workbench/workbench-import';
import { perWorkbench } from '../per-workbench';
import type { Workbench } from '../workbench';
import type { ValidPackage } from './package-read';

/** A previewed package waits this long for the user's confirmation, then is forgotten. */
export const HELD_PACKAGE_TTL_MS = 10 * 60 * 1000;

interface HeldPackage {
  pkg: ValidPackage;
  expiry: NodeJS.Timeout;
}

export class PackageImports {
  private readonly held = new Map<string, HeldPackage>();

  constructor(private readonly workbench: Workbench) {}

  /** What importing `pkg` would do and ask; holds it under the returned id. Writes nothing. */
  preview(pkg: ValidPackage): PackagePreview {
    const packageId = randomUUID();
    const expiry = setTimeout(() => this.held.delete(packageId), HELD_PACKAGE_TTL_MS);
    expiry.unref();
    this.held.set(packageId, { pkg, expiry });
    const { articles } = pkg.data;
    return {
      packageId,
      fileName: pkg.fileName,
      manifest: pkg.manifest,
      articles: {
        total: articles.length,
        alreadyHere: articles.filter((article) => this.workbench.articles.findIdByHash(article.contentHash)).length,
      },
      questions: questionsOf(this.workbench, pkg),
    };
  }

  /**
   * Imports the held package with every question decided (refused, writing nothing, while one is
   * open or answered with a choice it does not take). One transaction: all or nothing.
   */
  apply(packageId: string, decisions: ReviewDecisions): PackageImportReport {
    const { pkg } = this.find(packageId);
    const { workbench } = this;
    // Asked again now: the schema may have changed since the preview.
    for (const question of questionsOf(workbench, pkg)) {
      const choice = decisions[question.id];
      if (!choice) throw ApiError.of('rejected', 'packageUndecided', { label: question.label });
      const problem = choiceProblem(question, choice);
      if (problem) throw ApiError.of('rejected', 'packageChoiceInvalid', { label: question.label, problem });
    }
    const author = pkg.manifest.author;
    const skippedLabels = new Set(
      Object.entries(decisions).flatMap(([id, choice]) => (choice.choice === 'skip' ? [id] : [])),
    );
    const skippedByChoice = pkg.data.articles
      .flatMap((article) => article.annotations)
      .filter((annotation) => skippedLabels.has(`label:${annotation.label}`)).length;
    const review = new FileReview((question) => decisions[question.id]);
    const report = workbench.changes.batch((): PackageImportReport => {
      const spansBefore = spansOf(workbench, pkg, author);
      const results = importWorkbenchExport(workbench, pkg.fileName, pkg.data, review);
      const skipped = results.find((result) => result.outcome === 'skipped');
      // The package was checked whole; a part refused now rolls the whole import back.
      if (skipped?.outcome === 'skipped')
        throw ApiError.of('rejected', 'fileNotImported', { detail: `${skipped.file}: ${skipped.reason}` });
      const spansAfter = spansOf(workbench, pkg, author);
      return {
        fileName: pkg.fileName,
        author,
        articlesAdded: results.filter((result) => result.outcome === 'imported').length,
        articlesMatched: results.filter((result) => result.outcome === 'duplicate').length,
        spansAdded: spansAfter - spansBefore,
        spansAlreadyHere: pkg.manifest.counts.annotations - (spansAfter - spansBefore) - skippedByChoice,
        spansSkipped: skippedByChoice,
        notes: results.flatMap((result) => (result.outcome === 'skipped' ? [] : result.notes)),
      };
    });
    this.discard(packageId);
    return report;
  }

  discard(packageId: string): void {
    const held = this.held.get(packageId);
    if (!held) return;
    clearTimeout(held.expiry);
    this.held.delete(packageId);
  }

  private find(packageId: string): HeldPackage {
    const held = this.held.get(packageId);
    if (!held) throw ApiError.of('not_found', 'packageNotFound', { packageId });
    return held;
  }
}

type LabelQuestion = NonNullable<ReturnType<typeof labelQuestion>>;

/** The mapping step: each label of the package this workbench lacks or defines differently. */
function questionsOf(workbench: Workbench, pkg: ValidPackage): LabelQuestion[] {
  const spanCounts = new Map<string, number>();
  for (const annotation of pkg.data.articles.flatMap((article) => article.annotations))
    spanCounts.set(annotation.label, (spanCounts.get(annotation.label) ?? 0) + 1);
  return pkg.data.labels.flatMap((label) => {
    const question = labelQuestion(workbench.labels.get(label.key), label, {
      fileName: pkg.fileName,
      spanCount: spanCounts.get(label.key) ?? 0,
    });
    // Named as what the user chose to import, not as the workbench JSON inside it.
    return question ? [{ ...question, format: 'Marginalia annotation package' }] : [];
  });
}

/** The author's spans stored on the package's articles (those here). */
function spansOf(workbench: Workbench, pkg: ValidPackage, author: string): number {
  let count = 0;
  for (const article of pkg.data.articles) {
    const here = workbench.articles.findIdByHash(article.contentHash);
    if (here) count += workbench.annotationRows.listForArticle(here.id).filter((span) => span.author === author).length;
  }
  return count;
}

/** The one list of held packages of a workbench, shared by its API handlers. */
export const packageImportsOf = perWorkbench((workbench) => new PackageImports(workbench));
