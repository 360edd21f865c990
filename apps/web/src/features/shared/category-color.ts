import type { CSSProperties } from 'react';

/** A stable hue (0–359) per category, from its id: the colour of a category whose editors chose none. */
export function categoryHue(categoryId: string): number {
  let hash = 0;
  for (const char of categoryId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

/** The hue (0–359) of a `#rrggbb` colour. */
export function hueOf(color: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  if (delta === 0) return 0;
  const hue = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return Math.round(hue * 60 + 360) % 360;
}

/**
 * A category's colour as CSS variables (styles.css): the chosen colour itself for its dot and stripe, and its
 * hue for text and tints, whose lightness the theme sets so that text stays readable whatever was chosen.
 * Without a chosen colour, a hue derived from the id.
 */
export function categoryStyle(category: { id: string; color?: string | null }): CSSProperties {
  if (!category.color) return { '--category-hue': categoryHue(category.id) } as CSSProperties;
  return { '--category-hue': hueOf(category.color), '--category-color': category.color } as CSSProperties;
}

/** Colours that keep at least 4.5:1 against white: text drawn in them stays readable. */
export const PRESET_COLORS = {
  green: '#1a7f5a',
  teal: '#0f766e',
  blue: '#1d4ed8',
  indigo: '#4338ca',
  purple: '#7e22ce',
  magenta: '#be185d',
  red: '#b91c1c',
  orange: '#c2410c',
  brown: '#8a5a2b',
  grey: '#475569',
} as const;

/** WCAG contrast of a `#rrggbb` colour against white (1 to 21). */
export function contrastWithWhite(color: string): number {
  const channel = (at: number) => {
    const value = parseInt(color.slice(at, at + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}
