import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationSnapshot } from '../../../shared/brief/citation';
import { api } from '../api/client';
import { labelChipStyle } from '../app/contrast';
import { Modal } from '../app/Modal';
import { errorMessage, useAppStore } from '../state/app-store';

/** Typing pauses this long before the palette asks (each ask scans the spans until it has enough). */
const SEARCH_DELAY_MS = 200;

interface CitationPaletteProps {
  onPick(snapshot: CitationSnapshot): void;
  onClose(): void;
}

/** The editor's command palette for citations: spans searched by quote, label or entity. */
export function CitationPalette({ onPick, onClose }: CitationPaletteProps) {
  const { t } = useTranslation();
  const labels = useAppStore((state) => state.labels);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CitationSnapshot[] | null>(null);
  const [active, setActive] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    const ask = ++asked.current;
    const timer = window.setTimeout(() => {
      api
        .searchCitableSpans({ query, limit: 50 })
        .then((found) => {
          if (ask !== asked.current) return;
          setHits(found);
          setActive(0);
        })
        .catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error)));
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const pick = (index: number) => {
    const hit = hits?.[index];
    if (hit) onPick(hit);
  };

  return (
    <Modal title={t('briefs.palette.title')} onClose={onClose}>
      <input
        type="search"
        className="palette__search"
        autoFocus
        aria-label={t('briefs.palette.search')}
        placeholder={t('briefs.palette.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, (hits?.length ?? 1) - 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
          else if (event.key === 'Enter') pick(active);
          else return;
          event.preventDefault();
        }}
      />
      {hits === null ? (
        <p className="muted">{t('briefs.palette.searching')}</p>
      ) : hits.length === 0 ? (
        <p className="muted">{t('briefs.palette.none')}</p>
      ) : (
        <ol className="palette__hits" role="listbox" aria-label={t('briefs.palette.title')}>
          {hits.map((hit, index) => {
            const label = labels.find((candidate) => candidate.key === hit.labelKey);
            return (
              <li key={hit.annotationId} role="option" aria-selected={index === active}>
                <button type="button" onClick={() => pick(index)} onMouseEnter={() => setActive(index)}>
                  <span
                    className="chip"
                    style={label ? (labelChipStyle(label.color) as React.CSSProperties) : undefined}
                  >
                    {hit.labelKey}
                  </span>{' '}
                  <q lang="vi">{hit.quote}</q> <span className="muted">{hit.articleTitle}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </Modal>
  );
}
