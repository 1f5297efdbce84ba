import { createRoot } from 'react-dom/client';
import { ArticleText } from './ArticleText';

/**
 * A short made-up text in the reader's faces (Latin and Vietnamese letters, a few paragraphs),
 * never shown: what the warm-up lays out.
 */
const WARMUP_TEXT = Array.from({ length: 6 }, () => 'Aẫ bộ trưởng, ngoại giao; 10/1 năm 2022.').join('\n\n');
const noLayout = () => undefined;

/**
 * Builds the reader's text column once, hidden, on a short made-up text, and removes it after the
 * frame that styled and laid it out: the first article opened after start then finds the
 * reader's code compiled and its styles and text shaping used once, instead of paying for them
 * between its press and its first frame (about 60–120 ms of the page's CPU more than a later
 * open, bench/README.md). Nothing shows: the tree is invisible, inert (no focus, no pointer),
 * hidden from assistive technology, and asks the host for nothing. Returns its removal, which is
 * also called when an article starts opening meanwhile.
 */
export function mountReaderWarmup(onRemoved: () => void): () => void {
  const container = document.createElement('div');
  container.className = 'reader-warmup';
  container.inert = true;
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const root = createRoot(container);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    root.unmount();
    container.remove();
    onRemoved();
  };
  root.render(
    <div className="reader">
      <div className="reader__page">
        <div className="reader__textwrap">
          <ArticleText text={WARMUP_TEXT} onLayout={noLayout} />
        </div>
      </div>
      <aside className="reader__sidebar" />
    </div>,
  );
  // Two frames: React commits in a task of its own, then the frame styles and lays the tree out.
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(remove)));
  return remove;
}
