import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOLD_AUTHOR } from '../../../../shared/adjudication/changes';
import { api } from '../../api/client';
import { useAdjudicationStore } from '../../adjudication/adjudication-store';
import { useDeferredReader, useReaderStore } from '../reader-store';
import { KindLegend } from './KindLegend';
import type { LayerView } from './layer-model';
import { useLayerStore } from './layer-store';

const valueOf = (view: LayerView): string =>
  view.kind === 'author' || view.kind === 'compare' ? `${view.kind}:${view.author}` : view.kind;

function viewOf(value: string): LayerView {
  const [kind, ...rest] = value.split(':');
  const author = rest.join(':');
  if (kind === 'author' || kind === 'compare') return { kind, author };
  return { kind: kind === 'mine' ? 'mine' : kind === 'gold' ? 'gold' : 'all' };
}

/**
 * The reader's layer choice, shown only for an article of several authors: mine, a colleague's,
 * mine and a colleague's (differences painted, with the legend and how many are left to
 * adjudicate), all, gold.
 */
export function LayerBar() {
  const { t } = useTranslation();
  const authors = useLayerStore((state) => state.authors);
  const me = useLayerStore((state) => state.me);
  const view = useLayerStore((state) => state.view);
  const setView = useLayerStore((state) => state.setView);
  const articleId = useReaderStore((state) => state.article?.id ?? null);
  const spansVersion = useDeferredReader((state) => state.spansVersion);
  const remaining = useRemaining(
    articleId,
    view.kind === 'compare' ? { mine: me, theirs: view.author } : null,
    spansVersion,
  );
  if (!authors) return null;
  const colleagues = authors.filter((author) => author !== me && author !== GOLD_AUTHOR);
  const mineHere = authors.includes(me);
  return (
    <section className="layer-bar" aria-label={t('layers.region')}>
      <label>
        {t('layers.choose')}{' '}
        <select
          value={valueOf(view)}
          onChange={(event) => {
            // A selected span of mine must not stay editable under a view that hides or locks it.
            useReaderStore.getState().select(null);
            setView(viewOf(event.target.value));
          }}
        >
          {mineHere ? <option value="mine">{t('layers.mine', { author: me })}</option> : null}
          {colleagues.map((author) => (
            <option key={`author:${author}`} value={`author:${author}`}>
              {t('layers.author', { author })}
            </option>
          ))}
          {mineHere
            ? colleagues.map((author) => (
                <option key={`compare:${author}`} value={`compare:${author}`}>
                  {t('layers.compare', { author })}
                </option>
              ))
            : null}
          <option value="all">{t('layers.all')}</option>
          {authors.includes(GOLD_AUTHOR) ? <option value="gold">{t('layers.gold')}</option> : null}
        </select>
      </label>
      {view.kind === 'author' || view.kind === 'gold' ? (
        <p className="muted">{t('layers.readOnly', { author: view.kind === 'gold' ? GOLD_AUTHOR : view.author })}</p>
      ) : null}
      {view.kind === 'compare' ? (
        <>
          <KindLegend mine={me} theirs={view.author} />
          {articleId !== null ? (
            <p className="layer-bar__adjudicate">
              {remaining !== null ? (
                <span data-testid="layer-remaining">{t('layers.remaining', { count: remaining })}</span>
              ) : null}{' '}
              <button
                type="button"
                onClick={() => useAdjudicationStore.getState().adjudicate(articleId, { mine: me, theirs: view.author })}
              >
                {t('layers.adjudicate')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Open disagreements between the compared layers, read again as the spans change. */
function useRemaining(
  articleId: number | null,
  layers: { mine: string; theirs: string } | null,
  spansVersion: number,
): number | null {
  const [remaining, setRemaining] = useState<number | null>(null);
  const mine = layers?.mine;
  const theirs = layers?.theirs;
  useEffect(() => {
    if (articleId === null || !mine || !theirs) return;
    let current = true;
    // Edits come in bursts (a drag, a held key): ask once they pause.
    const timer = window.setTimeout(() => {
      void api
        .disagreementCounts({ mine, theirs, articleIds: [articleId] })
        .then(({ counts }) => {
          if (current) setRemaining(counts[0]?.remaining ?? 0);
        })
        .catch(() => undefined);
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [articleId, mine, theirs, spansVersion]);
  return remaining;
}
