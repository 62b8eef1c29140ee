/**
 * Answers of a pure reader of short texts, kept across blocks and documents. A volume prints the same headings over
 * and over ("The Ambassador in Russia (Francis) to the Secretary of State" heads 94 of the 1,073 documents of 3 MB of
 * frus-dev volumes, which have 225 distinct headings), and the heading reader runs some thirty expressions whose code
 * the passes between two documents have pushed out of the processor's caches: about 37 µs a heading inside a
 * conversion against 7 µs in a loop over the same headings.
 *
 * Only texts of up to `maxChars` are kept (a paragraph of prose is read once and seldom again), at most `maxEntries`
 * of them (all are let go when that many are kept: a volume's recurring texts are soon kept again). An answer is
 * shared by every later asker and frozen, so that one who changed it would fail at once instead of changing another
 * document's answer.
 */
export class TextMemo<T> {
  private readonly answers = new Map<string, T | typeof NOTHING>();

  /** `maxChars`: the longest key kept; `maxEntries`: how many answers are kept before all are let go. */
  constructor(
    readonly maxChars: number,
    private readonly maxEntries = 4000,
  ) {}

  /** The answer kept for `key`, or `read()`, kept when `key` is no longer than `maxChars`: `read` reads `key` alone. */
  answer(key: string, read: () => T): T {
    if (key.length > this.maxChars) return read();
    const kept = this.answers.get(key);
    if (kept !== undefined) return (kept === NOTHING ? undefined : kept) as T;
    const found = read();
    if (this.answers.size >= this.maxEntries) this.answers.clear();
    this.answers.set(ownCopy(key), found === undefined ? NOTHING : deepFreeze(found));
    return found;
  }
}

/** An answer that is `undefined` (a key never set reads `undefined` itself). */
const NOTHING = Symbol('read: nothing');

/**
 * A string that shares no storage with the text it was cut from: a key cut from a document's lines would keep all of
 * them alive as long as the key is kept. (A slice of a concatenation is a flat copy of its own.)
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** Freezes plain objects and arrays all the way down; other values are left as they are. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
