/**
 * Quality of the suggesters (issue 14): precision and recall per label and source against the
 * hand-written gold set of the five seeds (bench/assist-gold.json), exact-match and overlap.
 *
 *   npx tsx bench/assist-quality-bench.ts
 *
 * The `learned` source is measured leave-one-article-out: for each seed it learns from the gold
 * spans of the other four, as it would learn from an analyst's accepted spans.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gazetteer, type GazetteerEntry } from '../shared/assist/gazetteer';
import { compilePattern, runPatterns } from '../shared/assist/patterns';
import { resolveOverlaps, type Suggestion, type SuggestionSource } from '../shared/assist/suggestion';
import { canonicalize } from '../shared/text/canonical';
import { sentenceRanges, snapToSyllables } from '../shared/text/syllables';
import { shippedAssistData } from '../electron/services/assist/shipped-data';

interface GoldEntry {
  seed: string;
  labelKey: string;
  quote: string;
  occurrences: 'all';
  toSentenceEnd?: boolean;
}
interface Span {
  labelKey: string;
  start: number;
  end: number;
}

const ROOT = join(__dirname, '..');
const gold = (JSON.parse(readFileSync(join(__dirname, 'assist-gold.json'), 'utf8')) as { annotations: GoldEntry[] })
  .annotations;
const seeds = [...new Set(gold.map((entry) => entry.seed))];
const WORD = /[\p{L}\p{M}\p{N}]/u;
const ANALYTIC = new Set(['RISK', 'PROPOSAL']);

/** Every whole-word occurrence of each gold quote; an occurrence inside a longer gold span is dropped (flat NER). */
function resolveGold(text: string, entries: GoldEntry[]): Span[] {
  const sentences = sentenceRanges(text);
  const found: Span[] = [];
  for (const entry of entries) {
    for (let at = text.indexOf(entry.quote); at >= 0; at = text.indexOf(entry.quote, at + 1)) {
      const end = at + entry.quote.length;
      if ((at > 0 && WORD.test(text[at - 1]!)) || (end < text.length && WORD.test(text[end]!))) continue;
      const sentenceEnd = sentences.find((s) => s.start <= at && at < s.end)?.end ?? end;
      // An analyst's drag is snapped to syllables, which drops the full stop.
      const span = snapToSyllables(text, at, entry.toSentenceEnd ? sentenceEnd : end);
      if (span) found.push({ labelKey: entry.labelKey, ...span });
    }
  }
  // Analytic spans (risks, proposals) contain entities by design; only entities are flat.
  const entities = found.filter((span) => !ANALYTIC.has(span.labelKey));
  return found.filter(
    (span) =>
      ANALYTIC.has(span.labelKey) ||
      !entities.some(
        (other) =>
          other !== span &&
          other.start <= span.start &&
          span.end <= other.end &&
          other.end - other.start > span.end - span.start,
      ),
  );
}

interface Counts {
  predicted: number;
  gold: number;
  exactHits: number;
  overlapPredHits: number;
  overlapGoldHits: number;
}
const empty = (): Counts => ({ predicted: 0, gold: 0, exactHits: 0, overlapPredHits: 0, overlapGoldHits: 0 });
const overlaps = (a: Span, b: Span) => a.labelKey === b.labelKey && a.start < b.end && b.start < a.end;

function score(into: Counts, predicted: readonly Span[], expected: readonly Span[]): void {
  into.predicted += predicted.length;
  into.gold += expected.length;
  into.exactHits += predicted.filter((p) =>
    expected.some((g) => g.labelKey === p.labelKey && g.start === p.start && g.end === p.end),
  ).length;
  into.overlapPredHits += predicted.filter((p) => expected.some((g) => overlaps(p, g))).length;
  into.overlapGoldHits += expected.filter((g) => predicted.some((p) => overlaps(p, g))).length;
}

const shipped = shippedAssistData();
const names = new Gazetteer(shipped.names.map((n): GazetteerEntry => ({ ...n, source: 'gazetteer' })));
const patterns = shipped.patterns.filter((p) => p.enabled).map(compilePattern);
const texts = new Map(seeds.map((seed) => [seed, canonicalize(readFileSync(join(ROOT, 'seeds', seed), 'utf8')).text]));
const goldBySeed = new Map(
  seeds.map((seed) => [
    seed,
    resolveGold(
      texts.get(seed)!,
      gold.filter((g) => g.seed === seed),
    ),
  ]),
);

const bySourceLabel = new Map<string, Counts>();
const counts = (key: string) => bySourceLabel.get(key) ?? (bySourceLabel.set(key, empty()), bySourceLabel.get(key)!);
const labels = [...new Set(gold.map((g) => g.labelKey))];

for (const seed of seeds) {
  const text = texts.get(seed)!;
  const expected = goldBySeed.get(seed)!;
  const learned = new Gazetteer(
    seeds
      .filter((other) => other !== seed)
      .flatMap((other) =>
        goldBySeed.get(other)!.map((span): GazetteerEntry => ({
          labelKey: span.labelKey,
          text: texts.get(other)!.slice(span.start, span.end),
          source: 'learned',
        })),
      )
      .filter((entry) => entry.text.length <= 80),
  );
  const bySource: Record<SuggestionSource, Suggestion[]> = {
    gazetteer: names.suggest(text),
    learned: learned.suggest(text),
    pattern: runPatterns(text, patterns).suggestions,
  };
  const all = resolveOverlaps([...bySource.gazetteer, ...bySource.learned, ...bySource.pattern]);
  if (process.argv.includes('--misses')) {
    for (const s of all.filter(
      (p) => !expected.some((g) => g.labelKey === p.labelKey && g.start === p.start && g.end === p.end),
    ))
      console.log(`false positive  ${seed} ${s.labelKey} ${s.source} “${s.quote.slice(0, 90)}”`);
    for (const g of expected.filter(
      (g) => !all.some((p) => g.labelKey === p.labelKey && g.start === p.start && g.end === p.end),
    ))
      console.log(`missed          ${seed} ${g.labelKey} “${text.slice(g.start, g.end).slice(0, 90)}”`);
  }
  for (const [source, suggestions] of [...Object.entries(bySource), ['all', all]] as [string, Suggestion[]][]) {
    const resolved = resolveOverlaps(suggestions);
    for (const labelKey of labels) {
      score(
        counts(`${source}|${labelKey}`),
        resolved.filter((s) => s.labelKey === labelKey),
        expected.filter((g) => g.labelKey === labelKey),
      );
    }
    score(counts(`${source}|*`), resolved, expected);
  }
}

const ratio = (hits: number, total: number) => (total === 0 ? '—' : (hits / total).toFixed(2));
const goldTotal = [...goldBySeed.values()].reduce((n, spans) => n + spans.length, 0);
console.log(
  `Gold: ${goldTotal} spans over ${seeds.length} seeds (${labels.map((l) => `${l} ${[...goldBySeed.values()].flat().filter((s) => s.labelKey === l).length}`).join(', ')})\n`,
);
console.log('| Source | Label | Predicted | Gold | P exact | R exact | P overlap | R overlap |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const source of ['all', 'gazetteer', 'learned', 'pattern']) {
  for (const labelKey of [...labels, '*']) {
    const c = bySourceLabel.get(`${source}|${labelKey}`)!;
    if (c.predicted === 0 && (source !== 'all' || c.gold === 0)) continue;
    console.log(
      `| ${source} | ${labelKey === '*' ? '**overall**' : labelKey} | ${c.predicted} | ${c.gold} | ${ratio(c.exactHits, c.predicted)} | ${ratio(c.exactHits, c.gold)} | ${ratio(c.overlapPredHits, c.predicted)} | ${ratio(c.overlapGoldHits, c.gold)} |`,
    );
  }
}
const aims = [
  ...['ORG', 'LOC', 'TITLE', 'DATE'].map(
    (l) => [`recall ${l} (exact) ≥ 0.8`, bySourceLabel.get(`all|${l}`)!, 'r', 0.8] as const,
  ),
  ['recall PROPOSAL (exact) ≥ 0.7', bySourceLabel.get('all|PROPOSAL')!, 'r', 0.7] as const,
  ['precision overall (exact) ≥ 0.8', bySourceLabel.get('all|*')!, 'p', 0.8] as const,
];
console.log('\nAims (all sources together):');
for (const [name, c, kind, target] of aims) {
  const value = kind === 'r' ? c.exactHits / c.gold : c.exactHits / c.predicted;
  console.log(`  ${value >= target ? 'met    ' : 'MISSED '} ${name}: ${value.toFixed(2)}`);
}
