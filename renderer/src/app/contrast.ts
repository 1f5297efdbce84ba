/** WCAG 2 contrast helpers, for text drawn in a label's colour. */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const toHex = (rgb: Rgb) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

/** `colorHex` laid over `backgroundHex` at `opacity` (0–1): what a translucent highlight looks like. */
export function mixHex(colorHex: string, backgroundHex: string, opacity: number): string {
  const color = parseHex(colorHex);
  const background = parseHex(backgroundHex);
  return toHex(color.map((channel, index) => channel * opacity + (background[index] as number) * (1 - opacity)) as Rgb);
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(foregroundHex: string, backgroundHex: string): number {
  const a = luminance(parseHex(foregroundHex));
  const b = luminance(parseHex(backgroundHex));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The label colour darkened just enough (towards black, keeping its hue) to reach `minRatio`
 * against every background given; unchanged when it already does. For text: WCAG AA asks 4.5:1.
 */
export function readableInk(colorHex: string, backgroundsHex: readonly string[], minRatio = 4.5): string {
  const color = parseHex(colorHex);
  for (let keep = 1; keep >= 0; keep -= 0.02) {
    const candidate = toHex(color.map((channel) => channel * keep) as Rgb);
    if (backgroundsHex.every((background) => contrastRatio(candidate, background) >= minRatio)) return candidate;
  }
  return '#000000';
}

/**
 * The surfaces label-coloured text sits on (app.css): the page, the panels, and a selected
 * span row (22 % amber over the panel).
 */
const LABEL_TEXT_BACKGROUNDS = ['#ffffff', '#f4f2ed', '#fff2c7'];
const inkByColor = new Map<string, string>();

/** A label colour fit for 11 px text on any of the app's surfaces (AA 4.5:1). */
export function labelInk(colorHex: string): string {
  let ink = inkByColor.get(colorHex);
  if (!ink) inkByColor.set(colorHex, (ink = readableInk(colorHex, LABEL_TEXT_BACKGROUNDS)));
  return ink;
}

/** The CSS variables a `.chip` in a label's colour reads: the colour, and its ink darkened to AA. */
export function labelChipStyle(colorHex: string): Record<'--label-color' | '--label-ink', string> {
  return { '--label-color': colorHex, '--label-ink': labelInk(colorHex) };
}
