/**
 * Bytes → text for the text formats. Detects UTF-8 (with or without BOM), UTF-16 with or without
 * BOM and Windows-1258; refuses empty and binary files; reports invalid UTF-8 with the offset of
 * the first bad byte; converts legacy Vietnamese font encodings (TCVN3 with iconv-lite's `tcvn`
 * table, VNI with ours) and says so in a note that shows the converted text to check.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import {
  detectLegacyVietnamese,
  unicodeVietnameseShare,
  type LegacyEncoding,
} from '../../../shared/import/legacy-encoding';
import { vniToUnicode } from '../../../shared/import/vni';
import type { MessageRef } from '../../../shared/messages/backend-messages';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; notes?: MessageRef[]; legacy?: LegacyConversion }
  | { ok: false; reason: MessageRef; preview?: string };

/** Signatures of common binary files that users rename or drop by mistake. */
const MAGIC_NUMBERS: { name: string; bytes: number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a ZIP archive (or an Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an old Office document (.doc/.xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

/** Bytes looked at for NUL bytes; text never has them, binaries nearly always do early on. */
const BINARY_SNIFF_LENGTH = 8192;
/** UTF-16 without BOM: share of code units with a zero byte on one side, and at most on the other. */
const MIN_UTF16_ZERO_SHARE = 0.25;
const MAX_UTF16_OTHER_ZERO_SHARE = 0.02;
/** Below this share of Vietnamese words an 8-bit file is not taken for Windows-1258. */
const MIN_CP1258_SHARE = 0.2;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function binaryKind(bytes: Uint8Array): string | null {
  const magic = MAGIC_NUMBERS.find((candidate) => startsWith(bytes, candidate.bytes));
  if (magic) return magic.name;
  return bytes.subarray(0, BINARY_SNIFF_LENGTH).includes(0) ? 'a binary file (it contains NUL bytes)' : null;
}

export interface Utf8Scan {
  /** Byte offset of the first invalid sequence, or -1 when the bytes are valid UTF-8. */
  firstInvalidOffset: number;
  /** Well-formed multi-byte sequences seen: evidence the file is meant to be UTF-8. */
  multiByteSequences: number;
  invalidSequences: number;
}

/** Walks the bytes by the UTF-8 rules (no overlongs, no surrogates, nothing past U+10FFFF). */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstInvalidOffset = -1;
  let multiByteSequences = 0;
  let invalidSequences = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      if (firstInvalidOffset === -1) firstInvalidOffset = i;
      invalidSequences++;
      i++;
    } else {
      multiByteSequences++;
      i += length;
    }
  }
  return { firstInvalidOffset, multiByteSequences, invalidSequences };
}

const isContinuation = (byte: number): boolean => byte >= 0x80 && byte <= 0xbf;

/** Length of the well-formed sequence starting at `i`, or 0 when it is malformed. Hot: no closures here. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  const second = bytes[i + 1] ?? -1;
  if (lead >= 0xc2 && lead <= 0xdf) return isContinuation(second) ? 2 : 0;
  const third = bytes[i + 2] ?? -1;
  if (lead >= 0xe0 && lead <= 0xef) {
    // E0 needs A0–BF (no overlongs), ED needs 80–9F (no surrogates).
    const secondOk =
      lead === 0xe0
        ? second >= 0xa0 && second <= 0xbf
        : lead === 0xed
          ? second <= 0x9f && second >= 0x80
          : isContinuation(second);
    return secondOk && isContinuation(third) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    // F0 needs 90–BF (no overlongs), F4 needs 80–8F (nothing past U+10FFFF).
    const secondOk =
      lead === 0xf0
        ? second >= 0x90 && second <= 0xbf
        : lead === 0xf4
          ? second >= 0x80 && second <= 0x8f
          : isContinuation(second);
    return secondOk && isContinuation(third) && isContinuation(bytes[i + 3] ?? -1) ? 4 : 0;
  }
  return 0;
}

/** A legacy-encoded text to Unicode: TCVN3 from its bytes (as Windows-1252 when only text is left), VNI by table. */
function convertLegacy(encoding: LegacyEncoding, text: string, bytes: Uint8Array | null): string {
  if (encoding === 'VNI') return vniToUnicode(text);
  return iconv.decode(Buffer.from(bytes ?? iconv.encode(text, 'windows-1252')), 'tcvn').normalize('NFC');
}

const PREVIEW_LENGTH = 120;
/** The before/after excerpt of a conversion: the first few lines that hold text. */
const EXCERPT_LINES = 4;
const EXCERPT_MAX_CHARS = 600;
/** A longer line is cut on both sides at this length (VNI's two-character letters make them differ a little). */
const EXCERPT_LINE_LENGTH = 300;

const cutLine = (line: string): string =>
  line.length > EXCERPT_LINE_LENGTH ? `${line.slice(0, EXCERPT_LINE_LENGTH)}…` : line;

/** A legacy-encoded text that was converted: the excerpt the analyst accepts or rejects. */
export interface LegacyConversion {
  encoding: LegacyEncoding;
  /** Lines as read (the font encoding's look: "Bé C«ng an"). */
  before: string;
  /** The same lines converted ("Bộ Công an"). */
  after: string;
}

/**
 * The same lines of the text as read and converted. Both conversions map character to
 * character and keep line breaks, so line i of one is line i of the other.
 */
function conversionExcerpt(encoding: LegacyEncoding, read: string, converted: string): LegacyConversion {
  const readLines = read.split('\n');
  const convertedLines = converted.split('\n');
  const before: string[] = [];
  const after: string[] = [];
  let chars = 0;
  for (let i = 0; i < readLines.length && before.length < EXCERPT_LINES && chars < EXCERPT_MAX_CHARS; i++) {
    const line = (readLines[i] ?? '').trim();
    if (line === '') continue;
    before.push(cutLine(line));
    after.push(cutLine((convertedLines[i] ?? '').trim()));
    chars += line.length;
  }
  return { encoding, before: before.join('\n'), after: after.join('\n') };
}

/**
 * Text in a legacy font encoding, converted, with a note showing a converted line beside the
 * line as read and the before/after excerpt the import review shows. A conversion that does not
 * give Vietnamese is refused as before. Null when the text is not legacy-encoded.
 */
function legacyConverted(text: string, bytes: Uint8Array | null): DecodeResult | null {
  const legacy = detectLegacyVietnamese(text);
  if (!legacy) return null;
  const converted = convertLegacy(legacy.encoding, text, bytes);
  if (unicodeVietnameseShare(converted) < legacy.score / 2) {
    return {
      ok: false,
      reason: { key: 'fileLegacyNotVietnamese', params: { encoding: legacy.encoding } },
      preview: legacy.preview,
    };
  }
  const firstLine = converted.split('\n').find((line) => line.trim() !== '') ?? '';
  const preview =
    firstLine.length > PREVIEW_LENGTH ? `${firstLine.trim().slice(0, PREVIEW_LENGTH)}…` : firstLine.trim();
  return {
    ok: true,
    text: converted,
    encoding: legacy.encoding,
    legacy: conversionExcerpt(legacy.encoding, text, converted),
    notes: [{ key: 'noteLegacyConverted', params: { encoding: legacy.encoding, preview, read: legacy.preview } }],
  };
}

/** Bytes that are not UTF-8: legacy font encoding, Windows-1258, or broken UTF-8. */
function decodeEightBit(bytes: Uint8Array, scan: Utf8Scan): DecodeResult {
  const invalidUtf8: DecodeResult = {
    ok: false,
    reason: {
      key: 'fileInvalidUtf8',
      params: {
        offset: scan.firstInvalidOffset,
        byte: `0x${(bytes[scan.firstInvalidOffset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`,
      },
    },
  };
  // Mostly well-formed UTF-8 with a few bad bytes is a damaged UTF-8 file, not another encoding.
  if (scan.multiByteSequences > scan.invalidSequences) return invalidUtf8;
  const asWestern = iconv.decode(bytes, 'windows-1252');
  const asVietnamese = iconv.decode(bytes, 'windows-1258');
  const vietnameseShare = unicodeVietnameseShare(asVietnamese);
  const legacy = detectLegacyVietnamese(asWestern);
  if (legacy && legacy.score > vietnameseShare) return legacyConverted(asWestern, bytes) as DecodeResult;
  if (vietnameseShare >= MIN_CP1258_SHARE) return { ok: true, text: asVietnamese, encoding: 'Windows-1258' };
  return invalidUtf8;
}

function decodeUnicode(bytes: Uint8Array): DecodeResult | null {
  if (startsWith(bytes, [0xff, 0xfe]))
    return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16 LE' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16 BE' };
  const order = utf16WithoutBom(bytes);
  if (order === 'le') return { ok: true, text: iconv.decode(bytes, 'utf-16le'), encoding: 'UTF-16 LE (no BOM)' };
  if (order === 'be') return { ok: true, text: iconv.decode(bytes, 'utf-16be'), encoding: 'UTF-16 BE (no BOM)' };
  return null;
}

/**
 * UTF-16 without a BOM: ASCII letters, spaces and Latin-1 vowels (much of Vietnamese text) have a
 * zero high byte, so NULs sit at every other byte, on one side only. Binaries have NULs anywhere.
 */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = bytes.subarray(0, BINARY_SNIFF_LENGTH - (BINARY_SNIFF_LENGTH % 2));
  // No zero byte at all (any UTF-8 or 8-bit text): neither side has its share; found without counting.
  if (sample.length < 4 || bytes.length % 2 !== 0 || !sample.includes(0)) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  const mostly = (count: number) => count / pairs >= MIN_UTF16_ZERO_SHARE;
  const rarely = (count: number) => count / pairs <= MAX_UTF16_OTHER_ZERO_SHARE;
  const order = mostly(oddZeros) && rarely(evenZeros) ? 'le' : mostly(evenZeros) && rarely(oddZeros) ? 'be' : null;
  if (order === null) return null;
  // Text, not a binary that happens to have the pattern: no control characters but tab and line breaks.
  const text = iconv.decode(Buffer.from(sample), order === 'le' ? 'utf-16le' : 'utf-16be');
  return hasControlCharacters(text) ? null : order;
}

/** Control characters other than tab and line breaks, or replacement characters: not text. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) return true;
  }
  return false;
}

/** Decodes a text file's bytes, or says why it will not be imported. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: { key: 'fileEmpty', params: {} } };
  const utf16 = decodeUnicode(bytes);
  const decoded = utf16 ?? decodeSingleByteOrUtf8(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return { ok: false, reason: { key: 'fileOnlyWhitespace', params: {} } };
  if (decoded.encoding.startsWith('TCVN3') || decoded.encoding.startsWith('VNI')) return decoded;
  return legacyConverted(decoded.text, null) ?? decoded;
}

function decodeSingleByteOrUtf8(bytes: Uint8Array): DecodeResult {
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, reason: { key: 'fileBinary', params: { kind: binary } } };
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hasBom ? bytes.subarray(3) : bytes;
  // `isUtf8` accepts what `scanUtf8` does (the same rules, tests/unit/import/decode.test.ts), ten
  // times faster; the scan's counts are only needed for bytes that are not UTF-8.
  if (isUtf8(body))
    return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: hasBom ? 'UTF-8 (with BOM)' : 'UTF-8' };
  const scan = scanUtf8(body);
  if (hasBom) return decodeEightBit(bytes, { ...scan, firstInvalidOffset: scan.firstInvalidOffset + 3 });
  return decodeEightBit(bytes, scan);
}
