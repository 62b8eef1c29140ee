/**
 * Finds mentions of named persons in a string by rules of form and context: a title before a capitalised word
 * ("Mr Harriman", "Premier Stalin"), initials before it ("J. V. STALIN"), a common given name before it
 * ("Alistair Horne"), a verb of saying beside it ("said Churchill"), a possessive ("Hitler's forces"), the
 * name line of a signature or salutation, or a surname already known from such evidence elsewhere in the
 * edition. Nothing here lists the people of any text.
 */
import { FORENAMES, NATIONALITIES, NOT_NAMES, PARTICLES, PLACES, ROLE_WORDS, SPEECH_VERBS, TITLES, fold } from './lexicon.js';

/** Why a span was taken for a name, strongest first. */
export type PersonEvidence = 'title' | 'initials' | 'forename' | 'block' | 'context' | 'known';

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
}

interface Token {
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
    if (tokenCache.size > 4096) tokenCache.clear();
    tokens = readTokens(text);
    tokenCache.set(text, tokens);
  }
  return tokens;
}

const tokenCache = new Map<string, readonly Token[]>();

function readTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    const start = m.index;
    let end = start + word.length;
    let possessive = false;
    const poss = /['’]s$/.exec(word);
    if (poss && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
      end = start + word.length;
    }
    const hasStop = !possessive && text[end] === '.';
    // Russian initials romanised with two letters: "A. Kh. Vekhviliainen", "Yu. V. Andropov".
    const letters = word.length === 1 ? /\p{Lu}/u.test(word) : /^(?:Kh|Zh|Ch|Sh|Ts|Yu|Ya|Ye|Yo)$/.test(word);
    const isInitial = letters && hasStop && !/[\p{L}.]/u.test(text[start - 1] ?? ' ') &&
      !/\p{L}/u.test(text[end + 1] ?? ' ');
    // An abbreviated title keeps its stop ("Mr. Eden"), so that the title and the name stay adjacent.
    const folded = fold(word);
    const stopped = isInitial || (hasStop && TITLES.has(folded));
    tokens.push({ start, end: stopped ? end + 1 : end, word, kind: isInitial ? 'initial' : 'word', possessive, hasStop, folded });
  }
  return tokens;
}

/** Starts with a capital letter (a letter whose lower case differs from it). */
const isCapitalised = (w: string): boolean => {
  const c = w[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
const isAllCaps = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();

/** Only spaces (and at most one line break) between two tokens: they can belong to one name. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/.test(text.slice(a.end, b.start));
}

/** The surname key the scorer and the personography use: the folded last name word. */
export function surnameKey(surname: string): string {
  return surname.toLowerCase().replace(/’/g, "'");
}

/** Can this word be part of a name (given name or surname)? */
function nameWord(t: Token): boolean {
  if (t.kind !== 'word' || t.word.length < 2 || !isCapitalised(t.word)) return false;
  // "FO", "UN": capitals of two letters are abbreviations.
  if (t.word.length <= 2 && isAllCaps(t.word)) return false;
  const f = t.folded;
  if (NOT_NAMES.has(f) || ROLE_WORDS.has(f) || TITLES.has(f) || /\d/.test(t.word)) return false;
  // "Anglo-French", "Soviet-German": compounds of nationalities or places.
  if (f.includes('-') && f.split('-').some((part) => NATIONALITIES.has(part) || PLACES.has(part) || NOT_NAMES.has(part))) return false;
  return true;
}

/** Matches title words at token i; returns how many tokens they take (0 if none). */
function titleAt(tokens: readonly Token[], i: number, text: string): number {
  const t = tokens[i];
  if (!t || t.kind === 'initial' && t.word !== 'M') return 0;
  if (!isCapitalised(t.word) || t.possessive) return 0;
  const next = tokens[i + 1];
  if (next && joined(text, t, next) && TITLES.has(`${t.folded}_${next.folded}`)) return 2;
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

function blockedAsPlace(word: string): boolean {
  const f = fold(word);
  return PLACES.has(f) || NATIONALITIES.has(f);
}

/** Every person mention of `text`, in order, without overlaps. */
export function findPersons(text: string, options: FindPersonsOptions = {}): PersonMention[] {
  const tokens = tokenize(text);
  const out: PersonMention[] = [];
  const known = options.known ?? (() => false);
  let i = 0;
  while (i < tokens.length) {
    const c = candidateAt(tokens, i, text, options.nameLine ?? false, known);
    if (!c) {
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
      const prev = tokens[c!.first - 1];
      // "anti-Hitler" is one token; a word glued to the name by a hyphen or slash is not a mention of the name.
      if (/[-/]$/.test(text.slice(0, tokens[c!.first]!.start))) return undefined;
      if (titleTokens.length > 0) return 'title';
      if (initials.length > 0 && coreTokens[0]!.kind === 'initial') return 'initials';
      if (forenames.length > 0 && FORENAMES.has(fold(forenames[0]!))) return 'forename';
      if (options.nameLine) return 'block';
      if (known(key)) return 'known';
      if (forenames.length > 0 || blockedAsPlace(surnameToken.word)) return undefined;
      // Context alone does not make a name of "the Russians" or of derived words ("Hitlerites, who").
      if (prev && /^(?:the|a|an|these|those)$/i.test(prev.word)) return undefined;
      if (/(?:ites|ists|ians|ans|ese|ics|ism)$/.test(surnameToken.word)) return undefined;
      if (isAllCaps(surnameToken.word) && prev && /^(?:FROM|TO)$/.test(prev.word) && joined(text, prev, tokens[c!.first]!)) {
        return 'context';
      }
      const next = tokens[c!.last + 1];
      // "Hitler's forces", not "McGill-Queen's University Press".
      if (surnameToken.possessive && !isAllCaps(surnameToken.word) && next && /^\p{Ll}/u.test(next.word)) return 'context';
      // "Webster to Léger, 18 December 1958", "Halifax to Seeds, no. 686": the addressee of a cited letter; and
      // "Churchill wrote to Stalin", the same with a verb of saying or writing between.
      const lastFound = out[out.length - 1];
      if (prev && (prev.word === 'to' || prev.word === 'à') && lastFound && /^[ \t]+$/.test(text.slice(prev.end, tokens[c!.first]!.start))) {
        const between = text.slice(lastFound.end, prev.start);
        if (/^\s+$/.test(between) && /^[,.;]/.test(text.slice(surnameToken.end))) return 'context';
        const verb = /^\s+(\p{L}+)\s+$/u.exec(between)?.[1];
        if (verb && SPEECH_VERBS.has(verb)) return 'context';
      }
      // "Timoshenko who was present": a relative pronoun for persons.
      if (next && /^(?:who|whom)$/.test(next.word) && /^,?\s+$/.test(text.slice(surnameToken.end, next.start))) return 'context';
      if (next && SPEECH_VERBS.has(next.word) && joined(text, surnameToken, next)) return 'context';
      if (prev && SPEECH_VERBS.has(prev.word) && /^,?\s+$/.test(text.slice(prev.end, tokens[c!.first]!.start))) return 'context';
      return undefined;
    }
  }
  return options.nameLine ? out : addCoordinated(text, tokens, out);
}

/** ", " or " and " or ", and " between two names of one list. */
const LIST_GAP = /^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|\s+&\s+)$/;
const LIST_GAP_END = /(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|\s+&\s+)$/;
const AND_OR_START = /^\s+(?:and|or)\s+/;

/**
 * Names listed with a name: "Hitler and Mussolini", "Darlan, Boisson, Giraud". A single capitalised word that
 * could be a name (not a place, nationality, institution or derived word) joined by a comma or "and" to a name
 * found by the other rules is a name too; lists are followed both ways until nothing changes.
 */
function addCoordinated(text: string, tokens: readonly Token[], found: PersonMention[]): PersonMention[] {
  if (found.length === 0) return found;
  const out = [...found];
  for (let changed = true, round = 0; changed && round < 4; round++) {
    changed = false;
    for (const t of tokens) {
      if (!nameWord(t) || isAllCaps(t.word) || blockedAsPlace(t.word) || /(?:ites|ists|ians|ans|ese|ics|ism)$/.test(t.word)) continue;
      // Cheap necessary conditions first: a list gap must stand right before the word, or "and"/"or" right after.
      const gapBefore = LIST_GAP_END.test(text.slice(Math.max(0, t.start - 60), t.start));
      const andAfter = AND_OR_START.test(text.slice(t.end, t.end + 60));
      if (!gapBefore && !andAfter) continue;
      if (out.some((m) => m.start < t.end && t.start < m.end)) continue;
      if (/[-/]/.test(text[t.start - 1] ?? '') || text[t.end] === '-') continue;
      // After a name, the word must close a list item ("Hitler and Mussolini.", "Grabski, Romer and"); before a
      // name only "and"/"or" joins ("Badoglio and Bonomi"): a comma there is an apposition ("for Health, Walter Elliot").
      const closes = /^(?:\s*[,.;)]|\s+(?:and|or)\s)/.test(text.slice(t.end, t.end + 40));
      const before = closes && out.find((m) => m.end <= t.start && LIST_GAP.test(text.slice(m.end, t.start)));
      const after = out.find((m) => m.start >= t.end && /^\s+(?:and|or)\s+$/.test(text.slice(t.end, m.start)));
      if (!before && !after) continue;
      out.push({
        start: t.start, end: t.end, text: text.slice(t.start, t.end), key: surnameKey(t.word), surname: t.word, forenames: [], initials: [],
        evidence: 'context',
      });
      changed = true;
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}
