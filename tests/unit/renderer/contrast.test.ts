import { describe, expect, it } from 'vitest';
import { contrastRatio, labelInk, readableInk } from '../../../renderer/src/app/contrast';

// The seeded labels' colours (electron/services/store/migrations/001-initial.ts).
const SEED_COLORS = [
  '#e8590c',
  '#2f9e44',
  '#1c7ed6',
  '#7048e8',
  '#c2255c',
  '#0c8599',
  '#e67700',
  '#5c940d',
  '#9c36b5',
  '#868e96',
];

describe('label text contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('label-coloured 11 px text measured 2.95–4.28:1: every default label now reaches 4.5:1 on every surface', () => {
    for (const color of SEED_COLORS) {
      const ink = labelInk(color);
      for (const background of ['#ffffff', '#f4f2ed', '#fff2c7'])
        expect(contrastRatio(ink, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('leaves a colour that already passes unchanged and keeps the hue when darkening', () => {
    expect(readableInk('#1f2328', ['#ffffff'])).toBe('#1f2328');
    const darker = readableInk('#ff8800', ['#ffffff']);
    const [r, g, b] = [1, 3, 5].map((index) => parseInt(darker.slice(index, index + 2), 16));
    expect(r! / g!).toBeCloseTo(0xff / 0x88, 1);
    expect(b).toBe(0);
  });
});
