import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, scanUtf8 } from '../../../electron/services/import/decode';
import { detectLegacyVietnamese } from '../../../shared/import/legacy-encoding';
import { englishMessage } from '../../../shared/messages/backend-messages';
import { unicodeToVni } from '../../../shared/import/vni';
import { SEEDS_DIR } from '../../helpers/temp-workbench';
import { PNG_HEADER, VIETNAMESE_ARTICLE, windows1258 } from './helpers/fixtures';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** A refusal's reason as the command line prints it (the result carries it by catalogue key). */
function refusal(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  if (decoded.ok) throw new Error('decoded');
  return englishMessage(decoded.reason.key, decoded.reason.params);
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(VIETNAMESE_ARTICLE))).toEqual({ ok: true, text: VIETNAMESE_ARTICLE, encoding: 'UTF-8' });
  });

  it('reads UTF-8 with a BOM, keeping the raw text (CRLF) untouched', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Dòng một\r\nDòng hai\r\n')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'Dòng một\r\nDòng hai\r\n', encoding: 'UTF-8 (with BOM)' });
  });

  it('reads UTF-16 LE and BE with their BOMs', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(VIETNAMESE_ARTICLE, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(VIETNAMESE_ARTICLE, 'utf-16be')]);
    expect(decodeText(le)).toEqual({ ok: true, text: VIETNAMESE_ARTICLE, encoding: 'UTF-16 LE' });
    expect(decodeText(be)).toEqual({ ok: true, text: VIETNAMESE_ARTICLE, encoding: 'UTF-16 BE' });
  });

  it('detects Windows-1258 and decodes its decomposed tone marks', () => {
    const decoded = decodeText(windows1258(VIETNAMESE_ARTICLE));
    expect(decoded).toMatchObject({ ok: true, encoding: 'Windows-1258' });
    if (!decoded.ok) throw new Error('not decoded');
    expect(decoded.text).not.toBe(VIETNAMESE_ARTICLE); // combining marks, as the file has them
    expect(decoded.text.normalize('NFC')).toBe(VIETNAMESE_ARTICLE);
  });

  it('reports invalid UTF-8 with the byte offset of the first bad sequence', () => {
    const head = utf8('Hà Nội, ngày 10/1: ');
    const bytes = Buffer.concat([head, Buffer.from([0xc3, 0x28]), utf8(' Bộ Công an và Bộ Ngoại giao')]);
    expect(refusal(bytes)).toContain(`Invalid UTF-8 at byte ${head.length} (0xC3)`);
  });

  it('finds the first invalid sequence exactly (overlong, surrogate, truncated)', () => {
    expect(scanUtf8(utf8('ổn định')).firstInvalidOffset).toBe(-1);
    expect(scanUtf8(Buffer.from([0x41, 0xc0, 0x80])).firstInvalidOffset).toBe(1); // overlong NUL
    expect(scanUtf8(Buffer.from([0x41, 0x42, 0xed, 0xa0, 0x80])).firstInvalidOffset).toBe(2); // surrogate
    expect(scanUtf8(Buffer.from([0x41, 0xe1, 0xbb])).firstInvalidOffset).toBe(1); // cut short
  });

  it('takes as UTF-8 exactly the bytes scanUtf8 finds valid (decodeText asks isUtf8 first, and scans only the others)', () => {
    // Bytes around the edges of the rules: lead bytes, continuations, overlongs, surrogates, past U+10FFFF.
    const edgy = fc.constantFrom(
      0x00,
      0x41,
      0x7f,
      0x80,
      0x8f,
      0x90,
      0x9f,
      0xa0,
      0xbf,
      0xc0,
      0xc1,
      0xc2,
      0xdf,
      0xe0,
      0xe1,
      0xed,
      0xee,
      0xef,
      0xf0,
      0xf1,
      0xf4,
      0xf5,
      0xff,
    );
    const pieces = fc.oneof(
      edgy.map((byte) => [byte]),
      fc.string({ unit: 'binary', maxLength: 4 }).map((text) => [...Buffer.from(text, 'utf8')]),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (chunks) => {
        const bytes = Buffer.from(chunks.flat());
        expect(isUtf8(bytes), bytes.toString('hex')).toBe(scanUtf8(bytes).firstInvalidOffset === -1);
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses binary files: a PNG renamed .txt, NUL bytes', () => {
    expect(refusal(PNG_HEADER)).toBe('This is a PNG image, not text.');
    expect(refusal(Buffer.from('text\0with\0nul'))).toContain('NUL bytes');
  });

  it('refuses empty and whitespace-only files', () => {
    expect(refusal(new Uint8Array())).toBe('The file is empty.');
    expect(refusal(utf8(' \n\t\n'))).toBe('The file holds only whitespace.');
  });

  it('converts TCVN3-looking text (as pasted into a UTF-8 file) and shows the converted line to check', () => {
    const tcvn3 = 'TiÕng ViÖt cã 29 ch÷ c¸i\nBé C«ng an tæ chøc héi nghÞ tæng kÕt c«ng t¸c ®èi ngo¹i';
    const decoded = decodeText(utf8(tcvn3));
    expect(decoded).toMatchObject({
      ok: true,
      text: 'Tiếng Việt có 29 chữ cái\nBộ Công an tổ chức hội nghị tổng kết công tác đối ngoại',
      encoding: 'TCVN3',
      notes: [
        {
          key: 'noteLegacyConverted',
          params: { encoding: 'TCVN3', preview: 'Tiếng Việt có 29 chữ cái', read: 'TiÕng ViÖt cã 29 ch÷ c¸i' },
        },
      ],
    });
  });

  it('converts TCVN3 bytes in an 8-bit file too', () => {
    const bytes = iconv.encode('TiÕng ViÖt cã 29 ch÷ c¸i, Bé C«ng an tæ chøc héi nghÞ', 'windows-1252');
    expect(decodeText(bytes)).toMatchObject({
      ok: true,
      text: 'Tiếng Việt có 29 chữ cái, Bộ Công an tổ chức hội nghị',
    });
  });

  it('converts VNI text with the VNI table', () => {
    expect(decodeText(utf8('Tieáng Vieät coù 29 chöõ caùi. Boä Coâng an toå chöùc hoäi nghò.'))).toMatchObject({
      ok: true,
      text: 'Tiếng Việt có 29 chữ cái. Bộ Công an tổ chức hội nghị.',
      encoding: 'VNI',
    });
  });

  describe('legacy encodings were only flagged: samples built from the seeds convert back exactly', () => {
    // Legacy encodings hold Vietnamese letters and ASCII only: typographic quotes, dashes and the
    // seed's Chinese language link become spaces first.
    const writable = (char: string) =>
      /^[\x20-\x7e\n]$/.test(char) || /^[a-zA-ZđĐ]$/.test(char.normalize('NFD')[0] ?? '');
    const seeds = readdirSync(SEEDS_DIR).map((name) =>
      Array.from(readFileSync(join(SEEDS_DIR, name), 'utf8').normalize('NFC').replace(/\r/g, ''), (char) =>
        writable(char) ? char : ' ',
      ).join(''),
    );
    const glibcIconv = spawnSync('iconv', ['--version']).status === 0;

    it('TCVN3: seeds encoded by glibc iconv (TCVN5712-1), decoded with iconv-lite’s tcvn table', (context) => {
      if (!glibcIconv) {
        console.warn('[decode] TCVN3 from glibc iconv: skipped, the iconv command is not installed');
        context.skip();
      }
      for (const seed of seeds) {
        const bytes = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: seed }).stdout;
        const decoded = decodeText(new Uint8Array(bytes));
        expect(decoded).toMatchObject({ ok: true, encoding: expect.stringContaining('TCVN3') });
        expect((decoded as { text: string }).text.normalize('NFC')).toBe(seed);
      }
    });

    it('VNI: seeds written with the VNI table, as Windows-1252 bytes and as pasted text', () => {
      for (const seed of seeds) {
        const vni = unicodeToVni(seed);
        expect(decodeText(iconv.encode(vni, 'windows-1252'))).toMatchObject({ ok: true, text: seed });
        expect(decodeText(utf8(vni))).toMatchObject({ ok: true, text: seed });
      }
    });
  });

  it('UTF-16 without a BOM was refused as binary: NULs at every other byte are read as UTF-16', () => {
    const text = 'Bộ Công an tổ chức hội nghị tổng kết công tác đối ngoại. The end.';
    expect(decodeText(iconv.encode(text, 'utf-16le'))).toEqual({ ok: true, text, encoding: 'UTF-16 LE (no BOM)' });
    expect(decodeText(iconv.encode(text, 'utf-16be'))).toEqual({ ok: true, text, encoding: 'UTF-16 BE (no BOM)' });
    // A binary with scattered NULs is still refused.
    expect(decodeText(new Uint8Array([1, 0, 0, 0, 7, 0, 0, 3, 0, 0, 5, 0]))).toMatchObject({ ok: false });
  });
});

describe('detectLegacyVietnamese', () => {
  it('leaves real Unicode Vietnamese, English and French alone', () => {
    expect(detectLegacyVietnamese(VIETNAMESE_ARTICLE)).toBeNull();
    expect(detectLegacyVietnamese('The ministry held its annual review of foreign affairs in Hanoi.')).toBeNull();
    expect(detectLegacyVietnamese("L'aéroport de Noël: café, thé et crème brûlée à la française.")).toBeNull();
  });
});
