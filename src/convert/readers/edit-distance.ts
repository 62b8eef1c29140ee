/**
 * How far apart two strings are, as a measure any part of conversion may ask: the personography compares surnames
 * ("Cadogan" / "Cagogan"), the duplicates pass compares closing formulas of two scans.
 */

/**
 * Levenshtein distance (insertions, deletions and substitutions of UTF-16 code units, each counting 1) when it is at
 * most `max`; above `max`, some number above `max` (`max + 1` where the table is left early, once every way through
 * it costs more; the distance itself where the last row is reached). Callers ask only whether two short words
 * (surnames, closing formulas) are within a few edits.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
