import type { TextRange } from '../../../shared/text/syllables';
import type { TextLayout } from './text-layout';

/**
 * How far beyond the viewport the chunk window reaches (relation arcs, find hits, layer
 * differences, and the spans of a text's first frame), as a fraction of the viewport's height.
 * Intersection changes arrive a frame late, so the margin is what keeps a fast scroll (120 px a
 * frame) from showing text before what is drawn over it; it is no larger because Chromium re-marks
 * and repaints every registered range whenever anything changes (e.g. a span is created).
 */
const MARGIN_SCREENS = 0.5;

/**
 * The fewest pixels a visual line of the reader's text takes (17 px type, line height 1.75 makes
 * 29.75): the first paint window assumes this, so it reaches at least as far as the real band.
 */
const MIN_LINE_PX = 24;

/**
 * The painted window for a text just rendered, scrolled to its top, from the chunks' line
 * estimates alone: no chunk is measured to find it. The spans' marks drawn in it are measured
 * (one layout of the new text, which the first frame then reuses); suggestions are registered
 * without a layout. The chunk observer corrects the window a frame later if the estimate was off.
 */
export function firstPaintWindow(layout: TextLayout): TextRange {
  const wantedLines = (window.innerHeight * (1 + MARGIN_SCREENS)) / MIN_LINE_PX;
  let lines = 0;
  let last = 0;
  while (last < layout.chunks.length - 1 && lines < wantedLines) lines += layout.estimatedLines(last++);
  return { start: 0, end: layout.chunkRange(last).end };
}

/** The text range of the chunks within MARGIN_SCREENS of `scroller`'s viewport, measured now. */
export function paintWindowNow(layout: TextLayout, scroller: HTMLElement): TextRange {
  return layout.visibleRange(scroller, scroller.clientHeight * MARGIN_SCREENS);
}

/** The chunk observer of one text in one scroller, and everyone following its window. */
interface WindowWatch {
  observer: IntersectionObserver;
  listeners: Set<(window: TextRange) => void>;
  /** The last window reported; null until the observer's first report. */
  window: TextRange | null;
}

const windowWatches = new WeakMap<TextLayout, Map<HTMLElement, WindowWatch>>();

/**
 * Calls `onChange` with the painted window (the text range from the first to the last chunk
 * within MARGIN_SCREENS of the viewport) whenever a chunk enters or leaves that band, and at once
 * when the window is already known (a watcher started after the text's first frames).
 *
 * One observer on the ~100 chunks instead of a scroll handler: scrolling within the band runs
 * no script at all, and the painter re-registers spans only when a chunk crosses its edge. The
 * observer is shared by every watcher of the same text and scroller (the painted band, relation
 * arcs, find hits, layer differences): Chromium computes each observer's intersections with all
 * of its targets in every frame of a scroll (intersection work was a fifth of the page's main
 * thread in a scroll of the bench article, two of its three observers the reader's).
 */
export function watchPaintWindow(
  layout: TextLayout,
  scroller: HTMLElement,
  onChange: (window: TextRange) => void,
): () => void {
  let byScroller = windowWatches.get(layout);
  if (!byScroller) windowWatches.set(layout, (byScroller = new Map()));
  const watch = byScroller.get(scroller) ?? startWindowWatch(layout, scroller);
  byScroller.set(scroller, watch);
  // A listener of its own, so two watchers passing the same function are two watchers.
  const listener = (window: TextRange) => onChange(window);
  watch.listeners.add(listener);
  if (watch.window) listener(watch.window);
  return () => {
    watch.listeners.delete(listener);
    if (watch.listeners.size > 0) return;
    watch.observer.disconnect();
    byScroller.delete(scroller);
  };
}

function startWindowWatch(layout: TextLayout, scroller: HTMLElement): WindowWatch {
  const near = new Set<number>();
  const watch: WindowWatch = {
    listeners: new Set(),
    window: null,
    observer: new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const chunk = layout.chunkOf(entry.target);
          if (chunk === undefined) continue;
          if (entry.isIntersecting) near.add(chunk);
          else near.delete(chunk);
        }
        if (near.size === 0) return;
        const first = Math.min(...near);
        const last = Math.max(...near);
        const window = { start: layout.chunkRange(first).start, end: layout.chunkRange(last).end };
        watch.window = window;
        for (const listener of [...watch.listeners]) listener(window);
      },
      { root: scroller, rootMargin: `${MARGIN_SCREENS * 100}% 0px` },
    ),
  };
  for (const chunk of layout.chunks) watch.observer.observe(chunk);
  return watch;
}

/**
 * How far beyond the viewport spans and suggestions stay painted, in viewport heights: at rest,
 * and once a scroll has left that band. Suggestions are CSS highlights: Chromium removes and
 * re-adds every highlight marker and repaints every marked paragraph being painted whenever any
 * highlight, the DOM or a style changes (a span created), so each suggested paragraph painted off
 * screen is paid for again by every create. Chromium renders the chunks within 150 % of the
 * viewport's height of it (its `content-visibility` margin); painting over the viewport's
 * paragraphs only, instead of a band of chunks around it, halved the create frame's paint when
 * spans were highlights too (bench/README.md, "Spans in the viewport's band"). Spans are marks
 * now (mark-layer.ts): the band bounds how many are measured and kept, and a move draws and
 * erases only the spans entering and leaving it. No margin at rest: a paragraph reaching into the
 * viewport counts whole, and the first scroll event widens the band before its frame paints.
 *
 * While scrolling, half a screen each side: the band moves every half screen. With a screen each
 * side, when spans were highlights, the frames that moved it took over a frame of CPU about three
 * times as often (bench/README.md, 2026-12-01 "The scroll band").
 */
const REST_MARGIN_SCREENS = 0;
const SCROLL_MARGIN_SCREENS = 0.5;

/** Quiet time after the last scroll event before the band shrinks back to the viewport. */
const SETTLE_MS = 150;

/** Whether `inner` lies within `outer`. */
const within = (inner: TextRange, outer: TextRange) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * The band to paint next: the current one while it still covers what is needed (the viewport and
 * REST_MARGIN_SCREENS); else `wide` (SCROLL_MARGIN_SCREENS, measured only then), so a scroll moves
 * it about once a screen rather than every frame. Once scrolling settles, it shrinks to `needed`.
 */
export function nextBand(
  current: TextRange | null,
  needed: TextRange,
  wide: () => TextRange,
  settled: boolean,
): TextRange {
  if (settled) return needed;
  return current && within(needed, current) ? current : wide();
}

/**
 * Calls `onChange` with the paragraphs to paint spans and suggestions over: those reaching into
 * `scroller`'s viewport at rest; a screen around it while scrolling (set in the scroll event,
 * before the frame paints, so text scrolled in shows its highlights in that frame); back to the
 * viewport SETTLE_MS after the last scroll. The text also moves without a scroll: chunks laid out
 * at their real height (the chunk observer), a window resize, and content above the text changing
 * height (the find bar opening, document fields): the scroller's children are watched for size
 * changes. The first report comes a frame after the text is shown, without forcing a layout before
 * that frame.
 */
export function watchVisibleBand(
  layout: TextLayout,
  scroller: HTMLElement,
  onChange: (band: TextRange) => void,
): () => void {
  let band: TextRange | null = null;
  /** Where the band's paragraphs reach in the scroller's content (px), measured with the band. */
  let bandExtent = { top: 0, bottom: 0 };
  let settle = 0;
  const update = (settled: boolean) => {
    const height = scroller.clientHeight;
    const needed = layout.visibleLines(scroller, height * REST_MARGIN_SCREENS);
    const wide = () => layout.visibleLines(scroller, height * SCROLL_MARGIN_SCREENS);
    const next = nextBand(band, needed, wide, settled);
    bandExtent = layout.extentInScroller(next, scroller);
    if (band && next.start === band.start && next.end === band.end) return;
    band = next;
    onChange(next);
  };
  const settleLater = () => {
    clearTimeout(settle);
    settle = window.setTimeout(() => update(true), SETTLE_MS);
  };
  const onMove = () => {
    if (band === null) {
      update(true);
      return;
    }
    update(false);
    settleLater();
  };
  // Most scroll events leave the viewport inside the band: told from the scroll offset alone,
  // without the ~20 layout reads of measuring the paragraphs in view. Anything else that moves
  // the text (a chunk's real height, a resize, content above it) comes through onMove, which
  // measures the extent again.
  const onScroll = () => {
    const top = scroller.scrollTop;
    if (band === null || top < bandExtent.top || top + scroller.clientHeight > bandExtent.bottom) onMove();
    else settleLater();
  };
  const stopWatching = watchPaintWindow(layout, scroller, onMove);
  const resized = new ResizeObserver(onMove);
  const observeChildren = () => {
    for (const child of scroller.children) resized.observe(child);
  };
  observeChildren();
  // React mounts and unmounts the find bar and the trimmed block: watch the new ones too.
  const mounted = new MutationObserver(observeChildren);
  mounted.observe(scroller, { childList: true });
  scroller.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onMove);
  return () => {
    clearTimeout(settle);
    stopWatching();
    resized.disconnect();
    mounted.disconnect();
    scroller.removeEventListener('scroll', onScroll);
    window.removeEventListener('resize', onMove);
  };
}
