/**
 * Page numbers: the number of the page that begins at each page turn of a document, read from the numbers the
 * source prints around the turns ("-4-"). A printed number is read as the head of the page that follows it or
 * the foot of the page before it, whichever the document's turns allow; turns without a number of their own
 * take theirs by counting from the printed ones, and are marked as inferred.
 */

/** One page turn of a document, in order; `printed` is the page number printed there, if any. */
export interface PageTurn {
  printed?: number;
}

/** The number of the page that begins at a turn; `cert` is set when it was counted, not printed there. */
export interface PageStart {
  n: number;
  cert?: 'high' | 'medium';
}

/**
 * The page each turn begins, or undefined where the printed numbers do not tell it.
 *
 * - The first printed number N, at the k-th turn (1-based), is a page's head when N > k and its foot when N ≤ k:
 *   the k-th turn begins page k + 1 at the least, so a head numbered k or less would put the document's first
 *   page at 0 or before. A foot number N means the turn begins page N + 1 (high certainty). The reading holds
 *   for every printed number of the document.
 * - Between two printed numbers, turns are counted when the count fits exactly (high); a turn the source did
 *   not show (a page that ended with a paragraph) would break the count, and then nothing is counted there.
 * - Before the first printed number, turns are counted back while the first page stays ≥ 1: high when it lands
 *   on page 1, medium otherwise (a document that starts inside a volume); after the last, forward (medium).
 */
export function numberPageTurns(turns: readonly PageTurn[]): (PageStart | undefined)[] {
  const out: (PageStart | undefined)[] = turns.map(() => undefined);
  const printed = turns.flatMap((t, i) => (t.printed !== undefined && Number.isSafeInteger(t.printed) && t.printed > 0 ? [i] : []));
  if (printed.length === 0) return out;
  const first = printed[0]!;
  const foot = turns[first]!.printed! <= first + 1;
  for (const i of printed) out[i] = foot ? { n: turns[i]!.printed! + 1, cert: 'high' } : { n: turns[i]!.printed! };
  for (let k = 1; k < printed.length; k++) {
    const a = printed[k - 1]!;
    const b = printed[k]!;
    if (out[b]!.n - out[a]!.n !== b - a) continue;
    for (let i = a + 1; i < b; i++) out[i] = { n: out[a]!.n + (i - a), cert: 'high' };
  }
  const firstPage = out[first]!.n - first - 1;
  if (firstPage >= 1) {
    for (let i = 0; i < first; i++) out[i] = { n: out[first]!.n - (first - i), cert: firstPage === 1 ? 'high' : 'medium' };
  }
  const last = printed[printed.length - 1]!;
  for (let i = last + 1; i < turns.length; i++) out[i] = { n: out[last]!.n + (i - last), cert: 'medium' };
  return out;
}
