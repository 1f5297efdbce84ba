import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../../shared/assist/gazetteer';
import {
  compilePattern,
  PatternError,
  PatternFileSchema,
  runPatterns,
  type PatternDefinition,
} from '../../../shared/assist/patterns';
import { resolveOverlaps, type Suggestion } from '../../../shared/assist/suggestion';
import { canonicalize } from '../../../shared/text/canonical';

const shipped = PatternFileSchema.parse(JSON.parse(readFileSync('resources/assist/patterns.vi.json', 'utf8'))).patterns;
const compiled = shipped.map(compilePattern);

/** What the shipped patterns suggest in `text`, as "LABEL:quote". */
function suggested(text: string, patternId?: string): string[] {
  const patterns = patternId ? compiled.filter((p) => p.definition.id === patternId) : compiled;
  return runPatterns(text, patterns).suggestions.map((s) => `${s.labelKey}:${s.quote}`);
}

const pattern = (regex: string, extra: Partial<PatternDefinition> = {}): PatternDefinition => ({
  id: 'test',
  labelKey: 'MISC',
  nameVi: 'Thử',
  nameEn: 'Test',
  regex,
  caseInsensitive: false,
  extend: 'match',
  enabled: true,
  ...extra,
});

describe('shipped patterns, on sentences of the seeds', () => {
  it('enumerated proposals run from “Thứ nhất, …” to the end of the sentence', () => {
    const text =
      'Thứ nhất, nắm sát diễn biến tình hình, trao đổi phối hợp với Bộ Ngoại giao. Thứ hai, tiếp tục mở rộng hợp tác an ninh. Một là tăng cường đối thoại.';
    expect(suggested(text, 'proposal-enumeration')).toEqual([
      'PROPOSAL:Thứ nhất, nắm sát diễn biến tình hình, trao đổi phối hợp với Bộ Ngoại giao',
      'PROPOSAL:Thứ hai, tiếp tục mở rộng hợp tác an ninh',
      'PROPOSAL:Một là tăng cường đối thoại',
    ]);
    // "Thứ trưởng" is a title, not an enumeration.
    expect(suggested('Thứ trưởng Lương Tam Quang phát biểu.', 'proposal-enumeration')).toEqual([]);
  });

  it('proposal cue words open a proposal to the end of the sentence', () => {
    expect(suggested('Bộ Công an đề nghị Bộ Ngoại giao phối hợp chặt chẽ. Hết.', 'proposal-cue')).toEqual([
      'PROPOSAL:đề nghị Bộ Ngoại giao phối hợp chặt chẽ',
    ]);
  });

  it('risk cue words open a risk to the end of the clause', () => {
    expect(suggested('Xuất hiện nguy cơ xung đột vũ trang, tranh chấp lãnh thổ.', 'risk-cue')).toEqual([
      'RISK:nguy cơ xung đột vũ trang',
    ]);
  });

  it('a title followed by a name suggests the name as PER, but not a body after the title', () => {
    expect(suggested('Thượng tướng Lương Tam Quang nêu rõ.', 'title-person')).toEqual(['PER:Lương Tam Quang']);
    expect(suggested('Thủ tướng Phạm Minh Chính dự hội nghị.', 'title-person')).toEqual(['PER:Phạm Minh Chính']);
    expect(suggested('Thứ trưởng Bộ Công an nêu rõ.', 'title-person')).toEqual([]);
  });

  it('Vietnamese dates: “ngày 13-8”, “10/1/2023”, “sáng 10/1”, “năm 2022”', () => {
    expect(suggested('Ngày 13-8, tại Hà Nội; ngày 10/1/2023; sáng 10/1 và năm 2022, tháng 8/2022.')).toEqual([
      'DATE:Ngày 13-8',
      'DATE:ngày 10/1/2023',
      'DATE:sáng 10/1',
      'DATE:năm 2022',
      'DATE:tháng 8/2022',
    ]);
  });

  it('laws and resolutions', () => {
    expect(suggested('theo Nghị quyết số 36-NQ/TW và Luật An ninh mạng năm 2018', 'law-title')).toEqual([
      'LAW:Nghị quyết số 36-NQ/TW',
      'LAW:Luật An ninh mạng',
    ]);
  });
});

describe('patterns as data', () => {
  it('match on syllable boundaries only: no match inside a syllable', () => {
    const inside = compilePattern(pattern('an'));
    expect(runPatterns('ban an ninh, bản án', [inside]).suggestions.map((s) => [s.start, s.end])).toEqual([[4, 6]]);
  });

  it('refuse invalid syntax and nested repetitions with a message naming the pattern', () => {
    expect(() => compilePattern(pattern('(unclosed'))).toThrow(PatternError);
    expect(() => compilePattern(pattern('(unclosed'))).toThrow(/Pattern “test” is not a valid regular expression/);
    expect(() => compilePattern(pattern('(a+)+b'))).toThrow(/could run in catastrophic time: the repetition “a\+”/);
    expect(() => compilePattern(pattern('(?:\\p{L}+ ?)*x'))).toThrow(/catastrophic/);
    expect(() => compilePattern(pattern('(?<name>x)', { group: 'other' }))).toThrow(/names the group “other”/);
    // The reason travels by catalogue key too, so the settings panel shows it in Vietnamese.
    const refused = (() => {
      try {
        compilePattern(pattern('(a+)+b'));
      } catch (error) {
        return error as PatternError;
      }
    })();
    expect(refused?.ref).toEqual({ key: 'patternNestedRepetition', params: { pattern: 'test', repetition: 'a+' } });
    // A bounded repetition of a fixed piece is fine.
    expect(() => compilePattern(pattern('\\p{Lu}\\p{Ll}*(?: \\p{Lu}\\p{Ll}*){1,3}'))).not.toThrow();
  });

  it('stop a pattern at its time budget and say so', () => {
    let clock = 0;
    const run = runPatterns('a a a a a a', [compilePattern(pattern('a'))], () => (clock += 300));
    expect(run.stopped).toEqual(['test']);
    expect(run.suggestions).toHaveLength(1);
  });

  it('every shipped pattern compiles', () => {
    expect(compiled.map((p) => p.definition.id)).toEqual(shipped.map((p) => p.id));
  });
});

describe('gazetteer', () => {
  const gazetteer = new Gazetteer([
    { text: 'Bộ Công an', labelKey: 'ORG', source: 'gazetteer' },
    { text: 'Công an', labelKey: 'ORG', source: 'gazetteer' },
    { text: 'Anh', labelKey: 'LOC', source: 'gazetteer' },
    { text: 'Hòa Bình', labelKey: 'LOC', source: 'gazetteer' },
    { text: 'an', labelKey: 'MISC', source: 'learned' },
  ]);
  const found = (text: string) => gazetteer.suggest(canonicalize(text).text).map((s) => `${s.labelKey}:${s.quote}`);

  it('takes the leftmost-longest name on syllable boundaries', () => {
    expect(found('Bộ Công an và Công an tỉnh')).toEqual(['ORG:Bộ Công an', 'ORG:Công an']);
    expect(found('ban bản')).toEqual([]);
  });

  it('tolerates old and new tone placement, but not other marks', () => {
    expect(found('tỉnh Hoà Bình')).toEqual(['LOC:Hoà Bình']);
    expect(found('HOÀ BÌNH')).toEqual(['LOC:HOÀ BÌNH']);
    expect(found('Hòa Bính')).toEqual([]);
  });

  it('a name written with a capital needs one in the text: “lực lượng công an” is a common noun', () => {
    expect(found('lực lượng công an tỉnh')).toEqual([]);
  });

  it('matches one-syllable names only in their own case: “Anh” is a country, “anh” is not', () => {
    expect(found('sang Anh công tác')).toEqual(['LOC:Anh']);
    expect(found('anh ấy')).toEqual([]);
  });
});

describe('resolveOverlaps against spans already there', () => {
  const suggestion = (labelKey: string, start: number, end: number): Suggestion => ({
    labelKey,
    start,
    end,
    quote: 'x'.repeat(end - start),
    source: 'learned',
    rule: 'x',
  });

  it('drops a suggestion inside an earlier, longer span of its label even when shorter spans lie between', () => {
    const taken = [
      { labelKey: 'RISK', start: 0, end: 100 },
      { labelKey: 'RISK', start: 10, end: 12 },
      { labelKey: 'PER', start: 50, end: 60 },
    ];
    const kept = resolveOverlaps(
      [suggestion('RISK', 40, 45), suggestion('PER', 40, 45), suggestion('RISK', 100, 104)],
      taken,
    );
    expect(kept.map((s) => `${s.labelKey}:${s.start}`)).toEqual(['PER:40', 'RISK:100']);
  });

  it('keeps exactly what checking every span keeps, on random ranges', () => {
    // The reference: the leftmost-longest sweep with a linear scan of the spans (one label).
    const reference = (candidates: Suggestion[], taken: { start: number; end: number }[]) => {
      let reach = -1;
      return [...candidates]
        .sort((a, b) => a.start - b.start || b.end - a.end)
        .filter((s) => {
          if (s.start < reach || taken.some((span) => span.start < s.end && s.start < span.end)) return false;
          reach = s.end;
          return true;
        });
    };
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const taken = Array.from({ length: random(30) }, () => {
        const start = random(500);
        return { labelKey: 'PER', start, end: start + 1 + random(60) };
      });
      const candidates = Array.from({ length: 40 }, () => {
        const start = random(500);
        return suggestion('PER', start, start + 1 + random(20));
      });
      const ranges = (list: Suggestion[]) => list.map((s) => `${s.start}-${s.end}`);
      expect(ranges(resolveOverlaps(candidates, taken))).toEqual(ranges(reference(candidates, taken)));
    }
  });
});
