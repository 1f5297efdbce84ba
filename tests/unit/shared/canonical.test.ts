import { describe, expect, it } from 'vitest';
import { canonicalize, isCanonical } from '../../../shared/text/canonical';
import { foldVietnamese } from '../../../shared/text/fold';

describe('canonicalize', () => {
  const cases: {
    name: string;
    raw: string;
    text: string;
    changes: Partial<ReturnType<typeof canonicalize>['changes']>;
  }[] = [
    {
      name: 'NFD Vietnamese becomes NFC',
      raw: 'Nguye\u0302\u0303n Thi\u0323 \u0110u\u031bo\u031b\u0300ng',
      text: 'Nguyễn Thị Đường',
      changes: { nfcComposedChars: 6 },
    },
    {
      name: 'Windows keyboard "form V" (precomposed ê + combining dot) becomes NFC',
      raw: 'Vi\u00ea\u0323t',
      text: 'Việt',
      changes: { nfcComposedChars: 1 },
    },
    {
      name: 'CRLF and lone CR become LF',
      raw: 'một\r\nhai\rba\n',
      text: 'một\nhai\nba\n',
      changes: { newlinesNormalised: 2 },
    },
    {
      name: 'no-break and other exotic spaces become plain spaces',
      raw: 'Hà\u00a0Nội\u202fngày\u2007 10/1',
      text: 'Hà Nội ngày  10/1',
      changes: { spacesNormalised: 3 },
    },
    {
      name: 'BOM, zero-width characters and soft hyphens are removed',
      raw: '\ufeffThủ\u200btướng\u00ad\u2060',
      text: 'Thủtướng',
      changes: { invisiblesRemoved: 4 },
    },
    {
      name: 'astral characters are kept whole',
      raw: 'An ninh 🇻🇳 và 😀\r\n',
      text: 'An ninh 🇻🇳 và 😀\n',
      changes: { newlinesNormalised: 1 },
    },
    { name: 'canonical text is unchanged', raw: 'Bộ Công an\tđề xuất', text: 'Bộ Công an\tđề xuất', changes: {} },
  ];

  for (const { name, raw, text, changes } of cases) {
    it(name, () => {
      const result = canonicalize(raw);
      expect(result.text).toBe(text);
      expect(result.changes).toEqual({
        nfcComposedChars: 0,
        newlinesNormalised: 0,
        spacesNormalised: 0,
        invisiblesRemoved: 0,
        ...changes,
      });
      expect(isCanonical(result.text)).toBe(true);
      expect(canonicalize(result.text).text).toBe(result.text);
    });
  }

  it('reports raw text that is not canonical', () => {
    expect(isCanonical('a\r\nb')).toBe(false);
    expect(isCanonical('Vie\u0323\u0302t')).toBe(false);
  });

  // A text none of the rewrites touches goes straight to NFC, found by one character class (issue
  // 13, import at corpus scale): every code unit, alone between letters, is canonicalised as the
  // four rewrites applied one after the other say.
  it('every code unit is rewritten as the four rewrites say, with or without the shortcut', () => {
    const count = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].length;
    const byDefinition = (raw: string): ReturnType<typeof canonicalize> => {
      const invisibles = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
      const newlines = /\r\n?|[\u2028\u2029\u0085]/g;
      const spaces = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
      const invisiblesRemoved = count(raw, invisibles);
      const withoutInvisibles = raw.replace(invisibles, '');
      const newlinesNormalised = count(withoutInvisibles, newlines);
      const withNewlines = withoutInvisibles.replace(newlines, '\n');
      const spacesNormalised = count(withNewlines, spaces);
      const spaced = withNewlines.replace(spaces, ' ');
      const text = spaced.normalize('NFC');
      const nfcComposedChars = [...spaced].length - [...text].length;
      return { text, changes: { nfcComposedChars, newlinesNormalised, spacesNormalised, invisiblesRemoved } };
    };
    for (let code = 0; code <= 0xffff; code++) {
      const raw = `a${String.fromCharCode(code)}b`;
      expect(canonicalize(raw), `U+${code.toString(16)}`).toEqual(byDefinition(raw));
    }
  });
});

describe('foldVietnamese', () => {
  it('strips tones and modifiers and maps đ, in any normalisation form', () => {
    expect(foldVietnamese('Thủ tướng đề xuất sửa đổi Luật Đất đai')).toBe('thu tuong de xuat sua doi luat dat dai');
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen');
    expect(foldVietnamese('ĐƯỜNG')).toBe('duong');
  });
});
