import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextRange } from '../../../../shared/text/syllables';
import { isShortcut, shortcutFor } from '../../app/keymap';
import { firstPaintWindow, watchPaintWindow } from '../paint-window';
import type { TextLayout } from '../text-layout';
import { FindPainter } from './find-painter';
import { useFindStore } from './find-store';

interface FindBarProps {
  layout: TextLayout;
  /** The reader's scroller: the paint window follows it. */
  pageRef: RefObject<HTMLElement | null>;
  /** The article text, where Escape returns the focus. */
  root: HTMLElement;
  revealRange: (range: TextRange) => void;
}

/**
 * Search inside the open article (Ctrl+F): every occurrence highlighted through a highlight of
 * its own, Enter and Shift+Enter step through them, Escape closes. The rules are the
 * concordance's: folded words, whole words, accents in the query must match.
 */
export function FindBar({ layout, pageRef, root, revealRange }: FindBarProps) {
  const { t } = useTranslation();
  const open = useFindStore((state) => state.open);
  const query = useFindStore((state) => state.query);
  const hits = useFindStore((state) => state.hits);
  const current = useFindStore((state) => state.current);
  const field = useRef<HTMLInputElement>(null);
  const painter = useRef<FindPainter | null>(null);

  // One painter per rendered text; the search closes with it (another article, a reload).
  useEffect(() => {
    const page = pageRef.current;
    if (!page) return;
    const instance = new FindPainter(layout);
    painter.current = instance;
    // Estimated, not measured: measuring lays the new text out inside the script, before its first
    // frame. Nothing is found yet (the search closes with the text before), and the observer's
    // first report, a frame later, gives the measured window.
    instance.setWindow(firstPaintWindow(layout));
    const stopWatching = watchPaintWindow(layout, page, (window) => instance.setWindow(window));
    return () => {
      stopWatching();
      instance.dispose();
      painter.current = null;
      useFindStore.getState().close();
    };
  }, [layout, pageRef]);

  useEffect(() => {
    const shown = hits[current] ?? null;
    painter.current?.show(hits, shown);
    if (shown) revealRange(shown);
  }, [hits, current, revealRange]);

  useEffect(() => {
    if (open) field.current?.select();
  }, [open]);

  if (!open) return null;
  const step = (direction: 1 | -1) => useFindStore.getState().step(direction);
  const close = () => {
    useFindStore.getState().close();
    root.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    // Ctrl+F again selects the query instead of opening the browser's own search.
    if (isShortcut(event, 'find')) {
      event.preventDefault();
      field.current?.select();
      return;
    }
    const shortcut = shortcutFor(event, 'find');
    if (shortcut === null) return;
    event.preventDefault();
    if (shortcut === 'find-close') close();
    else step(shortcut === 'find-next' ? 1 : -1);
  };

  return (
    <div className="reader__find" role="search" aria-label={t('reader.find.region')}>
      <input
        ref={field}
        type="search"
        aria-label={t('reader.find.field')}
        value={query}
        autoFocus
        onChange={(event) => useFindStore.getState().search(event.target.value, layout.text)}
        onKeyDown={onKeyDown}
      />
      <span className="reader__find-count muted" role="status">
        {query.trim() === ''
          ? ''
          : hits.length === 0
            ? t('reader.find.none')
            : t('reader.find.position', { current: current + 1, count: hits.length })}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={hits.length === 0}>
        {t('reader.find.previous')}
      </button>
      <button type="button" onClick={() => step(1)} disabled={hits.length === 0}>
        {t('reader.find.next')}
      </button>
      <button type="button" onClick={close}>
        {t('reader.find.close')}
      </button>
    </div>
  );
}
