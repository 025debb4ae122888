import { InputError } from '../errors.ts';

/** Lower-cases and drops spaces, dashes and underscores, so `s21-hydro` finds `Antminer S21+ Hydro`'s neighbours. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Levenshtein distance, O(|a|·|b|); catalog names are short. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The `limit` names closest to `query`. Query words found in a name count most (words with digits, the model
 * numbers, twice), then edit distance breaks ties: `S21 pro` suggests the S21 family before the S19 Pro.
 */
export function closestNames(query: string, names: readonly string[], limit = 3): string[] {
  const q = normalize(query);
  const words = query
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((w) => w.length > 0);
  return names
    .map((name) => {
      const n = normalize(name);
      let overlap = 0;
      for (const w of words) if (n.includes(w)) overlap += w.length * (/\d/.test(w) ? 2 : 1);
      return { name, overlap, distance: editDistance(q, n) };
    })
    .sort((a, b) => b.overlap - a.overlap || a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/**
 * Finds the item whose `model` equals `name` (case- and separator-insensitive).
 * @throws InputError at `path` naming the closest catalog names when nothing matches.
 */
export function findByName<T extends { model: string }>(
  items: readonly T[],
  name: string,
  path: string,
  kind: string,
): T {
  const q = normalize(name);
  const hit = items.find((item) => normalize(item.model) === q);
  if (hit) return hit;
  const suggestions = closestNames(
    name,
    items.map((i) => i.model),
  );
  throw new InputError({
    path,
    message: `unknown ${kind}; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`,
    value: name,
  });
}
