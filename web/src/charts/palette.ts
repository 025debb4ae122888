/** Series colors by strategy position: bitcoin orange first, then colors that stay apart for color-blind readers. */
const COLORS = ['#e8871e', '#1b9e77', '#5b5bd6', '#d6457a', '#2c7fb8', '#8c6d31'];

export function strategyColor(index: number): string {
  return COLORS[index % COLORS.length]!;
}

/** The same color with an alpha, for fan bands: `#e8871e` → `rgba(232, 135, 30, 0.2)`. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
