/**
 * Indexes of the best values (ties all count) — or none when there is nothing to tell apart: fewer than two
 * values, or all equal. Values that are not finite never win.
 */
export function bestIndexes(values: Array<number | null>, higherIsBetter: boolean): Set<number> {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length < 2) return new Set();
  const best = higherIsBetter ? Math.max(...finite) : Math.min(...finite);
  const worst = higherIsBetter ? Math.min(...finite) : Math.max(...finite);
  if (best === worst) return new Set();
  const out = new Set<number>();
  values.forEach((v, i) => {
    if (v === best) out.add(i);
  });
  return out;
}
