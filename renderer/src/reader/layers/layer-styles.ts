import type { DifferenceKind } from '../../../../shared/agreement/layer-diff';

/**
 * How the three kinds of difference between two layers look, in the reader (a highlight each)
 * and in the adjudication view and legends (the same ink and line on a badge). Colour is never
 * the only cue: each kind also has its own line style. The inks are Okabe–Ito hues (told apart
 * with the common colour-vision deficiencies), darkened to 4.5:1 or more on the paper.
 */
export const DIFF_STYLES: Record<DifferenceKind, { ink: string; line: 'solid' | 'dashed' | 'wavy' }> = {
  mine: { ink: '#0062a0', line: 'solid' },
  theirs: { ink: '#a34400', line: 'dashed' },
  both: { ink: '#7b3294', line: 'wavy' },
};

export const diffHighlightName = (kind: DifferenceKind): string => `m-diff-${kind}`;

/** Above every label highlight (≤ 12) and below the selection (30). */
export const DIFF_HIGHLIGHT_PRIORITY = 20;

/** One ::highlight() rule per kind: the text in the kind's ink, underlined in its line style. */
export function diffStyleSheet(): string {
  return (Object.entries(DIFF_STYLES) as [DifferenceKind, (typeof DIFF_STYLES)[DifferenceKind]][])
    .map(
      ([kind, { ink, line }]) =>
        `::highlight(${diffHighlightName(kind)}) { color: ${ink}; text-decoration-line: underline; ` +
        `text-decoration-style: ${line}; text-decoration-color: ${ink}; text-decoration-thickness: 2px; }`,
    )
    .join('\n');
}

/** The same look for an element (badges, legend samples), as CSS custom properties. */
export const diffBadgeStyle = (kind: DifferenceKind): Record<'--diff-ink' | '--diff-line', string> => ({
  '--diff-ink': DIFF_STYLES[kind].ink,
  '--diff-line': DIFF_STYLES[kind].line,
});
