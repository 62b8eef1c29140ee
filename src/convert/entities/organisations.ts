/**
 * Names of organisations in running text ("the War Trade Board", "the Council of Ministers", "His Majesty’s
 * Government", "the American Red Cross"), for `<orgName>`. A name is a run of capitalised words that ends with, or
 * starts with and continues by "of …", a noun that names an institution (`HEADS`: Board, Council, Government,
 * Embassy, Bank …), in the singular, with at least one word besides that noun: "Department" alone (the State
 * Department of a despatch) is left alone, and so are plurals ("the Allied Governments": several bodies, not one
 * name). An office is not an organisation ("the Minister of Finance": Minister is no such noun), and the
 * organisation inside one is what is tagged ("President of the Council of Ministers" → "Council of Ministers").
 *
 * Precision was checked by hand on FRUS 1918 (docs/decisions.md). One linear scan over the words of a text.
 */
import { FUNCTION_WORDS, NATIONALITIES, ROLE_NOUNS, fold } from './persons/lexicon.js';
import { JOINER, LETTER, LOWER, charWidth, letterClassAt } from '../readers/letter-class.js';

/** A name found: offsets into the text. */
export interface OrganisationMention {
  start: number;
  end: number;
  text: string;
  /**
   * A firm's name ("… & Co.", "… Company"), or a name whose last word a person rule could take for a surname ("Red
   * Cross"): the organisation is what the words name, not a person in them.
   */
  overrulesPerson: boolean;
}

/** Nouns that make a run of capitalised words the name of an institution (singular). */
const HEADS = new Set(
  (
    'board corporation company co association society corps commission committee council bank bureau department ministry ' +
    'exchange syndicate league party institute academy university college legation embassy consulate mission administration ' +
    'government chamber cabinet senate duma soviet trust agency office army navy cross chapter'
  ).split(' '),
);

/**
 * Words that join two capitalised words inside a name before its head ("Taku Tug and Lighter Company", "Matheson &
 * Co."). Not "of": before a head it joins an office to the organisation ("Secretary General of Foreign Office").
 */
const CONNECTORS = new Set(['and', '&']);

/**
 * Capitalised words that never begin an organisation's name: articles, pronouns, prepositions, adverbs (a
 * sentence's first word: "Following Board decision"), but not the adjectives names are made of ("New York Life
 * Insurance Company", "First National Bank", "Great Northern Railway").
 */
const NAME_ADJECTIVES = new Set(['new', 'great', 'greater', 'first', 'second', 'third', 'old', 'good', 'best', 'last', 'next', 'one']);
const NOT_LEADING = new Set([...[...FUNCTION_WORDS].filter((w) => !NAME_ADJECTIVES.has(w)), 'although', 'though', 'because', 'unless', 'once', 'until']);

/**
 * Offices: a capitalised office before an organisation's name is the office's, not the name's ("Quartermaster War
 * Department", "Commercial Adviser of the British Embassy"). Not the words names are also made of ("General
 * Staff", "Chief Engineer's Office" aside).
 */
const OFFICES = new Set([...ROLE_NOUNS, 'quartermaster', 'paymaster', 'postmaster', 'deputy', 'vice', 'acting', 'assistant'].filter((w) => !['general', 'head', 'chief', 'member', 'partner', 'expert'].includes(w)));

/** A word of a name: capitalised, with hyphens ("Inter-Allied", "Russo-Asiatic") and a possessive ("Men’s"). */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]*(?:['’]s|['’]\p{Lu}?\p{Ll}+)?(?:-\p{Lu}?[\p{Ll}\p{M}]+)*(?:(?<=s)['’])?$/u;

/**
 * The words of `text.slice(from, to)`, at their offsets in `text`: what
 * `[\p{L}\p{M}](?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?(?:(?<=s)['’](?![\p{L}\p{M}]))?|&` matches in the slice (a run of
 * letters, marks, apostrophes and hyphens from its first letter or mark to its last, with the apostrophe of a
 * possessive after an s; or an ampersand), found by a scan over character classes: a window is read around every
 * head noun ("Department", "Government" are in most paragraphs of a volume), and the regular expression was most
 * of the cost of finding organisations.
 *
 * The words are written into `bounds` as offsets, the start of word k at `2k` and its end at `2k + 1`, and their
 * number returned; no word is cut from the text (the rules read a few words around the head, of some fifty in a
 * window). `bounds` is grown as needed: the array written is `words.bounds`.
 */
export function windowWords(text: string, from: number, to: number, words: WindowWords): number {
  let count = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 38 /* & */) {
      count = pushWord(words, count, i, i + 1);
      i++;
      continue;
    }
    const width = Math.min(charWidth(text, i), to - i);
    if (!letterOrMark(text, i, to)) {
      i += width;
      continue;
    }
    const start = i;
    let end = i + width;
    let j = end;
    while (j < to) {
      const w = charWidth(text, j);
      if (j + w > to || (letterClassAt(text, j) & (LETTER | JOINER)) === 0) break;
      const ends = letterOrMark(text, j, to);
      j += w;
      if (ends) end = j;
    }
    const apostrophe = text.charCodeAt(end);
    if (text.charCodeAt(end - 1) === 115 /* s */ && end < to && (apostrophe === 39 || apostrophe === 0x2019) && !(end + 1 < to && letterOrMark(text, end + 1, to))) end++;
    count = pushWord(words, count, start, end);
    i = end;
  }
  return count;
}

/** Offsets of the words of a window, two per word (see {@link windowWords}). */
export interface WindowWords {
  bounds: Int32Array;
}

function pushWord(words: WindowWords, count: number, start: number, end: number): number {
  if (2 * count + 2 > words.bounds.length) {
    const grown = new Int32Array(words.bounds.length * 2);
    grown.set(words.bounds);
    words.bounds = grown;
  }
  words.bounds[2 * count] = start;
  words.bounds[2 * count + 1] = end;
  return count + 1;
}

/** `[\p{L}\p{M}]` at i, within a text that ends at `to`. */
function letterOrMark(text: string, i: number, to: number): boolean {
  if (i + charWidth(text, i) > to) return false;
  const k = letterClassAt(text, i);
  if ((k & LETTER) !== 0) return true;
  const code = text.charCodeAt(i);
  return (k & JOINER) !== 0 && code !== 39 && code !== 0x2019 && code !== 45;
}

/**
 * The words of one window, read by index: `first` to `last` (inclusive) of the words {@link windowWords} wrote.
 * A word is cut from the text only when a rule reads it as a string.
 */
class Window {
  constructor(
    readonly text: string,
    readonly bounds: Int32Array,
    readonly first: number,
    readonly last: number,
  ) {}

  has(k: number): boolean {
    return k >= this.first && k <= this.last;
  }

  start(k: number): number {
    return this.bounds[2 * k]!;
  }

  end(k: number): number {
    return this.bounds[2 * k + 1]!;
  }

  word(k: number): string {
    return this.text.slice(this.bounds[2 * k]!, this.bounds[2 * k + 1]!);
  }

  /** Word k is `w` as printed (false past either end of the window). */
  is(k: number, w: string): boolean {
    if (!this.has(k)) return false;
    const start = this.bounds[2 * k]!;
    return this.bounds[2 * k + 1]! - start === w.length && this.text.startsWith(w, start);
  }
}

/** Only spaces, or one line break, between two words of a name (after an initial, its stop: "J. P. Morgan & Co."). */
function joined(w: Window, a: number, b: number): boolean {
  const text = w.text;
  const aEnd = w.end(a);
  const bStart = w.start(b);
  const initial = aEnd - w.start(a) === 1 && text.charCodeAt(aEnd) === 46 && UPPER.test(text[aEnd - 1]!);
  for (let k = initial ? aEnd + 1 : aEnd; k < bStart; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 9) return false;
  }
  return bStart - aEnd <= 3 && text.slice(aEnd, bStart).split('\n').length <= 2;
}

const UPPER = /\p{Lu}/u;

/**
 * The heads as printed (capitalised, singular; "Co" with its stop is asked later), longest first: at a given offset the heads that match are
 * prefixes of one another, and only the longest can be a whole word, so the first that matches is the one to test.
 */
const HEAD_LETTERS = new RegExp([...HEADS].sort((a, b) => b.length - a.length).map((h) => h.charAt(0).toUpperCase() + h.slice(1)).join('|'), 'g');

/**
 * The offsets of the heads of `text` printed as whole words, start and end of each, in order: the matches of
 * `(?<![\p{L}\p{M}'’-])(?:Board|Corporation|…)(?![\p{L}\p{M}'’-])` with the `u` flag, which tried its look-behind at
 * every character of every paragraph; here the heads' letters are found first, and the characters on either side
 * are read in the table of character classes (a property test holds the two together).
 */
export function headsIn(text: string): number[] {
  const out: number[] = [];
  HEAD_LETTERS.lastIndex = 0;
  for (let m = HEAD_LETTERS.exec(text); m; m = HEAD_LETTERS.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (wordCharacterBefore(text, start) || (letterClassAt(text, end) & (LETTER | JOINER)) !== 0) {
      HEAD_LETTERS.lastIndex = start + 1;
      continue;
    }
    out.push(start, end);
  }
  return out;
}

/** `[\p{L}\p{M}'’-]` ends just before offset `at` (a whole surrogate pair, as the `u` flag reads one). */
function wordCharacterBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const code = text.charCodeAt(at - 1);
  const pair = code >= 0xdc00 && code <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800;
  return (letterClassAt(text, pair ? at - 2 : at - 1) & (LETTER | JOINER)) !== 0;
}

/** How far around a head a name may reach, in characters. */
const REACH = 160;

/**
 * The names of organisations in `text`, in order, not overlapping. Only the text around a head noun is read
 * word by word (the heads are found by one regular expression), so a text without one costs a single scan; and
 * only around a head that a name can hold ({@link nameMayHold}). `everyHead` reads the words around every head
 * instead, as before that test was asked: what the property test holds the test to.
 */
export function findOrganisations(text: string, everyHead = false): OrganisationMention[] {
  const out: OrganisationMention[] = [];
  let done = 0; // the end of the last name found: nothing before it is read again
  const heads = headsIn(text);
  for (let h = 0; h < heads.length; h += 2) {
    const head = heads[h]!;
    const headEnd = heads[h + 1]!;
    if (head < done) continue;
    const from = Math.max(done, head - REACH);
    if (!everyHead && !nameMayHold(text, from, head, headEnd)) continue;
    const to = Math.min(text.length, headEnd + REACH);
    const count = windowWords(text, from, to, scratch);
    const bounds = scratch.bounds;
    let first = 0;
    let last = count - 1;
    // Words the window cut are not words.
    if (first <= last && bounds[0] === from && cutWord(text, from - 1)) first++;
    if (first <= last && bounds[2 * last + 1] === to && cutWord(text, to)) last--;
    let i = first;
    while (i <= last && bounds[2 * i] !== head) i++;
    const found = i > last ? undefined : nameAround(new Window(text, bounds, first, last), i);
    if (!found) continue;
    out.push(found);
    done = found.end;
  }
  return out;
}

/**
 * Whether a name can hold the head noun at text[start, end), read in a window from `from`: {@link nameAround} makes
 * one only of a head with a word before it that begins with a capital (or "&", or "and" before "Co."), or with "of" after it, each joined to
 * the head by at most three spaces or line breaks (and an initial's stop). Most heads of a volume are neither ("the
 * Department", "this Government"): their window's words are not read. A cheaper necessary condition of what
 * nameAround asks, held to it by a property test: where this says no, nameAround finds nothing.
 */
function nameMayHold(text: string, from: number, start: number, end: number): boolean {
  // Right: "of" after the head, unless a stop ends it ("for" only after a name begun on the left, asked below).
  if (text.charCodeAt(end) !== 46 /* . */) {
    let k = end;
    while (k < end + 3 && isSpace(text.charCodeAt(k))) k++;
    if (k > end && text.startsWith('of', k)) return true;
  }
  // Left: the word before, over spaces (and an initial's stop), capitalised or a connector.
  let k = start - 1;
  while (k >= start - 4 && k >= 0 && (isSpace(text.charCodeAt(k)) || text.charCodeAt(k) === 46)) k--;
  if (k < from) return false;
  const code = text.charCodeAt(k);
  if (code === 38 /* & */) return true;
  // A surrogate is read by nameAround as part of a whole character: not judged here.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  if ((letterClassAt(text, k) & (LETTER | JOINER)) === 0) return false;
  // Back to the start of the run of word characters that ends at k (or to the window's start, where the window's
  // first word begins), then its first letter or mark: the word's first.
  let first = k;
  while (first > from) {
    const before = text.charCodeAt(first - 1);
    if (before >= 0xd800 && before <= 0xdfff) return true;
    if ((letterClassAt(text, first - 1) & (LETTER | JOINER)) === 0) break;
    first--;
  }
  for (let i = first; i <= k; i++) {
    const kind = letterClassAt(text, i);
    if ((kind & LETTER) !== 0) return (kind & LOWER) === 0 || text.startsWith('and', i);
    const c = text.charCodeAt(i);
    // A mark opens the word (no capital: no name word); an apostrophe or a hyphen does not.
    if (c !== 39 && c !== 0x2019 && c !== 45) return true;
  }
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9;
}

/** The offsets of the words of the window being read, reused from window to window. */
const scratch: WindowWords = { bounds: new Int32Array(256) };

const WORD_CHARACTER = /[\p{L}\p{M}'’-]/u;

/** A character of a word at k, which a window's edge at k would cut. */
function cutWord(text: string, k: number): boolean {
  return k >= 0 && k < text.length && WORD_CHARACTER.test(text[k]!);
}

/**
 * Verbs that open the instructions of telegrams and notes ("Inform War Trade Board", "See Department of State,
 * Treaty Information"): capitalised as a sentence's first word, never a name's. A closed list: "War" opening "War
 * Trade Board passed a resolution" is the name's own.
 */
const OPENING_VERBS = new Set(
  ('inform advise tell ask see cf cable telegraph wire request instruct notify refer consult please kindly urge suggest approve repeat ' +
    'understand learn regret hope trust assume report feel believe think find expect').split(' '),
);

/**
 * True when `t` begins a sentence or the text: nothing but spaces between it and a stop, a colon or the start (not
 * a bracket: "[War Trade Board]" is an editor's insertion of the name).
 */
function sentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 9)) k--;
  return k < 0 || '.!?:;'.includes(text[k]!);
}

/** The name of an organisation whose head is word `i` of the window `w`, if the words around it make one. */
function nameAround(w: Window, i: number): OrganisationMention | undefined {
  const text = w.text;
  const isName = (k: number): boolean => w.has(k) && NAME_WORD.test(w.word(k));
  const key = fold(w.word(i));
  // "Co." is a head only with its stop; any other head with a stop after it ends a sentence, and the name there.
  const stop = text.charCodeAt(w.end(i)) === 46;
  if (key === 'co' && !stop) return undefined;
  if (key === 'cross' && !w.is(i - 1, 'Red')) return undefined;
  // "any High Contracting Party": a state of a treaty, not the name of one.
  if (key === 'party' && w.is(i - 1, 'Contracting')) return undefined;
  // "Soviet" before a noun is an adjective ("Soviet intelligence", "Soviet transport"), not the council of a city.
  if (key === 'soviet' && w.has(i + 1) && joined(w, i, i + 1) && LOWER_START.test(w.word(i + 1)) && !FUNCTION_WORDS.has(w.word(i + 1))) return undefined;
  // Capitalised words after the head: a longer name whose head comes later ("American Bank Note Co."), or a title
  // ("Chilean Exchange Restrictions"): not a name that ends here.
  if (!stop && w.has(i + 1) && joined(w, i, i + 1) && isName(i + 1)) return undefined;
  // Left: capitalised words (and "of", "and", "&" between two of them), back to the start of the name.
  let first = i;
  while (first > w.first) {
    const before = first - 1;
    if (!joined(w, before, first)) break;
    const word = w.word(before);
    // "Your Excellency’s Government" names a government by its minister, not by a name.
    if (/^Excellency['’]s$/.test(word)) break;
    const folded = fold(word);
    if (OFFICES.has(folded)) break;
    // A verb that capitalises only because it opens the sentence ("Inform War Trade Board").
    if (sentenceStart(text, w.start(before)) && OPENING_VERBS.has(folded)) break;
    if (NAME_WORD.test(word) && !NOT_LEADING.has(folded)) {
      first--;
      continue;
    }
    // "His Majesty’s Government"
    if (/^(?:His|Her)$/.test(word) && /^Majesty['’]s$/.test(w.word(first))) {
      first--;
      continue;
    }
    const beyond = first - 2;
    // Not right before the head, unless a firm's "& Co.": "Commercial Attaché and Embassy" are two, not one name.
    const coordinated = first === i && key !== 'co';
    if (!coordinated && CONNECTORS.has(word) && isName(beyond) && !NOT_LEADING.has(fold(w.word(beyond))) && joined(w, beyond, before)) {
      first -= 2;
      continue;
    }
    break;
  }
  // Right: "of" (or "for"), perhaps "the", and capitalised words joined by "and" or "of": "Council of Ministers",
  // "Advisory Commission of Railway Experts", "Government of the United States".
  let last = i;
  const of = i + 1;
  // "for" only after a name that has begun ("Advisory Council for Italy"): "the Department for Stevens" routes a message.
  if (!stop && (w.is(of, 'of') || (w.is(of, 'for') && first < i)) && joined(w, i, of)) {
    let k = i + 2;
    if (w.is(k, 'the') && joined(w, of, k)) k++;
    if (isName(k) && joined(w, k - 1, k)) {
      last = k;
      while (text.charCodeAt(w.end(last)) !== 46) {
        const next = last + 1;
        if (isName(next) && joined(w, last, next)) {
          last++;
          continue;
        }
        const after = last + 2;
        // Not an office after "and": "Council of People's Commissars and Deputy People's Commissar".
        if ((w.is(next, 'and') || w.is(next, 'of')) && isName(after) && !OFFICES.has(fold(w.word(after))) && joined(w, last, next) && joined(w, next, after)) {
          last += 2;
          continue;
        }
        break;
      }
    }
  }
  // "the Government of the Department’s interpretation": a possessive ends the phrase, it is not the name's.
  if (last > i && /['’]s$/.test(w.word(last))) last = i;
  // A name that ends in an adjective of nationality and goes on in lower case ("the Bureau of Mongol affairs") is
  // not the capitalised words alone.
  if (last > i) {
    const next = last + 1;
    const lastWord = w.word(last);
    const adjective = NATIONALITIES.has(fold(lastWord)) || /(?:an|ese|ish|ol)$/.test(lastWord);
    if (adjective && w.has(next) && joined(w, last, next) && LOWER_START.test(w.word(next)) && !FUNCTION_WORDS.has(w.word(next)) && text.charCodeAt(w.end(last)) !== 46) last = i;
  }
  if (first === i && last === i) return undefined;
  const start = w.start(first);
  let end = key === 'co' && last === i ? w.end(i) + 1 : w.end(last);
  // An abbreviation in capitals with its stops ends the name: "Government of the U.S.S.R.".
  if (last > i && w.end(last) - w.start(last) === 1) {
    const abbreviation = /^(?:\p{Lu}\.)+/u.exec(text.slice(w.start(last), w.start(last) + 24));
    if (abbreviation) end = w.start(last) + abbreviation[0].length;
  }
  return { start, end, text: text.slice(start, end), overrulesPerson: key === 'co' || key === 'company' || last === i };
}

const LOWER_START = /^\p{Ll}/u;
