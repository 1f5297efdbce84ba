/**
 * One extracted document → the row the store keeps: raw text as decoded, canonical text split
 * into annotatable text and trimmed chrome, metadata (the format's own first, heuristics
 * second), and plain-language notes on what changed.
 */
import { cutTrailingChrome, type ChromeCut } from '../../../shared/import/chrome';
import { parseDateLine } from '../../../shared/import/dates';
import { extractMetadata } from '../../../shared/import/metadata';
import type { MessageRef } from '../../../shared/messages/backend-messages';
import { canonicalize, type CanonicalChanges } from '../../../shared/text/canonical';
import { derivedColumnsOf, type DerivedColumns, type NewArticle } from '../store/articles';
import type { SourceDocument } from './formats/types';
import { contentHashOf } from './store-article';

/**
 * The row of an article, but for its raw text: that is the document's (`SourceDocument.rawText`),
 * not sent twice from the extract worker.
 */
export type PreparedArticle = Omit<NewArticle, 'rawText'>;

/** One note per kind of change canonicalisation made ("NFD → NFC: 2,114 characters"); none when nothing changed. */
function describeCanonicalChanges(changes: CanonicalChanges): MessageRef[] {
  const notes: MessageRef[] = [];
  const add = (key: MessageRef['key'], count: number) => {
    if (count > 0) notes.push({ key, params: { count } });
  };
  add('noteCanonicalNfc', changes.nfcComposedChars);
  add('noteCanonicalNewlines', changes.newlinesNormalised);
  add('noteCanonicalSpaces', changes.spacesNormalised);
  add('noteCanonicalInvisibles', changes.invisiblesRemoved);
  return notes;
}

/** A date given by the format, in the same representation as the heuristics when it parses. */
function normaliseGivenDate(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return trimmed;
  return parseDateLine(trimmed) ?? trimmed;
}

const given = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * Text the extractor dropped goes after the trimmed chrome: `text + trimmedText` stays the
 * full text (so offsets hold when it is restored), and restoring brings it all back.
 */
function withDropped(cut: ChromeCut, droppedText: string | undefined): ChromeCut {
  const dropped = droppedText ? canonicalize(droppedText).text.trim() : '';
  if (dropped === '') return cut;
  return { ...cut, trimmedText: `${cut.trimmedText ?? ''}\n\n${dropped}` };
}

export type Preparation =
  | { ok: true; article: PreparedArticle & { derived: DerivedColumns }; notes: MessageRef[] }
  | { ok: false; reason: MessageRef };

export function prepareArticle(document: SourceDocument, fileName: string): Preparation {
  const { text: fullText, changes } = canonicalize(document.rawText);
  if (fullText.trim() === '') return { ok: false, reason: { key: 'recordBlank', params: {} } };
  // Spans from an annotation tool may point anywhere: that text is kept whole.
  const cut = document.annotations
    ? { text: fullText, trimmedText: null, trimmedLines: [] }
    : withDropped(cutTrailingChrome(fullText), document.droppedText);
  const found = extractMetadata(cut.text, cut.trimmedText);
  const notes: MessageRef[] = [...(document.notes ?? []), ...describeCanonicalChanges(changes)];
  if (cut.trimmedLines.length > 0) {
    const shown = cut.trimmedLines.slice(0, 3).map((line) => (line.length > 40 ? `${line.slice(0, 40)}…` : line));
    const lines = `${shown.join(' · ')}${cut.trimmedLines.length > 3 ? ' · …' : ''}`;
    notes.push({ key: 'noteChromeTrimmed', params: { count: cut.trimmedLines.length, lines } });
  }
  const title = given(document.given.title) ?? found.title;
  const source = given(document.given.source) ?? found.source;
  return {
    ok: true,
    notes,
    article: {
      text: cut.text,
      trimmedText: cut.trimmedText,
      title,
      source,
      byline: given(document.given.byline) ?? found.byline,
      url: given(document.given.url),
      publishedAt: normaliseGivenDate(document.given.publishedAt) ?? found.publishedAt,
      fileName,
      // Everything the store would compute from the text, and the duplicates' fingerprint,
      // computed here with the rest (on the reading thread, in a job).
      contentHash: contentHashOf(cut.text + (cut.trimmedText ?? '')),
      derived: derivedColumnsOf({ title, source, text: cut.text }),
    },
  };
}
