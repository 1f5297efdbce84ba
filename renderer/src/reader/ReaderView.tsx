import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { snapToSyllables, type TextRange } from '../../../shared/text/syllables';
import { EntityLinker } from '../entities/EntityLinker';
import { LinkSuggestions } from '../entities/LinkSuggestions';
import { useAppStore } from '../state/app-store';
import { ArticleHeader } from './ArticleHeader';
import { ArticleText } from './ArticleText';
import { characterAtPoint, offsetAtPoint, scrollRangeIntoView, selectedTextRange } from './dom-selection';
import { EdgeHandles } from './EdgeHandles';
import { HighlightPainter, supportsHighlights } from './highlight-painter';
import { HistoryButtons } from './HistoryButtons';
import { HoverCard } from './HoverCard';
import { LabelPalette } from './LabelPalette';
import { firstPaintWindow, paintWindowNow, watchPaintWindow, watchVisibleBand } from './paint-window';
import type { SpanQueries } from './sync/document-sync';
import { handleReaderKey } from './reader-keyboard';
import { openSpans, useReaderStore } from './reader-store';
import { followStore } from '../state/follow-store';
import { RelationLayer } from './relations/RelationLayer';
import { RelationPanel } from './relations/RelationPanel';
import { useRelationStore } from './relations/relation-store';
import { SelectedSpanPanel } from './SelectedSpanPanel';
import { SpanList } from './SpanList';
import { useSpanHover } from './span-hover';
import { TrimmedBlock } from './TrimmedBlock';
import { SuggestionPainter } from './assist/suggestion-painter';
import { SuggestionsPanel } from './assist/SuggestionsPanel';
import { FindBar } from './find/FindBar';
import { useSuggestionStore } from './assist/suggestion-store';
import type { TextLayout } from './text-layout';
import { DiffPainter } from './layers/diff-painter';
import { LayerBar } from './layers/LayerBar';
import { layerModel } from './layers/layer-model';
import { useLayerStore } from './layers/layer-store';
import { useProfileStore } from '../settings/profile-store';
import { useAfterFirstFrame } from './after-first-frame';

const NOTHING_HIDDEN: ReadonlySet<number> = new Set();

/** Longest wait for an idle moment after opening before suggestions are fetched anyway. */
const SUGGESTIONS_AFTER_OPEN_MAX_MS = 500;

interface TextView {
  layout: TextLayout;
  root: HTMLElement;
  painter: HighlightPainter;
  suggestionPainter: SuggestionPainter;
}

export function ReaderView({ articleId }: { articleId: number }) {
  const { t } = useTranslation();
  const labels = useAppStore((state) => state.labels);
  const article = useReaderStore((state) => state.article);
  const sync = useReaderStore((state) => state.sync);
  const linkerSpanId = useReaderStore((state) => state.linkerSpanId);
  const revealRequest = useReaderStore((state) => state.revealRequest);
  // One selector each: a component that takes the whole store re-renders on every change (a
  // span created re-rendered the whole reader, Lexical view included, inside the frame).
  const load = useReaderStore((state) => state.load);
  const close = useReaderStore((state) => state.close);
  const setStatus = useReaderStore((state) => state.setStatus);
  const updateMetadata = useReaderStore((state) => state.updateMetadata);
  const [view, setView] = useState<TextView | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  // A state (not a ref): the edge handles render into it once it exists.
  const [textWrap, setTextWrap] = useState<HTMLDivElement | null>(null);
  const caretRef = useRef<number | null>(null);
  const hover = useSpanHover(view, pageRef);

  useEffect(() => {
    void load(articleId);
    return close;
  }, [articleId, load, close]);

  // Spans and suggestions are painted over one band of paragraphs: the viewport's at rest, a
  // screen around it while scrolling (watchVisibleBand). One watcher for both, so a scroll that
  // moves the band changes the highlights once. `paintedSpans` is the index the span painter
  // paints (null before the first paint of this view's sync).
  const bandRef = useRef<TextRange | null>(null);
  const paintedSpans = useRef<SpanQueries | null>(null);
  useEffect(() => {
    const page = pageRef.current;
    bandRef.current = null; // another text's band; this one's comes with the watcher's first report
    if (!view || !page) return;
    // No measured band now: measuring would lay the new text out inside the script, before its
    // first frame; the chunk observer's first report (in the frame after it) gives the band.
    return watchVisibleBand(view.layout, page, (band) => {
      bandRef.current = band;
      if (paintedSpans.current) view.painter.setWindow(band, paintedSpans.current);
      view.suggestionPainter.setWindow(band);
    });
  }, [view]);

  // The painter (one per rendered text) paints the open sync's spans in the band and follows
  // their changes by delta. A reload of the same article brings a new sync for the same view; a
  // new article brings a new sync first and its view a moment later, so a view still showing
  // another text waits for its own.
  useEffect(() => {
    if (!view || !sync || useReaderStore.getState().article?.text !== view.layout.text) return;
    // A fresh view is at the top and not laid out yet: estimate rather than force a layout.
    view.painter.paintAll(sync.spans, bandRef.current ?? firstPaintWindow(view.layout));
    paintedSpans.current = sync.spans;
    const unsubscribe = sync.onSpans((change) => view.painter.apply(change, sync.spans));
    return () => {
      paintedSpans.current = null;
      unsubscribe();
      view.painter.clear();
    };
  }, [view, sync]);

  // Layers (issue 15), only in an article of several authors: spans of layers not on screen are
  // left out of the painter's highlights, and the differences between two compared layers get
  // a painter of their own; both follow span changes once per frame. One layer: nothing here runs.
  const layerAuthors = useLayerStore((state) => state.authors);
  const layerView = useLayerStore((state) => state.view);
  const me = useLayerStore((state) => state.me);
  const profileName = useProfileStore((state) => state.profile?.displayName ?? '');
  useEffect(() => {
    // The profile may load after the article: mine is then known only now.
    if (sync && profileName !== useLayerStore.getState().me)
      useLayerStore.getState().init(sync.spans.all(), profileName);
  }, [sync, profileName]);
  useEffect(() => {
    const page = pageRef.current;
    if (!view || !sync || !page) return;
    if (layerAuthors === null) {
      view.painter.setHidden(NOTHING_HIDDEN, sync.spans);
      return;
    }
    const diffPainter = new DiffPainter(view.layout);
    const update = () => {
      const model = layerModel(sync.spans.all(), layerView, me);
      useLayerStore.setState({ hidden: model.hidden });
      view.painter.setHidden(model.hidden, sync.spans);
      diffPainter.show(model.differences);
    };
    diffPainter.setWindow(paintWindowNow(view.layout, page));
    update();
    let frame = 0;
    const unsubscribe = sync.onSpans(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    });
    const stopWatching = watchPaintWindow(view.layout, page, (window) => diffPainter.setWindow(window));
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      stopWatching();
      diffPainter.dispose();
    };
  }, [view, sync, layerAuthors, layerView, me]);

  // The painters live as long as the rendered text (after the effect above, so it clears first).
  useEffect(
    () =>
      view
        ? () => {
            view.painter.dispose();
            view.suggestionPainter.dispose();
          }
        : undefined,
    [view],
  );

  // Suggestions (spans to add, and entities to link spans to): fetched once the article has
  // painted (they must not delay the text and its spans; at 10,000 spans the link suggestions
  // alone cost the host ~130 ms), and again after its writes settle.
  useEffect(() => {
    if (!sync) return;
    const idle = requestIdleCallback(
      () => {
        void useSuggestionStore.getState().load(sync.articleId);
        void useReaderStore.getState().refreshSuggestions();
      },
      { timeout: SUGGESTIONS_AFTER_OPEN_MAX_MS },
    );
    const unsubscribe = sync.onSettled(() => useSuggestionStore.getState().scheduleLoad(sync.articleId));
    return () => {
      cancelIdleCallback(idle);
      unsubscribe();
      useSuggestionStore.getState().clear();
    };
  }, [sync]);

  // The suggestion painter follows the store directly, like the selection below: a render of this
  // view re-renders the whole reader, and the suggestions' answer often lands during a scroll.
  useEffect(() => {
    if (!view) return;
    const showSuggestions = ({ suggestions, focused, shown }: ReturnType<typeof useSuggestionStore.getState>) => {
      const focusedSuggestion = focused === null ? null : (suggestions[focused] ?? null);
      view.suggestionPainter.show(shown ? suggestions : [], shown ? focusedSuggestion : null);
    };
    return followStore(useSuggestionStore, ['suggestions', 'focused', 'shown'], showSuggestions);
  }, [view]);

  // The selection highlight follows the store directly, not through a render of this view: a
  // render here re-renders the whole reader, sidebar included, inside the frame that must show a
  // span just created or selected.
  useEffect(() => {
    if (!view) return;
    const showSelected = ({ selectedId, sync: selectedSync }: ReturnType<typeof useReaderStore.getState>) => {
      const selected = selectedId === null ? undefined : selectedSync?.spans.get(selectedId);
      view.painter.showSelected(selected ?? null);
    };
    return followStore(useReaderStore, ['selectedId', 'sync', 'spansVersion'], showSelected);
  }, [view]);

  const onLayout = useCallback(
    (layout: TextLayout, root: HTMLElement) => {
      if (!supportsHighlights()) {
        useAppStore.getState().notify('error', t('app.noHighlights'));
        return;
      }
      setView({
        layout,
        root,
        painter: new HighlightPainter(layout, labels),
        suggestionPainter: new SuggestionPainter(layout, labels),
      });
    },
    [labels, t],
  );

  const reveal = useCallback(
    (id: number) => {
      const span = openSpans()?.get(id);
      if (!span) return;
      useReaderStore.getState().select(id);
      if (view && pageRef.current) scrollRangeIntoView(view.layout, span, pageRef.current);
    },
    [view],
  );

  // Opened from an entity page at a mention: select it and scroll to it once the text is there.
  useEffect(() => {
    if (!view || !sync || revealRequest === null || !sync.spans.get(revealRequest)) return;
    useReaderStore.getState().requestReveal(null);
    reveal(revealRequest);
  }, [view, sync, revealRequest, reveal]);
  const show = useCallback(
    (id: number) => {
      const span = openSpans()?.get(id);
      if (span && view && pageRef.current) scrollRangeIntoView(view.layout, span, pageRef.current);
    },
    [view],
  );

  const revealRange = useCallback(
    (range: TextRange) => {
      if (view && pageRef.current) scrollRangeIntoView(view.layout, range, pageRef.current);
    },
    [view],
  );

  // A relation being drawn belongs to the open article.
  useEffect(() => () => useRelationStore.getState().cancel(), [sync]);

  useEffect(() => {
    if (!view) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const context = { ...view, labels, caretOffset: () => caretRef.current, reveal, show, revealRange };
      if (handleReaderKey(event, context)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [view, labels, reveal, show, revealRange]);

  const onMouseUp = (event: React.MouseEvent) => {
    if (!view || event.button !== 0) return;
    const range = selectedTextRange(view.layout, view.root);
    const store = useReaderStore.getState();
    if (!range || range.start === range.end) {
      // A click: select the innermost span under the pointer, or clear the selection.
      const offset = characterAtPoint(view.layout, view.root, event.clientX, event.clientY);
      caretRef.current = offset ?? offsetAtPoint(view.layout, view.root, event.clientX, event.clientY);
      const span = offset === null ? undefined : openSpans()?.innermostAt(offset);
      store.select(span?.id ?? null);
      return;
    }
    const snapped = event.altKey ? range : snapToSyllables(view.layout.text, range.start, range.end);
    store.setPending(snapped);
    if (snapped && (snapped.start !== range.start || snapped.end !== range.end)) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(view.layout.range(snapped.start, snapped.end));
    }
  };

  if (!article || article.id !== articleId) return <p className="reader__loading">{t('reader.opening')}</p>;
  return (
    <div className="reader">
      <div className="reader__page" ref={pageRef}>
        {view ? <FindBar layout={view.layout} pageRef={pageRef} root={view.root} revealRange={revealRange} /> : null}
        <ArticleHeader article={article} onStatusChange={setStatus} onMetadataChange={updateMetadata} />
        <div
          className="reader__textwrap"
          ref={setTextWrap}
          onMouseUp={onMouseUp}
          onMouseMove={hover.onMouseMove}
          onMouseLeave={hover.onMouseLeave}
        >
          {/* Restoring trimmed chrome changes the text: a new key rebuilds the view and its offset table. */}
          <ArticleText key={`${article.id}:${article.text.length}`} text={article.text} onLayout={onLayout} />
          {view && textWrap ? (
            <EdgeHandles layout={view.layout} root={view.root} painter={view.painter} container={textWrap} />
          ) : null}
          {view && textWrap ? (
            <RelationLayer layout={view.layout} root={view.root} painter={view.painter} container={textWrap} />
          ) : null}
        </div>
        {article.trimmedText ? <TrimmedBlock trimmedText={article.trimmedText} /> : null}
      </div>
      <ReaderTools>
        <LayerBar />
        <HistoryButtons />
        <LabelPalette labels={labels} />
        <SelectedSpanPanel labels={labels} />
        <LinkSuggestions onReveal={reveal} />
        <RelationPanel onReveal={reveal} />
        <SuggestionsPanel labels={labels} onReveal={revealRange} />
        <SpanList labels={labels} onReveal={reveal} />
      </ReaderTools>
      <HoverCard labels={labels} />
      {linkerSpanId !== null && sync?.spans.get(linkerSpanId) ? (
        <EntityLinker span={sync.spans.get(linkerSpanId)!} />
      ) : null}
    </div>
  );
}

/**
 * The tools beside the text (palette, panels, the span list), filled in the frame after the
 * article's first one: an open waits for the text and its highlights, and building, styling and
 * laying out the panels there (the 10,000-span list's counts and virtualiser among them) was part
 * of the work before that frame. The column keeps its width, so the text does not move when they
 * come. Mounted with the article (ReaderView shows a placeholder until then), so "first frame" is
 * the text's.
 */
function ReaderTools({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const shown = useAfterFirstFrame();
  return (
    <aside className="reader__sidebar" aria-label={t('reader.tools')}>
      {shown ? children : null}
    </aside>
  );
}
