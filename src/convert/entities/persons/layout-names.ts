/**
 * Names that the layout of documentary editions gives, whatever the words: the routing line of a telegram
 * ("1434. For Willard [from Stevens]:"), the holder of an office in parentheses ("The Special Representative
 * (House) to the Secretary of State"), a person identified at the start of a note ("2. Langdon Warner, Vice
 * Consul at Harbin."), a peer named by title ("the Earl of Reading") and names of the Chinese tradition, family
 * name first, given name of two syllables joined by a hyphen ("Sheng Shih-tsai", "Mr. Ku[o] Chung-hsi").
 *
 * Each rule is one regular expression run once over the text (global, sticky where it reads a line start), so the
 * cost is linear in the text.
 */
import type { PersonMention } from './find-persons.js';
import { FUNCTION_WORDS, NATIONALITIES, ORGANISATION_WORDS, PLACES, ROLE_NOUNS, TITLES, fold } from './lexicon.js';
import { LETTER, LOWER, letterClassAt } from '../../readers/letter-class.js';

type IsNameWord = (word: string) => boolean;

const NAME = String.raw`\p{Lu}[\p{L}'’]*\p{Ll}(?:-\p{Lu}?[\p{L}'’]*\p{Ll})?`;
const INITIAL = String.raw`\p{Lu}\.`;

function mention(text: string, start: number, end: number, words: string[], initials: string[], title?: string): PersonMention {
  const surname = words[words.length - 1]!;
  const m: PersonMention = {
    start, end, text: text.slice(start, end), key: surname.toLowerCase().replace(/’/g, "'"), surname,
    forenames: words.slice(0, -1), initials, evidence: 'layout',
  };
  if (title) m.title = title;
  return m;
}

/** Cuts a run of name words and initials ("Tsuneo Matsudaira", "E. Francis Riggs") into its parts. */
function parts(run: string): { words: string[]; initials: string[] } {
  const words: string[] = [];
  const initials: string[] = [];
  for (const w of run.split(/\s+/)) {
    if (/^\p{Lu}\.$/u.test(w)) initials.push(w[0]!);
    else if (w) words.push(w);
  }
  return { words, initials };
}

/**
 * A telegram's routing line at the start of its text: "1434. For Willard [from Stevens]:", "[For] McAdoo from
 * Cravath:", "War Trade Board from Owen:". Every run of name words between the routing words is a person;
 * offices ("the Secretary of State") and bodies ("War Trade Board") are not name words.
 */
const ROUTING = /^\s*(?:\d+\.\s+)?(?:No\.\s*\d+\.\s+)?(?:Your\s+\d+[^:\n]{0,40}?\.\s+)?([^:\n.]{3,90}):/u;
const ROUTING_WORD = /\b(?:[Ff]or|[Ff]rom)\b/;
const NOT_ROUTING = String.raw`(?!(?:For|From)\b)`;
const RUN = new RegExp(String.raw`${NOT_ROUTING}(?:${NAME})(?:\s+${NOT_ROUTING}(?:${NAME}))*`, 'gu');

/** A single word a routing line names that can be a surname: no function word, place, nationality, office or body. */
function routedTo(word: string, place: (folded: string) => boolean): boolean {
  const f = fold(word);
  return !(FUNCTION_WORDS.has(f) || PLACES.has(f) || place(f) || NATIONALITIES.has(f) || ROLE_NOUNS.has(f) || TITLES.has(f) || ORGANISATION_WORDS.has(f));
}

function routing(text: string, isNameWord: IsNameWord, place: (folded: string) => boolean): PersonMention[] {
  // The line ends in a colon: a text without one (most paragraphs) is not tried.
  if (text.indexOf(':') < 0) return [];
  const m = ROUTING.exec(text);
  if (!m || !ROUTING_WORD.test(m[1]!)) return [];
  const region = m[1]!;
  const offset = m.index + m[0].length - 1 - region.length;
  // Only routing words, names, brackets, "and", "the" and superscript marks between them.
  const rest = region.replace(RUN, '').replace(/\b(?:[Ff]or|[Ff]rom|and|the|of)\b|[[\]\s\d¹²³⁴⁵⁶⁷⁸⁹⁰,]/gu, '');
  if (rest.length > 0) return [];
  const out: PersonMention[] = [];
  for (const r of region.matchAll(RUN)) {
    const words = r[0].split(/\s+/);
    if (words.some((w) => /^(?:For|From)$/.test(w))) continue;
    // "2841. For House:": the line routes the message to a person, even by a word that is also vocabulary; one word
    // alone right after "for" or "from", and not a place, an office or a body ("For Department:", "From Embassy:").
    // "From Vladivostok:": a place the edition writes from is where the message comes from, no person.
    if (words.every((w) => place(fold(w)))) continue;
    if (!words.every(isNameWord) && !(words.length === 1 && /\b[Ff](?:or|rom)\]?\s+\[?$/.test(region.slice(0, r.index)) && routedTo(words[0]!, place))) continue;
    const start = offset + r.index;
    out.push(mention(text, start, start + r[0].length, words, []));
  }
  return out;
}

/** "(House)" after an office: "The Special Representative (House)", "Third Assistant Secretary of State (Long)". */
const HOLDER = new RegExp(String.raw`\((${NAME}(?:\s+(?:${INITIAL}|${NAME})){0,3})\)`, 'gu');

function holders(text: string, place: (folded: string) => boolean): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(HOLDER)) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const words = before.split(/[^\p{L}-]+/u).filter(Boolean);
    // The office ends right before the parenthesis, within its last words ("Ambassador in Japan", "Secretary of State").
    if (!words.slice(-5).some((w) => ROLE_NOUNS.has(fold(w)))) continue;
    const { words: names, initials } = parts(m[1]!);
    // The parentheses say it is a name, even of a word that is also vocabulary ("(House)"): only places and
    // offices are not ("(Russia)", "(Secretary)").
    const notName = (w: string): boolean => {
      const f = fold(w);
      return FUNCTION_WORDS.has(f) || PLACES.has(f) || place(f) || NATIONALITIES.has(f) || ROLE_NOUNS.has(f) || TITLES.has(f);
    };
    if (names.length === 0 || names.some(notName)) continue;
    const start = m.index + 1;
    out.push(mention(text, start, start + m[1]!.length, names, initials));
  }
  return out;
}

/**
 * An identification at the start of a line (of a note): "2. Langdon Warner, Vice Consul at Harbin.", "3. August
 * Heid, representative at Vladivostok of the War Trade Board.", "1. Tsuneo Matsudaira, Japanese representative".
 */
const IDENTIFIED_SOURCE = String.raw`(?:^|\n)[ \t]*(?:\d+[a-z]?\.[ \t]*|[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+[ \t]*)((?:(?:${NAME}|${INITIAL})[ \t]+){1,3}${NAME}),[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|then[ \t]+|former[ \t]+)?([^,.;:\n]{3,60})`;
export const IDENTIFIED = new RegExp(IDENTIFIED_SOURCE, 'gu');
/** {@link IDENTIFIED} tried at one position only. */
const IDENTIFIED_AT = new RegExp(IDENTIFIED_SOURCE, 'uy');

/**
 * The matches of {@link IDENTIFIED} in `text`, as `text.matchAll(IDENTIFIED)` gives them, tried only at the start of
 * the text and at the line ends before a line that opens with a note's number or marker: a match starts there and
 * ends within that line, and the expression, with no first character to look for, was tried at every position of
 * a 32 kB stretch.
 */
export function identifiedMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let at = 0; at >= 0 && at < text.length; at = text.indexOf('\n', at + 1)) {
    // The line the match's number opens: this one, or the next after a line end.
    let i = text.charCodeAt(at) === 10 ? at + 1 : at;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= text.length || !LINE_MARKERS.has(text.charCodeAt(i))) continue;
    IDENTIFIED_AT.lastIndex = at;
    const m = IDENTIFIED_AT.exec(text);
    if (m) out.push(m);
  }
  return out;
}

function identified(text: string, isNameWord: IsNameWord): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of identifiedMatches(text)) {
    const role = m[2]!.split(/[^\p{L}-]+/u).filter(Boolean).slice(0, 5);
    if (!role.some((w) => ROLE_NOUNS.has(fold(w)))) continue;
    const { words, initials } = parts(m[1]!);
    // "Russian Governor and …", "Chief of Staff": not a name.
    if (words.some((w) => FUNCTION_WORDS.has(fold(w)) || NATIONALITIES.has(fold(w)) || PLACES.has(fold(w)) || TITLES.has(fold(w)))) continue;
    if (!isNameWord(words[words.length - 1]!)) continue;
    const start = m.index + m[0].indexOf(m[1]!, m[0].search(/\p{Lu}/u));
    out.push(mention(text, start, start + m[1]!.length, words, initials));
  }
  return out;
}

/** "the Earl of Reading", "Lord Robert Cecil" is an ordinary title: here only a peerage "of" a place-name. */
const PEER = /\b(?:Earl|Duke|Marquess|Marquis|Viscount)\s+of\s+(\p{Lu}[\p{Ll}]+)\b/gu;

function peers(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(PEER)) {
    // "the *Duke of York*": a ship in italics; "Duke of York" is a place-name title, not told apart from the city here.
    if (text[m.index - 1] === '*' || PLACES.has(fold(m[1]!))) continue;
    const m2 = mention(text, m.index, m.index + m[0].length, [m[1]!], [], m[0].slice(0, m[0].indexOf(' ')));
    out.push(m2);
  }
  return out;
}

/**
 * Chinese names in Wade–Giles: a family name of one syllable, then a given name of two syllables joined by a
 * hyphen, the second in lower case ("Sheng Shih-tsai", "Wong Wen-hao", "Ku[o] Chung-hsi"); a title before it
 * belongs to it. The family name is the surname.
 */
const SYLLABLE = String.raw`(?:ch|hs|sh|ts|tz|k|p|t|s|h|l|m|n|f|w|y|j|ch'|k'|p'|t'|ts')?(?:[aeiouü]{1,3})(?:n|ng|h)?`;
export const CHINESE = new RegExp(
  String.raw`\b(?:(Mr\.?|Mrs\.?|General|Marshal|Dr\.?|Governor|President|Premier|Minister)\s+)?(\p{Lu}[a-z]{0,4}(?:\[[a-z]\])?[a-z]{0,2})\s+(\p{Lu}[a-z]{0,2}'?[a-z]{0,4}-[a-z]{1,6})(?![\p{L}-])`,
  'gu',
);
const WADE_GILES = new RegExp(String.raw`^${SYLLABLE}$`, 'i');

function chinese(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of chineseMatches(text)) {
    const family = m.family.replace(/[[\]]/g, '');
    const given = m.given;
    if (!WADE_GILES.test(family) || !given.split('-').every((s) => WADE_GILES.test(s))) continue;
    if (FUNCTION_WORDS.has(fold(family))) continue;
    const start = m.index;
    const end = m.index + m.text.length;
    out.push({
      start, end, text: text.slice(start, end), key: fold(family), surname: family, forenames: [given], initials: [],
      evidence: 'layout', ...(m.title ? { title: m.title } : {}),
    });
  }
  return out;
}

/**
 * Initials before a surname the editors completed in brackets: "F. L. P[olk]", "W. P[hillips]" (a memorandum
 * initialled by its writer, the name filled in by the editors). The surname is the completed word.
 */
export const COMPLETED = /(?<![\p{L}.])((?:\p{Lu}\.[ \t]?){1,3})(\p{Lu}\p{Ll}*\[\p{Ll}+\]\p{Ll}*)(?![\p{L}[])/gu;

/**
 * The matches of {@link COMPLETED} in `text` (index, whole match, initials, surname), as `text.matchAll(COMPLETED)`
 * gives them, read only in the lines that hold its sign ({@link letterBracketLower}): no match holds a line end,
 * and its look-behind and look-ahead read a line end as they read a line's edge.
 */
export function completedMatches(text: string): Array<{ index: number; text: string; initials: string; surname: string }> {
  const out: Array<{ index: number; text: string; initials: string; surname: string }> = [];
  let lineEnd = -1;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', Math.max(i + 1, lineEnd))) {
    if (!(i + 1 < text.length && (classBefore(text, i) & LETTER) !== 0 && (letterClassAt(text, i + 1) & LOWER) !== 0)) continue;
    const lineStart = text.lastIndexOf('\n', i) + 1;
    lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = text.length;
    for (const m of text.slice(lineStart, lineEnd).matchAll(COMPLETED)) out.push({ index: lineStart + m.index, text: m[0], initials: m[1]!, surname: m[2]! });
  }
  return out;
}

function completed(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of completedMatches(text)) {
    const initials = m.initials.split('.').map((x) => x.trim()).filter(Boolean);
    const surname = m.surname.replace(/[[\]]/g, '');
    out.push(mention(text, m.index, m.index + m.text.length, [surname], initials));
  }
  return out;
}

/** Every name the layout gives in `text`, in order, without overlaps (the first rule to claim a span keeps it). */
export function layoutMentions(text: string, isNameWord: IsNameWord, place: (folded: string) => boolean = () => false): PersonMention[] {
  // Each rule only where its sign is printed; most texts have none, and then nothing is allocated but the answer.
  // Not memoized: round two of a document reuses round one's names (tag-document.ts) and learning passes the
  // layout's names to both of its rounds, so a text is read here once; the copies a memo needed were garbage.
  let found: PersonMention[] | undefined;
  const take = (names: PersonMention[]): void => {
    if (names.length > 0) found = found ? found.concat(names) : names;
  };
  take(routing(text, isNameWord, place));
  if (chineseGivenNameSign(text)) take(chinese(text));
  if (letterBracketLower(text)) take(completed(text));
  if (lineNumberSign(text)) take(identified(text, isNameWord));
  if (text.includes('(')) take(holders(text, place));
  if (text.includes(' of ') && PEERAGES.some((p) => text.includes(p))) take(peers(text));
  if (!found) return [];
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonMention[] = [];
  let end = -1;
  for (const m of found) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

/** The words {@link PEER} starts with ("Marqu" for Marquess and Marquis): a text without any has no peer. */
const PEERAGES = ['Earl', 'Duke', 'Marqu', 'Viscount'];

/** A line that starts with a note number or marker: where an identification can stand. */
export const LINE_NUMBER = /(?:^|\n)[ \t]*[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]/;

/** {@link LINE_NUMBER} read line by line: asked of every paragraph, most of which open no line with a number. */
export function lineNumberSign(text: string): boolean {
  for (let at = 0; ;) {
    let i = at;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i < text.length && LINE_MARKERS.has(text.charCodeAt(i))) return true;
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) return false;
    at = lineEnd + 1;
  }
}

const LINE_MARKERS: ReadonlySet<number> = new Set([...'0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*†‡'].map((c) => c.charCodeAt(0)));

/** The class bits of the character that ends right before code unit i (a whole surrogate pair when one ends there). */
export function classBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const before = text.charCodeAt(i - 1);
  const high = i >= 2 ? text.charCodeAt(i - 2) : 0;
  const pair = before >= 0xdc00 && before <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return letterClassAt(text, pair ? i - 2 : i - 1);
}

/**
 * A letter, "[", a lower-case letter: where {@link COMPLETED} can match ("P[olk]"). Its look-behind made the
 * expression cost more than every other layout rule together on a text without any, and editions print many
 * brackets ("[Enclosure]", "[Translation]"), which this test passes over.
 */
export function letterBracketLower(text: string): boolean {
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    if (i + 1 < text.length && (classBefore(text, i) & LETTER) !== 0 && (letterClassAt(text, i + 1) & LOWER) !== 0) return true;
  }
  return false;
}

/**
 * The matches of {@link CHINESE} in `text`, as `text.matchAll(CHINESE)` gives them, read only in the pieces of the
 * text that hold a sign of a given name ({@link isGivenNameSign}): on a stretch of 32 kB the expression, which has
 * no first character to look for, was tried at every position for the few names it finds. A piece ends at a
 * character no match holds or reads around it (a comma, a parenthesis: {@link CHINESE_BREAKS}), so that a match
 * of a piece is the match of the whole text.
 */
export function chineseMatches(text: string): ChineseMatch[] {
  const out: ChineseMatch[] = [];
  let pieceEnd = 0;
  for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', Math.max(i + 1, pieceEnd))) {
    if (!isGivenNameSign(text, i)) continue;
    let from = i;
    while (from > 0 && !CHINESE_BREAKS.has(text.charCodeAt(from - 1))) from--;
    let to = i;
    while (to < text.length && !CHINESE_BREAKS.has(text.charCodeAt(to))) to++;
    for (const m of text.slice(from, to).matchAll(CHINESE)) out.push({ index: from + m.index, text: m[0], title: m[1], family: m[2]!, given: m[3]! });
    pieceEnd = to;
  }
  return out;
}

/** A match of {@link CHINESE}: where it starts, what it matched, and its groups. */
export interface ChineseMatch {
  index: number;
  text: string;
  title: string | undefined;
  family: string;
  given: string;
}

/**
 * Characters that no match of {@link CHINESE} holds, and that are neither letters, hyphens nor word characters of
 * its `\b`: its look-behind and look-ahead read the same at a piece's ends as across them.
 */
const CHINESE_BREAKS: ReadonlySet<number> = new Set([...',;:()"!?'].map((c) => c.charCodeAt(0)));

/**
 * What {@link CHINESE}'s given name needs: a hyphen before a lower-case ASCII letter, reached back from the hyphen
 * over at most seven lower-case ASCII letters or apostrophes, from a letter not in lower case ("Shih-tsai",
 * "Ch'ien-ch'ing"). Most hyphens of English prose ("so-called", "well-known") have no capital there.
 */
export function chineseGivenNameSign(text: string): boolean {
  for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) if (isGivenNameSign(text, i)) return true;
  return false;
}

/** The hyphen at i is the sign {@link chineseGivenNameSign} looks for. */
function isGivenNameSign(text: string, i: number): boolean {
  // Nothing is read past the text's end (an "out of bounds" read deoptimised the callers).
  if (i + 1 >= text.length) return false;
  const next = text.charCodeAt(i + 1);
  if (!(next >= 97 && next <= 122)) return false;
  let j = i;
  while (j > 0 && i - j < 7) {
    const c = text.charCodeAt(j - 1);
    if (!((c >= 97 && c <= 122) || c === 39)) break;
    j--;
  }
  const k = classBefore(text, j);
  return (k & LETTER) !== 0 && (k & LOWER) === 0;
}
