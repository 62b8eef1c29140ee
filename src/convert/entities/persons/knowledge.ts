/**
 * What a source (or a whole edition) establishes about names before any of its documents is tagged, read from
 * its raw lines in one linear scan:
 *
 * - surnames it names with evidence of their own (a title, initials, a given name, a routing line, a verb of
 *   saying), so that a bare "Stevens" in one telegram is a name because another says "John F. Stevens";
 * - the words it prints in lower case ("following", "daily", "house"): common words, which a capital at the
 *   start of a sentence does not make a name;
 * - the places of its datelines ("Vologda, June 11, 1918"): places, not persons.
 *
 * Knowledge is a union of what each source gives, so it does not depend on the order sources are read in.
 */
import { createHash } from 'node:crypto';
import type { LineList } from '../../../model/document.js';
import { detached } from '../../readers/detached.js';
import { findPersons, layoutNamesOf, type PersonMention } from './find-persons.js';
import { ASCII, AS_FOLDED, POSSESSIVE, asciiFormOf, readTokens, releaseTokens, type PackedTokens, type Tokens } from './tokens.js';
import { CandidateLog } from './candidate-log.js';
import { classBefore } from './layout-names.js';
import { FORENAMES, NOT_NAMES, ROLE_WORDS, TITLES, fold } from './lexicon.js';
import { normalizeSurname } from './normalize.js';
import { JOINER, LETTER, LOWER, charWidth, letterClassAt } from '../../readers/letter-class.js';
import { Utf8Lines } from '../../readers/source-lines.js';

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
/** Lower-case words inside the name of a place: "Rio de Janeiro", "Ciudad del Este", "La Paz" has its own capital. */
const PLACE_PARTICLE = String.raw`(?:de|del|da|do|dos|das|la|las|los|el|di|sur|am|an|upon|on)`;
/** "Vologda, June 11, 1918", "Peking, China, February 16, 1901.", "Rio de Janeiro, May 3, 1934": the place words of a dateline. */
const DATELINE_PLACE = new RegExp(String.raw`^[ \t]*(\p{Lu}[\p{L}'’.-]+(?:(?:[ -]${PLACE_PARTICLE})?[ -]\p{Lu}[\p{L}'’.-]+)?),[ \t]+(?:\p{Lu}[\p{L}.]+,[ \t]+)?${MONTH}[ \t]+\d`, 'gmu');

/**
 * "in Kamchatka", "at Vologda", "near Irkutsk": one capitalised word after a preposition of place, not a
 * possessive and not followed by another capitalised word ("in Stevens's view", "in General Graves").
 */
export const PLACE_AFTER_PREPOSITION = /(?<![\p{L}])(?:in|at|near|via|across|throughout)[ \t]+(\p{Lu}\p{Ll}[\p{Ll}-]*)(?![\p{L}'’-])(?![ \t]+\p{Lu})/gu;

/**
 * "in Costa Rica (Sack)", "at Buenos Aires.", "at Pao-ting Fu,": two capitalised words after "in" or "at" that end the
 * phrase (a stop, a comma, a colon or the holder of an office in parentheses follow). Not a name with its title or
 * given name ("in General Graves.", "with John Stevens."): the first word may be neither (see {@link NameKnowledge}).
 */
export const TWO_WORD_PLACE_AFTER_PREPOSITION = /(?<![\p{L}])(?:in|at)[ \t]+(\p{Lu}\p{Ll}[\p{Ll}'’-]*)[ \t]+(\p{Lu}\p{Ll}[\p{Ll}-]*)(?=[ \t]*(?:[,.;:]|\(\p{Lu}))/gu;

/** {@link PLACE_AFTER_PREPOSITION} and {@link TWO_WORD_PLACE_AFTER_PREPOSITION} tried at one position only. */
const PLACE_AFTER_PREPOSITION_AT = new RegExp(PLACE_AFTER_PREPOSITION.source, 'uy');
const TWO_WORD_PLACE_AFTER_PREPOSITION_AT = new RegExp(TWO_WORD_PLACE_AFTER_PREPOSITION.source, 'uy');

/** The prepositions the two expressions open with; none ends another. */
const PREPOSITIONS = ['in', 'at', 'near', 'via', 'across', 'throughout'] as const;

/**
 * Where {@link PLACE_AFTER_PREPOSITION} can match in `text`, in order: a preposition that no letter precedes, before a
 * space or a tab. Found from the spaces and tabs (a word ends before each), so that the expressions, whose
 * look-behind comes first and which have no first character to look for, are tried there only.
 */
export function prepositionStarts(text: string): number[] {
  const out: number[] = [];
  let space = text.indexOf(' ');
  let tab = text.indexOf('\t');
  while (space >= 0 || tab >= 0) {
    const at = tab < 0 || (space >= 0 && space < tab) ? space : tab;
    if (at === space) space = text.indexOf(' ', at + 1);
    else tab = text.indexOf('\t', at + 1);
    // Most words before a space end in another letter than a preposition does.
    const last = at > 0 ? text.charCodeAt(at - 1) : 0;
    if (last !== 110 /* n */ && last !== 116 /* t */ && last !== 114 /* r */ && last !== 97 /* a */ && last !== 115 /* s */) continue;
    for (const word of PREPOSITIONS) {
      const start = at - word.length;
      if (start >= 0 && text.startsWith(word, start) && (classBefore(text, start) & LETTER) === 0) {
        out.push(start);
        break;
      }
    }
  }
  return out;
}

/** The matches of a global expression among the two, as `text.matchAll` gives them, tried only at `starts`. */
export function placeMatches(text: string, expression: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const sticky = expression === PLACE_AFTER_PREPOSITION ? PLACE_AFTER_PREPOSITION_AT : TWO_WORD_PLACE_AFTER_PREPOSITION_AT;
  const out: RegExpExecArray[] = [];
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    end = start + m[0].length;
  }
  return out;
}

/**
 * The folded words of `text` printed in lower case: what `(?<![\p{L}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}'’-]*` matches, found
 * by a scan over character codes (a whole source is read, and the regular expression with its look-behind was the
 * costliest part of learning after the person rules). `kept`: the set lives longer than `text` (knowledge), and its
 * new words are copies (see {@link addDetached}); a document's own set needs none.
 */
export function lowerWords(text: string, into = new Set<string>(), kept = false): Set<string> {
  // The class of the character before: a word starts only after a character that is neither a letter nor a joiner.
  let previous = 0;
  let i = 0;
  while (i < text.length) {
    const c = letterClassAt(text, i);
    if ((c & LOWER) !== 0 && previous === 0) {
      let ascii = text.charCodeAt(i) < 128;
      let j = i + charWidth(text, i);
      let last = c;
      for (;;) {
        if (j >= text.length) break;
        const k = letterClassAt(text, j);
        if ((k & (LOWER | JOINER)) === 0) break;
        if (text.charCodeAt(j) >= 128) ascii = false;
        last = k;
        j += charWidth(text, j);
      }
      // An ASCII word's folded form is its interned lower case (already a copy of its own); the others are folded.
      if (ascii) into.add(asciiFormOf(text, i, j));
      else if (kept) addDetached(into, fold(text.slice(i, j)));
      else into.add(fold(text.slice(i, j)));
      previous = last;
      i = j;
      continue;
    }
    previous = c;
    i += charWidth(text, i);
  }
  return into;
}

/**
 * The lower-case words of a text read from its tokens ({@link readTokens}): what {@link lowerWords} finds, without
 * reading every character again. A lower-case word starts only where a token starts (after a character that is
 * neither a letter nor a joiner, which no token holds); most are a whole token in ASCII lower case, whose interned
 * form is the word, and the others are read from the token's start as {@link lowerWords} reads them.
 */
export function lowerWordsOf(tokens: Tokens, into = new Set<string>(), kept = false, added = new AddedForms()): Set<string> {
  const text = tokens.text;
  for (let t = 0; t < tokens.count; t++) {
    const start = tokens.startAt(t);
    const flags = tokens.flagsAt(t);
    // A whole token: ASCII, no capital, no possessive 's, and no joiner after its last letter ("word-").
    const wordEnd = tokens.wordEndAt(t);
    if ((flags & (ASCII | AS_FOLDED | POSSESSIVE)) === (ASCII | AS_FOLDED) && (wordEnd >= text.length || (letterClassAt(text, wordEnd) & JOINER) === 0)) {
      // Most words recur: one added already is not looked at again (whatever stands before it this time).
      const form = tokens.formAt(t);
      if (added.has(tokens, form) || classBefore(text, start) !== 0) continue;
      into.add(tokens.folded(t));
      added.add(tokens, form);
      continue;
    }
    if (classBefore(text, start) !== 0) continue;
    if ((letterClassAt(text, start) & LOWER) === 0) continue;
    let end = start + charWidth(text, start);
    while (end < text.length && (letterClassAt(text, end) & (LOWER | JOINER)) !== 0) end += charWidth(text, end);
    if (kept) addDetached(into, fold(text.slice(start, end)));
    else into.add(fold(text.slice(start, end)));
  }
  return into;
}

/**
 * The interned forms ({@link Tokens.formAt}) {@link lowerWordsOf} has added to a set, one byte each: a word is
 * added once, not hashed into the set at each of its occurrences. For tokens of one table of forms (another table
 * starts again from none).
 */
export class AddedForms {
  private table: unknown;
  private added = new Uint8Array(1024);

  has(tokens: Tokens, form: number): boolean {
    return tokens.forms === this.table && form < this.added.length && this.added[form] === 1;
  }

  add(tokens: Tokens, form: number): void {
    if (tokens.forms !== this.table) {
      this.table = tokens.forms;
      this.added.fill(0);
    }
    if (form >= this.added.length) {
      const grown = new Uint8Array(Math.max(form + 1, this.added.length * 2));
      grown.set(this.added);
      this.added = grown;
    }
    this.added[form] = 1;
  }
}

/**
 * Adds a word to a set as a copy when it is new: a word cut from a stretch is a view into the stretch in V8 (from
 * 13 characters on), and knowledge lives as long as the edition's conversion.
 */
function addDetached(set: Set<string>, word: string): void {
  if (!set.has(word)) set.add(detached(word));
}

/**
 * Characters of a stretch the rules read at once: past this, a stretch ends at the next blank line. Small enough
 * that a stretch's tokens die young (256 kB stretches kept ~45,000 tokens alive through every collection of the
 * young generation while the rules read them, and garbage collection was a third of learning), large enough that
 * the rules rarely meet a stretch's end (they read across lines, never across a blank line's paragraph break).
 */
export const STRETCH_CHARS = 1 << 15;

/**
 * Tokens of a source's stretches kept from the reading of its words for both rounds of its names, packed (nine bytes
 * each, their stretch's text made again from the source's bytes when read): 18 MB for a source of ~12 MB whole, so
 * that its words are read once; a larger source's others are read again in each round. Keeping a source of 50 MB
 * whole (75 MB) raised the peak of its whole conversion from 422 to 546 MB (V8 sizes its heap on what learning held).
 */
const KEPT_TOKENS = 1 << 21;

/**
 * The text of `lines` as stretches of about {@link STRETCH_CHARS}, each ending at a blank line (or the end), so
 * that no paragraph is cut: what the person rules find across a stretch's end would span a blank line.
 */
export function stretchesOf(lines: LineList): string[] {
  return [...new Stretches(lines)];
}

/**
 * The stretches of a source (see {@link stretchesOf}) as ranges of its lines, each stretch's text made when it is
 * read: learning holds one stretch at a time, not the whole source a second time as stretches (a copy of the 50 MB
 * frus text, docs/decisions.md, "Learning in pieces").
 */
class Stretches implements Iterable<string> {
  /** The line after each stretch. */
  private readonly ends: number[] = [];

  constructor(private readonly lines: LineList) {
    let chars = 0;
    let n = 0;
    for (const line of lines) {
      n++;
      chars += line.length + 1;
      if (chars >= STRETCH_CHARS && line.trim() === '') {
        this.ends.push(n);
        chars = 0;
      }
    }
    if ((this.ends.at(-1) ?? 0) < lines.length || this.ends.length === 0) this.ends.push(lines.length);
  }

  get count(): number {
    return this.ends.length;
  }

  /** The text of stretch k. */
  text(k: number): string {
    return textOfLines(this.lines, k === 0 ? 0 : this.ends[k - 1]!, this.ends[k]!);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let k = 0; k < this.ends.length; k++) yield this.text(k);
  }
}

/** Lines `from` up to `to` (exclusive) joined by LF; from a source's bytes at once where it has them. */
function textOfLines(lines: LineList, from: number, to: number): string {
  if (lines instanceof Utf8Lines) return lines.joined(from, to);
  const stretch: string[] = [];
  for (let i = from; i < to; i++) stretch.push(lines.at(i)!);
  return stretch.join('\n');
}

/** A digest of a source's lines, to know it again when it is converted after being learnt. */
export function linesDigest(lines: LineList): string {
  if (lines instanceof Utf8Lines) return lines.digest();
  const hash = createHash('sha1');
  // Lines joined a few thousand at a time: one update per line costs more than the hashing.
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === 4096) {
      hash.update(batch.join('\n') + '\n');
      batch = [];
    }
  }
  if (batch.length > 0) hash.update(batch.join('\n') + '\n');
  return `${lines.length}:${hash.digest('hex')}`;
}

/** Names, common words and places established by a source or an edition. */
export class NameKnowledge {
  /** Normalised surnames (see normalizeSurname) named with evidence of their own. */
  readonly surnames = new Set<string>();
  /** Folded words printed in lower case. */
  readonly lower = new Set<string>();
  /** Normalised surnames named with a title, initials, a given name or by the layout (not context alone). */
  readonly strong = new Set<string>();
  /** Folded place words: of datelines, and single words after "in", "at", "near" ("in Kamchatka"). */
  readonly places = new Set<string>();

  /**
   * Reads one source's raw lines into this knowledge. Linear in the text, and read in stretches cut at blank
   * lines ({@link stretchesOf}): the person rules' tokens of a whole volume at once took ~20 bytes a character.
   * The person rules consult what this knowledge holds already (its lower-case words and places): what a source
   * teaches depends on what was learnt before it.
   */
  learn(lines: LineList): this {
    const stretches = new Stretches(lines);
    this.readNames(stretches, this.readWords(stretches));
    return this;
  }

  /**
   * Reads one source into this (cumulative) knowledge, as {@link learn} does, and returns what the source teaches
   * read alone (`new NameKnowledge().learn(lines)`, which the entity pass consults beside the edition's). The
   * words and places of a source do not depend on what was learnt before, so they are read once for both; the
   * person rules run twice only when this knowledge held words or places the source does not print (read alone,
   * the source's rules consult fewer): for the first source of an edition, or a single volume, once.
   */
  learnSource(lines: LineList): NameKnowledge {
    const stretches = new Stretches(lines);
    const alone = new NameKnowledge();
    const kept = alone.readWords(stretches);
    for (const w of alone.lower) this.lower.add(w);
    for (const p of alone.places) this.places.add(p);
    const again = this.lower.size !== alone.lower.size || this.places.size !== alone.places.size;
    // Read again with this knowledge's words and places, the rules read the same tokens: kept for both readings.
    alone.readNames(stretches, kept, !again);
    if (!again) {
      for (const s of alone.surnames) this.surnames.add(s);
      for (const s of alone.strong) this.strong.add(s);
    } else {
      this.readNames(stretches, kept, true);
    }
    return alone;
  }

  /**
   * The words a source prints in lower case, and its places. Returns the tokens of its first stretches, as many as
   * {@link KEPT_TOKENS} allows (packed, without their stretch's text), which its lower-case words were read from and
   * both rounds of the person rules read next; the others' words are read from the characters.
   */
  private readWords(stretches: Stretches): Array<PackedTokens | undefined> {
    // Each stretch read once; the places after a preposition are added after those of datelines, as when the
    // source was read three times over.
    const afterPreposition = new Set<string>();
    const kept: Array<PackedTokens | undefined> = [];
    const added = new AddedForms();
    let keptTokens = 0;
    for (let k = 0; k < stretches.count; k++) {
      const text = stretches.text(k);
      const tokens = keptTokens < KEPT_TOKENS ? readTokens(text, true) : undefined;
      if (tokens && keptTokens + tokens.count <= KEPT_TOKENS) {
        lowerWordsOf(tokens, this.lower, true, added);
        kept.push(tokens.pack());
        releaseTokens(tokens);
        keptTokens += tokens.count;
      } else {
        if (tokens) releaseTokens(tokens);
        lowerWords(text, this.lower, true);
        kept.push(undefined);
        // No stretch after one that did not fit is kept: what is kept stays a stretch's worth below the bound.
        keptTokens = KEPT_TOKENS;
      }
      for (const m of text.matchAll(DATELINE_PLACE)) {
        for (const w of m[1]!.split(/[ -]/)) {
          if (/^\p{Ll}/u.test(w)) continue;
          const f = fold(w.replace(/\.$/, ''));
          if (!NOT_NAMES.has(f)) addDetached(this.places, f);
        }
      }
      const starts = prepositionStarts(text);
      for (const m of placeMatches(text, PLACE_AFTER_PREPOSITION, starts)) {
        const f = fold(m[1]!);
        if (!NOT_NAMES.has(f)) addDetached(afterPreposition, f);
      }
      for (const m of placeMatches(text, TWO_WORD_PLACE_AFTER_PREPOSITION, starts)) {
        const words = [fold(m[1]!), fold(m[2]!)];
        if (words.some((w) => NOT_NAMES.has(w) || TITLES.has(w) || ROLE_WORDS.has(w) || FORENAMES.has(w))) continue;
        for (const w of words) addDetached(afterPreposition, w);
      }
    }
    for (const f of afterPreposition) this.places.add(f);
    return kept;
  }

  /**
   * The surnames a source names with evidence of their own, judged against this knowledge's words and places.
   * `kept`: the tokens of its stretches, where the caller read them already ({@link readWords}); given up here as
   * round two is done with each when `release`, else left for another reading.
   */
  private readNames(stretches: Stretches, kept: Array<PackedTokens | undefined> = [], release = true): void {
    const common = (f: string): boolean => this.lower.has(f);
    const place = (f: string): boolean => this.places.has(f);
    // Two rounds: the second knows the names of the first, so that "Hitler and Mussolini" lists Mussolini
    // with a Hitler named elsewhere ("Hitler's forces").
    const first = new Set<string>();
    // The layout's names do not depend on known surnames: found once for both rounds, and kept as copies (their
    // texts would keep each stretch alive until the second round).
    const layouts: PersonMention[][] = [];
    // Round two reads the tokens of round one where they are kept (see readWords), and so takes round one's
    // decisions that no surname it knows can change.
    const logs: Array<CandidateLog | undefined> = [];
    const unknown = (): boolean => false;
    for (let k = 0; k < stretches.count; k++) {
      const text = stretches.text(k);
      const tokens = kept[k]?.unpack(text, true) ?? readTokens(text, true);
      const layout = layoutNamesOf(text, place);
      layouts.push(layout.length === 0 ? layout : (JSON.parse(JSON.stringify(layout)) as PersonMention[]));
      const log = kept[k] ? new CandidateLog() : undefined;
      // One shape of options for both rounds (a second shape deoptimised the rules on a first source).
      for (const m of findPersons(text, { common, place, known: unknown, layout, tokens, log })) {
        addDetached(first, normalizeSurname(m.key));
        if (m.evidence !== 'context') addDetached(this.strong, normalizeSurname(m.key));
      }
      releaseTokens(tokens);
      logs.push(log);
    }
    const known = (key: string): boolean => first.has(normalizeSurname(key));
    for (let i = 0; i < stretches.count; i++) {
      const text = stretches.text(i);
      const tokens = kept[i]?.unpack(text, true) ?? readTokens(text, true);
      const log = logs[i];
      if (release) kept[i] = undefined;
      logs[i] = undefined;
      for (const m of findPersons(text, { common, place, known, layout: layouts[i]!, tokens, log })) if (m.evidence !== 'known') addDetached(this.surnames, normalizeSurname(m.key));
      releaseTokens(tokens);
    }
    for (const k of first) this.surnames.add(k);
  }

  /** Adds another source's knowledge. */
  add(other: NameKnowledge): this {
    for (const s of other.surnames) this.surnames.add(s);
    for (const w of other.lower) this.lower.add(w);
    for (const p of other.places) this.places.add(p);
    for (const s of other.strong) this.strong.add(s);
    return this;
  }

  /** A place word, unless the same word is also named as a person with a title, initials or a given name. */
  isPlace(folded: string): boolean {
    return this.places.has(folded) && !this.strong.has(normalizeSurname(folded));
  }
}
