import { ArticleText } from '../../../shared/assist/article-text';
import type { GazetteerName } from '../../../shared/assist/changes';
import { Gazetteer, type GazetteerEntry } from '../../../shared/assist/gazetteer';
import {
  compilePattern,
  PatternError,
  runPatterns,
  type CompiledPattern,
  type PatternDefinition,
} from '../../../shared/assist/patterns';
import { AssistSourcesSchema, DEFAULT_ASSIST_SOURCES, type AssistSources } from '../../../shared/assist/settings';
import { resolveOverlaps, suggestionTextKey, type Suggestion } from '../../../shared/assist/suggestion';
import type { PatternListing } from '../../../shared/contract/assist';
import type { AppliedChanges } from '../../../shared/domain/changes';
import type { ChangeService } from '../changes/change-service';
import type { ArticleStore } from '../store/articles';
import type { AssistStore } from '../store/assist';
import type { SettingsStore } from '../store/settings';
import type { ShippedAssistData } from './shipped-data';

/** All of an article's open suggestions (the contract's answer lists the first ones). */
export interface OpenSuggestions {
  /** In reading order; never overlapping another suggestion or a span of the same label. */
  suggestions: Suggestion[];
  /** Patterns cut off by their time budget on this article. */
  stoppedPatterns: string[];
}

/** Which of AssistService's caches a write made stale. */
export interface StaleCaches {
  /** The learned gazetteer (built from the analyst's spans). */
  learned: boolean;
  /** The names gazetteer and the compiled patterns (names, entity names and aliases, patterns). */
  names: boolean;
}

export function staleCaches(applied: AppliedChanges): StaleCaches {
  return {
    learned: applied.upserted.length > 0 || applied.removed.length > 0,
    // Entity names and aliases are names too.
    names: Boolean(applied.assistChanged || applied.entities),
  };
}

/** Longest spans the analyst's own work teaches the gazetteer; longer ones are passages, not names. */
const LEARNED_MAX_CHARS = 80;

/**
 * Suggestions from the shipped gazetteer and the analyst's names, from the analyst's own spans
 * (learned), and from patterns; never written as annotations: accepting one is an ordinary
 * `annotation.create` with origin `model`, rejecting one an `assist.reject` change.
 * The compiled gazetteers and patterns are cached and rebuilt when a write changes what they
 * are built from.
 */
export class AssistService {
  private names: Gazetteer | null = null;
  private learned: Gazetteer | null = null;
  private compiled: CompiledPattern[] | null = null;
  /** The last article text suggested over, with its syllables and sentences once worked out. */
  private lastText: ArticleText | null = null;

  constructor(
    private readonly articles: ArticleStore,
    private readonly store: AssistStore,
    private readonly settings: SettingsStore,
    private readonly shipped: ShippedAssistData,
    /** The pipeline whose writes make the caches stale; null where another thread forwards them (`invalidate`). */
    changes: Pick<ChangeService, 'onApplied'> | null,
  ) {
    changes?.onApplied((applied) => this.invalidate(staleCaches(applied)));
  }

  /** Drops the caches a write made stale (`staleCaches`). */
  invalidate(stale: StaleCaches): void {
    if (stale.learned) this.learned = null;
    if (stale.names) {
      this.names = null;
      this.compiled = null;
    }
  }

  sources(): AssistSources {
    const stored = this.settings.get('assist.sources');
    if (stored === null) return DEFAULT_ASSIST_SOURCES;
    const parsed = AssistSourcesSchema.safeParse({ ...DEFAULT_ASSIST_SOURCES, ...(JSON.parse(stored) as object) });
    return parsed.success ? parsed.data : DEFAULT_ASSIST_SOURCES;
  }

  setSources(patch: Partial<AssistSources>): AssistSources {
    const next = { ...this.sources(), ...patch };
    this.settings.set('assist.sources', JSON.stringify(next));
    return next;
  }

  /** The names the analyst added (the shipped ones are in resources/assist/). */
  addedNames(): GazetteerName[] {
    return this.store.listNames();
  }

  shippedNameCount(): number {
    return this.shipped.names.length;
  }

  patterns(): PatternListing[] {
    const overrides = this.store.listPatternOverrides();
    const listings: PatternListing[] = this.shipped.patterns.map((shipped) => {
      const override = overrides.get(shipped.id);
      overrides.delete(shipped.id);
      return listing(override ?? shipped, true, override !== undefined);
    });
    for (const own of overrides.values()) listings.push(listing(own, false, true));
    return listings;
  }

  /**
   * The article's open suggestions: computed now from the sources switched on, together with
   * those a pre-annotation run stored for it (the same one found twice is listed once).
   */
  suggest(articleId: number): OpenSuggestions {
    const text = this.articles.getText(articleId);
    // The reader asks again after every open and edit of the same article: its syllables and
    // sentences are kept while its text is the same (they depend on nothing else).
    if (this.lastText?.text !== text) this.lastText = new ArticleText(text);
    return this.open(articleId, this.lastText, this.store.listStoredSuggestions(articleId));
  }

  /**
   * Stores the article's open suggestions for review (a pre-annotation job), replacing what an
   * earlier run stored; returns how many.
   */
  storeSuggestions(articleId: number): number {
    const { suggestions } = this.open(articleId, new ArticleText(this.articles.getText(articleId)), []);
    this.store.replaceStoredSuggestions(articleId, suggestions);
    return suggestions.length;
  }

  /** `text` is shared by every source, so the article is split into syllables once. */
  private open(articleId: number, text: ArticleText, stored: Suggestion[]): OpenSuggestions {
    const sources = this.sources();
    // concat, not push(...): a long article yields more suggestions than a call takes arguments.
    let found = stored;
    if (sources.gazetteer) found = found.concat(this.namesGazetteer().suggest(text));
    if (sources.learned) found = found.concat(this.learnedGazetteer().suggest(text));
    let stoppedPatterns: string[] = [];
    if (sources.pattern) {
      const run = runPatterns(text, this.compiledPatterns());
      found = found.concat(run.suggestions);
      stoppedPatterns = run.stopped;
    }
    return { suggestions: this.reviewable(articleId, text.text.length, found), stoppedPatterns };
  }

  /**
   * Drops what the analyst has already decided: suggestions overlapping a span of the same label
   * or sitting exactly on any span, and texts rejected in this article. Among the rest, per label,
   * the leftmost-longest wins, and at equal ranges the more deliberate source.
   */
  private reviewable(articleId: number, textLength: number, found: Suggestion[]): Suggestion[] {
    // Every source switched off and nothing stored: nothing to filter, so no spans to read.
    if (found.length === 0) return [];
    const spans = this.store.spanRanges(articleId);
    const rejected = new Set(this.store.listRejections(articleId).map((r) => `${r.labelKey}\u0000${r.textKey}`));
    // A range as one number (exact below 2^53 for any text under 90 million characters): a set
    // of strings built per suggestion cost more than the suggesters at 100,000 suggestions.
    const rangeKey = (range: { start: number; end: number }) => range.start * (textLength + 1) + range.end;
    const exactRanges = new Set(spans.map(rangeKey));
    const open = found.filter(
      (suggestion) =>
        !exactRanges.has(rangeKey(suggestion)) &&
        // The text key folds case and spaces; skip that work when nothing was rejected.
        (rejected.size === 0 || !rejected.has(`${suggestion.labelKey}\u0000${suggestionTextKey(suggestion.quote)}`)),
    );
    return resolveOverlaps(open, spans);
  }

  private namesGazetteer(): Gazetteer {
    this.names ??= new Gazetteer(
      [...this.shipped.names, ...this.store.listNames(), ...this.store.registryNames()].map((name): GazetteerEntry => ({
        ...name,
        source: 'gazetteer',
      })),
    );
    return this.names;
  }

  private learnedGazetteer(): Gazetteer {
    if (!this.learned) {
      const entries: GazetteerEntry[] = [];
      for (const name of this.store.learnedNames(LEARNED_MAX_CHARS)) entries.push({ ...name, source: 'learned' });
      this.learned = new Gazetteer(entries);
    }
    return this.learned;
  }

  private compiledPatterns(): CompiledPattern[] {
    this.compiled ??= this.patterns()
      .filter((pattern) => pattern.definition.enabled && pattern.problem === null)
      .map((pattern) => compilePattern(pattern.definition));
    return this.compiled;
  }
}

function listing(definition: PatternDefinition, shipped: boolean, edited: boolean): PatternListing {
  try {
    compilePattern(definition);
    return { definition, shipped, edited, problem: null, problemRef: null };
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    return { definition, shipped, edited, problem: error.message, problemRef: error.ref };
  }
}
