/**
 * The words the person rules read, held as offsets in typed arrays rather than one object per word: the rules
 * look at every word of every text the entity pass and name learning see, and objects per word were most of their
 * garbage (docs/decisions.md, "CPU throughput of conversion"). A word's folded form is an integer id into a table
 * of interned forms, which also holds, per form, the lexicon's word lists it belongs to as bits: comparing a word
 * with the vocabulary is then an integer test, and no word is cut from the text unless a rule needs it printed.
 */
import {
  FORENAMES, FUNCTION_WORDS, NATIONALITIES, NOT_NAMES, ORGANISATION_WORDS, PARTICLES, PLACES, POST_TITLES, ROLE_WORDS, SHIP_WORDS,
  SPEECH_VERBS, TITLES, fold,
} from './lexicon.js';
import { JOINER, LETTER, LOWER, charWidth, isLetterUnit, letterClassAt } from '../../readers/letter-class.js';
import { detached } from '../../readers/detached.js';

/** Bits of a folded form: the lexicon's lists it is in, and a few shapes the rules test. */
export const TITLE = 1;
export const NOT_NAME = 2;
export const ROLE_WORD = 4;
export const FUNCTION_WORD = 8;
export const FORENAME = 16;
export const PARTICLE = 32;
export const NATIONALITY = 64;
export const PLACE = 128;
export const SPEECH_VERB = 256;
export const SHIP_WORD = 512;
export const POST_TITLE = 1024;
export const ORGANISATION_WORD = 2048;
/** Titles written with a stop because they are cut short ("Mr.", "Gen.", "Lieut."). */
export const ABBREVIATED_TITLE = 4096;
/** The first word of a title of two or three words ("prime" of "prime_minister"). */
export const MULTIWORD_TITLE_START = 8192;
/** A compound of a nationality, place or word that is never a name ("anglo-french", "soviet-german"). */
export const BLOCKED_COMPOUND = 16384;
/** Lower-case letters of a Roman numeral of I, V and X ("vii", "xiv"). */
export const ROMAN = 32768;
/** "the", "a", "an", "these", "those": no name by context after them. */
export const ARTICLE = 65536;
/** "the", "a", "an", "this", "that", "its", "his", "their": before a verb, it makes a participle of it. */
export const DETERMINER = 131072;
/**
 * Titles of rank or courtesy, after which a word of the vocabulary is a surname ("Colonel House"). Not "General"
 * ("General Staff"), "Lord" ("Lord Privy Seal") or an office ("President", "Minister"): words after those name the
 * office's body or its seat.
 */
export const PERSONAL_TITLE = 262144;
/** Days and months: "Mr. March" is not printed, "Captain May" would be read as a date first. */
export const CALENDAR_WORD = 524288;

/** Bits of a token. */
export const INITIAL = 1;
export const POSSESSIVE = 2;
/** A stop follows the word (not after a possessive). */
export const HAS_STOP = 4;
/** Starts with a capital letter (a letter whose lower case differs from it). */
export const CAPITALISED = 8;
/** More than one character, all in capitals (`w === w.toUpperCase() && w !== w.toLowerCase()`). */
export const ALL_CAPS = 16;
/** Every code unit of the word is ASCII. */
export const ASCII = 32;
/** The word as printed is its folded form ("said", not "Said"): what a comparison with a lower-case literal asks. */
export const AS_FOLDED = 64;
/** The word holds a hyphen. */
export const HYPHEN = 128;
/** {@link isNameWordToken}: a word that can be part of a name. */
export const NAME_WORD = 256;
/** The token's end takes the stop after the word (an initial's, an abbreviated title's). */
export const STOPPED = 512;

/**
 * Interned folded forms. Ids are dense from 0; the words the rules compare against ({@link WORDS}) come first, so
 * that their ids are the same in every table. Looked up without a string for an ASCII word: its characters are
 * hashed and compared in the text.
 */
class FormTable {
  readonly texts: string[] = [];
  bits = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Open addressing: id + 1 per slot, 0 empty. */
  private slots = new Int32Array(2048);

  constructor() {
    for (const w of WORDS) this.intern(w);
  }

  get size(): number {
    return this.texts.length;
  }

  /** The id of the lower-case form of the ASCII characters text[from, to). */
  asciiId(text: string, from: number, to: number, hash: number): number {
    const h = mix(hash);
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!;
      if (slot === 0) break;
      const id = slot - 1;
      if (this.hashes[id] !== h) continue;
      const form = this.texts[id]!;
      if (form.length !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        let c = text.charCodeAt(from + i);
        if (c >= 65 && c <= 90) c += 32;
        if (form.charCodeAt(i) !== c) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    return this.add(text.slice(from, to).toLowerCase(), h);
  }

  /** The id of a folded form (a string already folded). */
  intern(form: string): number {
    let h = 0;
    for (let i = 0; i < form.length; i++) {
      let c = form.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h = mix(h);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!;
      if (slot === 0) break;
      if (this.hashes[slot - 1] === h && this.texts[slot - 1] === form) return slot - 1;
    }
    return this.add(form, h);
  }

  private add(form: string, h: number): number {
    const id = this.texts.length;
    // A form lives as long as the table: not as a view into the text it was cut from.
    this.texts.push(form.length >= 13 ? detached(form) : form);
    if (id >= this.bits.length) {
      const bits = new Int32Array(this.bits.length * 2);
      bits.set(this.bits);
      this.bits = bits;
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = h;
    this.bits[id] = bitsOf(form);
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[id]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.texts.length; id++) this.place(id);
  }
}

/** Spreads the bits of a hash of a word's code units (FNV's multiply carries only upwards) over the low bits a slot reads. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

const ROMAN_FORM = /^x{0,3}(?:ix|iv|v?i{0,3})$/;
const MULTIWORD_TITLE_STARTS: ReadonlySet<string> = new Set([...TITLES].filter((t) => t.includes('_')).map((t) => t.split('_')[0]!));
const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(
  'mr mrs ms messrs mme mlle dr gen col capt adm lt maj sgt gov sen rep hon rev prof st lieut comdr brig supt insp cdr cmdr fr mgr sr sra srta jr esq'.split(' '),
);

const PERSONAL_TITLES: ReadonlySet<string> = new Set('mr mrs miss ms messrs dr colonel col captain capt major maj admiral commander lieutenant lieut lt senator'.split(' '));
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

function bitsOf(f: string): number {
  let b = 0;
  if (TITLES.has(f)) b |= TITLE;
  if (NOT_NAMES.has(f)) b |= NOT_NAME;
  if (ROLE_WORDS.has(f)) b |= ROLE_WORD;
  if (FUNCTION_WORDS.has(f)) b |= FUNCTION_WORD;
  if (FORENAMES.has(f)) b |= FORENAME;
  if (PARTICLES.has(f)) b |= PARTICLE;
  if (NATIONALITIES.has(f)) b |= NATIONALITY;
  if (PLACES.has(f)) b |= PLACE;
  if (SPEECH_VERBS.has(f)) b |= SPEECH_VERB;
  if (SHIP_WORDS.has(f)) b |= SHIP_WORD;
  if (POST_TITLES.has(f)) b |= POST_TITLE;
  if (ORGANISATION_WORDS.has(f)) b |= ORGANISATION_WORD;
  if (ABBREVIATED_TITLES.has(f)) b |= ABBREVIATED_TITLE;
  if (PERSONAL_TITLES.has(f)) b |= PERSONAL_TITLE;
  if (CALENDAR_WORDS.has(f)) b |= CALENDAR_WORD;
  if (MULTIWORD_TITLE_STARTS.has(f)) b |= MULTIWORD_TITLE_START;
  if (f.includes('-') && f.split('-').some((part) => NATIONALITIES.has(part) || PLACES.has(part) || NOT_NAMES.has(part))) b |= BLOCKED_COMPOUND;
  if (ROMAN_FORM.test(f)) b |= ROMAN;
  if (f === 'the' || f === 'a' || f === 'an' || f === 'these' || f === 'those') b |= ARTICLE;
  if (f === 'the' || f === 'a' || f === 'an' || f === 'this' || f === 'that' || f === 'its' || f === 'his' || f === 'their') b |= DETERMINER;
  return b;
}

/** Words the rules compare with, interned first in every table: their ids are these indices. */
const WORDS = ['the', 'and', 'of', 'to', 'who', 'whom', 'from', 'm'] as const;
export const THE = 0;
export const AND = 1;
export const OF = 2;
export const TO = 3;
export const WHO = 4;
export const WHOM = 5;
export const FROM = 6;

/**
 * The lower case of the ASCII word text[from, to), as the interned string of its form: a word seen before is
 * neither cut from the text nor hashed as a new string (name knowledge's lower-case words). Never a view into `text`.
 */
export function asciiFormOf(text: string, from: number, to: number): string {
  let h = 0;
  for (let x = from; x < to; x++) {
    let d = text.charCodeAt(x);
    if (d >= 65 && d <= 90) d += 32;
    h = Math.imul(h ^ d, 0x01000193);
  }
  if (forms.size > MAX_FORMS) forms = new FormTable();
  return forms.texts[forms.asciiId(text, from, to, h)]!;
}

/** Forms are kept across texts (the same words recur) up to this many, then a new table starts. */
const MAX_FORMS = 1 << 19;
let forms = new FormTable();

/**
 * The tokens of one text, four integers each in one typed array: start, end of the word as printed (without a
 * stop or a possessive 's), end of the token (with the stop of an initial or an abbreviated title), and the
 * form's id with the token's bits (`form * 1024 + flags`).
 */
export class Tokens {
  constructor(
    readonly text: string,
    private readonly data: Int32Array,
    readonly count: number,
    /** The table the forms are ids of (it outlives a table that was replaced). */
    readonly forms: FormTable,
    /** Indices of the tokens a name can start at (capitalised words and initials), in order: the first `nameStartCount`. */
    readonly nameStarts: Int32Array,
    readonly nameStartCount: number,
  ) {}

  startAt(i: number): number {
    return this.data[i << 2]!;
  }

  /** End of the word, without a stop or a possessive 's. */
  wordEndAt(i: number): number {
    return this.data[(i << 2) + 1]!;
  }

  /** End of the token, including the stop of an initial or an abbreviated title. */
  endAt(i: number): number {
    return this.data[(i << 2) + 2]!;
  }

  flagsAt(i: number): number {
    return this.data[(i << 2) + 3]! & FLAG_MASK;
  }

  formAt(i: number): number {
    return this.data[(i << 2) + 3]! >>> FLAG_BITS;
  }

  /** The word as printed, without a stop or possessive. */
  word(i: number): string {
    return this.text.slice(this.startAt(i), this.wordEndAt(i));
  }

  /** The folded form of the word (see {@link fold}). */
  folded(i: number): string {
    return this.forms.texts[this.formAt(i)]!;
  }

  /** The form's bits ({@link TITLE} …). */
  lex(i: number): number {
    return this.forms.bits[this.formAt(i)]!;
  }

  has(i: number, flag: number): boolean {
    return (this.data[(i << 2) + 3]! & flag) !== 0;
  }

  /** The word as printed is `word`, a lower-case word of {@link WORDS} given by its id. */
  is(i: number, id: number): boolean {
    const packed = this.data[(i << 2) + 3]!;
    return packed >>> FLAG_BITS === id && (packed & AS_FOLDED) !== 0;
  }

  /** Length of the word in code units. */
  length(i: number): number {
    return this.wordEndAt(i) - this.startAt(i);
  }

  /** The word ends with `suffix` (case as printed). */
  endsWith(i: number, suffix: string): boolean {
    const at = this.wordEndAt(i) - suffix.length;
    return at >= this.startAt(i) && this.text.startsWith(suffix, at);
  }

  /** The tokens are written in `buffer` (the reader's, when they are transient). */
  holds(buffer: Int32Array): boolean {
    return this.data === buffer;
  }

  /** These tokens as {@link PackedTokens}, without their text: to be read again later at less than half the memory. */
  pack(): PackedTokens {
    const count = this.count;
    const data = this.data;
    const packed = new Int32Array(count * 2);
    const lengths = new Uint8Array(count);
    let long: Map<number, number> | undefined;
    for (let t = 0; t < count; t++) {
      const at = t << 2;
      const start = data[at]!;
      const length = data[at + 1]! - start;
      packed[t * 2] = start;
      packed[t * 2 + 1] = data[at + 3]!;
      if (length < 255) lengths[t] = length;
      else {
        lengths[t] = 255;
        (long ??= new Map()).set(t, length);
      }
    }
    return new PackedTokens(this.text.length, packed, lengths, long, count, this.forms);
  }
}

/**
 * The tokens of a text held between two readings of it (name learning reads a source's stretches three times),
 * nine bytes a word instead of sixteen and the text: its start, its form and bits, and its length (a word of 255
 * code units or more in a map). The end of a token is its word's end and the stop the bits say it takes; the name
 * starts are the tokens with a capital or an initial's bit.
 */
export class PackedTokens {
  constructor(
    /** The length of the text the tokens were read from: {@link unpack} is given the same text again. */
    readonly textLength: number,
    private readonly data: Int32Array,
    private readonly lengths: Uint8Array,
    private readonly long: ReadonlyMap<number, number> | undefined,
    readonly count: number,
    private readonly forms: FormTable,
  ) {}

  /**
   * The tokens, for `text`: the text they were read from, made again by the caller. Another text (of another
   * length) is read afresh: the offsets would not be its words'. `transient`: into the reader's buffers, as
   * {@link readTokens} reads a text, to be given back with {@link releaseTokens}.
   */
  unpack(text: string, transient = false): Tokens {
    if (text.length !== this.textLength) return readTokens(text, transient);
    const count = this.count;
    const packed = this.data;
    const data = transient ? lendBuffers(count) : new Int32Array(count << 2);
    const starts = transient && data === scratch ? startsScratch : new Int32Array(count);
    let startCount = 0;
    for (let t = 0; t < count; t++) {
      const start = packed[t * 2]!;
      const form = packed[t * 2 + 1]!;
      const length = this.lengths[t]!;
      const wordEnd = start + (length === 255 ? this.long!.get(t)! : length);
      const at = t << 2;
      data[at] = start;
      data[at + 1] = wordEnd;
      data[at + 2] = (form & STOPPED) !== 0 ? wordEnd + 1 : wordEnd;
      data[at + 3] = form;
      if ((form & (CAPITALISED | INITIAL)) !== 0) starts[startCount++] = t;
    }
    return new Tokens(text, data, count, this.forms, starts, startCount);
  }
}

const FLAG_BITS = 10;
const FLAG_MASK = (1 << FLAG_BITS) - 1;

const TWO_LETTER_INITIALS: ReadonlySet<string> = new Set(['Kh', 'Zh', 'Ch', 'Sh', 'Ts', 'Yu', 'Ya', 'Ye', 'Yo']);

/** Classes of ASCII code units (see ../../readers/letter-class.ts): letters, lower case, the joiners ' and -. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LETTER | LOWER;
ASCII_CLASS[39] = JOINER;
ASCII_CLASS[45] = JOINER;

/** Where tokens are written while a text is read; each text's are then copied out at their size. */
let scratch = new Int32Array(4096);
/** The same for the indices of the tokens a name can start at: never fewer than tokens (grown with them). */
let startsScratch = new Int32Array(scratch.length >> 2);
/**
 * The scratch buffers are held by transient tokens ({@link readTokens}) until given back ({@link releaseTokens}):
 * meanwhile every read writes into buffers of its own, so that a reading made while transient tokens are held (a
 * callback of the rules that reads another text) cannot overwrite them.
 */
let lent = false;

/**
 * The words of `text` as the rules read them: a letter, then letters, marks, apostrophes and hyphens, ending on a
 * letter (what `\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}` matches, as ../../readers/letter-class.ts scanWords reads it, in
 * one pass with the words' bits); a possessive 's is cut from the word, and the stop of an initial or an
 * abbreviated title ("Mr. Eden") is part of the token.
 *
 * `transient`: the tokens are the reader's own buffers (no copy at their size), lent to the caller until it gives
 * them back with {@link releaseTokens}; reads made meanwhile (transient or not) use buffers of their own.
 */
export function readTokens(text: string, transient = false): Tokens {
  if (forms.size > MAX_FORMS) forms = new FormTable();
  const table = forms;
  const n = text.length;
  // The shared buffers while no transient tokens hold them, else buffers of this read's own.
  const shared = !lent;
  let tokens = shared ? scratch : new Int32Array(1024);
  let nameStarts = shared ? startsScratch : new Int32Array(256);
  let count = 0;
  let startCount = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const c = code < 128 ? ASCII_CLASS[code]! : letterClassAt(text, i);
    if ((c & LETTER) === 0) {
      i += code < 128 ? 1 : charWidth(text, i);
      continue;
    }
    const start = i;
    let lastLetterEnd = i + (code < 128 ? 1 : charWidth(text, i));
    let j = lastLetterEnd;
    while (j < n) {
      const d = text.charCodeAt(j);
      const k = d < 128 ? ASCII_CLASS[d]! : letterClassAt(text, j);
      if ((k & LETTER) !== 0) lastLetterEnd = j += d < 128 ? 1 : charWidth(text, j);
      else if ((k & JOINER) !== 0) j += d < 128 ? 1 : charWidth(text, j);
      else break;
    }
    i = lastLetterEnd;

    let end = lastLetterEnd;
    let flags = 0;
    // Every read of a character stays inside the text: one out of its bounds (a word of one letter opening the text,
    // a word ending it) deoptimised this loop on the first text of a process.
    if (end - start > 2 && text.charCodeAt(end - 1) === 115 /* s */) {
      const apostrophe = text.charCodeAt(end - 2);
      if (apostrophe === 39 || apostrophe === 0x2019) {
        flags |= POSSESSIVE;
        end -= 2;
      }
    }
    // The word's shape and the hash of its lower case in one pass, while it is ASCII.
    let upper = false;
    let lower = false;
    let ascii = true;
    let hyphen = false;
    let h = 0;
    for (let x = start; x < end; x++) {
      let d = text.charCodeAt(x);
      if (d >= 128) {
        ascii = false;
        break;
      }
      if (d >= 65 && d <= 90) {
        upper = true;
        d += 32;
      } else if (d >= 97 && d <= 122) lower = true;
      else if (d === 45) hyphen = true;
      h = Math.imul(h ^ d, 0x01000193);
    }
    let form: number;
    if (ascii) {
      form = table.asciiId(text, start, end, h);
      flags |= ASCII;
      if (!upper) flags |= AS_FOLDED;
      const first = text.charCodeAt(start);
      if (first >= 65 && first <= 90) flags |= CAPITALISED;
      if (end - start > 1 && upper && !lower) flags |= ALL_CAPS;
      if (hyphen) flags |= HYPHEN;
    } else {
      const packed = nonAsciiWord(text, start, end, table);
      form = packed >>> FLAG_BITS;
      flags |= packed & FLAG_MASK;
    }
    if ((flags & POSSESSIVE) === 0 && end < n && text.charCodeAt(end) === 46 /* . */) flags |= stopFlags(text, start, end, table.bits[form]!);
    // Only a capitalised word that is no initial can be a name word: the others need no look at their form's bits.
    if ((flags & INITIAL) === 0 && (flags & CAPITALISED) !== 0 && isNameWordToken(flags, end - start, table.bits[form]!)) flags |= NAME_WORD;
    if ((count + 1) << 2 > tokens.length) {
      const grown = new Int32Array(tokens.length * 2);
      grown.set(tokens);
      tokens = grown;
      const startsGrown = new Int32Array(tokens.length >> 2);
      startsGrown.set(nameStarts);
      nameStarts = startsGrown;
    }
    // A name starts only at a capitalised word or an initial: the rules go from one of those to the next.
    if ((flags & (CAPITALISED | INITIAL)) !== 0) nameStarts[startCount++] = count;
    const at = count++ << 2;
    tokens[at] = start;
    tokens[at + 1] = end;
    tokens[at + 2] = (flags & STOPPED) !== 0 ? end + 1 : end;
    tokens[at + 3] = form * (FLAG_MASK + 1) + flags;
  }
  if (shared) {
    scratch = tokens;
    startsScratch = nameStarts;
    if (transient) lent = true;
  }
  // One construction for both (a second site, first reached after optimisation, deoptimised this function). Read
  // while the shared buffers are lent, transient tokens are buffers of their own: nothing to give back.
  const data = transient ? tokens : tokens.slice(0, count << 2);
  const starts = transient ? nameStarts : nameStarts.slice(0, startCount);
  return new Tokens(text, data, count, table, starts, startCount);
}

/**
 * The reader's token buffer, at least `count` tokens long, lent (see {@link readTokens}); a buffer of its own when
 * they are lent already.
 */
function lendBuffers(count: number): Int32Array {
  if (lent) return new Int32Array(count << 2);
  if (scratch.length < count << 2) {
    let length = scratch.length;
    while (length < count << 2) length *= 2;
    scratch = new Int32Array(length);
    startsScratch = new Int32Array(length >> 2);
  }
  lent = true;
  return scratch;
}

/** Gives back the reader's buffers that transient tokens hold ({@link readTokens}); other tokens need nothing. */
export function releaseTokens(tokens: Tokens): void {
  if (tokens.holds(scratch)) lent = false;
}

/** The form and bits of a word not all ASCII (out of the scan's loop, which then stays optimised for ASCII). */
function nonAsciiWord(text: string, start: number, end: number, table: FormTable): number {
  const word = text.slice(start, end);
  const folded = fold(word);
  let flags = 0;
  if (word === folded) flags |= AS_FOLDED;
  if (isCapitalised(word)) flags |= CAPITALISED;
  if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) flags |= ALL_CAPS;
  if (word.includes('-')) flags |= HYPHEN;
  return table.intern(folded) * (FLAG_MASK + 1) + flags;
}

/**
 * The bits of a word a stop follows: an initial ("J. V. Stalin") or an abbreviated title ("Mr. Eden") keeps the
 * stop in its token ({@link STOPPED}), so that the title and the name stay adjacent; a title written out ends its
 * sentence there ("For Secretary and Under Secretary. Referring to …").
 */
function stopFlags(text: string, start: number, end: number, bits: number): number {
  // Russian initials romanised with two letters: "A. Kh. Vekhviliainen", "Yu. V. Andropov".
  const length = end - start;
  const letters = length === 1 ? isUpperLetter(text.charCodeAt(start)) : length === 2 && TWO_LETTER_INITIALS.has(text.slice(start, end));
  if (letters && !letterOrStopAt(text, start - 1) && !isLetterUnit(text, end + 1)) return HAS_STOP | INITIAL | STOPPED;
  return (bits & TITLE) !== 0 && (bits & ABBREVIATED_TITLE) !== 0 ? HAS_STOP | STOPPED : HAS_STOP;
}

/**
 * Can a word be part of a name (given name or surname)? From its token bits, length and form bits: a capitalised
 * word of two letters or more, not capitals of two letters ("FO", "UN"), not a Roman numeral of I, V and X
 * ("Article VII"), not a word of the vocabulary that is never a name, not a compound of nationalities or places.
 */
export function isNameWordToken(flags: number, length: number, bits: number): boolean {
  if ((flags & INITIAL) !== 0 || length < 2 || (flags & CAPITALISED) === 0) return false;
  if (length <= 2 && (flags & ALL_CAPS) !== 0) return false;
  if ((flags & (ALL_CAPS | ASCII)) === (ALL_CAPS | ASCII) && (bits & ROMAN) !== 0) return false;
  return (bits & (NOT_NAME | ROLE_WORD | TITLE | BLOCKED_COMPOUND)) === 0;
}

/** The bits {@link readTokens} gives a word, for a word alone: the layout rules cut their words themselves. */
export function wordFlags(word: string): { flags: number; bits: number } {
  const folded = fold(word);
  if (forms.size > MAX_FORMS) forms = new FormTable();
  let flags = isCapitalised(word) ? CAPITALISED : 0;
  if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) flags |= ALL_CAPS;
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) ascii = false;
  if (ascii) flags |= ASCII;
  // The form's bits as interned (computed once per form, not per word the layout rules test).
  return { flags, bits: forms.bits[forms.intern(folded)]! };
}

function letterOrStopAt(text: string, i: number): boolean {
  return i >= 0 && (text.charCodeAt(i) === 46 || isLetterUnit(text, i));
}

const UPPER_LETTER = /^\p{Lu}$/u;
function isUpperLetter(code: number): boolean {
  return code < 128 ? code >= 65 && code <= 90 : UPPER_LETTER.test(String.fromCharCode(code));
}

/** Starts with a capital letter (a letter whose lower case differs from it). */
export function isCapitalised(w: string): boolean {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = w[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
