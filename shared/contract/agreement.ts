import { z } from 'zod';
import { defineCall } from './call';
import { ArticleIdSchema, LabelKeySchema } from '../domain/schemas';
import { AuthorSchema } from '../domain/changes';
import { LibraryFilterSchema } from '../corpus/library-query';

/** Authors compared at most at once (Fleiss' κ and α_U take any number; the table stays legible). */
export const MAX_AGREEMENT_AUTHORS = 8;

/** A measure in [−1, 1] (F1 in [0, 1]); null where it is undefined (nothing to compare). */
const Measure = z.number().nullable();
const Count = z.number().int().nonnegative();

/**
 * The measures of one row of the agreement table (shared/agreement/ documents each formula).
 * F1 with three or more authors is the mean over every pair of authors; Cohen's κ is given for
 * exactly two authors, Fleiss' κ for any number.
 */
export const AgreementFiguresSchema = z.object({
  /** Spans by each author, in the order of `authors`. */
  spans: z.array(Count),
  f1Exact: Measure,
  f1Overlap: Measure,
  cohenKappa: Measure,
  fleissKappa: Measure,
  alphaU: Measure,
});
export type AgreementFigures = z.infer<typeof AgreementFiguresSchema>;

/** Which articles are compared: those every chosen author annotated, or any of them. */
export const AgreementArticlesSchema = z.enum(['annotatedByAll', 'annotatedByAny']);
export type AgreementArticles = z.infer<typeof AgreementArticlesSchema>;

export const AgreementInputSchema = z
  .object({
    authors: z
      .array(AuthorSchema)
      .min(2)
      .max(MAX_AGREEMENT_AUTHORS)
      .refine((authors) => new Set(authors).size === authors.length, 'authors must be different'),
    filter: LibraryFilterSchema.default({}),
    articles: AgreementArticlesSchema.default('annotatedByAll'),
  })
  .strict();
export type AgreementInput = z.infer<typeof AgreementInputSchema>;

export const AgreementReportSchema = z.object({
  authors: z.array(AuthorSchema),
  /** Syllable tokens (κ's items) and code points (α_U's continuum) of the compared articles. */
  tokens: Count,
  codePoints: Count,
  overall: AgreementFiguresSchema,
  labels: z.array(AgreementFiguresSchema.extend({ labelKey: LabelKeySchema })),
  /** One row per compared article, in id order. */
  articles: z.array(AgreementFiguresSchema.extend({ articleId: ArticleIdSchema, displayTitle: z.string() })),
  /**
   * Each author against the gold layer alone (spans: [author, gold]), over the same articles;
   * present when gold is compared with two or more authors (with one, the report is that pair).
   */
  withGold: z.array(AgreementFiguresSchema.extend({ author: AuthorSchema })).optional(),
});
export type AgreementReport = z.infer<typeof AgreementReportSchema>;

export const agreementCalls = {
  /** Agreement between two or more authors over the articles under `filter` (issue 15). */
  agreement: defineCall(AgreementInputSchema, AgreementReportSchema),
};
