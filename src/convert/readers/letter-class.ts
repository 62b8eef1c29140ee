/**
 * One table of character classes for the word scanners of conversion: the person rules' tokens
 * (`\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}`, entities/persons/find-persons.ts), the lower-case words of name knowledge
 * (`(?<![\p{L}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}'’-]*`, entities/persons/knowledge.ts) and the words the duplicate pass
 * compares (`[\p{L}\d]+`, passes/duplicates.ts), those a block's language is told from (rules/language.ts); paths
 * are under src/convert. They read every character of a source, some more than once; a
 * class is a bit set read from a typed array, filled on first sight of a code unit, instead of a regular expression
 * per character or a look-up in a map.
 */

/** A letter (`\p{L}`). */
export const LETTER = 1;
/** A lower-case letter (`\p{Ll}`); always also {@link LETTER}. */
export const LOWER = 2;
/** A mark, an apostrophe (straight or curly) or a hyphen: inside a word, never at its start. */
export const JOINER = 4;

/**
 * A code unit of `\s`: ECMAScript's white space and line terminators, all in the Basic Multilingual Plane. For
 * scans that stand in for an expression with `\s` in it.
 */
export function isSpaceUnit(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f ||
    code === 0x3000 || code === 0xfeff;
}

const IS_LETTER = /^\p{L}$/u;
const IS_LOWER = /^\p{Ll}$/u;
const IS_JOINER = /^[\p{M}'’-]$/u;
/** Bit 7 marks a class computed: 0 means not seen yet. */
const KNOWN = 128;

/** Classes of the Basic Multilingual Plane, by code unit, filled as characters are met (64 kB). */
const bmp = new Uint8Array(0x10000);
/** Classes of the few characters outside it a text uses (letters of mathematical alphabets, Deseret). */
const astral = new Map<number, number>();

function classOf(ch: string): number {
  if (IS_LETTER.test(ch)) return IS_LOWER.test(ch) ? LETTER | LOWER : LETTER;
  return IS_JOINER.test(ch) ? JOINER : 0;
}

/**
 * The class bits of the character starting at code unit i (a whole surrogate pair when one starts there; a lone
 * surrogate is no class). 0 past the end of the text.
 */
export function letterClassAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code !== code) return 0; // NaN: past the end
  if (code < 0xd800 || code > 0xdbff) {
    let k = bmp[code]!;
    if (k === 0) {
      k = KNOWN | (code >= 0xdc00 && code <= 0xdfff ? 0 : classOf(String.fromCharCode(code)));
      bmp[code] = k;
    }
    return k & ~KNOWN;
  }
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return 0; // a high surrogate without its pair
  let k = astral.get(cp);
  if (k === undefined) {
    k = classOf(String.fromCodePoint(cp));
    astral.set(cp, k);
  }
  return k;
}

/** Code units of the character at i: 2 for a surrogate pair, else 1. */
export function charWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * The code unit at i is a letter: half of a surrogate pair never is, as a regular expression without the `u`
 * flag would test `text[i]` (what the rules that look at one neighbouring character mean).
 */
export function isLetterUnit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code !== code || (code >= 0xd800 && code <= 0xdfff)) return false;
  return (letterClassAt(text, i) & LETTER) !== 0;
}

/**
 * Calls `onRun(start, end)` for each maximal run of characters (whole code points) at which `inRun` holds, `end`
 * exclusive, in order: the scan that `[class]+` with the `u` flag makes, for a class that tests one position.
 */
export function scanRuns(text: string, inRun: (text: string, i: number) => boolean, onRun: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!inRun(text, i)) {
      i += charWidth(text, i);
      continue;
    }
    const start = i;
    do i += charWidth(text, i);
    while (i < n && inRun(text, i));
    onRun(start, i);
  }
}

/** Whether position i of `text` (in lower case) is in a word the duplicates pass compares (`[\p{L}\d]`). */
export function isComparedWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // ASCII without the table: letters and digits.
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return (letterClassAt(text, i) & LETTER) !== 0;
}

/**
 * The words of `text` in lower case that the duplicates pass and its second-scan rule compare: what `[\p{L}\d]+`
 * matches in it, found by a scan over character codes.
 */
export function comparedWords(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  scanRuns(lower, isComparedWordCharAt, (start, end) => out.push(lower.slice(start, end)));
  return out;
}

/**
 * Scans the words of the person rules, `\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}`: calls `onWord(start, end, ascii)` for
 * each, `end` exclusive, in order; `ascii` when every code unit of the word is below 128 (its folding is then
 * only a change of case).
 */
export function scanWords(text: string, onWord: (start: number, end: number, ascii: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = letterClassAt(text, i);
    if ((c & LETTER) === 0) {
      i += charWidth(text, i);
      continue;
    }
    const start = i;
    let ascii = text.charCodeAt(i) < 128;
    let lastLetterEnd = i + charWidth(text, i);
    let j = lastLetterEnd;
    while (j < n) {
      const code = text.charCodeAt(j);
      const k = letterClassAt(text, j);
      if (k & LETTER) {
        if (code >= 128) ascii = false;
        lastLetterEnd = j += charWidth(text, j);
      } else if (k & JOINER) {
        if (code >= 128) ascii = false;
        j += charWidth(text, j);
      } else break;
    }
    // A word ends on its last letter: a joiner after it (not part of the word) does not make it non-ASCII.
    if (!ascii && lastLetterEnd < j) ascii = isAsciiRange(text, start, lastLetterEnd);
    onWord(start, lastLetterEnd, ascii);
    i = lastLetterEnd;
  }
}

function isAsciiRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}
