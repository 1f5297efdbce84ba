import { memo, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLayout } from './text-layout';

interface ArticleTextProps {
  text: string;
  /** Called once the paragraphs are in the DOM, with the offset table for them. */
  onLayout: (layout: TextLayout, root: HTMLElement) => void;
}

/**
 * The article as plain read-only DOM, built and mapped by `TextLayout.render` (one <p> per line,
 * grouped into chunks, the far chunks filled in idle time). Spans are painted over it with CSS
 * highlights, not written into it, so the text DOM never changes once built.
 *
 * This used to be a read-only Lexical editor. In a read-only view Lexical added nothing the
 * browser does not (selection, copy, find) and building its node tree and reconciling it to the
 * DOM was about half of the page's script when opening a long article (bench/README.md,
 * "Reader without Lexical"). Lexical is used where it earns its place: the brief editor.
 *
 * React renders only the empty root; its children are built once per article (the component is
 * keyed by article) and React never touches them. Memoised: a span edit re-renders the reader
 * around it, and this subtree has nothing to change.
 */
export const ArticleText = memo(function ArticleText({ text, onLayout }: ArticleTextProps) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const layout = TextLayout.render(root, text);
    onLayout(layout, root);
    return layout.fillInIdle();
  }, [text, onLayout]);
  return (
    <div
      ref={rootRef}
      className="reader__text"
      role="document"
      aria-label={t('reader.articleText')}
      contentEditable={false}
      tabIndex={0}
    />
  );
});
