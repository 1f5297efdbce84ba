import type { Suggestion } from '../../../../shared/assist/suggestion';
import type { Label } from '../../../../shared/domain/schemas';
import type { TextRange } from '../../../../shared/text/syllables';
import type { TextLayout } from '../text-layout';
import { highlightRule } from '../highlight-styles';

const FOCUSED = 'm-suggest-focused';
const suggestionHighlight = (labelKey: string) => `m-suggest-${labelKey}`;

/**
 * Paints suggestions with the CSS Custom Highlight API, as the span painter paints spans, but as
 * dashed underlines in the label's colour: distinct from accepted spans (backgrounds and solid
 * lines) at a glance. Only suggestions inside the paint window are registered.
 */
export class SuggestionPainter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly focused = new Highlight();
  private readonly styleElement: HTMLStyleElement;
  private suggestions: readonly Suggestion[] = [];
  private window: TextRange = { start: 0, end: 0 };

  constructor(
    private readonly layout: TextLayout,
    labels: readonly Label[],
  ) {
    this.styleElement = document.createElement('style');
    this.styleElement.textContent = labels
      .map((label) =>
        highlightRule(
          suggestionHighlight(label.key),
          `text-decoration: underline dashed ${label.color} 2px; text-underline-offset: 5px;`,
        ),
      )
      .concat(highlightRule(FOCUSED, 'background-color: rgb(28 93 153 / 16%);'))
      .join('\n');
    document.head.append(this.styleElement);
    for (const label of labels) {
      const highlight = new Highlight();
      // Under every span highlight, so an accepted span never looks like a suggestion.
      highlight.priority = -1;
      this.highlights.set(label.key, highlight);
      CSS.highlights.set(suggestionHighlight(label.key), highlight);
    }
    this.focused.priority = 29;
    CSS.highlights.set(FOCUSED, this.focused);
  }

  show(suggestions: readonly Suggestion[], focused: Suggestion | null): void {
    this.suggestions = suggestions;
    this.repaint();
    this.focused.clear();
    if (focused) this.focused.add(this.layout.range(focused.start, focused.end));
  }

  setWindow(window: TextRange): void {
    this.window = window;
    this.repaint();
  }

  dispose(): void {
    for (const [labelKey] of this.highlights) CSS.highlights.delete(suggestionHighlight(labelKey));
    CSS.highlights.delete(FOCUSED);
    this.styleElement.remove();
  }

  /**
   * Registers the suggestions in the window, overlapping or touching ones of a label merged into
   * one static range. Chromium merges a highlight's overlapping ranges anyway, so the underlines
   * look the same; but it removes and re-adds every registered range on any change to any
   * highlight (a span created), and repaints every paragraph holding one, with cost growing with
   * the ranges in it. Static ranges, not live ones: the text DOM never changes, and a live range is
   * updated on every DOM change in the document.
   *
   * A run with the very same extent as a run of a label registered later is left out: at equal
   * priority the later highlight paints on top, and the same dashed line at the same place covers
   * it whole, so it never shows. Phrases suggested under several labels do this (a learned name
   * matched under each label it was tagged with): in the bench article 297 of the 343 runs on
   * screen, up to nine labels on one extent, each repainted by every create.
   */
  private repaint(): void {
    for (const highlight of this.highlights.values()) highlight.clear();
    const runs = new Map<string, TextRange[]>();
    const inWindow = this.suggestions
      .filter((suggestion) => suggestion.end > this.window.start && suggestion.start < this.window.end)
      .sort((a, b) => a.start - b.start);
    for (const suggestion of inWindow) {
      let labelRuns = runs.get(suggestion.labelKey);
      if (!labelRuns) runs.set(suggestion.labelKey, (labelRuns = []));
      const last = labelRuns[labelRuns.length - 1];
      if (last && suggestion.start <= last.end) last.end = Math.max(last.end, suggestion.end);
      else labelRuns.push({ start: suggestion.start, end: suggestion.end });
    }
    // The label on top at each extent: the last registered (this.highlights keeps that order).
    const topLabel = new Map<string, string>();
    for (const labelKey of this.highlights.keys()) {
      for (const run of runs.get(labelKey) ?? []) topLabel.set(`${run.start}:${run.end}`, labelKey);
    }
    for (const [labelKey, labelRuns] of runs) {
      const highlight = this.highlights.get(labelKey);
      for (const run of labelRuns) {
        if (topLabel.get(`${run.start}:${run.end}`) !== labelKey) continue;
        highlight?.add(this.layout.staticRange(run.start, run.end));
      }
    }
  }
}
