import { GOLD_AUTHOR } from '../../../../shared/adjudication/changes';
import { diffLayers, type DifferenceKind } from '../../../../shared/agreement/layer-diff';
import type { TextRange } from '../../../../shared/text/syllables';
import type { Span } from '../sync/document-sync';

/**
 * Which layers the reader shows in an article of several authors: mine, one colleague's, mine
 * and a colleague's with their differences painted, every layer, or gold.
 */
export type LayerView =
  | { kind: 'mine' }
  | { kind: 'author'; author: string }
  | { kind: 'compare'; author: string }
  | { kind: 'all' }
  | { kind: 'gold' };

export interface PaintedDifference extends TextRange {
  kind: DifferenceKind;
}

export interface LayerModel {
  /** Spans the painter leaves out: other layers, and a colleague's twin of an agreed span of mine. */
  hidden: Set<number>;
  /** The differences to paint (compare only), where each kind shows: a one-sided span, or the union of a pair. */
  differences: PaintedDifference[];
}

/**
 * A span with no author is one this reader made and the backend has not answered for yet: mine.
 * (In an article of several layers the backend sends every stored span's author.)
 */
export const authorOf = (span: Span, me: string): string => span.author ?? me;

/** Whether the reader may edit this span under this view: only my spans, and only where my layer shows. */
export function isEditable(span: Span, view: LayerView, me: string): boolean {
  return authorOf(span, me) === me && showsMine(view);
}

/** Whether new spans (mine) can be made under this view: my layer must be on screen. */
export const showsMine = (view: LayerView): boolean =>
  view.kind === 'mine' || view.kind === 'compare' || view.kind === 'all';

/** The spans of `spans` to hide, and the differences to paint, under `view`. */
export function layerModel(spans: Iterable<Span>, view: LayerView, me: string): LayerModel {
  const hidden = new Set<number>();
  const shown = (author: string): boolean => {
    switch (view.kind) {
      case 'mine':
        return author === me;
      case 'author':
        return author === view.author;
      case 'compare':
        return author === me || author === view.author;
      case 'all':
        return true;
      case 'gold':
        return author === GOLD_AUTHOR;
    }
  };
  const mine: Span[] = [];
  const theirs: Span[] = [];
  for (const span of spans) {
    const author = authorOf(span, me);
    if (!shown(author)) hidden.add(span.id);
    else if (view.kind === 'compare') (author === me ? mine : theirs).push(span);
  }
  if (view.kind !== 'compare') return { hidden, differences: [] };
  const { agreed, disagreements } = diffLayers(mine, theirs);
  // An agreed pair is painted once, as mine: the same label on the same words twice would only darken.
  for (const [, twin] of agreed) hidden.add(twin.id);
  const differences = disagreements.map(({ kind, start, end }) => ({ kind, start, end }));
  return { hidden, differences };
}
