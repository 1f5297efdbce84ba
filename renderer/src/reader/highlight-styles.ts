import { MARKS_CLASS } from './mark-layer';
import type { Label } from '../../../shared/domain/schemas';

/** Overlapping spans of one layer get separate levels so each stays visible. */
export const MAX_LEVELS = 3;

export const SELECTED_HIGHLIGHT = 'm-selected';
export const DRAFT_HIGHLIGHT = 'm-draft';

/**
 * A `::highlight()` rule for the reader's paragraphs only. Chromium resolves the highlight
 * pseudo-styles of every element a rule can match on each style recalc, so an unscoped
 * `::highlight(x)` (i.e. `*::highlight(x)`) made the toolbar, sidebar and every other element
 * pay for each highlight (~90 when spans were highlights too): a full style recalc of the reader
 * with a long article open took several hundred ms (bench/README.md). Highlighted text sits
 * directly in a `.reader__paragraph`, its originating element.
 */
export function highlightRule(name: string, declarations: string): string {
  return `.reader__paragraph::highlight(${name}) { ${declarations} }`;
}

export function highlightName(labelKey: string, level: number): string {
  return `m-${labelKey}-${level}`;
}

/**
 * Priorities: analytic backgrounds lowest, entity underlines above them, the selection on top.
 * Higher levels (inner or later overlapping spans) paint above lower ones.
 */
export function highlightPriority(label: Label, level: number): number {
  return (label.kind === 'analytic' ? 0 : 10) + level;
}

/** How strongly an analytic span's colour covers the page at a nesting level (0 outermost). */
export const analyticOpacity = (level: number): number => 0.2 + level * 0.08;

function alpha(hex: string, opacity: number): string {
  return `${hex}${Math.round(opacity * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

/** A rule for the boxes of the marks of one highlight name (mark-layer.ts). */
function markRule(name: string, declarations: string): string {
  return `.${MARKS_CLASS} > [data-h='${name}'] { ${declarations} }`;
}

/**
 * The spans' styles, one rule per label and level, and the selected span's and the drag preview's
 * highlights. Analytic spans are backgrounds whose overlaps blend darker; entities are underlines
 * (level 0), overlines (level 1) and dotted underlines (level 2), so two entities on the same
 * words both show. A higher priority stacks above a lower one.
 */
export function spanStyleSheet(labels: readonly Label[]): string {
  const rules: string[] = [];
  for (const label of labels) {
    for (let level = 0; level < MAX_LEVELS; level++) {
      const name = highlightName(label.key, level);
      const stacking = `z-index: ${highlightPriority(label, level)};`;
      if (label.kind === 'analytic') {
        rules.push(markRule(name, `${stacking} background-color: ${alpha(label.color, analyticOpacity(level))};`));
      } else {
        const line =
          level === 1
            ? `box-shadow: inset 0 2.5px 0 ${label.color};`
            : level === 2
              ? `border-bottom: 2.5px dotted ${label.color};`
              : `box-shadow: inset 0 -2.5px 0 ${label.color};`;
        rules.push(markRule(name, `${stacking} ${line} background-color: ${alpha(label.color, 0.07)};`));
      }
    }
  }
  rules.push(highlightRule(SELECTED_HIGHLIGHT, 'background-color: rgb(255 200 0 / 38%);'));
  rules.push(highlightRule(DRAFT_HIGHLIGHT, 'background-color: rgb(28 93 153 / 22%);'));
  return rules.join('\n');
}
