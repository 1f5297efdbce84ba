import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../../shared/domain/schemas';
import type { TextRange } from '../../../../shared/text/syllables';
import { labelChipStyle } from '../../app/contrast';
import { labelName, useAppStore } from '../../state/app-store';
import { AssistSettingsDialog } from './AssistSettingsDialog';
import { useAfterFirstFrame } from '../after-first-frame';
import { useSuggestionStore } from './suggestion-store';

/** One row: chip, quote and source on a line, with the two buttons (CSS keeps it to this height). */
const ROW_HEIGHT = 30;
const OVERSCAN = 8;

interface SuggestionsPanelProps {
  labels: readonly Label[];
  onReveal: (range: TextRange) => void;
}

/** The open article's suggestions with their source, and "accept all" per label (one undo step). */
export function SuggestionsPanel({ labels, onReveal }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { suggestions, total, focused, shown, stoppedPatterns, setShown, focus, accept, reject, acceptAllOf } =
    useSuggestionStore();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const articleId = useSuggestionStore((state) => state.articleId);
  const labelByKey = useMemo(() => new Map(labels.map((label) => [label.key, label])), [labels]);
  const countByLabel = useMemo(() => {
    const counts = new Map<string, number>();
    for (const suggestion of suggestions) counts.set(suggestion.labelKey, (counts.get(suggestion.labelKey) ?? 0) + 1);
    return counts;
  }, [suggestions]);

  // Virtualised: up to SUGGESTIONS_LISTED_MAX rows of three buttons each would cost every render.
  const viewport = useRef<HTMLDivElement>(null);
  // Its box is measured (a layout) after the article's first frame (suggestions come later anyway).
  const measurable = useAfterFirstFrame();
  const rows = useVirtualizer({
    count: suggestions.length,
    getScrollElement: () => (measurable ? viewport.current : null),
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  // N/P move the focus from the keyboard: keep the focused row in view.
  useEffect(() => {
    if (focused !== null) rows.scrollToIndex(focused, { align: 'auto' });
  }, [focused, rows]);

  return (
    <section className="suggestions" aria-label={t('suggestions.title')}>
      <div className="suggestions__head">
        <h2>{t('suggestions.title')}</h2>
        <button type="button" className="suggestions__button" onClick={() => setSettingsOpen(true)}>
          {t('assist.open')}
        </button>
        <label className="suggestions__toggle">
          <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
          {t('suggestions.show')}
        </label>
      </div>
      {shown ? (
        <>
          <p className="suggestions__hint">
            {suggestions.length === 0
              ? t('suggestions.none')
              : total > suggestions.length
                ? t('suggestions.countListed', { count: total, listed: suggestions.length })
                : t('suggestions.count', { count: total })}
            {suggestions.length > 0 ? ` · ${t('suggestions.hint')}` : null}
          </p>
          {stoppedPatterns.length > 0 ? (
            <p className="suggestions__warning" role="status">
              {t('suggestions.stopped', { patterns: stoppedPatterns.join(', ') })}
            </p>
          ) : null}
          {countByLabel.size > 0 ? (
            <div className="suggestions__bulk" role="group" aria-label={t('suggestions.acceptAllGroup')}>
              <span className="suggestions__bulk-title">{t('suggestions.acceptAllGroup')}</span>
              {[...countByLabel].map(([labelKey, count]) => {
                const label = labelByKey.get(labelKey);
                return (
                  <button
                    key={labelKey}
                    type="button"
                    className="chip"
                    style={label ? (labelChipStyle(label.color) as React.CSSProperties) : undefined}
                    title={t('suggestions.acceptAll', { label: label ? labelName(label, language) : labelKey, count })}
                    onClick={() => void acceptAllOf(labelKey)}
                  >
                    {labelKey} {count}
                  </button>
                );
              })}
            </div>
          ) : null}
          <div className="suggestions__viewport" ref={viewport}>
            <ul
              className="suggestions__list"
              aria-label={t('suggestions.list')}
              style={{ height: rows.getTotalSize() }}
            >
              {rows.getVirtualItems().map((row) => {
                const index = row.index;
                const suggestion = suggestions[index]!;
                const label = labelByKey.get(suggestion.labelKey);
                const isFocused = index === focused;
                return (
                  <li
                    key={`${suggestion.labelKey}:${suggestion.start}:${suggestion.end}`}
                    className={`suggestions__item${isFocused ? ' suggestions__item--focused' : ''}`}
                    style={{ top: row.start, height: ROW_HEIGHT }}
                    aria-current={isFocused ? 'true' : undefined}
                  >
                    <button
                      type="button"
                      className="suggestions__quote"
                      onClick={() => {
                        focus(index);
                        onReveal(suggestion);
                      }}
                    >
                      <span
                        className="chip"
                        style={label ? (labelChipStyle(label.color) as React.CSSProperties) : undefined}
                      >
                        {suggestion.labelKey}
                      </span>
                      <span className="suggestions__text">{suggestion.quote}</span>
                      <span className="suggestions__source">{t(`suggestions.source.${suggestion.source}`)}</span>
                    </button>
                    <span className="suggestions__actions">
                      <button type="button" className="suggestions__button" onClick={() => void accept(index)}>
                        {t('suggestions.accept')}
                      </button>
                      <button type="button" className="suggestions__button" onClick={() => void reject(index)}>
                        {t('suggestions.reject')}
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      ) : null}
      {settingsOpen ? (
        <AssistSettingsDialog
          labels={labels}
          onClose={() => setSettingsOpen(false)}
          onChanged={() => {
            if (articleId !== null) void useSuggestionStore.getState().load(articleId);
          }}
        />
      ) : null}
    </section>
  );
}
