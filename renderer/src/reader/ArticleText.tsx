import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot, ParagraphNode, TextNode } from 'lexical';
import { memo, useEffect } from 'react';
import { $createReaderChunkNode, ReaderChunkNode } from './chunk-node';
import { planChunks, TextLayout } from './text-layout';
import { useTranslation } from 'react-i18next';

interface ArticleTextProps {
  text: string;
  /** Called once the paragraphs are in the DOM, with the offset table for them. */
  onLayout: (layout: TextLayout, root: HTMLElement) => void;
}

/**
 * The article as a read-only Lexical view: one paragraph node per line, built with
 * $createTextNode (never from HTML, which would collapse whitespace), so DOM text equals the
 * canonical text; paragraphs are grouped into chunks (ReaderChunkNode) that the browser lays
 * out and paints only near the viewport. Selection works; editing is off (editable: false) and
 * spans are painted over it with CSS highlights, not written into the tree. Memoised: a span
 * edit re-renders the reader around it, and this subtree has nothing to change.
 */
export const ArticleText = memo(function ArticleText({ text, onLayout }: ArticleTextProps) {
  const { t } = useTranslation();
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'marginalia-reader',
        editable: false,
        nodes: [ReaderChunkNode, ParagraphNode, TextNode],
        theme: { paragraph: 'reader__paragraph' },
        onError: (error) => {
          throw error;
        },
        editorState: () => {
          // Children are appended in one call per parent: each append marks its parent dirty.
          const lines = text.split('\n');
          const chunks = planChunks(lines).map((plan) => {
            const paragraphs = lines.slice(plan.firstLine, plan.endLine).map((line) => {
              const paragraph = $createParagraphNode();
              return line ? paragraph.append($createTextNode(line)) : paragraph;
            });
            return $createReaderChunkNode(plan.estimatedLines).append(...paragraphs);
          });
          $getRoot().append(...chunks);
        },
      }}
    >
      <PlainTextPlugin
        contentEditable={
          <ContentEditable
            className="reader__text"
            aria-label={t('reader.articleText')}
            aria-readonly="true"
            tabIndex={0}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <LayoutPlugin text={text} onLayout={onLayout} />
    </LexicalComposer>
  );
});

function LayoutPlugin({ text, onLayout }: ArticleTextProps) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let reported = false;
    const tryReport = () => {
      const root = editor.getRootElement();
      if (reported || !root) return;
      const layout = TextLayout.fromDom(root, text);
      if (!layout) return;
      reported = true;
      onLayout(layout, root);
    };
    const unregister = editor.registerUpdateListener(tryReport);
    tryReport();
    return unregister;
  }, [editor, text, onLayout]);
  return null;
}
