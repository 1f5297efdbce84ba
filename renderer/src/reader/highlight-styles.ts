import type { Label } from '../../../shared/domain/schemas';

/** Overlapping spans of one layer get separate levels so each stays visible. */
export const MAX_LEVELS = 3;

export const SELECTED_HIGHLIGHT = 'm-selected';
export const DRAFT_HIGHLIGHT = 'm-draft';

/**
 * A `::highlight()` rule for the reader's paragraphs only. Chromium resolves the highlight
 * pseudo-styles of every element a rule can match on each style recalc, so an unscoped
 * `::highlight(x)` (i.e. `*::highlight(x)`) made the toolbar, sidebar and every other element
 * pay for each of the ~90 label, level and suggestion highlights: a full style recalc of the
 * reader with a long article open took several hundred ms (bench/README.md). Highlighted text
 * sits directly in a `.reader__paragraph`, its originating element.
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

/**
 * One ::highlight() rule per label and level. Analytic spans are backgrounds whose overlaps
 * blend darker; entities are underlines (level 0), overlines (level 1) and dotted underlines
 * (level 2), so two entities on the same words both show.
 */
export function highlightStyleSheet(labels: readonly Label[]): string {
  const rules: string[] = [];
  for (const label of labels) {
    for (let level = 0; level < MAX_LEVELS; level++) {
      const name = highlightName(label.key, level);
      if (label.kind === 'analytic') {
        rules.push(highlightRule(name, `background-color: ${alpha(label.color, analyticOpacity(level))};`));
      } else {
        const line = level === 1 ? 'overline' : 'underline';
        const style = level === 2 ? 'dotted' : 'solid';
        rules.push(
          highlightRule(
            name,
            `text-decoration-line: ${line}; text-decoration-style: ${style}; ` +
              `text-decoration-color: ${label.color}; text-decoration-thickness: 2.5px; text-underline-offset: 4px; ` +
              `background-color: ${alpha(label.color, 0.07)};`,
          ),
        );
      }
    }
  }
  rules.push(highlightRule(SELECTED_HIGHLIGHT, 'background-color: rgb(255 200 0 / 38%);'));
  rules.push(highlightRule(DRAFT_HIGHLIGHT, 'background-color: rgb(28 93 153 / 22%);'));
  return rules.join('\n');
}
