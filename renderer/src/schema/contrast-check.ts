import type { LabelKind } from '../../../shared/domain/schemas';
import { contrastRatio, mixHex } from '../app/contrast';
import { MAX_LEVELS, analyticOpacity } from '../reader/highlight-styles';

/** The reader's page and text colours (app.css `--paper`, `--ink`). */
const READER_PAPER = '#fffdf9';
const READER_INK = '#1f2328';

export interface ContrastCheck {
  ratio: number;
  /** WCAG AA: 4.5:1 for text on an analytic background, 3:1 for an entity underline (non-text). */
  needed: number;
  ok: boolean;
}

/**
 * How a label colour reads in the reader. An analytic label is a translucent background: the
 * text must stay readable on its darkest (innermost) level. An entity label is an underline: the
 * line must stand out from the page.
 */
export function checkLabelContrast(colorHex: string, kind: LabelKind): ContrastCheck | null {
  if (!/^#[0-9a-f]{6}$/i.test(colorHex)) return null;
  if (kind === 'analytic') {
    const darkest = mixHex(colorHex, READER_PAPER, analyticOpacity(MAX_LEVELS - 1));
    const ratio = contrastRatio(READER_INK, darkest);
    return { ratio, needed: 4.5, ok: ratio >= 4.5 };
  }
  const ratio = contrastRatio(colorHex, READER_PAPER);
  return { ratio, needed: 3, ok: ratio >= 3 };
}
