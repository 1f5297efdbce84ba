import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConcordanceHit } from '../../../shared/contract/corpus';
import type { Label } from '../../../shared/domain/schemas';
import type { Language } from '../i18n/languages';
import { labelChipStyle } from '../app/contrast';
import { spanDragSource } from '../briefs/span-drag';
import { isTypingTarget, shortcutFor } from '../app/keymap';
import { formatCount, formatPublished } from '../library/format';
import { labelName, useAppStore } from '../state/app-store';
import { orderHits, useConcordanceStore, type HitOrder } from './concordance-store';

const ROW_HEIGHT = 34;

/** Where a phrase is looked for (the query kinds of the concordance that take a phrase). */
const SEARCH_IN = ['text', 'quotes', 'notes'] as const;
type SearchIn = (typeof SEARCH_IN)[number];
/** Above this many ticked hits, annotate-all asks first, with the count. */
const CONFIRM_ABOVE = 500;

/**
 * Keyword in context over the corpus: one line per occurrence, left context, match and right
 * context aligned on the match; tick the hits (all by default), choose a label and annotate them
 * all as one change set, with the review and its undo (Ctrl+Z) above the list.
 */
export function ConcordanceView() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const openArticle = useAppStore((state) => state.openArticle);
  const store = useConcordanceStore();
  const { hits, order, selected, query, labelKey, review, loading, busy } = store;
  const [text, setText] = useState(query && query.kind !== 'spans' ? query.query : '');
  // Where the phrase is looked for: the texts, the quotes of stored spans, or their notes.
  const [searchIn, setSearchIn] = useState<SearchIn>(query && query.kind !== 'spans' ? query.kind : 'text');
  const [withinLabel, setWithinLabel] = useState(
    query && (query.kind === 'quotes' || query.kind === 'notes') ? (query.labelKey ?? '') : '',
  );
  const [confirming, setConfirming] = useState(false);

  const annotate = () => {
    if (selected.size > CONFIRM_ABOVE && !confirming) setConfirming(true);
    else {
      setConfirming(false);
      void store.annotateSelected();
    }
  };

  return (
    <section className="concordance" aria-label={t('concordance.region')}>
      <header className="concordance__header">
        <h1>{t('concordance.heading')}</h1>
        <form
          className="concordance__search"
          onSubmit={(event) => {
            event.preventDefault();
            const phrase = text.trim().slice(0, 200);
            if (!phrase) return;
            void store.search(
              searchIn === 'text'
                ? { kind: 'text', query: phrase }
                : { kind: searchIn, query: phrase, ...(withinLabel ? { labelKey: withinLabel } : {}) },
            );
          }}
        >
          <select
            aria-label={t('concordance.searchIn')}
            value={searchIn}
            onChange={(event) => setSearchIn(event.target.value as SearchIn)}
          >
            {SEARCH_IN.map((where) => (
              <option key={where} value={where}>
                {t(`concordance.in.${where}`)}
              </option>
            ))}
          </select>
          {searchIn !== 'text' ? (
            <select
              aria-label={t('concordance.withinLabel')}
              value={withinLabel}
              onChange={(event) => setWithinLabel(event.target.value)}
            >
              <option value="">{t('concordance.anyLabel')}</option>
              {labels.map((label) => (
                <option key={label.key} value={label.key}>
                  {labelName(label, language)}
                </option>
              ))}
            </select>
          ) : null}
          <input
            type="search"
            value={text}
            maxLength={200}
            placeholder={t('concordance.placeholder')}
            aria-label={t('concordance.searchLabel')}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit">{t('concordance.search')}</button>
        </form>
        <label className="concordance__scope">
          <input
            type="checkbox"
            checked={store.withinLibraryFilter}
            onChange={(event) => store.setWithinLibraryFilter(event.target.checked)}
          />{' '}
          {t('concordance.withinFilter')}
        </label>
      </header>

      {store.caption ? <p className="concordance__caption">{store.caption}</p> : null}
      <p className="concordance__summary" aria-live="polite">
        {loading
          ? t('concordance.loading')
          : query
            ? t('concordance.summary', { hits: hits.length, articles: store.articleCount }) +
              (store.complete ? '' : t('concordance.more'))
            : t('concordance.intro')}
      </p>

      {hits.length > 0 ? (
        <div className="concordance__tools" role="group" aria-label={t('concordance.tools')}>
          <button type="button" onClick={store.selectAll}>
            {t('concordance.selectAll')}
          </button>
          <button type="button" onClick={store.selectNone}>
            {t('concordance.selectNone')}
          </button>
          <label>
            {t('concordance.order')}{' '}
            <select value={order} onChange={(event) => store.setOrder(event.target.value as HitOrder)}>
              <option value="text">{t('concordance.orders.text')}</option>
              <option value="left">{t('concordance.orders.left')}</option>
              <option value="right">{t('concordance.orders.right')}</option>
            </select>
          </label>
          <span className="toolbar__spacer" />
          <label>
            {t('concordance.label')}{' '}
            <select value={labelKey ?? ''} onChange={(event) => store.setLabel(event.target.value)}>
              <option value="" disabled>
                {t('concordance.chooseLabel')}
              </option>
              {labels.map((label) => (
                <option key={label.key} value={label.key}>
                  {labelName(label, language)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            disabled={!labelKey || selected.size === 0 || busy || query?.kind === 'notes'}
            title={query?.kind === 'notes' ? t('concordance.notesNotAnnotated') : undefined}
            onClick={annotate}
          >
            {t('concordance.annotate', { count: selected.size })}
          </button>
        </div>
      ) : null}

      {confirming ? (
        <div className="concordance__confirm" role="alertdialog" aria-label={t('concordance.confirmTitle')}>
          {t('concordance.confirm', { count: selected.size, label: labelKey ?? '' })}{' '}
          <button type="button" className="primary" onClick={annotate}>
            {t('concordance.confirmYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('app.cancel')}
          </button>
        </div>
      ) : null}

      {store.job?.state === 'running' ? (
        <div className="concordance__job" role="status" aria-label={t('concordance.job.region')}>
          {store.job.phase === 'checking' ? (
            <>
              <progress value={store.job.hitsChecked} max={Math.max(1, store.job.hitsTotal)} />{' '}
              {t('concordance.job.checking', {
                done: formatCount(store.job.hitsChecked, language),
                total: formatCount(store.job.hitsTotal, language),
              })}{' '}
              <button type="button" onClick={() => void store.cancelAnnotate()}>
                {t('app.cancel')}
              </button>
            </>
          ) : (
            <>
              <progress /> {t('concordance.job.writing')}
            </>
          )}
        </div>
      ) : null}

      {review ? renderReview() : null}

      <KwicList onAnnotate={annotate} />
      <p className="concordance__hint muted">{t('concordance.keysHint')}</p>
    </section>
  );

  function renderReview() {
    if (!review) return null;
    const { result } = review;
    const created = result.created;
    return (
      <section className="concordance__review" aria-label={t('concordance.review.region')}>
        <p>
          {review.undone
            ? t('concordance.review.undone', { count: created.length })
            : t('concordance.review.created', {
                count: created.length,
                label: review.request.labelKey,
                articles: review.articleCount,
              })}{' '}
          {t('concordance.review.skipped', {
            identical: result.skippedIdentical,
            overlapping: result.skippedOverlapping,
            refused: result.refused,
            snapped: result.snapped,
          })}{' '}
          {review.undone ? (
            <button type="button" onClick={() => void store.redo()} disabled={busy}>
              {t('concordance.review.redo')}
            </button>
          ) : created.length > 0 ? (
            <button type="button" onClick={() => void store.undo()} disabled={busy}>
              {t('concordance.review.undo')}
            </button>
          ) : null}
        </p>
        {!review.undone && created.length > 0 ? (
          <ol className="concordance__created">
            {created.slice(0, REVIEW_ROWS).map((span) => (
              <li key={span.id}>
                <button type="button" className="link" onClick={() => openArticle(span.articleId)}>
                  {span.quote}
                </button>{' '}
                <span className="muted">#{span.articleId}</span>
              </li>
            ))}
            {created.length > REVIEW_ROWS ? (
              <li className="muted">
                {t('concordance.review.more', { n: formatCount(created.length - REVIEW_ROWS, language) })}
              </li>
            ) : null}
          </ol>
        ) : null}
      </section>
    );
  }
}

/** Created spans listed in the review; the rest are counted. */
const REVIEW_ROWS = 30;

/**
 * The virtualised list of hits with its keyboard, apart from the search form, the tools and the
 * review: it renders again on every scroll event (the virtualiser's window moves), and they
 * should not.
 */
function KwicList({ onAnnotate }: { onAnnotate(): void }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const hits = useConcordanceStore((state) => state.hits);
  const order = useConcordanceStore((state) => state.order);
  const selected = useConcordanceStore((state) => state.selected);
  const focused = useConcordanceStore((state) => state.focused);
  const list = useRef<HTMLDivElement>(null);
  const ordered = useMemo(() => orderHits(hits, order), [hits, order]);
  const labelByKey = useMemo(() => new Map(labels.map((label) => [label.key, label])), [labels]);

  const rows = useVirtualizer({
    count: ordered.length,
    getScrollElement: () => list.current,
    estimateSize: () => ROW_HEIGHT,
    // As the library's: more than a frame of fast scrolling ahead, few lines to render per answer.
    overscan: 8,
  });
  // The focused line stays in view when the focus moves (keyboard steps). A new list or order
  // starts at its top; the virtualiser's offset is kept from scroll events, so an answer does not
  // make the page lay out before it renders.
  const focusMoved = useRef(false);
  useEffect(() => {
    if (focusMoved.current) rows.scrollToIndex(focused, { align: 'auto' });
    focusMoved.current = true;
  }, [focused, rows]);
  useEffect(() => {
    if ((rows.scrollOffset ?? 0) > 0) rows.scrollToOffset(0);
  }, [ordered, rows]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (isTypingTarget(event.target)) return;
    const action = shortcutFor(event.nativeEvent, 'concordance');
    if (!action) return;
    event.preventDefault();
    const store = useConcordanceStore.getState();
    const hitIndex = ordered[focused];
    switch (action) {
      case 'hit-next':
        store.setFocused(focused + 1);
        break;
      case 'hit-previous':
        store.setFocused(focused - 1);
        break;
      case 'hit-toggle':
        if (hitIndex !== undefined) store.toggle(hitIndex);
        break;
      case 'hits-all':
        store.selectAll();
        break;
      case 'hits-none':
        store.selectNone();
        break;
      case 'annotate-hits':
        onAnnotate();
        break;
      case 'open-hit':
        if (hitIndex !== undefined) useAppStore.getState().openArticle(hits[hitIndex]!.articleId);
        break;
    }
  };

  return (
    <div
      className="concordance__list"
      ref={list}
      role="listbox"
      aria-multiselectable="true"
      aria-label={t('concordance.hits')}
      aria-activedescendant={ordered.length > 0 ? `hit-${ordered[focused]}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
        {rows.getVirtualItems().map((row) => {
          const index = ordered[row.index]!;
          return (
            <KwicRow
              key={row.key}
              hit={hits[index]!}
              index={index}
              position={row.index}
              top={row.start}
              focused={row.index === focused}
              selected={selected.has(index)}
              labelByKey={labelByKey}
              language={language}
              t={t}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * One line of the concordance. Memoised: the list re-renders on every scroll event, and only the
 * lines that came into view need rendering; a line renders again when its hit object changes (a
 * refresh after annotate-all gives new ones), its place, focus, tick, the labels or the language.
 */
const KwicRow = memo(function KwicRow({
  hit,
  index,
  position,
  top,
  focused,
  selected,
  labelByKey,
  language,
  t,
}: {
  hit: ConcordanceHit;
  /** The hit's position in the store's `hits` (its id and selection key). */
  index: number;
  /** Its position in the ordered list. */
  position: number;
  top: number;
  focused: boolean;
  selected: boolean;
  labelByKey: ReadonlyMap<string, Label>;
  language: Language;
  t: TFunction;
}) {
  return (
    <div
      id={`hit-${index}`}
      role="option"
      aria-selected={selected}
      className={`kwic ${focused ? 'is-focused' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => useConcordanceStore.getState().setFocused(position)}
      // A line of the spans mode (a dashboard bar's spans) is a stored span: citable.
      {...(hit.annotationId !== null
        ? {
            title: t('briefs.drag'),
            ...spanDragSource({ annotationId: hit.annotationId, articleId: hit.articleId }),
          }
        : {})}
    >
      <input
        type="checkbox"
        tabIndex={-1}
        checked={selected}
        aria-label={t('concordance.tick', { match: hit.match, title: hit.displayTitle })}
        onChange={() => useConcordanceStore.getState().toggle(index)}
      />
      <button
        type="button"
        tabIndex={-1}
        className="kwic__article link"
        title={hit.displayTitle}
        onClick={() => useAppStore.getState().openArticle(hit.articleId)}
      >
        {hit.publishedAt ? <span className="kwic__date">{formatPublished(hit.publishedAt, language)} </span> : null}
        {hit.displayTitle}
      </button>
      <span className="kwic__left" lang="vi">
        <span>{hit.left}</span>
      </span>
      <span className="kwic__right" lang="vi">
        <mark className="kwic__match">{hit.match}</mark>
        {hit.right}
      </span>
      <span className="kwic__labels">
        {hit.inNote ? <span className="chip kwic__note">{t('concordance.inNote')}</span> : null}
        {hit.labels.map((key) => {
          const label = labelByKey.get(key);
          return (
            <span
              key={key}
              className="chip"
              style={label ? (labelChipStyle(label.color) as React.CSSProperties) : undefined}
            >
              {key}
            </span>
          );
        })}
      </span>
    </div>
  );
});
