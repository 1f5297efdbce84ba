import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssistSources } from '../../../shared/assist/settings';
import type { Change } from '../../../shared/domain/changes';
import { canonicalize } from '../../../shared/text/canonical';
import { sentenceRanges, snapToSyllables, syllableTokens } from '../../../shared/text/syllables';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const seedsDir = join(__dirname, '..', '..', '..', 'seeds');
const seedTexts = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(seedsDir, name), 'utf8'));

const LABELS = ['PER', 'ORG', 'LOC', 'TITLE', 'DATE', 'RISK'];

/** Every source on, each one alone, and all off (stored suggestions are still listed then). */
const SOURCE_SETTINGS: AssistSources[] = [
  { gazetteer: true, learned: true, pattern: true },
  { gazetteer: true, learned: false, pattern: false },
  { gazetteer: false, learned: true, pattern: false },
  { gazetteer: false, learned: false, pattern: true },
  { gazetteer: false, learned: false, pattern: false },
];

/**
 * The seeds, a long article made of them (about 230,000 characters) with 2,000 spans, some
 * nested, a rejected text, a name the analyst added and suggestions a pre-annotation run stored.
 */
function seededWorkbench() {
  const workbench = freshWorkbench();
  workbench.profile.set('Lan');
  const ids = seedTexts.map((text, i) => addArticle(workbench, text, `Seed ${i}`));
  const longId = addArticle(workbench, Array.from({ length: 4 }, () => seedTexts.join('\n\n')).join('\n\n'), 'Dài');
  const text = workbench.articles.getText(longId);
  const wordStarts = [...text.matchAll(/(?<=^|\s)\S/g)].map((match) => match.index);
  const changes: Change[] = [];
  for (let i = 0; i < 2_000; i++) {
    const first = Math.floor((i * wordStarts.length) / 2_000);
    const start = wordStarts[first]!;
    const end = Math.max(start + 1, wordStarts[Math.min(first + 1 + (i % 4), wordStarts.length - 1)]! - 1);
    const annotation = {
      articleId: longId,
      labelKey: LABELS[i % LABELS.length]!,
      start,
      end,
      quote: text.slice(start, end),
    };
    changes.push({ kind: 'annotation.create', ref: `s${i}`, annotation });
  }
  workbench.changes.apply({ origin: 'manual', changes });
  const rejected = text.indexOf('Bộ Công an');
  if (rejected >= 0) {
    const suggestion = { articleId: longId, labelKey: 'ORG', start: rejected, end: rejected + 10, quote: 'Bộ Công an' };
    workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'assist.reject', suggestion }] });
  }
  workbench.changes.apply({
    origin: 'manual',
    changes: [{ kind: 'assist.addName', name: { labelKey: 'LOC', text: 'Hà Nội' } }],
  });
  workbench.assist.storeSuggestions(ids[0]!);
  return { workbench, articleIds: [...ids, longId] };
}

/** The full answer (every suggestion, not only the listed first ones) per article and setting. */
function answers(): string[] {
  const { workbench, articleIds } = seededWorkbench();
  const digests: string[] = [];
  for (const sources of SOURCE_SETTINGS) {
    workbench.assist.setSources(sources);
    for (const articleId of articleIds) {
      const answer = workbench.assist.suggest(articleId);
      const digest = createHash('sha256').update(JSON.stringify(answer)).digest('hex').slice(0, 16);
      // The count beside the digest shows at a glance what differs, and that the answer is not empty.
      digests.push(`${answer.suggestions.length} ${digest}`);
    }
  }
  return digests;
}

describe('getSuggestions answers what it answered before the speed pass (issue 8)', () => {
  it('gives identical suggestions for the seeds and a long densely tagged article, under every source setting', () => {
    expect(answers()).toEqual(ANSWERED_ON_MAIN);
  });
});

describe('the text utilities given the tokens the suggesters share keep their results', () => {
  const text = canonicalize(`${seedTexts[0]!.slice(0, 3_000)}\n\n  “Bộ Ngoại giao”: TS. Lê, 1,5%… (Hà Nội)!  `).text;
  const tokens = syllableTokens(text);

  it('snapToSyllables with the tokens of the text snaps every selection as it does without them', () => {
    for (let start = 0; start < text.length; start += 7) {
      for (const length of [0, 1, 3, 10, 41, 200]) {
        const end = Math.min(text.length, start + length);
        expect(snapToSyllables(text, start, end, tokens)).toEqual(snapToSyllables(text, start, end));
      }
    }
  });

  it('sentenceRanges with the tokens of the text finds the same sentences', () => {
    expect(sentenceRanges(text, tokens)).toEqual(sentenceRanges(text));
  });
});

/** Digests of the answers computed by main at ba0bfd6, before the suggestions shared their syllables. */
const ANSWERED_ON_MAIN: string[] = [
  // every source on
  '1950 d78154d135f2b32b',
  '1156 e7aae44277a1da08',
  '1425 e574d2e7189bd27c',
  '3561 e1de7f99406b31d6',
  '1210 65f66ddc38574804',
  '32033 7e380059ff7e2c5c',
  // the gazetteer alone
  '1950 d78154d135f2b32b',
  '32 0d7ffc8208c9d464',
  '54 9e6e7ebf4e1f9a18',
  '48 c7bfb37d9255b483',
  '53 595db1f839214ea3',
  '706 3b7492f9731c771b',
  // learned alone
  '1950 d78154d135f2b32b',
  '1110 dd53d73ee76f501f',
  '1371 1481a0605a954bc1',
  '3512 dde944e621f5fd46',
  '1179 2febb405505ccb29',
  '31147 a733a473ac83be94',
  // patterns alone
  '1950 d78154d135f2b32b',
  '25 fc07948ce127ee55',
  '32 d9fbd511abc766e9',
  '43 ab57b9f07035f1f7',
  '11 20f3e8c2208ca12b',
  '548 3691fb5188acf688',
  // every source off: only what the first seed has stored
  '1950 d78154d135f2b32b',
  '0 27bf991387ddf7bb',
  '0 27bf991387ddf7bb',
  '0 27bf991387ddf7bb',
  '0 27bf991387ddf7bb',
  '0 27bf991387ddf7bb',
];
