import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOccurrences, findOccurrencesInEach, kwicLine, parsePhraseQuery } from '../../../shared/search/concordance';
import { foldedByTable } from '../../../shared/text/fold';
import { foldWithOffsets } from '../../../shared/search/fold-offsets';
import { wordsOf } from '../../../shared/search/query';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from './helpers';

const occurrences = (text: string, query: string) =>
  findOccurrences(text, parsePhraseQuery(query)).map(({ startU16, endU16 }) => text.slice(startU16, endU16));

describe('concordance matching', () => {
  it('"an ninh" finds "An ninh", "an  ninh" and "AN NINH", as whole words on one line', () => {
    const text = 'An ninh mạng. Bảo vệ an  ninh, AN NINH quốc gia; an\nninh; thanh ninh; an ninh';
    expect(occurrences(text, 'an ninh')).toEqual(['An ninh', 'an  ninh', 'AN NINH', 'an ninh']);
    // Punctuation between the words ends the phrase.
    expect(occurrences('an, ninh', 'an ninh')).toEqual([]);
  });

  it('accents in the query narrow the match; without them every tone matches', () => {
    const text = 'Đường biên, đương nhiên, dương liễu, duong';
    expect(occurrences(text, 'duong')).toEqual(['Đường', 'đương', 'dương', 'duong']);
    expect(occurrences(text, 'đường')).toEqual(['Đường']);
  });

  it('after a candidate without the accents asked for, tries the next word (one regular expression since the speed pass)', () => {
    expect(occurrences('ân ăn ăn, ăn ăn ăn', 'ăn ăn')).toEqual(['ăn ăn', 'ăn ăn']);
    expect(occurrences('an an an', 'an an')).toEqual(['an an']);
    expect(occurrences('xan ninh an ninhx an ninh', 'an ninh')).toEqual(['an ninh']);
  });

  it('maps NFD-derived and astral text back to the right offsets', () => {
    // Decomposed "Việt" (e + circumflex + dot below), and an emoji before the match.
    const text = '😀 Vie\u0302\u0323t Nam 😀 an ninh';
    expect(occurrences(text, 'viet nam')).toEqual(['Vie\u0302\u0323t Nam']);
    expect(occurrences(text, 'an ninh')).toEqual(['an ninh']);
  });

  it('a concordance line never splits a surrogate pair or a letter from its marks', () => {
    const text = `${'😀'.repeat(40)}an ninh${'e\u0302\u0301'.repeat(40)}`;
    const start = text.indexOf('an ninh');
    const line = kwicLine(text, start, start + 7, 7);
    expect(line.match).toBe('an ninh');
    expect(line.left).toBe('😀😀😀');
    expect(line.right).toBe('e\u0302\u0301e\u0302\u0301');
    expect([...line.left].every((character) => character === '😀')).toBe(true);
  });

  it('a concordance line is cut between words where the context has spaces', () => {
    const text = 'một hai ba bốn năm sáu an ninh bảy tám chín mười';
    const start = text.indexOf('an ninh');
    expect(kwicLine(text, start, start + 7, 13)).toEqual({
      left: 'bốn năm sáu ',
      match: 'an ninh',
      right: ' bảy tám chín',
    });
  });

  it('a query without words finds nothing', () => {
    expect(occurrences('an ninh', '" * ( )')).toEqual([]);
  });
});

describe('concordance service', () => {
  const openWorkbench = useTempWorkbenches();

  it('lists every occurrence across articles with its context and the labels covering it', () => {
    const workbench = openWorkbench();
    const first = addArticle(workbench, {
      title: 'Một',
      text: 'Nguy cơ an ninh mạng tăng. An ninh mạng là ưu tiên.',
      publishedAt: '2023-04-01',
    });
    const second = addArticle(workbench, { title: 'Hai', text: 'Bảo đảm an  ninh mạng quốc gia.', source: 'Nhân Dân' });
    addArticle(workbench, { title: 'Ba', text: 'Không liên quan: an toàn, ninh bình.' });
    addSpan(workbench, first, 'RISK', 'an ninh mạng');
    const result = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mang' }, {}, 100);
    expect(result.complete).toBe(true);
    expect(result.articleCount).toBe(2);
    expect(result.hits.map((hit) => [hit.articleId, hit.match, hit.labels, hit.identicalLabels])).toEqual([
      [first, 'an ninh mạng', ['RISK'], ['RISK']],
      [first, 'An ninh mạng', [], []],
      [second, 'an ninh mạng', [], []],
    ]);
    expect(result.hits[0]).toMatchObject({ left: 'Nguy cơ ', right: ' tăng. An ninh mạng là ưu tiên.' });
    // The hit's range is the stored text's, double space included.
    const text = workbench.articles.getText(second);
    expect(text.slice(result.hits[2]!.startU16, result.hits[2]!.endU16)).toBe('an  ninh mạng');
    // Scoped by a library filter; a limit stops early and says so.
    expect(
      workbench.corpus.concordance({ kind: 'text', query: 'an ninh' }, { source: ['Nhân Dân'] }, 100).hits,
    ).toHaveLength(1);
    expect(workbench.corpus.concordance({ kind: 'text', query: 'an ninh' }, {}, 2)).toMatchObject({ complete: false });
  });

  it('lists stored spans by label, month, source and folded quote (a dashboard bar)', () => {
    const workbench = openWorkbench();
    const first = addArticle(workbench, { title: 'Một', text: 'Hà Nội và HÀ NỘI.', publishedAt: '2023-04-01' });
    const second = addArticle(workbench, { title: 'Hai', text: 'Hà Nội mùa thu.' });
    addSpan(workbench, first, 'LOC', 'Hà Nội');
    addSpan(workbench, first, 'LOC', 'HÀ NỘI');
    addSpan(workbench, second, 'LOC', 'Hà Nội');
    const spans = (query: object) =>
      workbench.corpus.concordance({ kind: 'spans', ...query }, {}, 100).hits.map((hit) => [hit.articleId, hit.match]);
    expect(spans({ labelKey: 'LOC', quoteFolded: 'ha noi' })).toHaveLength(3);
    expect(spans({ labelKey: 'LOC', month: '2023-04' })).toEqual([
      [first, 'Hà Nội'],
      [first, 'HÀ NỘI'],
    ]);
    expect(spans({ month: 'undated' })).toEqual([[second, 'Hà Nội']]);
  });

  it('searches inside span quotes by label ("mạng" within RISK spans) and inside notes, as KWIC lines', () => {
    const workbench = openWorkbench();
    const first = addArticle(workbench, {
      title: 'Một',
      text: 'Nguy cơ an ninh mạng tăng. Mạng lưới giao thông mở rộng. Tội phạm mạng xuyên quốc gia.',
    });
    const second = addArticle(workbench, { title: 'Hai', text: 'Đề xuất bảo vệ hạ tầng mạng quốc gia.' });
    const risk = addSpan(workbench, first, 'RISK', 'an ninh mạng');
    const crime = addSpan(workbench, first, 'RISK', 'Tội phạm mạng xuyên quốc gia');
    // A nested span: the line names the innermost RISK span.
    const crimeInner = addSpan(workbench, first, 'RISK', 'Tội phạm mạng');
    const proposal = addSpan(workbench, second, 'PROPOSAL', 'Đề xuất bảo vệ hạ tầng mạng');
    const lines = (query: object) =>
      workbench.corpus
        .concordance(query as never, {}, 100)
        .hits.map((hit) => [hit.articleId, hit.annotationId, hit.left, hit.match, hit.right]);

    const inRisks = workbench.corpus.concordance({ kind: 'quotes', query: 'mang', labelKey: 'RISK' }, {}, 100);
    expect(inRisks.articleCount).toBe(1);
    expect(inRisks.hits.map((hit) => [hit.annotationId, hit.match, hit.labels])).toEqual([
      [risk, 'mạng', ['RISK']],
      [crimeInner, 'mạng', ['RISK']],
    ]);
    // The line is cut from the article as for text, and its range is the occurrence's.
    const text = workbench.articles.getText(first);
    expect(text.slice(inRisks.hits[0]!.startU16, inRisks.hits[0]!.endU16)).toBe('mạng');
    expect(inRisks.hits[0]).toMatchObject({
      left: 'Nguy cơ an ninh ',
      right: ' tăng. Mạng lưới giao thông mở rộng. Tội phạm mạng xuyên',
    });
    expect(crime).toBeGreaterThan(0);
    // Any label: the proposal's quote too; outside every span ("Mạng lưới") never.
    expect(lines({ kind: 'quotes', query: 'mạng' }).map(([article, id]) => [article, id])).toEqual([
      [first, risk],
      [first, crimeInner],
      [second, proposal],
    ]);

    const note = (id: number, text: string) =>
      workbench.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'annotation.update', id, patch: { note: text } }],
      });
    note(risk, 'Nguồn: Bộ Công an, an ninh mạng 2023');
    note(proposal, 'Kiến nghị của Bộ Quốc phòng');
    expect(lines({ kind: 'notes', query: 'bo cong an' })).toEqual([
      [first, risk, 'Nguồn: ', 'Bộ Công an', ', an ninh mạng 2023'],
    ]);
    const inNotes = workbench.corpus.concordance({ kind: 'notes', query: 'bộ' }, {}, 100);
    expect(inNotes.hits.map((hit) => [hit.annotationId, hit.inNote, hit.labels])).toEqual([
      [risk, true, ['RISK']],
      [proposal, true, ['PROPOSAL']],
    ]);
    expect(inNotes.articleCount).toBe(2);
    // The span's range, so a line opens the article at it.
    expect(text.slice(inNotes.hits[0]!.startU16, inNotes.hits[0]!.endU16)).toBe('an ninh mạng');
    expect(lines({ kind: 'notes', query: 'bộ', labelKey: 'PROPOSAL' }).map(([, id]) => id)).toEqual([proposal]);
    // Scoped by the library's filter, like text.
    expect(
      workbench.corpus.concordance({ kind: 'notes', query: 'bộ' }, { labels: ['PROPOSAL'] }, 100).hits,
    ).toHaveLength(1);
    expect(workbench.corpus.concordance({ kind: 'notes', query: 'bộ' }, {}, 1).complete).toBe(false);
  });

  it("names a note line's untitled or blank-titled article by its text, as the library does (its text is read only then)", () => {
    const workbench = openWorkbench();
    const titled = addArticle(workbench, { title: ' Có tiêu đề ', text: 'Nội dung thứ nhất về an ninh.' });
    const untitled = addArticle(workbench, { title: null, text: 'Bài không tên nói về an ninh mạng.' });
    const blank = addArticle(workbench, { title: ' \n', text: 'Tiêu đề trống, bàn về an ninh.' });
    for (const id of [titled, untitled, blank]) {
      const span = addSpan(workbench, id, 'RISK', 'an ninh');
      workbench.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'annotation.update', id: span, patch: { note: 'Nguồn tin' } }],
      });
    }
    const titles = workbench.corpus
      .concordance({ kind: 'notes', query: 'nguon' }, {}, 100)
      .hits.map((hit) => [hit.articleId, hit.displayTitle]);
    const listed = workbench.corpus
      .queryLibrary({ filter: {}, sort: { key: 'imported', direction: 'ascending' }, offset: 0, limit: 10 })
      .rows.map((row) => [row.id, row.displayTitle]);
    expect(titles).toEqual(listed);
    expect(titles.map(([, title]) => title)).toEqual([
      'Có tiêu đề',
      expect.stringMatching(/^Bài không tên/),
      expect.stringMatching(/^Tiêu đề trống/),
    ]);
  });
});

describe('concordance matching after the speed pass: the same as before it', () => {
  /** The accent check before the speed pass: the occurrence's words listed and compared one by one. */
  const hasExactWords = (source: string, exactPhrase: readonly string[]) => {
    const words = wordsOf(source.normalize('NFC').toLowerCase()).map((match) => match.word);
    return words.length === exactPhrase.length && words.every((word, k) => word === exactPhrase[k]);
  };
  /** findOccurrences before the speed pass, with that check. */
  const occurrencesBefore = (text: string, query: string) => {
    const { terms, exactPhrase } = parsePhraseQuery(query);
    if (terms.length === 0) return [];
    const folded = foldWithOffsets(text);
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}\\p{Co}\\p{Mn}])${terms.join('[^\\S\\n]+')}(?![\\p{L}\\p{N}\\p{Co}\\p{Mn}])`,
      'gu',
    );
    const found: { startU16: number; endU16: number }[] = [];
    for (let match = pattern.exec(folded.folded); match !== null; match = pattern.exec(folded.folded)) {
      const { start, end } = folded.toSource(match.index, match.index + match[0].length);
      if (exactPhrase && !hasExactWords(text.slice(start, end), exactPhrase)) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      found.push({ startU16: start, endU16: end });
    }
    return found;
  };
  const piece = fc.constantFrom(
    'an',
    'ân',
    'ăn',
    'An',
    'ÂN',
    'ninh',
    'Ninh',
    'báo',
    'bao',
    'bão',
    'số',
    'so',
    '3',
    '30',
    'đề',
    'de',
    'Đề',
    'xuất',
    ' ',
    ' ',
    '  ',
    '\t',
    '\n',
    ',',
    '-',
    '—',
    '😀',
    'e\u0302\u0301',
    'x\u0301',
    '_',
    "'",
    // Word characters outside Vietnamese: an astral letter, another script's digit, a titlecase letter.
    '𝐚',
    '٣',
    'ǅ',
    '\ud800',
  );
  const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
  const query = fc.array(fc.constantFrom('an', 'ân', 'ăn', 'ninh', 'báo', 'bao', 'số', '3', 'đề', 'xuất', 'AN'), {
    minLength: 1,
    maxLength: 3,
  });

  it('finds the same occurrences, whole words and accents checked without a regular expression per query', () => {
    fc.assert(
      fc.property(text, query, (text, words) => {
        const phrase = words.join(' ');
        expect(findOccurrences(text, parsePhraseQuery(phrase))).toEqual(occurrencesBefore(text, phrase));
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds in several texts at once what it finds in each (joined when all fold in place, as most notes do)', () => {
    // Pieces that fold in place, so that most lists of texts take the joined search.
    const inPlace = fc
      .array(
        piece.filter((piece) => foldedByTable(piece) !== null),
        { maxLength: 12 },
      )
      .map((pieces) => pieces.join(''));
    const texts = fc.array(fc.oneof({ arbitrary: inPlace, weight: 9 }, { arbitrary: text, weight: 1 }), {
      maxLength: 8,
    });
    let joined = 0;
    fc.assert(
      fc.property(texts, query, (texts, words) => {
        const phrase = parsePhraseQuery(words.join(' '));
        if (foldedByTable(texts.join('\n')) !== null) joined++;
        const each = texts.flatMap((text, index) =>
          findOccurrences(text, phrase).map((occurrence) => ({ text: index, ...occurrence })),
        );
        expect(findOccurrencesInEach(texts, phrase)).toEqual(each);
      }),
      { numRuns: 3_000 },
    );
    expect(joined).toBeGreaterThan(1_000);
  });

  it('cuts the same lines, whitespace shown as one space only where there is any other', () => {
    const lineBefore = (text: string, startU16: number, endU16: number, width: number) => {
      const line = kwicLine(text.replace(/ /g, '\u2002'), startU16, endU16, width);
      // The same cut on a text with no plain space: every part goes through the replacement.
      const back = (part: string) => part.replace(/\u2002/g, ' ').replace(/\s+/g, ' ');
      return { left: back(line.left), match: back(line.match), right: back(line.right) };
    };
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.nat(70), (text, a, b, width) => {
        if (text.length === 0) return;
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        expect(kwicLine(text, start, end, width)).toEqual(lineBefore(text, start, end, width));
      }),
      { numRuns: 2_000 },
    );
  });
});
