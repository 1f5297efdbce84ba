import { $createHeadingNode } from '@lexical/rich-text';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $getSelection,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import type { ShortcutIdIn } from '../../../shared/keymap';

/**
 * What the brief's toolbar and keyboard do; one table, so a button and its keys cannot differ.
 * Table, undo and redo are buttons only (undo and redo keys are the app's chords, which Lexical's
 * history takes inside the editor).
 */
export type BriefAction = ShortcutIdIn<'brief'> | 'brief-table' | 'brief-undo' | 'brief-redo';

/** Links that can be followed offline or handed to the OS; no script or data URLs. */
export function isAllowedLink(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

export function runBriefAction(
  editor: LexicalEditor,
  action: BriefAction,
  helpers: { askLink(): string | null; openPalette(): void },
): void {
  switch (action) {
    case 'brief-bold':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold');
      break;
    case 'brief-italic':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic');
      break;
    case 'brief-heading-1':
    case 'brief-heading-2':
      editor.update(() =>
        $setBlocksType($getSelection(), () => $createHeadingNode(action === 'brief-heading-1' ? 'h1' : 'h2')),
      );
      break;
    case 'brief-paragraph':
      editor.update(() => $setBlocksType($getSelection(), () => $createParagraphNode()));
      break;
    case 'brief-bullet-list':
      editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
      break;
    case 'brief-numbered-list':
      editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
      break;
    case 'brief-link': {
      const url = helpers.askLink();
      if (url === null) break;
      if (url.trim() === '') editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      else if (isAllowedLink(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url.trim());
      break;
    }
    case 'brief-table':
      editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3' });
      break;
    case 'brief-cite':
      helpers.openPalette();
      break;
    case 'brief-undo':
      editor.dispatchCommand(UNDO_COMMAND, undefined);
      break;
    case 'brief-redo':
      editor.dispatchCommand(REDO_COMMAND, undefined);
      break;
  }
}
