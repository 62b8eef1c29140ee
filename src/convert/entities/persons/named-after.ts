/**
 * Things named after persons, whose names are not mentions of them: a firm ("Riggs Bank", "Robert Dollar Co",
 * "placed through Morgan's on behalf of …": the house of that name) and an item of a list of quantities ("Kurland
 * 896, Marie Rose 3,023, Bjarmia 1,386": ships and their tonnage; stations and their distances). Both are read
 * from the few characters around the name, so the cost does not grow with the text.
 */

/** A firm's word right after the name (a possessive between): "Riggs Bank", "Robert Dollar Co", "Baring Brothers". */
export const FIRM_WORD = /^(?:['’]s)?[ \t]*\n?[ \t]*(?:Bank|Co|Company|Corporation|Brothers|Bros)(?![\p{L}\p{M}'’-])/u;

/**
 * A possessive standing for the house of that name, with no noun after it: "through Morgan's on behalf of the
 * British Government", "purchased through Morgan's with British funds". Not "to", "from", "of": "Stevens's of
 * May 5" is his telegram.
 */
export const HOUSE = /^['’]s[ \t]*\n?[ \t]*(?:on|with|at|in|by|for)[ \t\n]/u;

/** True when the name ending at `end` is a firm's name, not a person's. */
export function namesAFirm(text: string, end: number): boolean {
  if (!firmSign(text, end)) return false;
  const after = text.slice(end, end + 16);
  return FIRM_WORD.test(after) || HOUSE.test(after);
}

/**
 * What {@link FIRM_WORD} or {@link HOUSE} needs right after a name: an apostrophe, or a "B" or "C" after spaces,
 * tabs and line ends. Most names are followed by neither, and the rules ask about every name they judge.
 */
export function firmSign(text: string, end: number): boolean {
  // No character is read outside the text: a read past its end ("out of bounds") deoptimised the callers.
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (c === 39 || c === 0x2019) return true;
  let i = end;
  while (i < text.length && isBlankOrLineEnd(text.charCodeAt(i))) i++;
  if (i >= text.length) return false;
  const d = text.charCodeAt(i);
  return d === 66 /* B */ || d === 67 /* C */;
}

function isBlankOrLineEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/** A whole number as printed in a list of quantities: "896", "3,023", "12,500". */
const QUANTITY = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)`;
/** Up to four capitalised words: an item's name ("Marie Rose", "Graf Stroganoff", "Nijni Novgorod"). */
const ITEM_NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.-]*){0,3}`;
export const QUANTITY_AFTER = new RegExp(String.raw`^[ \t]+${QUANTITY}(?=[,;.)]|[ \t]*(?:\n|$))`, 'u');
export const ITEM_BEFORE = new RegExp(String.raw`(${ITEM_NAME})[ \t]+${QUANTITY}[,;][ \t\n]*$`, 'u');
const ITEM_AFTER = new RegExp(String.raw`^[,;][ \t\n]*(${ITEM_NAME})[ \t]+${QUANTITY}(?![\d\p{L}])`, 'u');

/**
 * Words that open a reference or a date, not a name of the list: "Your 221, October 2", "The Department's 348,
 * November 9", "July 14, July 1".
 */
const NOT_ITEM = /^(?:Your|My|Our|His|No|Nos|The|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|['’]s\b/u;

/**
 * True when the name from `start` to `end` is an item of a list of names and quantities: a number right after it,
 * and an item of the same shape next to it ("Kurland 896, Marie Rose 3,023"), so that a single "Stevens 3" stays
 * what the other rules say.
 */
export function itemOfQuantityList(text: string, start: number, end: number): boolean {
  if (!quantitySign(text, end)) return false;
  const quantity = QUANTITY_AFTER.exec(text.slice(end, end + 16));
  if (!quantity) return false;
  const before = listEndBefore(text, start) ? ITEM_BEFORE.exec(text.slice(Math.max(0, start - 48), start)) : null;
  if (before && !NOT_ITEM.test(before[1]!)) return true;
  const from = end + quantity[0].length;
  const next = text.charCodeAt(from);
  // ITEM_AFTER opens with the comma or semicolon that ends this item.
  if (next !== 44 && next !== 59) return false;
  const after = ITEM_AFTER.exec(text.slice(from, from + 48));
  return after !== null && !NOT_ITEM.test(after[1]!);
}

/**
 * What {@link ITEM_BEFORE} needs at its end, in the 48 characters before a name: a comma or a semicolon, then only
 * spaces, tabs and line ends. Read back from the name before the expression tries every start in those characters.
 */
export function listEndBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 48);
  let i = start;
  while (i > from && isBlankOrLineEnd(text.charCodeAt(i - 1))) i--;
  if (i <= from) return false;
  const c = text.charCodeAt(i - 1);
  return c === 44 || c === 59;
}

/** What {@link QUANTITY_AFTER} needs: spaces or tabs right after the name, then a digit. */
export function quantitySign(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === end || i >= text.length) return false;
  const d = text.charCodeAt(i);
  return d >= 48 && d <= 57;
}
