import { syllableTokens } from '../text/syllables';
import { ArticleText, syllableKey } from './article-text';
import type { Suggestion, SuggestionSource } from './suggestion';

/** A name that suggests a label wherever it occurs: "Bộ Công an" → ORG. */
export interface GazetteerEntry {
  text: string;
  labelKey: string;
  source: Extract<SuggestionSource, 'gazetteer' | 'learned'>;
}

interface Target {
  labelKey: string;
  source: GazetteerEntry['source'];
  text: string;
  /** `text` in NFC, as canonical text is: a one-syllable name is compared with it as written. */
  textNfc: string;
  /** One-syllable names must match in case too: "Anh" (England) is not "anh" (brother). */
  caseSensitive: boolean;
  /**
   * A name written with a capital must start with one in the text: "Công an nhân dân" (the force)
   * is a name, "lực lượng công an nhân dân" a common noun.
   */
  capitalised: boolean;
}

/**
 * A trie over whole syllables: the names whose keys run from the root to this node, and the
 * syllables that extend it. Walking it looks each syllable's key up in one small map, where the
 * keys joined into one string had to be built and hashed again at every step.
 */
interface TrieNode {
  targets: Target[] | null;
  next: Map<string, TrieNode> | null;
}

/** Longest names considered, in tokens; longer entries are kept out rather than cut. */
const MAX_NAME_TOKENS = 24;

/**
 * Names matched on syllable boundaries. Every entry is split into syllable tokens (the same
 * tokenizer as selection snapping and CoNLL), so a match always starts and ends on a token edge
 * and "an" never matches inside "ban". The lookup walks the text's tokens once, extending a
 * candidate while it is a prefix of some entry (a trie over whole syllables, one map of
 * syllable keys per node), and takes the leftmost-longest name. Compared with a character-level
 * Aho–Corasick automaton this needs no boundary filter afterwards and does one hash lookup per
 * syllable step: 400k characters take milliseconds (bench/assist-bench.ts).
 */
export class Gazetteer {
  private readonly root: TrieNode = { targets: null, next: null };
  readonly size: number;

  constructor(entries: Iterable<GazetteerEntry>) {
    let size = 0;
    for (const entry of entries) {
      const tokens = syllableTokens(entry.text).map(({ start, end }) => entry.text.slice(start, end));
      if (tokens.length === 0 || tokens.length > MAX_NAME_TOKENS) continue;
      if (tokens.length === 1 && tokens[0]!.length < 2) continue;
      let node = this.root;
      for (const key of tokens.map(syllableKey)) {
        node.next ??= new Map();
        let child = node.next.get(key);
        if (!child) {
          child = { targets: null, next: null };
          node.next.set(key, child);
        }
        node = child;
      }
      const caseSensitive = tokens.length === 1;
      if (!node.targets) {
        node.targets = [];
        size++;
      }
      const same = node.targets.find((t) => t.labelKey === entry.labelKey && (!caseSensitive || t.text === entry.text));
      // A hand-made entry wins over a learned one for the same label: it is the more deliberate.
      const capitalised = /^\p{Lu}/u.test(entry.text);
      if (!same) {
        const textNfc = entry.text.normalize('NFC');
        node.targets.push({
          labelKey: entry.labelKey,
          source: entry.source,
          text: entry.text,
          textNfc,
          caseSensitive,
          capitalised,
        });
      } else if (same.source === 'learned' && entry.source === 'gazetteer') same.source = 'gazetteer';
    }
    this.size = size;
  }

  /**
   * Leftmost-longest names in canonical text, with their UTF-16 offsets. Given an `ArticleText`,
   * its syllables are split once for every gazetteer run over it.
   */
  suggest(article: string | ArticleText): Suggestion[] {
    if (this.size === 0) return [];
    const { text, tokens, keys } = typeof article === 'string' ? new ArticleText(article) : article;
    const suggestions: Suggestion[] = [];
    for (let first = 0; first < tokens.length;) {
      let node: TrieNode = this.root;
      let matched: { last: number; targets: Target[] } | null = null;
      for (let last = first; last < tokens.length && last - first < MAX_NAME_TOKENS; last++) {
        const child = node.next?.get(keys[last]!);
        if (!child) break;
        node = child;
        if (node.targets) matched = { last, targets: node.targets };
      }
      if (!matched) {
        first++;
        continue;
      }
      const start = tokens[first]!.start;
      const end = tokens[matched.last]!.end;
      const quote = text.slice(start, end);
      for (const target of matched.targets) {
        if (target.caseSensitive && target.textNfc !== quote) continue;
        if (target.capitalised && !/^\p{Lu}/u.test(quote)) continue;
        suggestions.push({ labelKey: target.labelKey, start, end, quote, source: target.source, rule: target.text });
      }
      first = matched.last + 1;
    }
    return suggestions;
  }
}
