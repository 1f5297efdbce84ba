import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { $generateNodesFromSerializedNodes, type BaseSerializedNode } from '@lexical/clipboard';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $unwrapNode, mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  HISTORIC_TAG,
  KEY_DOWN_COMMAND,
  TextNode,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brief, BriefContent } from '../../../shared/brief/brief';
import type { CitationSnapshot } from '../../../shared/brief/citation';
import type { CitationRef } from '../../../shared/contract/briefs';
import { api, events } from '../api/client';
import { shortcutFor } from '../app/keymap';
import { errorMessage, useAppStore } from '../state/app-store';
import { useBriefsStore } from './briefs-store';
import { useCitationStore } from './citation-store';
import { CitationPalette } from './CitationPalette';
import { CitationView } from './CitationView';
import { BriefExportButton } from './export/BriefExportButton';
import { GenerateSectionButton } from './generate/GenerateSectionButton';
import { isAllowedLink, runBriefAction, type BriefAction } from './editor-actions';
import { $createCitationNode, $isCitationNode, CitationNode, CitationViewContext } from './nodes/CitationNode';
import { spanFromDrag, SPAN_DRAG_TYPE } from './span-drag';

/** Typing pauses this long before the brief is saved; blur and closing save at once. */
const SAVE_DELAY_MS = 400;

const NODES = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  CitationNode,
];

const THEME: InitialConfigType['theme'] = {
  paragraph: 'brief__p',
  heading: { h1: 'brief__h1', h2: 'brief__h2' },
  list: { ul: 'brief__ul', ol: 'brief__ol', listitem: 'brief__li' },
  text: { bold: 'brief__bold', italic: 'brief__italic' },
  link: 'brief__link',
  table: 'brief__table',
  tableCell: 'brief__cell',
  tableCellHeader: 'brief__cell--header',
};

type SaveState = 'saved' | 'saving' | { failed: string };

/** The brief editor (a lazy chunk: the reader's bundle does not carry rich-text editing). */
export default function BriefEditor({ briefId }: { briefId: number }) {
  const { t } = useTranslation();
  const [brief, setBrief] = useState<Brief | null>(null);

  useEffect(() => {
    let current = true;
    api
      .getBrief({ id: briefId })
      .then((loaded) => current && setBrief(loaded))
      .catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error)));
    return () => {
      current = false;
    };
  }, [briefId]);

  if (!brief || brief.id !== briefId) return <p className="muted">{t('briefs.loading')}</p>;
  const initialConfig: InitialConfigType = {
    namespace: 'marginalia-brief',
    nodes: NODES,
    theme: THEME,
    editorState: JSON.stringify(brief.content),
    onError: (error) => {
      throw error;
    },
  };
  return (
    <LexicalComposer key={brief.id} initialConfig={initialConfig}>
      <CitationViewContext.Provider value={CitationView}>
        <EditorBody briefId={brief.id} />
      </CitationViewContext.Provider>
    </LexicalComposer>
  );
}

function EditorBody({ briefId }: { briefId: number }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const savedSelection = useRef<BaseSelection | null>(null);
  const saveState = useSave(editor, briefId);

  const openPalette = useCallback(() => {
    savedSelection.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setPaletteOpen(true);
  }, [editor]);
  const act = useCallback(
    (action: BriefAction) =>
      runBriefAction(editor, action, {
        askLink: () => window.prompt(t('briefs.toolbar.linkPrompt')),
        openPalette,
      }),
    [editor, openPalette, t],
  );
  useKeys(editor, act);
  useCitations(editor);
  useCleanPaste(editor);

  return (
    <div className="brief-editor">
      <BriefToolbar
        act={act}
        briefId={briefId}
        saveState={saveState}
        onInsertNodes={(nodes) => insertSerialized(editor, nodes)}
      />
      <div className="brief-editor__page">
        <RichTextPlugin
          contentEditable={
            <ContentEditable className="brief-editor__text" aria-label={t('briefs.editorLabel')} lang="vi" />
          }
          placeholder={<p className="brief-editor__placeholder">{t('briefs.placeholder')}</p>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedLink} />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
      {paletteOpen ? (
        <CitationPalette
          onClose={() => setPaletteOpen(false)}
          onPick={(snapshot) => {
            setPaletteOpen(false);
            insertCitation(editor, snapshot, savedSelection.current);
          }}
        />
      ) : null}
    </div>
  );
}

function BriefToolbar({
  act,
  briefId,
  saveState,
  onInsertNodes,
}: {
  act: (action: BriefAction) => void;
  briefId: number;
  saveState: SaveState;
  onInsertNodes: (nodes: BaseSerializedNode[]) => void;
}) {
  const { t } = useTranslation();
  const buttons: [BriefAction, string, string][] = [
    ['brief-bold', 'B', t('briefs.toolbar.bold')],
    ['brief-italic', 'I', t('briefs.toolbar.italic')],
    ['brief-heading-1', 'H1', t('briefs.toolbar.heading1')],
    ['brief-heading-2', 'H2', t('briefs.toolbar.heading2')],
    ['brief-paragraph', '¶', t('briefs.toolbar.paragraph')],
    ['brief-bullet-list', '•', t('briefs.toolbar.bullets')],
    ['brief-numbered-list', '1.', t('briefs.toolbar.numbers')],
    ['brief-link', '↗', t('briefs.toolbar.link')],
    ['brief-table', '▦', t('briefs.toolbar.table')],
    ['brief-undo', '↶', t('briefs.toolbar.undo')],
    ['brief-redo', '↷', t('briefs.toolbar.redo')],
  ];
  return (
    <div className="brief-toolbar" role="toolbar" aria-label={t('briefs.toolbar.region')}>
      {buttons.map(([action, text, title]) => (
        <button
          key={action}
          type="button"
          title={title}
          aria-label={title}
          // Keep the text selection: the button acts on it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => act(action)}
        >
          {text}
        </button>
      ))}
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => act('brief-cite')}>
        {t('briefs.toolbar.cite')}
      </button>
      {/* The exports and the generated sections (helper `briefout`). */}
      <span className="brief-toolbar__extensions" role="group" aria-label={t('briefs.toolbar.extensions')}>
        <BriefExportButton briefId={briefId} />
        <GenerateSectionButton onInsert={onInsertNodes} />
      </span>
      <span className="brief-toolbar__status" role="status">
        {saveState === 'saved'
          ? t('briefs.saved')
          : saveState === 'saving'
            ? t('briefs.saving')
            : t('briefs.saveFailed', { message: saveState.failed })}
      </span>
    </div>
  );
}

/**
 * Saves the whole editor state as a `brief.setContent` set a moment after the last edit, at once
 * when the editor loses focus, and when it closes. One save runs at a time; edits made meanwhile
 * are saved after it. Selection-only updates are not saves.
 */
function useSave(editor: LexicalEditor, briefId: number): SaveState {
  const [state, setState] = useState<SaveState>('saved');
  useEffect(() => {
    let timer: number | undefined;
    let dirty = false;
    // What the store holds: opening a brief (Lexical's first update) is no edit, nor a no-op update.
    let savedJson = JSON.stringify(editor.getEditorState().toJSON());
    let running: Promise<void> | null = null;
    const flush = (): Promise<void> => {
      window.clearTimeout(timer);
      if (!dirty) return running ?? Promise.resolve();
      if (running) return running.then(flush);
      dirty = false;
      const content = editor.getEditorState().toJSON() as unknown as BriefContent;
      const json = JSON.stringify(content);
      if (json === savedJson) {
        setState('saved');
        return Promise.resolve();
      }
      savedJson = json;
      setState('saving');
      running = useBriefsStore
        .getState()
        .saveContent(briefId, content)
        .then(
          () => setState(dirty ? 'saving' : 'saved'),
          (error: unknown) => {
            dirty = true;
            savedJson = '';
            setState({ failed: errorMessage(error) });
          },
        )
        .finally(() => {
          running = null;
        });
      return running;
    };
    const stopUpdates = editor.registerUpdateListener(
      ({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => {
        if (editorState === prevEditorState || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        dirty = true;
        setState('saving');
        window.clearTimeout(timer);
        timer = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
      },
    );
    const stopRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('blur', onBlur);
      root?.addEventListener('blur', onBlur);
    });
    function onBlur() {
      void flush();
    }
    window.addEventListener('beforeunload', onBlur);
    return () => {
      stopUpdates();
      stopRoot();
      window.removeEventListener('beforeunload', onBlur);
      void flush();
    };
  }, [editor, briefId]);
  return state;
}

/** The brief's shortcuts (shared/keymap.ts, scope `brief`), ahead of Lexical's own key handling. */
function useKeys(editor: LexicalEditor, act: (action: BriefAction) => void): void {
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const action = shortcutFor(event, 'brief');
          if (!action) return false;
          event.preventDefault();
          act(action);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, act],
  );
}

/**
 * Citations: dropped spans become citation nodes at the drop point; every citation's current
 * state is asked for when the brief opens, again for the spans a committed change touched
 * (`changesApplied`, any window) and for all after another process wrote (`storeChanged`). A live
 * span that changed is written into its node's snapshot (outside the editor's undo history), so
 * the brief keeps its last text if the span is later deleted.
 */
function useCitations(editor: LexicalEditor): void {
  const resolve = useCitationStore((state) => state.resolve);
  useEffect(() => {
    const refsOf = (filter?: ReadonlySet<number>): CitationRef[] =>
      editor.getEditorState().read(() => {
        const refs = new Map<number, CitationRef>();
        for (const node of collectCitations()) {
          const { annotationId, articleId } = node.getSnapshot();
          if (!filter || filter.has(annotationId)) refs.set(annotationId, { annotationId, articleId });
        }
        return [...refs.values()];
      });
    const refresh = (filter?: ReadonlySet<number>) => {
      const refs = refsOf(filter);
      if (refs.length === 0) return;
      resolve(refs)
        .then((answers) => {
          const live = new Map<number, CitationSnapshot>();
          for (const answer of answers)
            if (answer.state === 'live') live.set(answer.citation.annotationId, answer.citation);
          editor.update(
            () => {
              for (const node of collectCitations()) {
                const now = live.get(node.getSnapshot().annotationId);
                if (now && JSON.stringify(now) !== JSON.stringify(node.getSnapshot())) node.setSnapshot(now);
              }
            },
            { tag: HISTORIC_TAG },
          );
        })
        .catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error)));
    };
    refresh();
    const stopApplied = events.on('changesApplied', (applied) => {
      const touched = new Set([...applied.upserted.map((span) => span.id), ...applied.removed]);
      if (touched.size > 0) refresh(touched);
    });
    const stopStore = events.on('storeChanged', () => refresh());
    return mergeRegister(
      stopApplied,
      stopStore,
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes(SPAN_DRAG_TYPE)) return false;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const ref = spanFromDrag(event.dataTransfer);
          if (!ref) return false;
          event.preventDefault();
          const caret = document.caretRangeFromPoint?.(event.clientX, event.clientY) ?? null;
          void resolve([ref])
            .then(([answer]) => {
              if (answer?.state !== 'live') return;
              editor.update(() => {
                placeCaret(caret);
                $insertNodes([$createCitationNode(answer.citation)]);
              });
            })
            .catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error)));
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, resolve]);
}

/** Every citation node of the document (inside editor.read/update). */
function collectCitations(): CitationNode[] {
  const found: CitationNode[] = [];
  const visit = (node: ReturnType<typeof $getRoot>): void => {
    for (const child of node.getChildren()) {
      if ($isCitationNode(child)) found.push(child);
      else if ('getChildren' in child) visit(child as ReturnType<typeof $getRoot>);
    }
  };
  visit($getRoot());
  return found;
}

/** Puts the selection where a drop landed: in the text node under the pointer, else at the end. */
function placeCaret(caret: Range | null): void {
  const node = caret ? $getNearestNodeFromDOMNode(caret.startContainer) : null;
  if ($isTextNode(node) && caret) node.select(caret.startOffset, caret.startOffset);
  else if (!$isRangeSelection($getSelection())) $getRoot().selectEnd();
}

/** Serialised nodes (a generated section) inserted at the selection, or at the end of the brief. */
function insertSerialized(editor: LexicalEditor, nodes: BaseSerializedNode[]): void {
  editor.update(() => {
    if (!$isRangeSelection($getSelection())) $getRoot().selectEnd();
    $insertNodes($generateNodesFromSerializedNodes(nodes));
  });
}

function insertCitation(editor: LexicalEditor, snapshot: CitationSnapshot, selection: BaseSelection | null): void {
  editor.update(() => {
    if (selection) $setSelection(selection.clone());
    else $getRoot().selectEnd();
    $insertNodes([$createCitationNode(snapshot)]);
  });
  editor.focus();
}

/**
 * Pasted rich text keeps only what the editor's nodes express (headings, lists, bold, italic,
 * links, tables): Lexical's HTML import skips scripts and styles, has no node for images, and
 * keeps no attributes such as onclick. Here, inline CSS it would keep on text (colours, fonts, a
 * background image's URL) is cleared, and a link to anything but http(s) or mailto (javascript:,
 * data:, file:) becomes plain text, so nothing in a brief can run or fetch.
 */
function useCleanPaste(editor: LexicalEditor): void {
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
        }),
        editor.registerNodeTransform(LinkNode, (node) => {
          if (!isAllowedLink(node.getURL())) $unwrapNode(node);
        }),
      ),
    [editor],
  );
}
