/**
 * A dateline as a block of lines: the office or address the writer wrote from ("Legation of the United States,",
 * "Commissioner of the United States to China,"), the place-and-date line with its time of day, and the receipt
 * line an edition prints under it ("[Received April 8, 7.45 p.m.]"). Also "[undated]", which says there is no date.
 */
import { lineFeature } from '../readers/blocks.js';
import { parseDateline, type Dateline } from './dateline.js';
import { parseReceivedLine, type ReceiptLine } from './received.js';

export interface DatelineBlock {
  /** The place-and-date line read, and its index among the block's lines. */
  dateline?: Dateline;
  dateLine?: number;
  /** Lines above the date naming the office or house written from. */
  addressLines: string[];
  received?: ReceiptLine;
  /** "[undated]": the edition says the document bears no date. */
  undated?: boolean;
}

/** One short capitalised line ending in a comma: "Legation of the United States,". */
const ADDRESS_LINE = /^(?:\d{1,4}[a-z]?\s+)?\p{Lu}[^.!?;:]{2,70},$/u;
/**
 * The same line closed by a full stop, as some printings close it: "Commissioner of the United States to China.".
 * Then only in title case (every word capitalised but the small words of a name), so that a sentence over a date
 * ("A final word.") is not taken for an office.
 */
const TITLED_ADDRESS_LINE = /^\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|to|at|in|for|and|on|de|du|des|la|le|y)\s+)*\p{Lu}[\p{L}'’-]*){1,10}\.$/u;

function isAddressLine(line: string): boolean {
  return ADDRESS_LINE.test(line) || TITLED_ADDRESS_LINE.test(line);
}

/**
 * "[undated]", "Undated.", and the place written from before it: "Harbin, undated.", "Buenos Aires [undated].",
 * "[Buenos Aires, undated.]".
 */
const UNDATED = /^\[?\s*(?:\p{Lu}[\p{L}.'’ -]{1,40}?(?:,\s*|\s+\[))?(?:[Uu]ndated|UNDATED|[Nn]o date|n\.\s?d\.)\s*[.\]]*\]?\.?$/u;
/** An editor's bracketed remark under a dateline ("[Paraphrase]", "[Translation.]"): allowed, not read. */
const BRACKETED = /^\[[^\]]*\]?\.?$/;

/** Reads a block of one to five lines as a dateline block; undefined when it is not one. */
export function readDatelineBlock(lines: readonly string[]): DatelineBlock | undefined {
  const ls = lines.map((l) => l.replace(/\*+/g, '').trim()).filter(Boolean);
  if (ls.length === 0 || ls.length > 5) return undefined;
  if (ls.length === 1 && UNDATED.test(ls[0]!)) return { addressLines: [], undated: true };
  const at = ls.findIndex((l) => parseDateline(l) !== undefined);
  if (at < 0 || at > 2) return undefined;
  const addressLines = ls.slice(0, at);
  if (!addressLines.every(isAddressLine)) return undefined;
  let received: ReceiptLine | undefined;
  for (const l of ls.slice(at + 1)) {
    const r = parseReceivedLine(l);
    if (r && !received) received = r;
    else if (!r && !BRACKETED.test(l)) return undefined;
  }
  const out: DatelineBlock = { dateline: parseDateline(ls[at]!)!, dateLine: at, addressLines };
  if (received) out.received = received;
  return out;
}

/** {@link readDatelineBlock} of a block's lines, read once for every rule that asks (readers/blocks.ts, `lineFeature`). */
export const datelineBlockOf: (lines: string[]) => DatelineBlock | undefined = lineFeature(readDatelineBlock);
