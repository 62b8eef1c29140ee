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
import { JOINER, LETTER, charWidth, letterClassAt } from '../readers/letter-class.js';

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
 */
export function windowTokens(text: string, from: number, to: number): WindowToken[] {
  const tokens: WindowToken[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 38 /* & */) {
      tokens.push({ word: '&', start: i, end: i + 1 });
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
    tokens.push({ word: text.slice(start, end), start, end });
    i = end;
  }
  return tokens;
}

/** `[\p{L}\p{M}]` at i, within a text that ends at `to`. */
function letterOrMark(text: string, i: number, to: number): boolean {
  if (i + charWidth(text, i) > to) return false;
  const k = letterClassAt(text, i);
  if ((k & LETTER) !== 0) return true;
  const code = text.charCodeAt(i);
  return (k & JOINER) !== 0 && code !== 39 && code !== 0x2019 && code !== 45;
}

export interface WindowToken {
  word: string;
  start: number;
  end: number;
}

/** Only spaces, or one line break, between two words of a name (after an initial, its stop: "J. P. Morgan & Co."). */
function joined(text: string, a: WindowToken, b: WindowToken): boolean {
  const initial = a.end - a.start === 1 && text.charCodeAt(a.end) === 46 && /\p{Lu}/u.test(a.word);
  for (let k = initial ? a.end + 1 : a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 9) return false;
  }
  return b.start - a.end <= 3 && text.slice(a.end, b.start).split('\n').length <= 2;
}

/** The heads as printed: capitalised, singular, a whole word ("Co" with its stop). */
const HEAD_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{M}'’-])(?:${[...HEADS].map((h) => h.charAt(0).toUpperCase() + h.slice(1)).join('|')})(?![\p{L}\p{M}'’-])`,
  'gu',
);

/** How far around a head a name may reach, in characters. */
const REACH = 160;

/**
 * The names of organisations in `text`, in order, not overlapping. Only the text around a head noun is read
 * word by word (the heads are found by one regular expression), so a text without one costs a single scan.
 */
export function findOrganisations(text: string): OrganisationMention[] {
  const out: OrganisationMention[] = [];
  let done = 0; // the end of the last name found: nothing before it is read again
  for (const hit of text.matchAll(HEAD_WORD)) {
    if (hit.index < done) continue;
    const from = Math.max(done, hit.index - REACH);
    const to = Math.min(text.length, hit.index + hit[0].length + REACH);
    const tokens = windowTokens(text, from, to);
    // Words the window cut are not words.
    const letter = (k: number): boolean => k >= 0 && k < text.length && /[\p{L}\p{M}'’-]/u.test(text[k]!);
    if (tokens[0] && tokens[0].start === from && letter(from - 1)) tokens.shift();
    if (tokens.length > 0 && tokens[tokens.length - 1]!.end === to && letter(to)) tokens.pop();
    const i = tokens.findIndex((t) => t.start === hit.index);
    const found = i < 0 ? undefined : nameAround(text, tokens, i);
    if (!found) continue;
    out.push(found);
    done = found.end;
  }
  return out;
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
function sentenceStart(text: string, t: WindowToken): boolean {
  let k = t.start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 9)) k--;
  return k < 0 || '.!?:;'.includes(text[k]!);
}

/** The name of an organisation whose head is `tokens[i]`, if the words around it make one. */
function nameAround(text: string, tokens: readonly WindowToken[], i: number): OrganisationMention | undefined {
  const isName = (t: WindowToken | undefined): boolean => t !== undefined && NAME_WORD.test(t.word);
  const head = tokens[i]!;
  const key = fold(head.word);
  // "Co." is a head only with its stop; any other head with a stop after it ends a sentence, and the name there.
  const stop = text.charCodeAt(head.end) === 46;
  if (key === 'co' && !stop) return undefined;
  if (key === 'cross' && tokens[i - 1]?.word !== 'Red') return undefined;
  // "any High Contracting Party": a state of a treaty, not the name of one.
  if (key === 'party' && tokens[i - 1]?.word === 'Contracting') return undefined;
  // "Soviet" before a noun is an adjective ("Soviet intelligence", "Soviet transport"), not the council of a city.
  const nextWord = tokens[i + 1];
  if (key === 'soviet' && nextWord && joined(text, head, nextWord) && /^\p{Ll}/u.test(nextWord.word) && !FUNCTION_WORDS.has(nextWord.word)) return undefined;
  // Capitalised words after the head: a longer name whose head comes later ("American Bank Note Co."), or a title
  // ("Chilean Exchange Restrictions"): not a name that ends here.
  const following = tokens[i + 1];
  if (!stop && following && joined(text, head, following) && isName(following)) return undefined;
  // Left: capitalised words (and "of", "and", "&" between two of them), back to the start of the name.
  let first = i;
  while (first > 0) {
    const before = tokens[first - 1]!;
    if (!joined(text, before, tokens[first]!)) break;
    // "Your Excellency’s Government" names a government by its minister, not by a name.
    if (/^Excellency['’]s$/.test(before.word)) break;
    if (OFFICES.has(fold(before.word))) break;
    // A verb that capitalises only because it opens the sentence ("Inform War Trade Board").
    if (sentenceStart(text, before) && OPENING_VERBS.has(fold(before.word))) break;
    if (isName(before) && !NOT_LEADING.has(fold(before.word))) {
      first--;
      continue;
    }
    // "His Majesty’s Government"
    if (/^(?:His|Her)$/.test(before.word) && /^Majesty['’]s$/.test(tokens[first]!.word)) {
      first--;
      continue;
    }
    const beyond = tokens[first - 2];
    // Not right before the head, unless a firm's "& Co.": "Commercial Attaché and Embassy" are two, not one name.
    const coordinated = first === i && key !== 'co';
    if (!coordinated && CONNECTORS.has(before.word) && beyond && isName(beyond) && !NOT_LEADING.has(fold(beyond.word)) && joined(text, beyond, before)) {
      first -= 2;
      continue;
    }
    break;
  }
  // Right: "of" (or "for"), perhaps "the", and capitalised words joined by "and" or "of": "Council of Ministers",
  // "Advisory Commission of Railway Experts", "Government of the United States".
  let last = i;
  const of = tokens[i + 1];
  // "for" only after a name that has begun ("Advisory Council for Italy"): "the Department for Stevens" routes a message.
  if (!stop && of && (of.word === 'of' || (of.word === 'for' && first < i)) && joined(text, head, of)) {
    let k = i + 2;
    if (tokens[k]?.word === 'the' && joined(text, of, tokens[k]!)) k++;
    if (isName(tokens[k]) && joined(text, tokens[k - 1]!, tokens[k]!)) {
      last = k;
      while (text.charCodeAt(tokens[last]!.end) !== 46) {
        const next = tokens[last + 1];
        if (next && isName(next) && joined(text, tokens[last]!, next)) {
          last++;
          continue;
        }
        const after = tokens[last + 2];
        // Not an office after "and": "Council of People's Commissars and Deputy People's Commissar".
        if (next && (next.word === 'and' || next.word === 'of') && after && isName(after) && !OFFICES.has(fold(after.word)) && joined(text, tokens[last]!, next) && joined(text, next, after)) {
          last += 2;
          continue;
        }
        break;
      }
    }
  }
  // "the Government of the Department’s interpretation": a possessive ends the phrase, it is not the name's.
  if (last > i && /['’]s$/.test(tokens[last]!.word)) last = i;
  // A name that ends in an adjective of nationality and goes on in lower case ("the Bureau of Mongol affairs") is
  // not the capitalised words alone.
  if (last > i) {
    const next = tokens[last + 1];
    const adjective = NATIONALITIES.has(fold(tokens[last]!.word)) || /(?:an|ese|ish|ol)$/.test(tokens[last]!.word);
    if (adjective && next && joined(text, tokens[last]!, next) && /^\p{Ll}/u.test(next.word) && !FUNCTION_WORDS.has(next.word) && text.charCodeAt(tokens[last]!.end) !== 46) last = i;
  }
  if (first === i && last === i) return undefined;
  const start = tokens[first]!.start;
  let end = key === 'co' && last === i ? head.end + 1 : tokens[last]!.end;
  // An abbreviation in capitals with its stops ends the name: "Government of the U.S.S.R.".
  if (last > i && tokens[last]!.word.length === 1) {
    const abbreviation = /^(?:\p{Lu}\.)+/u.exec(text.slice(tokens[last]!.start, tokens[last]!.start + 24));
    if (abbreviation) end = tokens[last]!.start + abbreviation[0].length;
  }
  return { start, end, text: text.slice(start, end), overrulesPerson: key === 'co' || key === 'company' || last === i };
}
