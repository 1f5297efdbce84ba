import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementArticlesCsv, agreementLabelsCsv } from '../../../shared/agreement/agreement-csv';
import { MAX_AGREEMENT_AUTHORS, type AgreementReport } from '../../../shared/contract/agreement';
import { GOLD_AUTHOR } from '../../../shared/adjudication/changes';
import { useAdjudicationStore } from '../adjudication/adjudication-store';
import { api, events } from '../api/client';
import { labelChipStyle } from '../app/contrast';
import { download } from '../app/download';
import { formatCount } from '../library/format';
import { labelName, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { AgreementTable } from './AgreementTable';
import { useAgreementStore } from './agreement-store';
import { RadioOption } from '../app/RadioOption';

/** Articles listed on screen, those that agree least first; the CSV has every article. */
const ARTICLES_SHOWN = 200;

const csvBlob = (csv: string) => new Blob([csv], { type: 'text/csv;charset=utf-8' });

/**
 * How far two or more annotators agree (issue 15): span F1 (exact and overlapping), Cohen's and
 * Fleiss' κ on syllable tokens, Krippendorff's α_U, per label and per article, computed on demand
 * (a large corpus takes seconds) and marked stale when spans change; each table saves as CSV.
 */
export function AgreementView() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const libraryFilter = useLibraryStore((state) => state.filter);
  const store = useAgreementStore();
  const { known, chosen, report, computing, stale, loadAuthors, markStale } = store;

  useEffect(() => {
    void loadAuthors();
    const stopApplied = events.on('changesApplied', () => markStale());
    const stopStore = events.on('storeChanged', () => markStale());
    return () => {
      stopApplied();
      stopStore();
    };
  }, [loadAuthors, markStale]);

  const labelByKey = useMemo(() => new Map(labels.map((label) => [label.key, label])), [labels]);
  const nameOf = (key: string) => {
    const label = labelByKey.get(key);
    return label ? labelName(label, language) : key;
  };
  const problem =
    chosen.length < 2
      ? t('agreement.chooseTwo')
      : chosen.length > MAX_AGREEMENT_AUTHORS
        ? t('agreement.tooMany', { max: MAX_AGREEMENT_AUTHORS })
        : null;

  return (
    <section className="agreement" aria-label={t('agreement.region')}>
      <header className="agreement__header">
        <h1>{t('agreement.heading')}</h1>
      </header>
      <form
        className="agreement__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) void store.compute(libraryFilter);
        }}
      >
        <fieldset>
          <legend>{t('agreement.authors')}</legend>
          {known.map(({ author, count }) => (
            <label key={author} className="agreement__author">
              <input type="checkbox" checked={chosen.includes(author)} onChange={() => store.toggle(author)} /> {author}{' '}
              <span className="muted">({t('agreement.authorArticles', { count })})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('agreement.articles')}</legend>
          <RadioOption
            name="agreement-articles"
            checked={store.articles === 'annotatedByAll'}
            onSelect={() => store.setArticles('annotatedByAll')}
          >
            {t('agreement.articlesAll')}
          </RadioOption>
          <RadioOption
            name="agreement-articles"
            checked={store.articles === 'annotatedByAny'}
            onSelect={() => store.setArticles('annotatedByAny')}
          >
            {t('agreement.articlesAny')}
          </RadioOption>
          <label>
            <input
              type="checkbox"
              checked={store.withinFilter}
              onChange={(event) => store.setWithinFilter(event.target.checked)}
            />{' '}
            {t('agreement.withinFilter')}
          </label>
        </fieldset>
        <div className="agreement__submit">
          <button type="submit" disabled={problem !== null || computing} aria-describedby="agreement-problem">
            {computing ? t('agreement.computing') : t('agreement.compute')}
          </button>
          <span id="agreement-problem" className="muted">
            {problem}
          </span>
        </div>
      </form>
      <div aria-live="polite" aria-busy={computing}>
        {report ? <Report report={report} stale={stale} nameOf={nameOf} /> : null}
      </div>
      <Explanations />
    </section>
  );
}

function Report({
  report,
  stale,
  nameOf,
}: {
  report: AgreementReport;
  stale: boolean;
  nameOf: (labelKey: string) => string;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const openArticle = useAppStore((state) => state.openArticle);
  const order = useMemo(() => new Map(labels.map((label, index) => [label.key, index])), [labels]);
  const labelRows = [...report.labels].sort(
    (a, b) => (order.get(a.labelKey) ?? Infinity) - (order.get(b.labelKey) ?? Infinity),
  );
  const articleRows = [...report.articles]
    .sort((a, b) => (a.f1Overlap ?? Infinity) - (b.f1Overlap ?? Infinity) || a.articleId - b.articleId)
    .slice(0, ARTICLES_SHOWN);
  const color = (key: string) => labels.find((label) => label.key === key)?.color;
  const pair = adjudicationPair(report.authors);
  const counts = useDisagreementCounts(
    pair,
    articleRows.map((row) => row.articleId),
    stale,
  );

  if (report.articles.length === 0) return <p className="agreement__none">{t('agreement.none')}</p>;
  return (
    <div className="agreement__report">
      <p className="agreement__summary">
        {t('agreement.summary', {
          articles: formatCount(report.articles.length, language),
          tokens: formatCount(report.tokens, language),
          chars: formatCount(report.codePoints, language),
        })}
      </p>
      {stale ? (
        <p className="agreement__stale" role="status">
          {t('agreement.stale')}
        </p>
      ) : null}
      <div className="agreement__actions">
        <button
          type="button"
          title={t('agreement.csvTitle')}
          onClick={() => download('agreement-labels.csv', csvBlob(agreementLabelsCsv(report, nameOf)))}
        >
          {t('agreement.csvLabels')}
        </button>
        <button
          type="button"
          title={t('agreement.csvTitle')}
          onClick={() => download('agreement-articles.csv', csvBlob(agreementArticlesCsv(report)))}
        >
          {t('agreement.csvArticles')}
        </button>
      </div>
      <AgreementTable
        caption={t('agreement.labelsTable')}
        headColumn={t('agreement.columns.label')}
        authors={report.authors}
        rows={[
          { key: '', head: t('agreement.overall'), figures: report.overall, total: true },
          ...labelRows.map((row) => {
            const hex = color(row.labelKey);
            return {
              key: row.labelKey,
              head: (
                <>
                  <span className="chip" style={hex ? (labelChipStyle(hex) as React.CSSProperties) : undefined}>
                    {row.labelKey}
                  </span>{' '}
                  {nameOf(row.labelKey)}
                </>
              ),
              figures: row,
            };
          }),
        ]}
      />
      <AgreementTable
        caption={t('agreement.articlesTable')}
        headColumn={t('agreement.columns.article')}
        authors={report.authors}
        rows={articleRows.map((row) => ({
          key: String(row.articleId),
          head: (
            <span className="agreement__articlehead">
              <button type="button" className="agreement__article" onClick={() => openArticle(row.articleId)}>
                {row.displayTitle}
              </button>
              {pair ? (
                <AdjudicateCell articleId={row.articleId} pair={pair} count={counts?.get(row.articleId)} />
              ) : null}
            </span>
          ),
          figures: row,
        }))}
      />
      {report.withGold ? (
        <AgreementTable
          caption={t('agreement.withGoldTable')}
          headColumn={t('agreement.columns.annotator')}
          authors={[t('agreement.columns.annotator'), GOLD_AUTHOR]}
          rows={report.withGold.map((row) => ({ key: row.author, head: row.author, figures: row }))}
        />
      ) : null}
      {report.articles.length > ARTICLES_SHOWN ? (
        <p className="muted">
          {t('agreement.articlesShown', {
            shown: ARTICLES_SHOWN,
            total: formatCount(report.articles.length, language),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** Two authors besides gold can be adjudicated: the first as mine, the second as theirs. */
function adjudicationPair(authors: readonly string[]): { mine: string; theirs: string } | null {
  const [mine, theirs] = authors;
  return authors.length === 2 && mine && theirs && !authors.includes(GOLD_AUTHOR) ? { mine, theirs } : null;
}

/** How many disagreements of each listed article are still open between the pair (read after each report). */
function useDisagreementCounts(
  pair: { mine: string; theirs: string } | null,
  articleIds: readonly number[],
  stale: boolean,
): Map<number, { total: number; remaining: number }> | null {
  const [counts, setCounts] = useState<Map<number, { total: number; remaining: number }> | null>(null);
  const idsKey = articleIds.join(',');
  const mine = pair?.mine;
  const theirs = pair?.theirs;
  useEffect(() => {
    if (!mine || !theirs || stale) return;
    let current = true;
    void api
      .disagreementCounts({ mine, theirs, articleIds: idsKey ? idsKey.split(',').map(Number) : [] })
      .then(({ counts: rows }) => {
        if (current) setCounts(new Map(rows.map(({ articleId, ...count }) => [articleId, count])));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [mine, theirs, idsKey, stale]);
  return counts;
}

function AdjudicateCell({
  articleId,
  pair,
  count,
}: {
  articleId: number;
  pair: { mine: string; theirs: string };
  count: { total: number; remaining: number } | undefined;
}) {
  const { t } = useTranslation();
  return (
    <span className="agreement__adjudicate">
      {count ? (
        <span className="muted" title={t('layers.remaining', { count: count.remaining })}>
          {t('adjudication.remainingCell', count)}
        </span>
      ) : null}{' '}
      <button
        type="button"
        title={t('adjudication.adjudicateTitle')}
        onClick={() => useAdjudicationStore.getState().adjudicate(articleId, pair)}
      >
        {t('adjudication.adjudicate')}
      </button>
    </span>
  );
}

function Explanations() {
  const { t } = useTranslation();
  const measures = ['f1Exact', 'f1Overlap', 'cohen', 'fleiss', 'alphaU'] as const;
  return (
    <section className="agreement__explain" aria-labelledby="agreement-explain">
      <h2 id="agreement-explain">{t('agreement.explain.heading')}</h2>
      <dl>
        {measures.map((measure) => (
          <div key={measure}>
            <dt>{t(`agreement.columns.${measure}`)}</dt>
            <dd>{t(`agreement.explain.${measure}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('agreement.explain.scale')}</p>
      <p className="muted">{t('agreement.explain.undefinedValue')}</p>
    </section>
  );
}
