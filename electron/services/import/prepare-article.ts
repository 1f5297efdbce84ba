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
import type { NewArticle } from '../store/articles';
import type { SourceDocument } from './formats/types';

export type PreparedArticle = Omit<NewArticle, 'contentHash'>;

const count = (value: number): string => value.toLocaleString('en-US');

/** "NFD → NFC: 2,114 characters; CRLF → LF: 48 lines", or null when nothing changed. */
export function describeCanonicalChanges(changes: CanonicalChanges): string | null {
  const parts: string[] = [];
  if (changes.nfcComposedChars > 0) parts.push(`NFD → NFC: ${count(changes.nfcComposedChars)} characters`);
  if (changes.newlinesNormalised > 0) parts.push(`CRLF → LF: ${count(changes.newlinesNormalised)} lines`);
  if (changes.spacesNormalised > 0) parts.push(`no-break and other spaces → space: ${count(changes.spacesNormalised)}`);
  if (changes.invisiblesRemoved > 0)
    parts.push(`invisible characters removed (BOM, zero-width, soft hyphen): ${count(changes.invisiblesRemoved)}`);
  return parts.length > 0 ? `Canonical text: ${parts.join('; ')}.` : null;
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

export type Preparation = { ok: true; article: PreparedArticle; notes: string[] } | { ok: false; reason: MessageRef };

export function prepareArticle(document: SourceDocument, fileName: string): Preparation {
  const { text: fullText, changes } = canonicalize(document.rawText);
  if (fullText.trim() === '') return { ok: false, reason: { key: 'recordBlank', params: {} } };
  // Spans from an annotation tool may point anywhere: that text is kept whole.
  const cut = document.annotations
    ? { text: fullText, trimmedText: null, trimmedLines: [] }
    : withDropped(cutTrailingChrome(fullText), document.droppedText);
  const found = extractMetadata(cut.text, cut.trimmedText);
  const notes: string[] = [...(document.notes ?? [])];
  const canonicalNote = describeCanonicalChanges(changes);
  if (canonicalNote) notes.push(canonicalNote);
  if (cut.trimmedLines.length > 0) {
    const shown = cut.trimmedLines.slice(0, 3).map((line) => (line.length > 40 ? `${line.slice(0, 40)}…` : line));
    notes.push(
      `Site chrome trimmed from the end: ${count(cut.trimmedLines.length)} lines (${shown.join(' · ')}${cut.trimmedLines.length > 3 ? ' · …' : ''}); it can be restored.`,
    );
  }
  return {
    ok: true,
    notes,
    article: {
      rawText: document.rawText,
      text: cut.text,
      trimmedText: cut.trimmedText,
      title: given(document.given.title) ?? found.title,
      source: given(document.given.source) ?? found.source,
      byline: given(document.given.byline) ?? found.byline,
      url: given(document.given.url),
      publishedAt: normaliseGivenDate(document.given.publishedAt) ?? found.publishedAt,
      fileName,
    },
  };
}
