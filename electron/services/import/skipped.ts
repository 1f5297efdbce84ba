import type { ImportFileResult } from '../../../shared/contract';
import { englishMessage, type MessageRef } from '../../../shared/messages/backend-messages';

/** A skipped file or record; its reason is a catalogue message (shown in the UI's language). */
export const skippedFor = (file: string, reason: MessageRef, preview?: string): ImportFileResult => ({
  outcome: 'skipped',
  file,
  reason: englishMessage(reason.key, reason.params),
  reasonRef: reason,
  ...(preview === undefined ? {} : { preview }),
});

/** An imported or duplicate file's notes: English for the command line and logs, and by key for the UI. */
export const notesOf = (refs: readonly MessageRef[]): { notes: string[]; noteRefs: MessageRef[] } => ({
  notes: refs.map((ref) => englishMessage(ref.key, ref.params)),
  noteRefs: [...refs],
});
