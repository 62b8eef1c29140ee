/**
 * Finds mentions of named persons in a string by rules of form and context: a title before a capitalised word
 * ("Mr Harriman", "Premier Stalin"), initials before it ("J. V. STALIN"), a common given name before it
 * ("Alistair Horne"), a verb of saying beside it ("said Churchill"), a possessive ("Hitler's forces"), the
 * name line of a signature or salutation, or a surname already known from such evidence elsewhere in the
 * edition. Nothing here lists the people of any text.
 */
import {
  FORENAMES, FUNCTION_WORDS, NATIONALITIES, NOT_NAMES, ORGANISATION_WORDS, PARTICLES, PLACES, POST_TITLES, ROLE_NOUNS, ROLE_WORDS, SHIP_WORDS, SPEECH_VERBS, TITLES, fold,
} from './lexicon.js';
import { layoutMentions } from './layout-names.js';
import { itemOfQuantityList, namesAFirm } from './named-after.js';
import { isLetterUnit, scanWords } from '../../readers/letter-class.js';

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
}

export interface Token {
  start: number;
  /** End of the token, including the stop of an initial or an abbreviated title. */
  end: number;
  /** The word without a stop or possessive. */
  word: string;
  kind: 'word' | 'initial';
  possessive: boolean;
  hasStop: boolean;
  /** `fold(word)`, computed once: the rules compare it against the lexicon many times. */
  folded: string;
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu;

/**
 * Tokens of a string, memoized: the person rules run twice over each document (see tag-document.ts), and
 * tokenizing is their largest cost. Tokens are never modified after they are made.
 */
function tokenize(text: string): readonly Token[] {
  let tokens = tokenCache.get(text);
  if (!tokens) {
    tokens = readTokens(text);
    // Bounded by the characters it holds, not only by entries: the tokens of a whole source read for what it
    // establishes (megabytes of text, ~20 bytes of tokens per character) must not stay for the rest of the run.
    if (text.length <= TOKEN_CACHE_CHARS) {
      if (tokenCache.size >= 4096 || cachedChars + text.length > TOKEN_CACHE_CHARS) {
        tokenCache.clear();
        cachedChars = 0;
      }
      tokenCache.set(text, tokens);
      cachedChars += text.length;
    }
  }
  return tokens;
}

const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_CHARS = 1 << 20;
let cachedChars = 0;

/**
 * The words of `text` as the rules read them: a letter, then letters, marks, apostrophes and hyphens, ending on a
 * letter (what `\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}` matches; see ../../readers/letter-class.ts). Tokenizing is read on every
 * text the entity pass sees, several times over.
 */
export function readTokens(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end, ascii) => {
    tokens.push(tokenOf(text, start, end, ascii));
  });
  return tokens;
}

function tokenOf(text: string, start: number, matchEnd: number, ascii: boolean): Token {
  let end = matchEnd;
  let possessive = false;
  const last = text.charCodeAt(end - 1);
  const apostrophe = text.charCodeAt(end - 2);
  if ((last === 115 /* s */) && (apostrophe === 39 || apostrophe === 0x2019) && end - start > 2) {
    possessive = true;
    end -= 2;
  }
  const word = text.slice(start, end);
  const hasStop = !possessive && text.charCodeAt(end) === 46; /* . */
  let isInitial = false;
  if (hasStop) {
    // Russian initials romanised with two letters: "A. Kh. Vekhviliainen", "Yu. V. Andropov".
    const letters = word.length === 1 ? isUpperLetter(word) : word.length === 2 && TWO_LETTER_INITIALS.has(word);
    isInitial = letters && !letterOrStopAt(text, start - 1) && !isLetterUnit(text, end + 1);
  }
  // An abbreviated title keeps its stop ("Mr. Eden"), so that the title and the name stay adjacent; a title
  // written out ends its sentence there ("For Secretary and Under Secretary. Referring to …").
  // An ASCII word folds to its lower case (see fold), without the memo's look-up.
  const folded = ascii ? word.toLowerCase() : fold(word);
  const stopped = isInitial || (hasStop && TITLES.has(folded) && ABBREVIATED_TITLES.has(folded));
  return { start, end: stopped ? end + 1 : end, word, kind: isInitial ? 'initial' : 'word', possessive, hasStop, folded };
}

const TWO_LETTER_INITIALS: ReadonlySet<string> = new Set(['Kh', 'Zh', 'Ch', 'Sh', 'Ts', 'Yu', 'Ya', 'Ye', 'Yo']);

/** Titles written with a stop because they are cut short ("Mr.", "Gen.", "Lieut."): the stop is theirs, not a sentence's. */
const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(
  'mr mrs ms messrs mme mlle dr gen col capt adm lt maj sgt gov sen rep hon rev prof st lieut comdr brig supt insp cdr cmdr fr mgr sr sra srta jr esq'.split(' '),
);

function letterOrStopAt(text: string, i: number): boolean {
  return i >= 0 && (text.charCodeAt(i) === 46 || isLetterUnit(text, i));
}

const UPPER_LETTER = /^\p{Lu}$/u;
function isUpperLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : UPPER_LETTER.test(ch);
}

/** Starts with a capital letter (a letter whose lower case differs from it). */
const isCapitalised = (w: string): boolean => {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = w[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
const isAllCaps = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();

/**
 * Only spaces (and at most one line break) between two tokens: they can belong to one name. Read character by
 * character: this is asked of most pairs of neighbouring capitalised words.
 */
function joined(text: string, a: Token, b: Token): boolean {
  let breaks = 0;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < b.start) continue;
    if (c === 10 && breaks++ === 0) continue;
    return false;
  }
  return true;
}

/** The surname key the scorer and the personography use: the folded last name word. */
export function surnameKey(surname: string): string {
  const lower = surname.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Can this word be part of a name (given name or surname)? */
function nameWord(t: Token): boolean {
  if (t.kind !== 'word' || t.word.length < 2 || !isCapitalised(t.word)) return false;
  // "FO", "UN": capitals of two letters are abbreviations.
  if (t.word.length <= 2 && isAllCaps(t.word)) return false;
  // "Article VII", "Grades V, VI and VII", "Chapter XXI": a Roman numeral of I, V and X (no name is made of these letters).
  if (ROMAN_NUMERAL.test(t.word)) return false;
  const f = t.folded;
  if (NOT_NAMES.has(f) || ROLE_WORDS.has(f) || TITLES.has(f) || /\d/.test(t.word)) return false;
  // "Anglo-French", "Soviet-German": compounds of nationalities or places.
  if (f.includes('-') && f.split('-').some((part) => NATIONALITIES.has(part) || PLACES.has(part) || NOT_NAMES.has(part))) return false;
  return true;
}

/** A romanised Chinese word of two syllables joined by a hyphen, the second in lower case: "Lin-yu", "Ch’ien-ch’ing". */
const CHINESE_COMPOUND = /^\p{Lu}[\p{Ll}'’]*-\p{Ll}[\p{Ll}'’]*$/u;

const ROMAN_NUMERAL = /^X{0,3}(?:IX|IV|V?I{0,3})$/;

/** {@link nameWord} for a word alone (the layout rules of ./layout-names.ts test words they cut themselves). */
function isNameWord(word: string): boolean {
  return nameWord({ start: 0, end: word.length, word, kind: 'word', possessive: false, hasStop: false, folded: fold(word) });
}

/** First words of the titles of two or three words ("prime" of "prime_minister"): only they need a look ahead. */
const MULTIWORD_TITLE_STARTS: ReadonlySet<string> = new Set([...TITLES].filter((t) => t.includes('_')).map((t) => t.split('_')[0]!));

/** Matches title words at token i; returns how many tokens they take (0 if none). */
function titleAt(tokens: readonly Token[], i: number, text: string): number {
  const t = tokens[i];
  if (!t || t.kind === 'initial' && t.word !== 'M') return 0;
  if (!isCapitalised(t.word) || t.possessive) return 0;
  const next = tokens[i + 1];
  if (next && MULTIWORD_TITLE_STARTS.has(t.folded) && joined(text, t, next)) {
    const third = tokens[i + 2];
    if (third && joined(text, next, third) && TITLES.has(`${t.folded}_${next.folded}_${third.folded}`)) return 3;
    if (TITLES.has(`${t.folded}_${next.folded}`)) return 2;
  }
  if (t.word === 'M') {
    // "M. Stalin" (Monsieur) against "M. J. Carley" (initials): a title only before a surname, not before more initials.
    return next && next.kind === 'word' && nameWord(next) && joined(text, t, next) ? 1 : 0;
  }
  return TITLES.has(t.folded) ? 1 : 0;
}

interface Candidate {
  first: number;
  titleEnd: number;
  last: number; // index of the surname token
}

/** Builds the longest name that starts at token i (titles, then given names, initials, particles, surname). */
function candidateAt(
  tokens: readonly Token[],
  i: number,
  text: string,
  nameLine: boolean,
  known: (key: string) => boolean,
): Candidate | undefined {
  let j = i;
  for (;;) {
    const n = titleAt(tokens, j, text);
    if (n === 0) break;
    const after = tokens[j + n];
    if (!after || !joined(text, tokens[j + n - 1]!, after)) return undefined;
    j += n;
  }
  const titleEnd = j;
  if (titleEnd > i && tokens[titleEnd - 1]?.possessive) return undefined;
  const core: number[] = [];
  let k = j;
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (core.length > 0 && !joined(text, tokens[k - 1]!, t)) break;
    if (core.length > 0 && nameLine && /\n/.test(text.slice(tokens[k - 1]!.end, t.start))) break;
    if (core.length === 0 && k > titleEnd && !joined(text, tokens[k - 1]!, t)) break;
    if (t.kind === 'initial') {
      core.push(k);
    } else if (PARTICLES.has(t.folded) && !isCapitalised(t.word) && core.length + (titleEnd - i) > 0) {
      const next = tokens[k + 1];
      if (!next || !nameWord(next) || !joined(text, t, next)) break;
      core.push(k);
    } else if (nameWord(t)) {
      // "Hitler Germany": a country or nationality after a name is not part of it.
      if (core.length > 0 && blockedAsPlace(t.word)) break;
      core.push(k);
      if (t.possessive) break;
    } else if (vocabularySurname(tokens, k, core, text, core.length === 0 && titleEnd > i && PERSONAL_TITLES.has(tokens[titleEnd - 1]!.folded))) {
      // "Edward House", "Mr. Eugene Prince": after a given name, a word of the vocabulary ends the name as its surname.
      core.push(k);
      break;
    } else {
      break;
    }
    k++;
  }
  // The surname is the last name word; anything after it (a trailing initial) is dropped.
  while (core.length > 0 && tokens[core[core.length - 1]!]!.kind !== 'word') core.pop();
  if (core.length === 0) return undefined;
  const words = core.filter((x) => tokens[x]!.kind === 'word' && !PARTICLES.has(tokens[x]!.folded));
  // In capitals, only given names we recognise run on before a surname: "J. V. STALIN WORKS" is Stalin.
  if (!nameLine && words.length > 1 && words.every((x) => isAllCaps(tokens[x]!.word))) {
    let keep = 0;
    while (keep < words.length - 1 && FORENAMES.has(tokens[words[keep]!]!.folded)) keep++;
    let lastIndex = words[keep]!;
    // "FRANKLIN DELANO ROOSEVELT": a middle name in capitals, when the word after it is a known surname.
    const after = words[keep + 1];
    if (after !== undefined && known(surnameKey(tokens[after]!.word))) lastIndex = after;
    while (core.length > 0 && core[core.length - 1]! > lastIndex) core.pop();
  }
  // Without a title, capitalised words before the name that are not given names are the sentence's, not the
  // name's: "Meanwhile Maiskii", "Unlike Molotov", "Britain I. M. Maiskii".
  if (titleEnd === i) {
    while (core.length > 1) {
      const t = tokens[core[0]!]!;
      // A particle opening a surname stays, capitalised or not: "De Gaulle", "Le Rougetel".
      if (t.kind === 'initial' || FORENAMES.has(t.folded) || PARTICLES.has(t.folded)) break;
      core.shift();
    }
    return { first: core[0]!, titleEnd: core[0]!, last: core[core.length - 1]! };
  }
  return { first: i, titleEnd, last: core[core.length - 1]! };
}

/**
 * A capitalised word of the vocabulary (an institution, a title: "House", "Prince") right after a given name,
 * ending the name: its surname. Function words and month names never are. So is one right after a title of
 * rank or courtesy ("Colonel House", "Mr. Long"), but not an office or a title there ("Mr. Acting Secretary",
 * "Dear Mr. Counselor": an address, no name).
 */
function vocabularySurname(tokens: readonly Token[], k: number, core: readonly number[], text: string, afterTitle: boolean): boolean {
  const t = tokens[k]!;
  const last = core.length > 0 ? tokens[core[core.length - 1]!]! : undefined;
  if (afterTitle) {
    if (ROLE_WORDS.has(t.folded) || TITLES.has(t.folded) || CALENDAR_WORDS.has(t.folded)) return false;
  } else if (!last || last.kind !== 'word' || !FORENAMES.has(last.folded)) return false;
  if (t.kind !== 'word' || t.word.length < 3 || !isCapitalised(t.word) || isAllCaps(t.word) || FUNCTION_WORDS.has(t.folded)) return false;
  if (ORGANISATION_WORDS.has(t.folded)) return false;
  if (blockedAsPlace(t.word) || !(NOT_NAMES.has(t.folded) || TITLES.has(t.folded) || ROLE_WORDS.has(t.folded))) return false;
  const next = tokens[k + 1];
  // "Charles Street Station", "William Board of Trade": more capitalised words or "of" after it make a phrase.
  if (next && joined(text, t, next) && (isCapitalised(next.word) || next.word === 'of')) return false;
  return true;
}

/**
 * Titles of rank or courtesy, after which a word of the vocabulary is a surname ("Colonel House"). Not "General"
 * ("General Staff"), "Lord" ("Lord Privy Seal") or an office ("President", "Minister"): words after those name the
 * office's body or its seat.
 */
const PERSONAL_TITLES: ReadonlySet<string> = new Set('mr mrs miss ms messrs dr colonel col captain capt major maj admiral commander lieutenant lieut lt senator'.split(' '));

/** Days and months: "Mr. March" is not printed, "Captain May" would be read as a date first. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

function blockedAsPlace(word: string): boolean {
  const f = fold(word);
  return PLACES.has(f) || NATIONALITIES.has(f);
}

/** Derived words: "Hitlerites", "Bolshevists", "Americans", "Japanese", "Hitlerism". */
const DERIVED = /(?:ites|ists|ians|ans|ese|ics|ism)$/;

/**
 * The word at token i names a ship: "S.S. Simferopol", "the vessels Nascopie and Egba" (a ship word before it,
 * or before the list it ends).
 */
function afterShipWord(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i];
  if (!t) return false;
  // Only the six characters before the word: searching back from it for "S." read to the start of the text
  // whenever no ship was near (quadratic in a volume read as one text).
  const before = text.slice(Math.max(0, t.start - 6), t.start);
  if (before.includes('S.') && /S\.\s?S\.\s*$/.test(before)) return true;
  for (let j = i - 1, n = 0; j >= 0 && n < 4; j--, n++) {
    const p = tokens[j]!;
    if (SHIP_WORDS.has(p.folded)) return true;
    if (!(p.word === 'and' || isCapitalised(p.word))) return false;
  }
  return false;
}

/**
 * ", the British ambassador in Moscow,", ", Vice Consul at Harbin.": an office in apposition right after a name —
 * at most two modifiers, then the office, then the end of the phrase or a preposition.
 */
const APPOSITION = /^,[ \t]+(?:(?:the|a|then|now|former|later)[ \t]+)?((?:[\p{L}-]+[ \t]+){0,2})([\p{L}-]+)(?=[,;.]|[ \t]+(?:in|at|of|to|for|and|on)\b)/u;

function appositionRole(text: string, end: number): boolean {
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

/** The token stands where every word is capitalised: the start of the text, a line or a sentence. */
function sentenceInitial(text: string, t: Token): boolean {
  const c = previousChar(text, t.start);
  return c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === ';' || c === '*' || c === ']' || /\d/.test(c);
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
function afterArticle(tokens: readonly Token[], first: number, text: string): boolean {
  let j = first;
  while (j > 0) {
    const p = tokens[j - 1]!;
    if (p.kind !== 'word' || !isCapitalised(p.word) || p.possessive || p.hasStop || p.folded === 'the' || !joined(text, p, tokens[j]!)) break;
    if (NATIONALITIES.has(p.folded)) return false;
    j--;
  }
  const article = tokens[j - 1];
  return article !== undefined && article.folded === 'the' && joined(text, article, tokens[j]!);
}

/**
 * The name at token `last` qualifies the noun after it: "the Stevens commission", "the Kolchak government", "the
 * Sikorski Government", "the Sikorski and Hitler Governments", "the Mannerheim–Tanner gang". Not before a verb ("the
 * Boxers created", "the Peiho was"): a function word or a past tense after it is a clause's.
 */
function attributive(tokens: readonly Token[], last: number, text: string): boolean {
  const name = tokens[last]!;
  const next = tokens[last + 1];
  if (name.possessive || !next || next.kind !== 'word') return false;
  const gap = text.slice(name.end, next.start);
  if (/^[-–—]$/.test(gap) && isCapitalised(next.word)) return true;
  if (!joined(text, name, next) || gap.includes('\n')) return false;
  if (next.folded === 'and' && tokens[last + 2] && isCapitalised(tokens[last + 2]!.word) && joined(text, next, tokens[last + 2]!)) return attributive(tokens, last + 2, text);
  if (isCapitalised(next.word)) return NOT_NAMES.has(next.folded) && !FUNCTION_WORDS.has(next.folded);
  return !FUNCTION_WORDS.has(next.folded) && !SPEECH_VERBS.has(next.folded) && !/ed$/.test(next.word);
}

/** The names the layout gives in `text` (see ./layout-names.ts), to hand to {@link findPersons} as `layout`. */
export function layoutNamesOf(text: string, place: (folded: string) => boolean = () => false): PersonMention[] {
  return layoutMentions(text, isNameWord, place);
}

/** Every person mention of `text`, in order, without overlaps. */
export function findPersons(text: string, options: FindPersonsOptions = {}): PersonMention[] {
  const tokens = tokenize(text);
  const known = options.known ?? (() => false);
  const common = options.common ?? (() => false);
  const place = options.place ?? (() => false);
  // Names the layout gives (routing lines, a holder in parentheses, an identification note, Chinese names): taken first.
  const out: PersonMention[] = options.nameLine ? [] : options.layout ? options.layout.map((m) => ({ ...m })) : layoutMentions(text, isNameWord, place);
  const taken = out.slice();
  let next = 0;
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    while (next < taken.length && taken[next]!.end <= tok.start) next++;
    if (next < taken.length && taken[next]!.start < tok.end) {
      i++;
      continue;
    }
    // A name starts with a title, an initial or a name word, all capitalised: most words need no closer look.
    if (tok.kind === 'word' && !isCapitalised(tok.word)) {
      i++;
      continue;
    }
    const c = candidateAt(tokens, i, text, options.nameLine ?? false, known);
    if (!c) {
      i++;
      continue;
    }
    // A candidate must not run into a layout name.
    if (next < taken.length && taken[next]!.start < tokens[c.last]!.end) {
      i++;
      continue;
    }
    const titleTokens = tokens.slice(c.first, c.titleEnd);
    const coreTokens = tokens.slice(c.titleEnd, c.last + 1);
    const surnameToken = tokens[c.last]!;
    const before = coreTokens.slice(0, -1);
    const forenames = before.filter((t) => t.kind === 'word' && !PARTICLES.has(t.folded)).map((t) => t.word);
    const initials = before.filter((t) => t.kind === 'initial').map((t) => t.word);
    const key = surnameKey(surnameToken.word);
    const evidence = judge();
    if (evidence) {
      const start = tokens[c.first]!.start;
      const end = surnameToken.end;
      const mention: PersonMention = {
        start, end, text: text.slice(start, end), key, surname: surnameToken.word, forenames, initials, evidence,
      };
      if (titleTokens.length > 0) mention.title = text.slice(titleTokens[0]!.start, titleTokens[titleTokens.length - 1]!.end);
      out.push(mention);
      i = c.last + 1;
    } else {
      i++;
    }

    function judge(): PersonEvidence | undefined {
      const first = tokens[c!.first]!;
      const prev = tokens[c!.first - 1];
      // "anti-Hitler" is one token; a word glued to the name by a hyphen or slash is not a mention of the name.
      const glued = text[first.start - 1];
      if (glued === '-' || glued === '/') return undefined;
      // "S.S. Simferopol", "the vessels Nascopie and Egba": ships are named like people.
      if (titleTokens.length === 0 && afterShipWord(tokens, c!.first, text)) return undefined;
      // "Riggs Bank", "through Morgan's on behalf of", "Marie Rose 3,023, Bjarmia 1,386": a firm, a ship of a list.
      if (titleTokens.length === 0 && (namesAFirm(text, surnameToken.end) || itemOfQuantityList(text, first.start, surnameToken.end))) return undefined;

      if (titleTokens.length > 0) {
        // "British Minister Peking", "Consul Vladivostok": an office before a place names the post.
        const lastTitle = titleTokens[titleTokens.length - 1]!;
        // "Secretary of State Washington": the office is any of the title's words.
        const post = POST_TITLES.has(lastTitle.folded) || titleTokens.some((t) => POST_TITLES.has(t.folded));
        // "Ambassador Buenos Aires", "Minister Costa Rica": a place of several words too.
        const placeWords = coreTokens.every((t) => t.kind === 'word' && (blockedAsPlace(t.word) || place(t.folded) || PARTICLES.has(t.folded)));
        if (post && placeWords) return undefined;
        // "the General Chamber of Commerce", "General Board of the Navy": a body's name that a title word opens.
        if (coreTokens.length === 1 && ORGANISATION_WORDS.has(surnameToken.folded)) {
          const after = tokens[c!.last + 1];
          if (after && joined(text, surnameToken, after) && (after.word === 'of' || isCapitalised(after.word))) return undefined;
        }
        return 'title';
      }
      // "B. Accept all the obligations": a lettered item of a list, not an initial, before a common word; so is the
      // number of a division ("Chapter I. Loans to the Provisional Government", "Part V. Treatment of …").
      if (initials.length === 1 && coreTokens.length === 2 && common(surnameToken.folded) && /(?:^|\n|\b(?:Chapter|Part|Section|Book|Title|Article|Annex|Appendix))[ \t]*$/i.test(text.slice(Math.max(0, first.start - 10), first.start))) return undefined;
      // "S. S. Simferopol" spaced as some printers set it: the steamship's letters, not a person's initials.
      if (forenames.length === 0 && /(?:^|[^\p{L}.])S\.\s?S\.\s*$/u.test(text.slice(Math.max(0, first.start - 8), surnameToken.start))) return undefined;
      if (initials.length > 0 && coreTokens[0]!.kind === 'initial') return 'initials';
      if (forenames.length > 0 && FORENAMES.has(fold(forenames[0]!))) return 'forename';
      if (options.nameLine) return 'block';
      if (forenames.length > 0 || place(surnameToken.folded)) return undefined;
      // "the Boxers", "the Peiho", "the Tao Yin of Harbin", "the Doyen's communication": a bare word after an article
      // names a body, a river or an office; a person's name stands there only as an attribute ("the Stevens
      // commission", "the Kolchak government").
      if (afterArticle(tokens, c!.first, text) && !attributive(tokens, c!.last, text)) return undefined;
      // "Chicherin¹" with the note "1. Soviet Commissar for Foreign Affairs.": the editors say who the word is.
      if (options.noteAt && !blockedAsPlace(surnameToken.word) && !common(surnameToken.folded) && !DERIVED.test(surnameToken.word)) {
        const note = options.noteAt(surnameToken.end) ?? (text[surnameToken.end] === '.' ? options.noteAt(surnameToken.end + 1) : undefined);
        if (note !== undefined && noteIdentifiesPerson(note)) return 'context';
      }
      // "Lin-yu Hsien", "Ho-chien Fu", "the Ch’ien-ch’ing Kung": a word after a romanised Chinese name of two syllables
      // is the kind of place it names (district, prefecture, palace); a person's family name comes first, one syllable.
      if (coreTokens.length === 1 && prev && joined(text, prev, first) && CHINESE_COMPOUND.test(prev.word)) return undefined;
      // "Minister of Hacienda", "Ministry of Fomento": the department of an office, in whatever language it is named.
      if (prev && prev.word === 'of' && coreTokens.length === 1) {
        const office = tokens[c!.first - 2];
        const word = office?.folded.replace(/^(?:ex|vice)-/, '');
        if (word && (ROLE_WORDS.has(word) || TITLES.has(word) || ORGANISATION_WORDS.has(word))) return undefined;
      }
      // A word the texts also print in lower case is a common word: "Following telegraphed", "Daily reports".
      const isCommon = common(surnameToken.folded);
      // "Seeds, the British ambassador in Moscow,": an apposition naming an office makes the word a person (tested
      // last, where nothing else decided: it reads the text after the word).
      const apposition = (): PersonEvidence | undefined => (appositionRole(text, surnameToken.end) ? 'context' : undefined);
      // Known as a name ("Lord Halifax" elsewhere): the bare word is the person, even where it is also a city.
      if (known(key)) return isCommon && sentenceInitial(text, first) && !(options.strong?.(key) ?? false) ? apposition() : 'known';
      if (blockedAsPlace(surnameToken.word) || DERIVED.test(surnameToken.word) || isCommon) return apposition();
      // "Rs. 200,000,000", "Article 1", "No. 5": a word before a number is an abbreviation or a heading.
      if (/^\.?\s*\d/.test(text.slice(surnameToken.end, surnameToken.end + 3))) return undefined;
      // Context alone does not make a name of "the Russians" or of derived words ("Hitlerites, who").
      if (prev && /^(?:the|a|an|these|those)$/i.test(prev.word)) return undefined;
      if (isAllCaps(surnameToken.word) && prev && /^(?:FROM|TO)$/.test(prev.word) && joined(text, prev, first)) {
        return 'context';
      }
      const after = tokens[c!.last + 1];
      // "Hitler's forces", not "McGill-Queen's University Press".
      if (surnameToken.possessive && !isAllCaps(surnameToken.word) && after && /^\p{Ll}/u.test(after.word)) return 'context';
      // "Webster to Léger, 18 December 1958", "Halifax to Seeds, no. 686": the addressee of a cited letter; and
      // "Churchill wrote to Stalin", the same with a verb of saying or writing between.
      const lastFound = out[out.length - 1];
      if (prev && (prev.word === 'to' || prev.word === 'à') && lastFound && lastFound.end <= prev.start && prev.start - lastFound.end <= 24 &&
        /^[ \t]+$/.test(text.slice(prev.end, first.start))) {
        const between = text.slice(lastFound.end, prev.start);
        const punct = text[surnameToken.end];
        if (/^\s+$/.test(between) && (punct === ',' || punct === '.' || punct === ';')) return 'context';
        const verb = /^\s+(\p{L}+)\s+$/u.exec(between)?.[1];
        if (verb && SPEECH_VERBS.has(verb)) return 'context';
      }
      // "Timoshenko who was present": a relative pronoun for persons.
      if (after && (after.word === 'who' || after.word === 'whom') && after.start - surnameToken.end <= 3 &&
        /^,?\s+$/.test(text.slice(surnameToken.end, after.start))) return 'context';
      if (after && SPEECH_VERBS.has(after.word) && joined(text, surnameToken, after)) return 'context';
      // "said Churchill", but not "the proposed Siberian unit" (a participle after an article).
      const beforeVerb = tokens[c!.first - 2];
      if (prev && SPEECH_VERBS.has(prev.word) && first.start - prev.end <= 3 && /^,?\s+$/.test(text.slice(prev.end, first.start)) &&
        !(beforeVerb && /^(?:the|a|an|this|that|its|his|their)$/i.test(beforeVerb.word))) return 'context';
      return apposition();
    }
  }
  out.sort((a, b) => a.start - b.start);
  return options.nameLine ? out : addCoordinated(text, tokens, out, common, place);
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
  text: string,
  tokens: readonly Token[],
  found: PersonMention[],
  common: (folded: string) => boolean,
  place: (folded: string) => boolean,
): PersonMention[] {
  if (found.length === 0) return found;
  let out = found;
  // The first round looks at every word; each later round only at the few words around what the round before added.
  let indices: number[] | undefined;
  for (let round = 0; round < 4 && (indices === undefined || indices.length > 0); round++) {
    const added: PersonMention[] = [];
    const addedAt: number[] = [];
    let before: PersonMention | undefined;
    let ahead = 0;
    const count = indices ? indices.length : tokens.length;
    for (let n = 0; n < count; n++) {
      const ti = indices ? indices[n]! : n;
      const t = tokens[ti]!;
      while (ahead < out.length && out[ahead]!.start < t.end) {
        if (out[ahead]!.end <= t.start) before = out[ahead];
        else break;
        ahead++;
      }
      // Inside an existing mention.
      if (ahead < out.length && out[ahead]!.start < t.end && t.start < out[ahead]!.end) continue;
      const after = out[ahead];
      // After a name, the word must close a list item ("Hitler and Mussolini.", "Grabski, Romer and"); before a
      // name only "and"/"or" joins ("Badoglio and Bonomi"): a comma there is an apposition ("for Health, Walter Elliot").
      const lastAdded = added[added.length - 1];
      const previous = lastAdded && (!before || lastAdded.end > before.end) ? lastAdded : before;
      const nearBefore = previous !== undefined && t.start - previous.end <= MAX_GAP;
      const nearAfter = after !== undefined && after.start - t.end <= MAX_GAP;
      if (!nearBefore && !nearAfter) continue;
      if (!nameWord(t) || isAllCaps(t.word) || blockedAsPlace(t.word) || place(t.folded) || common(t.folded) || DERIVED.test(t.word)) continue;
      if (t.kind !== 'word' || text[t.start - 1] === '-' || text[t.start - 1] === '/' || text[t.end] === '-') continue;
      if (afterShipWord(tokens, ti, text)) continue;
      if (afterArticle(tokens, ti, text) && !attributive(tokens, ti, text)) continue;
      const closes = /^(?:\s*[,.;)]|\s+(?:and|or)\s)/.test(text.slice(t.end, t.end + 6));
      const joinsBefore = closes && nearBefore && LIST_GAP.test(text.slice(previous!.end, t.start));
      const joinsAfter = nearAfter && /^\s+(?:and|or)\s+$/.test(text.slice(t.end, after!.start));
      if (!joinsBefore && !joinsAfter) continue;
      added.push({
        start: t.start, end: t.end, text: text.slice(t.start, t.end), key: surnameKey(t.word), surname: t.word, forenames: [], initials: [],
        evidence: 'context',
      });
      addedAt.push(ti);
    }
    if (added.length === 0) break;
    out = [...out, ...added].sort((a, b) => a.start - b.start);
    const next = new Set<number>();
    for (const i of addedAt) for (let j = Math.max(0, i - 3); j <= Math.min(tokens.length - 1, i + 3); j++) if (j !== i) next.add(j);
    indices = [...next].sort((x, y) => x - y);
  }
  return out;
}
