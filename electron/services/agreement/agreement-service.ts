import { GOLD_AUTHOR } from '../../../shared/adjudication/changes';
import { AgreementTally, LabelCodes, type CoderSpan } from '../../../shared/agreement/agreement-tally';
import type { AgreementInput, AgreementReport } from '../../../shared/contract/agreement';
import { ApiError } from '../../../shared/contract/errors';
import { AgreementSource } from '../store/agreement-source';
import { openReadSnapshot } from '../store/read-snapshot';
import type { Workbench } from '../workbench';

/**
 * Agreement between two or more authors (issue 15): per label, per article and overall, over
 * the articles under a library filter. An author is just the `author` of the spans, so a gold
 * layer (author "gold") compares like any analyst.
 *
 * Articles are read one at a time from a read snapshot (a second connection, so the report is
 * one consistent moment while the app keeps writing): each article is tallied, its row taken,
 * and its tally merged into the corpus's; no more than one article's spans is held. A large
 * corpus takes seconds, so the loop yields to the event loop between batches of articles: the
 * host (Electron's main process, the browser host) keeps answering other calls meanwhile.
 */
/** Articles tallied between two yields to the event loop (a few milliseconds of work). */
const ARTICLES_PER_TURN = 32;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AgreementService {
  constructor(private readonly store: Pick<Workbench, 'databasePath' | 'databaseOptions'>) {}

  async compute(input: AgreementInput): Promise<AgreementReport> {
    const { authors, filter, articles } = input;
    const snapshot = openReadSnapshot(this.store.databasePath, this.store.databaseOptions);
    try {
      const source = new AgreementSource(snapshot.db, authors);
      const coderOf = new Map(authors.map((author, index) => [author, index]));
      const codes = new LabelCodes();
      const corpus = new AgreementTally(authors.length, codes);
      const rows: AgreementReport['articles'] = [];
      // Agreement with gold per author: a two-coder tally of each author against gold.
      const gold = authors.indexOf(GOLD_AUTHOR);
      const againstGold =
        gold >= 0 && authors.length > 2
          ? authors.flatMap((author, coder) =>
              coder === gold ? [] : [{ author, coder, tally: new AgreementTally(2, codes) }],
            )
          : [];
      const articleIds = source.articleIds(filter, articles);
      for (const [index, articleId] of articleIds.entries()) {
        if (index > 0 && index % ARTICLES_PER_TURN === 0) await nextTurn();
        const article = source.article(articleId);
        if (!article) continue;
        const spansByCoder: CoderSpan[][] = authors.map(() => []);
        for (const [author, labelKey, startU16, endU16] of source.spans(articleId)) {
          spansByCoder[coderOf.get(author) as number]?.push({ labelKey, startU16, endU16 });
        }
        const tally = new AgreementTally(authors.length, codes);
        try {
          tally.addArticle({ text: article.text, spansByCoder });
        } catch (error) {
          // Only a database edited by hand holds spans outside their text.
          throw new ApiError(
            'rejected',
            `Article ${articleId} holds a span the agreement cannot read: ${String(error)}`,
          );
        }
        rows.push({ articleId, displayTitle: article.displayTitle, ...tally.overallFigures() });
        corpus.merge(tally);
        for (const pair of againstGold) {
          pair.tally.addArticle({
            text: article.text,
            spansByCoder: [spansByCoder[pair.coder] as CoderSpan[], spansByCoder[gold] as CoderSpan[]],
          });
        }
      }
      const { overall, labels } = corpus.figures();
      return {
        authors,
        tokens: corpus.tokens,
        codePoints: corpus.codePoints,
        overall,
        labels: labels.sort((a, b) => (a.labelKey < b.labelKey ? -1 : a.labelKey > b.labelKey ? 1 : 0)),
        articles: rows,
        ...(againstGold.length > 0
          ? { withGold: againstGold.map(({ author, tally }) => ({ author, ...tally.overallFigures() })) }
          : {}),
      };
    } finally {
      snapshot.close();
    }
  }
}
