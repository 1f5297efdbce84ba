/**
 * The agreement tally over articles: span F1 matching, BIO tokens, pooling of articles, and κ
 * compared with NLTK's AnnotationTask on the very same token tags where python3 and NLTK exist.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AgreementTally, LabelCodes, type CoderSpan } from '../../../shared/agreement/agreement-tally';
import { bioCodes, placeOnTokens } from '../../../shared/agreement/bio-codes';
import { matchSpans } from '../../../shared/agreement/span-f1';
import { syllableTokens } from '../../../shared/text/syllables';

// Starting Python and importing NLTK takes seconds on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const TEXT =
  'Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, cho biết an ninh mạng là nguy cơ lớn. ' +
  'Ông đề xuất tăng cường hợp tác quốc tế 🇻🇳 tại Hà Nội.';

function at(quote: string, labelKey: string, occurrence = 0): CoderSpan {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = TEXT.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`“${quote}” is not in the text`);
  return { labelKey, startU16: start, endU16: start + quote.length };
}

const LAN: CoderSpan[] = [
  at('Tô Lâm', 'PER'),
  at('Bộ Công an', 'ORG'),
  at('an ninh mạng là nguy cơ lớn', 'RISK'),
  at('tăng cường hợp tác quốc tế', 'PROPOSAL'),
  at('Hà Nội', 'LOC'),
];
const MINH: CoderSpan[] = [
  at('Thượng tướng Tô Lâm', 'PER'),
  at('Bộ Công an', 'ORG'),
  at('an ninh mạng', 'RISK'),
  at('Hà Nội', 'PER'),
];

describe('span F1 matching', () => {
  it('matches each span at most once, exact pairs first', () => {
    const counts = matchSpans(
      [
        { start: 0, end: 10 },
        { start: 20, end: 30 },
        { start: 22, end: 24 },
      ],
      [
        { start: 5, end: 15 },
        { start: 22, end: 24 },
        { start: 40, end: 50 },
      ],
    );
    // [22,24) pairs exactly; [0,10) overlaps [5,15); [20,30) finds nothing left; [40,50) alone.
    expect(counts).toEqual({ first: 3, second: 3, exact: 1, overlap: 2 });
  });
});

describe('agreement tally', () => {
  function tallyOf(...articles: { text: string; spansByCoder: CoderSpan[][] }[]): AgreementTally {
    const codes = new LabelCodes();
    const corpus = new AgreementTally(articles[0]!.spansByCoder.length, codes);
    for (const article of articles) {
      const one = new AgreementTally(corpus.coders, codes);
      one.addArticle(article);
      corpus.merge(one);
    }
    return corpus;
  }

  it('gives 1 everywhere for two identical coders', () => {
    const { overall, labels } = tallyOf({ text: TEXT, spansByCoder: [LAN, LAN] }).figures();
    expect(overall).toEqual({ spans: [5, 5], f1Exact: 1, f1Overlap: 1, cohenKappa: 1, fleissKappa: 1, alphaU: 1 });
    expect(labels.map((row) => row.labelKey)).toEqual(['PER', 'ORG', 'RISK', 'PROPOSAL', 'LOC']);
  });

  it('counts exact and overlapping matches per label and overall', () => {
    const { overall, labels } = tallyOf({ text: TEXT, spansByCoder: [LAN, MINH] }).figures();
    const row = (key: string) => labels.find((candidate) => candidate.labelKey === key)!;
    // PER: Lan 1 (Tô Lâm), Minh 2 (Thượng tướng Tô Lâm, Hà Nội): none exact, one overlapping.
    expect(row('PER')).toMatchObject({ spans: [1, 2], f1Exact: 0, f1Overlap: 2 / 3 });
    expect(row('ORG')).toMatchObject({ spans: [1, 1], f1Exact: 1, f1Overlap: 1, alphaU: 1 });
    expect(row('RISK')).toMatchObject({ spans: [1, 1], f1Exact: 0, f1Overlap: 1 });
    expect(row('PROPOSAL')).toMatchObject({ spans: [1, 0], f1Exact: 0, f1Overlap: 0 });
    // Overall: 9 spans, ORG exact; ORG, RISK and PER (Tô Lâm) overlapping.
    expect(overall.f1Exact).toBeCloseTo(2 / 9, 12);
    expect(overall.f1Overlap).toBeCloseTo(6 / 9, 12);
    expect(overall.cohenKappa).toBeGreaterThan(0);
    expect(overall.cohenKappa).toBeLessThan(1);
    expect(overall.fleissKappa).not.toBeNull();
    expect(overall.alphaU).toBeLessThan(1);
  });

  it('pools articles: a label absent from an article counts its tokens as agreed O', () => {
    const other = 'Bộ Công an họp tại Hà Nội.';
    const pooled = tallyOf(
      { text: TEXT, spansByCoder: [LAN, MINH] },
      { text: other, spansByCoder: [[{ labelKey: 'ORG', startU16: 0, endU16: 10 }], []] },
    );
    expect(pooled.tokens).toBe(syllableTokens(TEXT).length + syllableTokens(other).length);
    // The 🇻🇳 flag is two code points in four UTF-16 units.
    expect(pooled.codePoints).toBe(TEXT.length - 2 + other.length);
    const risk = pooled.figures().labels.find((row) => row.labelKey === 'RISK')!;
    const riskAlone = tallyOf({ text: TEXT, spansByCoder: [LAN, MINH] })
      .figures()
      .labels.find((row) => row.labelKey === 'RISK')!;
    // More agreed O tokens around the same disagreement: κ moves, F1 does not.
    expect(risk.f1Overlap).toBe(riskAlone.f1Overlap);
    expect(risk.cohenKappa).not.toBe(riskAlone.cohenKappa);
  });

  it('takes three coders: Fleiss’ κ, no Cohen’s κ, F1 averaged over pairs', () => {
    const { overall } = tallyOf({ text: TEXT, spansByCoder: [LAN, MINH, LAN] }).figures();
    expect(overall.cohenKappa).toBeNull();
    expect(overall.fleissKappa).not.toBeNull();
    expect(overall.f1Exact).toBeCloseTo((2 / 9 + 1 + 2 / 9) / 3, 12);
  });

  it('refuses fewer than two coders', () => {
    expect(() => new AgreementTally(1, new LabelCodes())).toThrow(/2 or more coders/);
  });
});

describe('κ against NLTK', () => {
  const PYTHON = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;

  /** NLTK's figures on each task's items, or null (with the reason printed) when it cannot run. */
  function nltk(tasks: Int32Array[][]): { kappa: number; pi: number }[] | null {
    if (!PYTHON) {
      console.warn('[agreement] NLTK comparison skipped: python3 is not installed');
      return null;
    }
    const run = spawnSync(PYTHON, [join(__dirname, 'nltk_kappa.py')], {
      input: JSON.stringify({ tasks: tasks.map((codes) => codes.map((column) => Array.from(column))) }),
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`nltk_kappa.py failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { kappa: number; pi: number }[] | { skip: string };
    if ('skip' in result) {
      console.warn(`[agreement] NLTK comparison skipped: ${result.skip}`);
      return null;
    }
    return result;
  }

  it('Cohen’s κ (two coders) and Fleiss’ κ (three) on the BIO tokens equal NLTK’s kappa() and pi()', () => {
    const codes = new LabelCodes();
    const tokens = syllableTokens(TEXT);
    const tagged = (spans: CoderSpan[]) =>
      bioCodes(
        tokens.length,
        spans.map((span) => ({ ...placeOnTokens(tokens, span.startU16, span.endU16), labelKey: span.labelKey })),
        (span) => codes.indexOf(span.labelKey),
      );
    const two = new AgreementTally(2, codes);
    two.addArticle({ text: TEXT, spansByCoder: [LAN, MINH] });
    const three = new AgreementTally(3, codes);
    const third = [at('Tô Lâm', 'PER'), at('an ninh mạng là nguy cơ', 'RISK'), at('Hà Nội', 'LOC')];
    three.addArticle({ text: TEXT, spansByCoder: [LAN, MINH, third] });

    const results = nltk([
      [tagged(LAN), tagged(MINH)],
      [tagged(LAN), tagged(MINH), tagged(third)],
    ]);
    if (!results) return;
    const [pair, trio] = results as [{ kappa: number; pi: number }, { kappa: number; pi: number }];
    expect(two.figures().overall.cohenKappa).toBeCloseTo(pair.kappa, 12);
    expect(three.figures().overall.fleissKappa).toBeCloseTo(trio.pi, 12);
  });
});
