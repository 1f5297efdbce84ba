import { create } from '../../state/create';
import { GOLD_AUTHOR } from '../../../../shared/adjudication/changes';
import type { Span } from '../sync/document-sync';
import { isEditable, showsMine, type LayerView } from './layer-model';

interface LayerState {
  /** The open article's authors when it holds more than one (mine first); null: one layer, today's reader. */
  authors: string[] | null;
  /** The local profile's name: whose layer is "mine". */
  me: string;
  view: LayerView;
  /** The spans the painter leaves out now (set with each repaint of the layers; not rendered from). */
  hidden: ReadonlySet<number>;
  /** Reads the layers of a freshly opened article's spans. */
  init(spans: Iterable<Span>, me: string): void;
  setView(view: LayerView): void;
}

/**
 * The reader's choice of layers. An article whose spans have no author (the backend sends them
 * only for an article of several authors) has no layers: the reader stays exactly as it was.
 */
export const useLayerStore = create<LayerState>((set) => ({
  authors: null,
  me: '',
  view: { kind: 'all' },
  hidden: new Set(),

  init(spans, me) {
    const authors = new Set<string>();
    for (const span of spans) if (span.author !== undefined) authors.add(span.author);
    if (authors.size < 2) {
      set({ authors: null, me, view: { kind: 'all' }, hidden: new Set() });
      return;
    }
    const ordered = [...authors].sort((a, b) => rank(a, me) - rank(b, me) || a.localeCompare(b));
    const colleague = ordered.find((author) => author !== me && author !== GOLD_AUTHOR);
    // With my layer and a colleague's, their differences first; otherwise every layer.
    const view: LayerView = authors.has(me) && colleague ? { kind: 'compare', author: colleague } : { kind: 'all' };
    set({ authors: ordered, me, view, hidden: new Set() });
  },

  setView(view) {
    set({ view });
  },
}));

/** Mine first, gold last, colleagues between. */
const rank = (author: string, me: string): number => (author === me ? 0 : author === GOLD_AUTHOR ? 2 : 1);

/**
 * Why the reader may not select this span for editing: 'hidden' (another layer, not on screen),
 * 'readOnly' (a colleague's or gold, on screen), or null when it may (and always in one layer).
 */
export function spanGuard(span: Span): 'hidden' | 'readOnly' | null {
  const { authors, view, me, hidden } = useLayerStore.getState();
  if (authors === null) return null;
  if (hidden.has(span.id)) return 'hidden';
  return isEditable(span, view, me) ? null : 'readOnly';
}

/** Whether new spans may be made (my layer on screen); always in an article of one layer. */
export function canCreate(): boolean {
  const { authors, view } = useLayerStore.getState();
  return authors === null || showsMine(view);
}
