import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot, ParagraphNode, TextNode } from 'lexical';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLayout } from './text-layout';

interface ArticleTextProps {
  text: string;
  /** Called once the paragraphs are in the DOM, with the offset table for them. */
  onLayout: (layout: TextLayout, root: HTMLElement) => void;
}

/**
 * The article as a read-only Lexical view: one paragraph node per line, built with
 * $createTextNode (never from HTML, which would collapse whitespace), so DOM text equals the
 * canonical text. Selection works; editing is off (editable: false) and spans are painted over
 * it with CSS highlights, not written into the tree.
 */
export function ArticleText({ text, onLayout }: ArticleTextProps) {
  const { t } = useTranslation();
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'marginalia-reader',
        editable: false,
        nodes: [ParagraphNode, TextNode],
        theme: { paragraph: 'reader__paragraph' },
        onError: (error) => {
          throw error;
        },
        editorState: () => {
          const root = $getRoot();
          for (const line of text.split('\n')) {
            const paragraph = $createParagraphNode();
            if (line) paragraph.append($createTextNode(line));
            root.append(paragraph);
          }
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
}

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
