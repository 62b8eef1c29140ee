/**
 * Finds mentions of named persons in a string by rules of form and context: a title before a capitalised word
 * ("Mr Harriman", "Premier Stalin"), initials before it ("J. V. STALIN"), a common given name before it
 * ("Alistair Horne"), a verb of saying beside it ("said Churchill"), a possessive ("Hitler's forces"), the
 * name line of a signature or salutation, or a surname already known from such evidence elsewhere in the
 * edition. Nothing here lists the people of any text.
 */
import { NATIONALITIES, ORGANISATION_WORDS, ROLE_NOUNS, ROLE_WORDS, SPEECH_VERBS, TITLES, fold } from './lexicon.js';
import { layoutMentions } from './layout-names.js';
import { itemOfQuantityList, namesAFirm } from './named-after.js';
import {
  ALL_CAPS, AND, ARTICLE, AS_FOLDED, ASCII, CALENDAR_WORD, CAPITALISED, DETERMINER, FORENAME, FROM, FUNCTION_WORD, HAS_STOP, HYPHEN, INITIAL,
  MULTIWORD_TITLE_START, NAME_WORD, NATIONALITY, NOT_NAME, OF, ORGANISATION_WORD, PARTICLE, PERSONAL_TITLE, PLACE, POSSESSIVE, POST_TITLE, ROLE_WORD, SHIP_WORD,
  SPEECH_VERB, THE, TITLE, TO, WHO, WHOM, Tokens, isCapitalised, isNameWordToken, readTokens, releaseTokens, wordFlags,
} from './tokens.js';
import { LOWER, isSpaceUnit, letterClassAt } from '../../readers/letter-class.js';
import { CandidateLog, INTO_LAYOUT, NOT_A_NAME, NO_CANDIDATE } from './candidate-log.js';

/** Why a span was taken for a name, strongest first. */
export type PersonEvidence = 'title' | 'initials' | 'forename' | 'block' | 'layout' | 'context' | 'known';

/** One person mention. Offsets are 0-based into the searched string, `end` exclusive. */
export interface PersonMention {
  start: number;
  end: number;
  /** `text === input.slice(start, end)`: title words included, a possessive 's left out. */
  text: string;
  /** Surname, lower case: the last name word ("J. V. STALIN" → "stalin", "Elisabeth du Réau" → "réau"). */
  key: string;
  /** The surname as printed. */
  surname: string;
  /** Given names as printed ("Winston"), in order. */
  forenames: string[];
  /** Initials without stops ("J", "V"). */
  initials: string[];
  /** Title words as printed ("Mr.", "Prime Minister"), if any. */
  title?: string;
  evidence: PersonEvidence;
}

/** How the string is to be read. */
export interface FindPersonsOptions {
  /** True when the whole string is a name line (signature, byline, salutation): its capitalised words are a name. */
  nameLine?: boolean;
  /** Surname keys (see {@link surnameKey}) already known to name persons: a bare capitalised surname then counts. */
  known?: (key: string) => boolean;
  /**
   * Folded words the document or edition also prints in lower case ("following", "daily"): common words, which
   * context alone does not make a name, nor knowledge at the start of a sentence, where every word is capitalised.
   */
  common?: (folded: string) => boolean;
  /**
   * Surname keys named somewhere with a title, initials or a given name ("Sir William Seeds"): known that well, a
   * bare surname is a name even where it opens a sentence and is also a common word ("Seeds in Moscow thought").
   */
  strong?: (key: string) => boolean;
  /** Folded words the edition knows as places (the place of a dateline): a name only with a title, initials or a given name. */
  place?: (folded: string) => boolean;
  /**
   * The names the layout gives in this text with these places ({@link layoutNamesOf}), when the caller has them
   * already: a text read twice with other `known` surnames has the same layout names.
   */
  layout?: readonly PersonMention[];
  /**
   * The text of the note referenced right at this offset of the searched string, if any (a footnote marker after a
   * word): a note that says what someone is ("1. Soviet Commissar for Foreign Affairs.") makes the word a name.
   */
  noteAt?: (offset: number) => string | undefined;
  /** The tokens of the text ({@link readTokens}), when the caller holds them: name learning reads a stretch twice. */
  tokens?: Tokens;
  /**
   * The decisions of a reading of these tokens: written down by the first call given a new log, then taken by the
   * calls after it wherever they cannot have changed (see ./candidate-log.ts). Every call with one log reads the
   * same tokens with the same options but `known`, whose answers must not change during a call.
   */
  log?: CandidateLog;
}

export { readTokens, Tokens } from './tokens.js';

/**
 * Only spaces (and at most one line break) between two tokens: they can belong to one name. Read character by
 * character: this is asked of most pairs of neighbouring capitalised words.
 */
function joined(tk: Tokens, a: number, b: number): boolean {
  const text = tk.text;
  const to = tk.startAt(b);
  let breaks = 0;
  for (let i = tk.endAt(a); i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < to) continue;
    if (c === 10 && breaks++ === 0) continue;
    return false;
  }
  return true;
}

/** A line break between two offsets. */
function breakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** The surname key the scorer and the personography use: the folded last name word. */
export function surnameKey(surname: string): string {
  const lower = surname.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/**
 * The surname key of token i ({@link surnameKey} of its word): for an ASCII word its interned folded form, the same
 * string, neither cut from the text nor lowered again (asked of every name the rules weigh).
 */
function keyAt(tk: Tokens, i: number): string {
  return tk.has(i, ASCII) ? tk.folded(i) : surnameKey(tk.word(i));
}

/** Can token i be part of a name (given name or surname)? See {@link isNameWordToken}. */
function nameWord(tk: Tokens, i: number): boolean {
  return (tk.flagsAt(i) & NAME_WORD) !== 0;
}

/** A word of the form of a word: a word token, not an initial. */
function isWordToken(tk: Tokens, i: number): boolean {
  return (tk.flagsAt(i) & INITIAL) === 0;
}

/** A romanised Chinese word of two syllables joined by a hyphen, the second in lower case: "Lin-yu", "Ch’ien-ch’ing". */
const CHINESE_COMPOUND = /^\p{Lu}[\p{Ll}'’]*-\p{Ll}[\p{Ll}'’]*$/u;

/**
 * Romanised (Wade–Giles) words for a seat of administration: fu (prefecture), hsien (district), ting
 * (subprefecture), sheng (province), chou/chow (department). After the romanised name of the place they end it
 * ("Paoting Fu", "Ta Ning Hsien", "Tung Chou"); a person's name of the Chinese tradition puts a family name of one
 * syllable before a given name ("Yü Hsien", "Yung Lu"), so only chou (a department's name is often one syllable)
 * counts after one syllable, the others after two or more.
 */
const ADMINISTRATIVE_SUFFIXES: ReadonlyMap<string, number> = new Map([['fu', 2], ['hsien', 2], ['ting', 2], ['sheng', 2], ['chou', 1], ['chow', 1]]);

/** One syllable of Wade–Giles, apostrophes read as ' ("ch'ing", "hsü", "erh"). */
const WADE_GILES_SYLLABLE = String.raw`(?:ch'|ch|hs|sh|ss|sz|ts'|t's|ts|tz'|tz|k'|k|p'|p|t'|t|s|h|l|m|n|f|w|y|j)?[aeiouüê]{1,3}(?:ng|n|rh|h)?`;
const ONE_SYLLABLE = new RegExp(`^${WADE_GILES_SYLLABLE}$`);
const SYLLABLES = new RegExp(`^(?:${WADE_GILES_SYLLABLE}){2,4}$`);

/** How many syllables of Wade–Giles a word is, a hyphen's parts counted each ("shun-tê": 2); 0: not such a word. */
function romanisedSyllables(folded: string): number {
  let total = 0;
  for (const part of folded.replace(/’/g, "'").split('-')) {
    if (ONE_SYLLABLE.test(part)) total += 1;
    else if (SYLLABLES.test(part)) total += 2;
    else return 0;
  }
  return total;
}

/**
 * Offices and units of local administration that "of" joins to the place they govern: "district magistrate of En
 * Hsien", "the prefect of Pen Chou Fu". A place's name there even when it is one syllable.
 */
const LOCAL_ADMINISTRATION: ReadonlySet<string> = new Set(
  'magistrate magistrates prefect prefects subprefect subprefects taotai district prefecture subprefecture department city town village county province'.split(' '),
);

/**
 * Token i is a romanised administrative suffix ending a place's name: "Paoting Fu", "Ho Nei Hsien", "Tung Chou" (the
 * capitalised romanised words right before it, not a title or an office, carry the syllables its kind needs).
 */
function administrativePlace(tk: Tokens, i: number): boolean {
  const needs = ADMINISTRATIVE_SUFFIXES.get(tk.folded(i));
  if (needs === undefined || tk.has(i, ALL_CAPS)) return false;
  let syllables = 0;
  let first = i;
  for (let j = i - 1, n = 0; j >= 0 && n < 3; j--, n++) {
    const flags = tk.flagsAt(j);
    if ((flags & CAPITALISED) === 0 || (flags & (INITIAL | POSSESSIVE | HAS_STOP)) !== 0 || !joined(tk, j, j + 1)) break;
    if ((tk.lex(j) & (TITLE | ROLE_WORD)) !== 0) break;
    const count = romanisedSyllables(tk.folded(j));
    if (count === 0) break;
    syllables += count;
    first = j;
  }
  if (syllables >= needs) return true;
  if (syllables === 0 || first < 2) return false;
  // "magistrate of En Hsien": the office says it is a place.
  return tk.is(first - 1, OF) && joined(tk, first - 1, first) && LOCAL_ADMINISTRATION.has(tk.folded(first - 2));
}

/** Nouns of a kind of place, which a place's name stands before ("the Peiho River") or after "of" ("the island of Amoy"). */
const KINDS_OF_PLACE: ReadonlySet<string> = new Set(
  'river rivers province provinces district districts island islands canal gate gates valley mountains lake bay gulf'.split(' '),
);

/** Token i stands right before a noun of a kind of place: "Whangpu River", "the Peiho and Whangpu rivers", "Ming Shan district". */
function beforeKindOfPlace(tk: Tokens, i: number): boolean {
  let next = i + 1;
  // "the Peiho and Whangpu rivers": the first of two names before the kind.
  if (next + 1 < tk.count && tk.formAt(next) === AND && joined(tk, i, next) && tk.has(next + 1, CAPITALISED) && joined(tk, next, next + 1)) next += 1 + 1;
  return next < tk.count && !tk.has(i, POSSESSIVE) && joined(tk, next - 1, next) && !breakBetween(tk.text, tk.endAt(next - 1), tk.startAt(next)) &&
    KINDS_OF_PLACE.has(tk.folded(next));
}

/** Token i follows "of" after a noun of a kind of place or of local administration: "the island of Kulangsu". */
function afterKindOfPlace(tk: Tokens, i: number): boolean {
  if (i < 2 || !tk.is(i - 1, OF) || !joined(tk, i - 1, i)) return false;
  const kind = tk.folded(i - 2);
  return (KINDS_OF_PLACE.has(kind) || LOCAL_ADMINISTRATION.has(kind)) && !tk.has(i - 2, CAPITALISED);
}

/**
 * "Dean of the Diplomatic Corps", "Dean of consular corps": a word before "of" and a corps or body names its office.
 */
export const OF_A_CORPS = /^[ \t]+of[ \t]+(?:the[ \t]+)?(?:\p{L}+[ \t]+){0,3}(?:[Cc]orps|[Bb]ody)\b/u;

/**
 * What {@link OF_A_CORPS} needs right after a word: spaces or tabs, "of", a space or a tab. Asked of every bare
 * word the rules weigh, before the characters after it are cut for the expression.
 */
export function ofAfter(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i > end && text.charCodeAt(i) === 111 /* o */ && text.charCodeAt(i + 1) === 102 /* f */ && isBlank(text.charCodeAt(i + 2));
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * A number within the three characters after a word, after an optional stop and white space: "Rs. 200,000,000",
 * "Article 1" (what `/^\.?\s*\d/` finds in those three characters).
 */
export function numberAfter(text: string, end: number): boolean {
  const to = Math.min(text.length, end + 3);
  let i = end;
  if (i < to && text.charCodeAt(i) === 46) i++;
  while (i < to && isSpaceUnit(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** {@link nameWord} for a word alone (the layout rules of ./layout-names.ts test words they cut themselves). */
function isNameWord(word: string): boolean {
  const { flags, bits } = wordFlags(word);
  return isNameWordToken(flags, word.length, bits);
}

/** Matches title words at token i; returns how many tokens they take (0 if none). */
function titleAt(tk: Tokens, i: number): number {
  if (i >= tk.count) return 0;
  const flags = tk.flagsAt(i);
  const isM = tk.length(i) === 1 && tk.text.charCodeAt(tk.startAt(i)) === 77; /* M */
  if ((flags & INITIAL) !== 0 && !isM) return 0;
  if ((flags & CAPITALISED) === 0 || (flags & POSSESSIVE) !== 0) return 0;
  const next = i + 1 < tk.count ? i + 1 : -1;
  if (next >= 0 && (tk.lex(i) & MULTIWORD_TITLE_START) !== 0 && joined(tk, i, next)) {
    const third = i + 2 < tk.count ? i + 2 : -1;
    if (third >= 0 && joined(tk, next, third) && TITLES.has(`${tk.folded(i)}_${tk.folded(next)}_${tk.folded(third)}`)) return 3;
    if (TITLES.has(`${tk.folded(i)}_${tk.folded(next)}`)) return 2;
  }
  if (isM) {
    // "M. Stalin" (Monsieur) against "M. J. Carley" (initials): a title only before a surname, not before more initials.
    return next >= 0 && nameWord(tk, next) && joined(tk, i, next) ? 1 : 0;
  }
  return (tk.lex(i) & TITLE) !== 0 ? 1 : 0;
}

interface Candidate {
  first: number;
  titleEnd: number;
  last: number; // index of the surname token
}

/** Builds the longest name that starts at token i (titles, then given names, initials, particles, surname). */
function candidateAt(tk: Tokens, i: number, nameLine: boolean, known: (key: string) => boolean): Candidate | undefined {
  const text = tk.text;
  let j = i;
  for (;;) {
    const n = titleAt(tk, j);
    if (n === 0) break;
    if (j + n >= tk.count || !joined(tk, j + n - 1, j + n)) return undefined;
    j += n;
  }
  const titleEnd = j;
  if (titleEnd > i && tk.has(titleEnd - 1, POSSESSIVE)) return undefined;
  // The name's words are the tokens lo up to hi (exclusive): they are taken one after the other, and dropped only
  // from either end.
  let lo = j;
  let hi = j;
  while (hi < tk.count) {
    const k = hi;
    const size = hi - lo;
    if (size > 0 && !joined(tk, k - 1, k)) break;
    if (size > 0 && nameLine && breakBetween(text, tk.endAt(k - 1), tk.startAt(k))) break;
    if (size === 0 && k > titleEnd && !joined(tk, k - 1, k)) break;
    const flags = tk.flagsAt(k);
    if ((flags & INITIAL) !== 0) {
      hi++;
    } else if ((tk.lex(k) & PARTICLE) !== 0 && (flags & CAPITALISED) === 0 && size + (titleEnd - i) > 0) {
      const next = k + 1;
      if (next >= tk.count || !nameWord(tk, next) || !joined(tk, k, next)) break;
      hi++;
    } else if ((flags & NAME_WORD) !== 0) {
      // "Hitler Germany": a country or nationality after a name is not part of it.
      if (size > 0 && blockedAsPlace(tk, k)) break;
      hi++;
      if ((flags & POSSESSIVE) !== 0) break;
    } else if (vocabularySurname(tk, k, size > 0 ? k - 1 : -1, size === 0 && titleEnd > i && (tk.lex(titleEnd - 1) & PERSONAL_TITLE) !== 0)) {
      // "Edward House", "Mr. Eugene Prince": after a given name, a word of the vocabulary ends the name as its surname.
      hi++;
      break;
    } else {
      break;
    }
  }
  // The surname is the last name word; anything after it (a trailing initial) is dropped.
  while (hi > lo && !isWordToken(tk, hi - 1)) hi--;
  if (hi === lo) return undefined;
  // In capitals, only given names we recognise run on before a surname: "J. V. STALIN WORKS" is Stalin.
  if (!nameLine) {
    let words = 0;
    let allCaps = true;
    for (let x = lo; x < hi; x++) {
      if (!isWordToken(tk, x) || (tk.lex(x) & PARTICLE) !== 0) continue;
      words++;
      if (!tk.has(x, ALL_CAPS)) allCaps = false;
    }
    if (words > 1 && allCaps) {
      let kept = 0;
      let lastIndex = -1;
      let after = -1;
      for (let x = lo; x < hi; x++) {
        if (!isWordToken(tk, x) || (tk.lex(x) & PARTICLE) !== 0) continue;
        if (lastIndex < 0) {
          if (kept < words - 1 && (tk.lex(x) & FORENAME) !== 0) kept++;
          else lastIndex = x;
          continue;
        }
        after = x;
        break;
      }
      // "FRANKLIN DELANO ROOSEVELT": a middle name in capitals, when the word after it is a known surname.
      if (after >= 0 && known(keyAt(tk, after))) lastIndex = after;
      if (hi > lastIndex + 1) hi = lastIndex + 1;
    }
  }
  // Without a title, capitalised words before the name that are not given names are the sentence's, not the
  // name's: "Meanwhile Maiskii", "Unlike Molotov", "Britain I. M. Maiskii".
  if (titleEnd === i) {
    while (hi - lo > 1) {
      // A particle opening a surname stays, capitalised or not: "De Gaulle", "Le Rougetel".
      if (!isWordToken(tk, lo) || (tk.lex(lo) & (FORENAME | PARTICLE)) !== 0) break;
      lo++;
    }
    return { first: lo, titleEnd: lo, last: hi - 1 };
  }
  return { first: i, titleEnd, last: hi - 1 };
}

/**
 * A capitalised word of the vocabulary (an institution, a title: "House", "Prince") right after a given name,
 * ending the name: its surname. Function words and month names never are. So is one right after a title of
 * rank or courtesy ("Colonel House", "Mr. Long"), but not an office or a title there ("Mr. Acting Secretary",
 * "Dear Mr. Counselor": an address, no name).
 */
/** `last`: the name's last token so far (-1 when none). */
function vocabularySurname(tk: Tokens, k: number, last: number, afterTitle: boolean): boolean {
  const flags = tk.flagsAt(k);
  const bits = tk.lex(k);
  if (afterTitle) {
    if ((bits & (ROLE_WORD | TITLE | CALENDAR_WORD)) !== 0) return false;
  } else if (last < 0 || !isWordToken(tk, last) || (tk.lex(last) & FORENAME) === 0) return false;
  if ((flags & INITIAL) !== 0 || tk.length(k) < 3 || (flags & CAPITALISED) === 0 || (flags & ALL_CAPS) !== 0 || (bits & FUNCTION_WORD) !== 0) return false;
  if ((bits & ORGANISATION_WORD) !== 0) return false;
  if (blockedAsPlace(tk, k) || (bits & (NOT_NAME | TITLE | ROLE_WORD)) === 0) return false;
  const next = k + 1;
  // "Charles Street Station", "William Board of Trade": more capitalised words or "of" after it make a phrase.
  if (next < tk.count && joined(tk, k, next) && (tk.has(next, CAPITALISED) || tk.is(next, OF))) return false;
  return true;
}

/** Every word from `from` to `to` (inclusive) is of a place's name. */
function placeWords(tk: Tokens, from: number, to: number, place: (folded: string) => boolean): boolean {
  for (let x = from; x <= to; x++) {
    if (!isWordToken(tk, x) || !(blockedAsPlace(tk, x) || place(tk.folded(x)) || (tk.lex(x) & PARTICLE) !== 0)) return false;
  }
  return true;
}

/** A country, city or nationality. */
function blockedAsPlace(tk: Tokens, i: number): boolean {
  return (tk.lex(i) & (PLACE | NATIONALITY)) !== 0;
}

/** Derived words: "Hitlerites", "Bolshevists", "Americans", "Japanese", "Hitlerism". */
const DERIVED_ENDINGS = ['ites', 'ists', 'ians', 'ans', 'ese', 'ics', 'ism'];
function derived(tk: Tokens, i: number): boolean {
  return DERIVED_ENDINGS.some((e) => tk.endsWith(i, e));
}

/**
 * The word at token i names a ship: "S.S. Simferopol", "the vessels Nascopie and Egba" (a ship word before it,
 * or before the list it ends).
 */
function afterShipWord(tk: Tokens, i: number): boolean {
  if (i >= tk.count) return false;
  const text = tk.text;
  const at = tk.startAt(i);
  // Only the six characters before the word: searching back from it for "S." read to the start of the text
  // whenever no ship was near (quadratic in a volume read as one text).
  const from = Math.max(0, at - 6);
  if (shipLetters(text, from, at) && /S\.\s?S\.\s*$/.test(text.slice(from, at))) return true;
  for (let j = i - 1, n = 0; j >= 0 && n < 4; j--, n++) {
    if ((tk.lex(j) & SHIP_WORD) !== 0) return true;
    if (!(tk.is(j, AND) || tk.has(j, CAPITALISED))) return false;
  }
  return false;
}

/**
 * ", the British ambassador in Moscow,", ", Vice Consul at Harbin.": an office in apposition right after a name —
 * at most two modifiers, then the office, then the end of the phrase or a preposition.
 */
const APPOSITION = /^,[ \t]+(?:(?:the|a|then|now|former|later)[ \t]+)?((?:[\p{L}-]+[ \t]+){0,2})([\p{L}-]+)(?=[,;.]|[ \t]+(?:in|at|of|to|for|and|on)\b)/u;

function appositionRole(text: string, end: number): boolean {
  // Nothing but a comma can open an apposition: most words are not followed by one.
  if (text.charCodeAt(end) !== 44) return false;
  const m = APPOSITION.exec(text.slice(end, end + 60));
  if (!m || !ROLE_NOUNS.has(fold(m[2]!))) return false;
  // The modifiers describe the office ("British", "Assistant Military"), they are not a clause ("rights of head").
  return m[1]!.split(/[ \t]+/).filter(Boolean).every((w) => NATIONALITIES.has(fold(w)) || isCapitalised(w) || ROLE_NOUNS.has(fold(w)) || OFFICE_MODIFIERS.has(fold(w)));
}

/** Words that make an office of another ("vice president", "acting consul", "managing director"). */
const OFFICE_MODIFIERS: ReadonlySet<string> = new Set(['vice', 'deputy', 'assistant', 'acting', 'associate', 'managing', 'executive', 'chief', 'general', 'special', 'military', 'naval', 'commercial', 'financial']);

/** Index of the last non-space character before `at`, looking back a few characters only (-1 at the start). */
function previousChar(text: string, at: number): string {
  for (let i = at - 1, n = 0; i >= 0 && n < 12; i--, n++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\t' && c !== '\u00a0' && c !== '"' && c !== '“' && c !== '‘' && c !== "'" && c !== '(' && c !== '[') return c;
  }
  return '\n';
}

/**
 * The token stands where every word is capitalised: the start of the text, a line or a sentence, or an item of a
 * list after its label ("(7) Sterling and old rubles …").
 */
function sentenceInitial(text: string, start: number): boolean {
  const c = previousChar(text, start);
  if (c === ')') return /(?:^|\s)\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)[ \t]*$/.test(text.slice(Math.max(0, start - 8), start));
  return c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === ';' || c === '*' || c === ']' || /\d/.test(c);
}

/**
 * A word in "-ing" before a function word in lower case: "Bearing in mind", "Having the honor", a participle; a
 * surname in "-ing" is followed by its verb ("Lansing replied", "Reading states").
 */
function participleBeforeLowerCase(tk: Tokens, i: number): boolean {
  if (!tk.endsWith(i, 'ing') || tk.length(i) < 6 || i + 1 >= tk.count || !joined(tk, i, i + 1)) return false;
  return (letterClassAt(tk.text, tk.startAt(i + 1)) & LOWER) !== 0 && (tk.lex(i + 1) & FUNCTION_WORD) !== 0;
}

/** First words of a note that refers to papers, not to a person: "See telegram …", "Not printed.", "Ante, p. 12." */
const NOTE_OF_PAPERS = /^\s*(?:\d+[a-z]?\.\s*)?(?:see|not|telegram|telegrams|despatch|ante|post|infra|supra|file|printed|quoted|vol|no|for|from\s+the\s+(?:file|files))\b/i;

/**
 * A note that says what a person is, in its first words: an office or a trade ("Soviet Commissar for Foreign
 * Affairs.", "From March to May 1917 Russian Minister of Foreign Affairs.", "Russian purchasing agents in the United
 * States."), not a reference to papers.
 */
export function noteIdentifiesPerson(note: string): boolean {
  if (NOTE_OF_PAPERS.test(note)) return false;
  const words = note.replace(/^\s*\d+[a-z]?\.\s*/, '').split(/[^\p{L}-]+/u).filter(Boolean).slice(0, 8);
  return words.some((w) => {
    const f = fold(w);
    return ROLE_NOUNS.has(f) || (f.endsWith('s') && ROLE_NOUNS.has(f.slice(0, -1)));
  });
}

/**
 * The run of capitalised words that ends at token `first` follows "the": "the Boxers", "the Tao Yin" (the run reaches
 * back over words the name rules dropped from its start). Not after "a" or "an", which make a name a type ("a
 * Litvinov", "a British Maiskii"), nor after a nationality ("the French Vansittart").
 */
function afterArticle(tk: Tokens, first: number): boolean {
  let j = first;
  while (j > 0) {
    const p = j - 1;
    const flags = tk.flagsAt(p);
    if ((flags & INITIAL) !== 0 || (flags & CAPITALISED) === 0 || (flags & (POSSESSIVE | HAS_STOP)) !== 0 || tk.formAt(p) === THE || !joined(tk, p, j)) break;
    if ((tk.lex(p) & NATIONALITY) !== 0) return false;
    j--;
  }
  return j > 0 && tk.formAt(j - 1) === THE && joined(tk, j - 1, j);
}

/**
 * The name at token `last` qualifies the noun after it: "the Stevens commission", "the Kolchak government", "the
 * Sikorski Government", "the Sikorski and Hitler Governments", "the Mannerheim–Tanner gang". Not before a verb ("the
 * Boxers created", "the Peiho was"): a function word or a past tense after it is a clause's.
 */
function attributive(tk: Tokens, last: number): boolean {
  const next = last + 1;
  if (tk.has(last, POSSESSIVE) || next >= tk.count || !isWordToken(tk, next)) return false;
  const text = tk.text;
  const gapStart = tk.endAt(last);
  const gapEnd = tk.startAt(next);
  if (gapEnd - gapStart === 1 && isDash(text.charCodeAt(gapStart)) && tk.has(next, CAPITALISED)) return true;
  if (!joined(tk, last, next) || breakBetween(text, gapStart, gapEnd)) return false;
  if (tk.formAt(next) === AND && last + 2 < tk.count && tk.has(last + 2, CAPITALISED) && joined(tk, next, last + 2)) return attributive(tk, last + 2);
  const bits = tk.lex(next);
  if (tk.has(next, CAPITALISED)) return (bits & NOT_NAME) !== 0 && (bits & FUNCTION_WORD) === 0;
  return (bits & (FUNCTION_WORD | SPEECH_VERB)) === 0 && !tk.endsWith(next, 'ed');
}

/** A hyphen, an en dash or an em dash. */
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** The names the layout gives in `text` (see ./layout-names.ts), to hand to {@link findPersons} as `layout`. */
export function layoutNamesOf(text: string, place: (folded: string) => boolean = () => false): PersonMention[] {
  return layoutMentions(text, isNameWord, place);
}

/** The words of `token` from..to (exclusive) that are of the kind asked: given names, or initials. */
function wordsOf(tk: Tokens, from: number, to: number, initials: boolean): string[] {
  const out: string[] = [];
  for (let x = from; x < to; x++) {
    if (initials ? tk.has(x, INITIAL) : isWordToken(tk, x) && (tk.lex(x) & PARTICLE) === 0) out.push(tk.word(x));
  }
  return out;
}

/** Evidence in the order a {@link CandidateLog} numbers it. */
const EVIDENCE: readonly PersonEvidence[] = ['title', 'initials', 'forename', 'block', 'layout', 'context', 'known'];

/** The mention of the name of tokens `first` to `last`, its title up to `titleEnd` (exclusive). */
function mentionOf(tk: Tokens, first: number, titleEnd: number, last: number, evidence: PersonEvidence): PersonMention {
  const text = tk.text;
  const start = tk.startAt(first);
  const end = tk.endAt(last);
  const mention: PersonMention = {
    start, end, text: text.slice(start, end), key: keyAt(tk, last), surname: tk.word(last),
    forenames: wordsOf(tk, titleEnd, last, false), initials: wordsOf(tk, titleEnd, last, true), evidence,
  };
  if (titleEnd > first) mention.title = text.slice(start, tk.endAt(titleEnd - 1));
  return mention;
}

/**
 * The word before token `first` is "to" (or "à"): a name there may be the addressee of a letter cited after the
 * mention found last ("Webster to Léger"), the one rule of {@link judge} that reads what was found before.
 */
function afterTo(tk: Tokens, first: number): boolean {
  const prev = first - 1;
  return prev >= 0 && (tk.is(prev, TO) || (tk.length(prev) === 1 && tk.text.charCodeAt(tk.startAt(prev)) === 0xe0 /* à */));
}

/** Every person mention of `text`, in order, without overlaps. */
export function findPersons(text: string, options: FindPersonsOptions = {}): PersonMention[] {
  // Not memoized: a document's units are read once (round two reuses round one's names, tag-document.ts), and a
  // cache keyed by each paragraph's text hashed every paragraph and kept a megabyte of tokens alive for nothing.
  if (options.tokens) return personsOf(options.tokens, options);
  // Tokens read here live only as long as this call: they are the reader's own buffers, not copies (two typed
  // arrays per paragraph of the entity pass), lent until given back; a callback that reads another text meanwhile
  // reads it into buffers of its own.
  const tk = readTokens(text, true);
  try {
    return personsOf(tk, options);
  } finally {
    releaseTokens(tk);
  }
}

/** {@link findPersons} over the tokens of its text. */
function personsOf(tk: Tokens, options: FindPersonsOptions): PersonMention[] {
  const text = tk.text;
  const log = options.log;
  const recording = log !== undefined && log.recording;
  const replaying = log !== undefined && !log.recording;
  if (replaying) log.startReplay();
  const askedOf = options.known ?? (() => false);
  // While recording, every surname asked about is written down with its answer.
  const known = recording ? (key: string): boolean => {
    const answer = askedOf(key);
    log.ask(key, answer);
    return answer;
  } : askedOf;
  const common = options.common ?? (() => false);
  const place = options.place ?? (() => false);
  // Names the layout gives (routing lines, a holder in parentheses, an identification note, Chinese names): taken first.
  const out: PersonMention[] = options.nameLine ? [] : options.layout ? options.layout.map((m) => ({ ...m })) : layoutMentions(text, isNameWord, place);
  const taken = out.slice();
  let next = 0;
  // A name starts with a title, an initial or a name word, all capitalised: only those words are looked at (most
  // words need no closer look), from `resume` on (after the last name found).
  const starts = tk.nameStarts;
  let resume = 0;
  for (let s = 0; s < tk.nameStartCount; s++) {
    const i = starts[s]!;
    if (i < resume) continue;
    const tokStart = tk.startAt(i);
    const tokEnd = tk.endAt(i);
    while (next < taken.length && taken[next]!.end <= tokStart) next++;
    if (next < taken.length && taken[next]!.start < tokEnd) continue;
    if (replaying) {
      // A decision of the recorded reading that cannot have changed: taken as it was.
      const d = log.holdingAt(i, known);
      if (d >= 0) {
        const outcome = log.outcome(d);
        if (outcome === NO_CANDIDATE || outcome === INTO_LAYOUT) continue;
        const first = log.first(d);
        if (!afterTo(tk, first)) {
          if (outcome !== NOT_A_NAME) {
            const last = log.last(d);
            out.push(mentionOf(tk, first, log.titleEnd(d), last, EVIDENCE[outcome]!));
            resume = last + 1;
          }
          continue;
        }
      }
    }
    const c = candidateAt(tk, i, options.nameLine ?? false, known);
    if (!c) {
      if (recording) log.decide(i, NO_CANDIDATE, 0, 0, 0);
      continue;
    }
    // A candidate must not run into a layout name.
    if (next < taken.length && taken[next]!.start < tk.endAt(c.last)) {
      if (recording) log.decide(i, INTO_LAYOUT, 0, 0, 0);
      continue;
    }
    const evidence = judge(tk, c, options, out, known, common, place);
    if (recording) log.decide(i, evidence ? EVIDENCE.indexOf(evidence) : NOT_A_NAME, c.first, c.titleEnd, c.last);
    if (evidence) {
      out.push(mentionOf(tk, c.first, c.titleEnd, c.last, evidence));
      resume = c.last + 1;
    }
  }
  if (recording) log.finish();
  out.sort((a, b) => a.start - b.start);
  return options.nameLine ? out : addCoordinated(tk, out, common, place);
}

/** Why candidate `c` is a name, if it is one. */
function judge(
  tk: Tokens,
  c: Candidate,
  options: FindPersonsOptions,
  out: readonly PersonMention[],
  known: (key: string) => boolean,
  common: (folded: string) => boolean,
  place: (folded: string) => boolean,
): PersonEvidence | undefined {
  const text = tk.text;
  const first = c.first;
  const firstStart = tk.startAt(first);
  const prev = first > 0 ? first - 1 : -1;
  const last = c.last;
  const titled = c.titleEnd > c.first;
  // The words between the title and the surname: how many given names, how many initials.
  let forenames = 0;
  let initials = 0;
  let firstForename = -1;
  for (let x = c.titleEnd; x < last; x++) {
    if (tk.has(x, INITIAL)) initials++;
    else if ((tk.lex(x) & PARTICLE) === 0) {
      if (firstForename < 0) firstForename = x;
      forenames++;
    }
  }
  const coreLength = last + 1 - c.titleEnd;
  // "anti-Hitler" is one token; a word glued to the name by a hyphen or slash is not a mention of the name.
  const glued = text.charCodeAt(firstStart - 1);
  if (glued === 45 || glued === 47) return undefined;
  // "S.S. Simferopol", "the vessels Nascopie and Egba": ships are named like people.
  if (!titled && afterShipWord(tk, first)) return undefined;
  // "Riggs Bank", "through Morgan's on behalf of", "Marie Rose 3,023, Bjarmia 1,386": a firm, a ship of a list.
  if (!titled && (namesAFirm(text, tk.endAt(last)) || itemOfQuantityList(text, firstStart, tk.endAt(last)))) return undefined;

  if (titled) {
    // "British Minister Peking", "Consul Vladivostok": an office before a place names the post.
    // "Secretary of State Washington": the office is any of the title's words.
    let post = false;
    for (let x = c.first; x < c.titleEnd; x++) if ((tk.lex(x) & POST_TITLE) !== 0) post = true;
    // "Ambassador Buenos Aires", "Minister Costa Rica": a place of several words too.
    if (post && placeWords(tk, c.titleEnd, last, place)) return undefined;
    // "the General Chamber of Commerce", "General Board of the Navy": a body's name that a title word opens.
    if (coreLength === 1 && (tk.lex(last) & ORGANISATION_WORD) !== 0 && last + 1 < tk.count && joined(tk, last, last + 1) &&
      (tk.is(last + 1, OF) || tk.has(last + 1, CAPITALISED))) return undefined;
    return 'title';
  }
  const surnameFolded = tk.folded(last);
  const surnameStart = tk.startAt(last);
  const surnameEnd = tk.endAt(last);
  // "B. Accept all the obligations": a lettered item of a list, not an initial, before a common word; so is the
  // number of a division ("Chapter I. Loans to the Provisional Government", "Part V. Treatment of …").
  if (initials === 1 && coreLength === 2 && common(surnameFolded) && /(?:^|\n|\b(?:Chapter|Part|Section|Book|Title|Article|Annex|Appendix))[ \t]*$/i.test(text.slice(Math.max(0, firstStart - 10), firstStart))) return undefined;
  // "S. S. Simferopol" spaced as some printers set it: the steamship's letters, not a person's initials.
  if (forenames === 0 && shipLetters(text, Math.max(0, firstStart - 8), surnameStart) && /(?:^|[^\p{L}.])S\.\s?S\.\s*$/u.test(text.slice(Math.max(0, firstStart - 8), surnameStart))) return undefined;
  if (initials > 0 && tk.has(c.titleEnd, INITIAL)) return 'initials';
  if (forenames > 0 && (tk.lex(firstForename) & FORENAME) !== 0) return 'forename';
  if (options.nameLine) return 'block';
  if (forenames > 0 || place(surnameFolded)) return undefined;
  // "the Boxers", "the Peiho", "the Tao Yin of Harbin", "the Doyen's communication": a bare word after an article
  // names a body, a river or an office; a person's name stands there only as an attribute ("the Stevens
  // commission", "the Kolchak government").
  if (afterArticle(tk, first) && !attributive(tk, last)) return undefined;
  // "Chicherin¹" with the note "1. Soviet Commissar for Foreign Affairs.": the editors say who the word is.
  if (options.noteAt && !blockedAsPlace(tk, last) && !common(surnameFolded) && !derived(tk, last)) {
    const note = options.noteAt(surnameEnd) ?? (text[surnameEnd] === '.' ? options.noteAt(surnameEnd + 1) : undefined);
    if (note !== undefined && noteIdentifiesPerson(note)) return 'context';
  }
  // "Lin-yu Hsien", "Ho-chien Fu", "the Ch’ien-ch’ing Kung": a word after a romanised Chinese name of two syllables
  // is the kind of place it names (district, prefecture, palace); a person's family name comes first, one syllable.
  if (coreLength === 1 && prev >= 0 && tk.has(prev, HYPHEN) && joined(tk, prev, first) && CHINESE_COMPOUND.test(tk.word(prev))) return undefined;
  // "Paoting Fu", "Ho Nei Hsien", "Tung Chou": a romanised administrative suffix after its place's name.
  if (coreLength === 1 && administrativePlace(tk, last)) return undefined;
  // "Dean of the Diplomatic Corps": an office.
  if (coreLength === 1 && ofAfter(text, surnameEnd) && OF_A_CORPS.test(text.slice(surnameEnd, surnameEnd + 60))) return undefined;
  // "the Whangpu River", "the Liang Hu provinces", "the island of Kulangsu": a place named by its kind.
  if (coreLength === 1 && (beforeKindOfPlace(tk, last) || afterKindOfPlace(tk, first))) return undefined;
  // "Minister of Hacienda", "Ministry of Fomento": the department of an office, in whatever language it is named.
  if (prev >= 0 && tk.is(prev, OF) && coreLength === 1) {
    const word = prev >= 1 ? tk.folded(prev - 1).replace(/^(?:ex|vice)-/, '') : undefined;
    if (word && (ROLE_WORDS.has(word) || TITLES.has(word) || ORGANISATION_WORDS.has(word))) return undefined;
  }
  // A word the texts also print in lower case is a common word: "Following telegraphed", "Daily reports".
  const isCommon = common(surnameFolded);
  // "Seeds, the British ambassador in Moscow,": an apposition naming an office makes the word a person (tested
  // last, where nothing else decided: it reads the text after the word).
  const apposition = (): PersonEvidence | undefined => (appositionRole(text, surnameEnd) ? 'context' : undefined);
  const key = keyAt(tk, last);
  // Known as a name ("Lord Halifax" elsewhere): the bare word is the person, even where it is also a city.
  if (known(key)) {
    // "Bearing in mind …": a participle opening a sentence, capitalised as every first word is.
    const word = isCommon || participleBeforeLowerCase(tk, last);
    return word && sentenceInitial(text, firstStart) && !(options.strong?.(key) ?? false) ? apposition() : 'known';
  }
  if (blockedAsPlace(tk, last) || derived(tk, last) || isCommon) return apposition();
  // "Rs. 200,000,000", "Article 1", "No. 5": a word before a number is an abbreviation or a heading.
  if (numberAfter(text, surnameEnd)) return undefined;
  // Context alone does not make a name of "the Russians" or of derived words ("Hitlerites, who").
  if (prev >= 0 && tk.has(prev, ASCII) && (tk.lex(prev) & ARTICLE) !== 0) return undefined;
  if (prev >= 0 && tk.has(last, ALL_CAPS) && tk.has(prev, ASCII) && tk.has(prev, ALL_CAPS) && (tk.formAt(prev) === FROM || tk.formAt(prev) === TO) && joined(tk, prev, first)) {
    return 'context';
  }
  const after = last + 1 < tk.count ? last + 1 : -1;
  // "Hitler's forces", not "McGill-Queen's University Press".
  if (tk.has(last, POSSESSIVE) && !tk.has(last, ALL_CAPS) && after >= 0 && (letterClassAt(text, tk.startAt(after)) & LOWER) !== 0) return 'context';
  // "Webster to Léger, 18 December 1958", "Halifax to Seeds, no. 686": the addressee of a cited letter; and
  // "Churchill wrote to Stalin", the same with a verb of saying or writing between.
  const lastFound = out[out.length - 1];
  if (afterTo(tk, first) && lastFound &&
    lastFound.end <= tk.startAt(prev) && tk.startAt(prev) - lastFound.end <= 24 && /^[ \t]+$/.test(text.slice(tk.endAt(prev), firstStart))) {
    const between = text.slice(lastFound.end, tk.startAt(prev));
    const punct = text[surnameEnd];
    if (/^\s+$/.test(between) && (punct === ',' || punct === '.' || punct === ';')) return 'context';
    const verb = /^\s+(\p{L}+)\s+$/u.exec(between)?.[1];
    if (verb && SPEECH_VERBS.has(verb)) return 'context';
  }
  // "Timoshenko who was present": a relative pronoun for persons.
  if (after >= 0 && (tk.is(after, WHO) || tk.is(after, WHOM)) && tk.startAt(after) - surnameEnd <= 3 &&
    /^,?\s+$/.test(text.slice(surnameEnd, tk.startAt(after)))) return 'context';
  if (after >= 0 && tk.has(after, AS_FOLDED) && (tk.lex(after) & SPEECH_VERB) !== 0 && joined(tk, last, after)) return 'context';
  // "said Churchill", but not "the proposed Siberian unit" (a participle after an article).
  const beforeVerb = first - 2;
  if (prev >= 0 && tk.has(prev, AS_FOLDED) && (tk.lex(prev) & SPEECH_VERB) !== 0 && firstStart - tk.endAt(prev) <= 3 &&
    /^,?\s+$/.test(text.slice(tk.endAt(prev), firstStart)) &&
    !(beforeVerb >= 0 && tk.has(beforeVerb, ASCII) && (tk.lex(beforeVerb) & DETERMINER) !== 0)) return 'context';
  return apposition();
}

/** "S." in text[from, to): where the letters of a steamship can stand. */
function shipLetters(text: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++) if (text.charCodeAt(i) === 83 && text.charCodeAt(i + 1) === 46) return true;
  return false;
}

/** The first token from index `from` on whose end is at `offset` or after (token ends only grow). */
function firstEndingFrom(tk: Tokens, from: number, offset: number): number {
  let lo = from;
  let hi = tk.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tk.endAt(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** ", " or " and " or ", and " between two names of one list, at most this long. */
const LIST_GAP = /^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|\s+&\s+)$/;
const MAX_GAP = 8;

/**
 * Names listed with a name: "Hitler and Mussolini", "Darlan, Boisson, Giraud". A single capitalised word that
 * could be a name (not a place, nationality, institution or derived word) joined by a comma or "and" to a name
 * found by the other rules is a name too; lists are followed both ways until nothing changes.
 *
 * Linear in the text: each word looks only at the nearest mention before and after it (two cursors over the
 * sorted mentions), and every gap tested is at most {@link MAX_GAP} characters.
 */
function addCoordinated(
  tk: Tokens,
  found: PersonMention[],
  common: (folded: string) => boolean,
  place: (folded: string) => boolean,
): PersonMention[] {
  if (found.length === 0) return found;
  const text = tk.text;
  let out = found;
  // The first round looks at every word; each later round only at the few words around what the round before added.
  let indices: number[] | undefined;
  for (let round = 0; round < 4 && (indices === undefined || indices.length > 0); round++) {
    const added: PersonMention[] = [];
    const addedAt: number[] = [];
    let before: PersonMention | undefined;
    let ahead = 0;
    const count = indices ? indices.length : tk.count;
    for (let n = 0; n < count; n++) {
      const ti = indices ? indices[n]! : n;
      const tStart = tk.startAt(ti);
      const tEnd = tk.endAt(ti);
      while (ahead < out.length && out[ahead]!.start < tEnd) {
        if (out[ahead]!.end <= tStart) before = out[ahead];
        else break;
        ahead++;
      }
      // Inside an existing mention.
      if (ahead < out.length && out[ahead]!.start < tEnd && tStart < out[ahead]!.end) continue;
      const after = out[ahead];
      // After a name, the word must close a list item ("Hitler and Mussolini.", "Grabski, Romer and"); before a
      // name only "and"/"or" joins ("Badoglio and Bonomi"): a comma there is an apposition ("for Health, Walter Elliot").
      const lastAdded = added[added.length - 1];
      const previous = lastAdded && (!before || lastAdded.end > before.end) ? lastAdded : before;
      const nearBefore = previous !== undefined && tStart - previous.end <= MAX_GAP;
      const nearAfter = after !== undefined && after.start - tEnd <= MAX_GAP;
      if (!nearBefore && !nearAfter) {
        // In the first round, no word before the next mention's reach can be near one (the mention before stays the
        // same, and it only falls further behind): go straight there, or stop when no mention is ahead.
        if (!indices) {
          if (!after) break;
          n = firstEndingFrom(tk, n + 1, after.start - MAX_GAP) - 1;
        }
        continue;
      }
      if (!nameWord(tk, ti) || tk.has(ti, ALL_CAPS) || blockedAsPlace(tk, ti) || place(tk.folded(ti)) || common(tk.folded(ti)) || derived(tk, ti)) continue;
      const glued = text.charCodeAt(tStart - 1);
      if (glued === 45 || glued === 47 || text.charCodeAt(tEnd) === 45) continue;
      if (afterShipWord(tk, ti) || administrativePlace(tk, ti) || beforeKindOfPlace(tk, ti) || afterKindOfPlace(tk, ti)) continue;
      if (afterArticle(tk, ti) && !attributive(tk, ti)) continue;
      const closes = /^(?:\s*[,.;)]|\s+(?:and|or)\s)/.test(text.slice(tEnd, tEnd + 6));
      const joinsBefore = closes && nearBefore && LIST_GAP.test(text.slice(previous!.end, tStart));
      const joinsAfter = nearAfter && /^\s+(?:and|or)\s+$/.test(text.slice(tEnd, after!.start));
      if (!joinsBefore && !joinsAfter) continue;
      const word = tk.word(ti);
      added.push({
        start: tStart, end: tEnd, text: text.slice(tStart, tEnd), key: keyAt(tk, ti), surname: word, forenames: [], initials: [],
        evidence: 'context',
      });
      addedAt.push(ti);
    }
    if (added.length === 0) break;
    out = [...out, ...added].sort((a, b) => a.start - b.start);
    const next = new Set<number>();
    for (const i of addedAt) for (let j = Math.max(0, i - 3); j <= Math.min(tk.count - 1, i + 3); j++) if (j !== i) next.add(j);
    indices = [...next].sort((x, y) => x - y);
  }
  return out;
}
