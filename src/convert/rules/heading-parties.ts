/**
 * Who wrote to whom, read from a heading printed in running case, the way documentary editions print them:
 * "The Secretary of State to the Ambassador in Russia (Francis)", "Mr. Conger to Mr. Hay.", "The Chargé in
 * Russia (Poole) to the Secretary of State", "Memorandum by the Secretary of State", "The British Embassy to
 * the Department of State", "The Secretary of State to All American Diplomatic Missions in the American
 * Republics". Each party is a person (who may hold an office), an office with no person named, an
 * institution, or a group of office holders addressed together. Headings in capitals ("J. V. STALIN TO
 * F. ROOSEVELT") are `parties.ts`'s business.
 */
import { foldSpaces, lineFeature, linesText } from '../readers/blocks.js';
import { isSpaceUnit } from '../readers/letter-class.js';
import { TextMemo } from '../readers/text-memo.js';

/** One sender or addressee as a heading names it. */
export interface PartyReading {
  kind: 'person' | 'office' | 'org' | 'group';
  /** A person's name as printed ("Francis", "Mr. Conger", "Castillo Najera"); for an institution or a group, the whole phrase. */
  name?: string;
  /** The office as printed, without its article ("Secretary of State", "Ambassador in Russia"). */
  office?: string;
}

/** What a heading says about its document. */
export interface HeadingReading {
  /** The kind of document a heading's first word names ("Memorandum by …", "Cablegram from …"), if any. */
  kind?: 'memorandum' | 'telegram' | 'note' | 'letter' | 'instruction';
  sender: PartyReading[];
  addressees: PartyReading[];
  /**
   * The writer of a document that is not correspondence ("Memorandum by the Secretary of State"): an author,
   * not a sender, and no addressee at all.
   */
  author?: PartyReading;
}

/** Nouns of office: the word that makes a phrase an office ("the Consul at Harbin", "the Russian Chargé d'affaires"). */
const OFFICES = new Set(
  (
    'secretary under-secretary undersecretary ambassador minister chargé charge chargé-d’affaires consul consul-general vice-consul counselor counsellor ' +
    'adviser advisor chairman chief director assistant commissioner president vice-president emperor empress king queen viceroy governor ' +
    'governor-general taotai delegate representative agent attaché attache envoy plenipotentiary premier commander general admiral ' +
    'officer head member members administrator treasurer solicitor judge mayor prefect prince regent sultan shah mikado ' +
    'chancellor foreign'
  ).split(/\s+/),
);

/** Nouns of institutions: the word that makes a phrase an institution ("the British Embassy", "the Department of State"). */
const INSTITUTIONS = new Set(
  (
    'embassy legation consulate department ministry government council committee commission delegation office bank company ' +
    'corporation inc. inc union league board bureau society association chamber institute mission cabinet senate congress ' +
    'court foreign-office red'
  ).split(/\s+/),
);

/** Plural offices: a phrase naming several office holders at once. */
const PLURAL_OFFICES = /\b(?:Representatives|Missions|Officers|Ministers|Ambassadors|Consuls|Chiefs|Governments|Powers|Diplomats|Envoys|Delegates|Legations|Embassies|Consulates)\b/;

/** Titles that stand before a person's name ("Mr. Conger", "Prince Ching", "Acting Secretary Hill"). */
const TITLE = String.raw`(?:Mr|Mrs|Miss|Messrs|Mme|Mlle|Sir|Lord|Lady|Dr|M|Señor|Senor|Sr|Don|Dom|Baron|Baroness|Count|Countess|Prince|Princess|Marquis|Earl|Viscount|Duke|General|Gen|Admiral|Colonel|Col|Captain|Capt|Major|Marshal|Field\s+Marshal|Generalissimo|Viceroy|Prime\s+Minister|Foreign\s+Minister|Foreign\s+Secretary|Minister|Ambassador|Consul|Senator|Judge|President|Vice\s+President|Premier|Chancellor|King|Queen|Emperor|Acting\s+Secretary|Secretary|Under\s+Secretary|Assistant\s+Secretary|Commissioner|Commissar)`;
/** One word of a name: capitalised (with hyphens and apostrophes), an initial, or a particle ("de", "von", "y"). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.|de|del|della|di|da|do|dos|du|des|la|le|van|von|der|den|ter|y|e|d’\p{Lu}[\p{L}-]*|d'\p{Lu}[\p{L}-]*)`;
/** A title, the name, and what follows it: an office after a comma ("Mr. Martin, consul at Nanking") or an affiliation ("of the Division …"). */
const TITLED_PERSON = new RegExp(String.raw`^((${TITLE})\.?)\s+(${NAME_WORD}(?:\s+${NAME_WORD})*?)(?:\s*,\s*(.+?)|\s+((?:of|on|in|at|for|with)\s.+?))?\s*,?$`, 'u');
const BARE_NAME = new RegExp(String.raw`^${NAME_WORD}(?:\s+${NAME_WORD})*$`, 'u');
/** Titles of address, kept with the name as printed ("Mr. Conger"); other titles are offices ("Viceroy", "Acting Secretary"). */
const PERSONAL_TITLE = /^(?:Mr|Mrs|Miss|Messrs|Mme|Mlle|Sir|Lord|Lady|Dr|M|Señor|Senor|Sr|Don|Dom|Baron|Baroness|Count|Countess|Prince|Princess|Marquis|Earl|Viscount|Duke)$/;

/** Lead words naming a kind of document, before "from", "by" or "of" and the writer. */
const DOCUMENT_LEAD =
  /^(?:an?\s+|the\s+)?(memorandum|aide-m[ée]moire|note|circular note|circular telegram|circular|letter|telegram|cablegram|cable|telegraphic instruction|instruction|despatch|dispatch|message|minute|record)(?:\s+handed)?\s*,?\s+(?:from|by|of)\s+(.+)$/i;

/** A heading that starts by naming a kind of document (and not "X to Y"). */
const DOCUMENT_NOUN =
  /^(?:an?\s+|the\s+)?(?:imperial\s+|joint\s+|final\s+|circular\s+|telegraphic\s+|secret\s+|confidential\s+)?(memorandum|aide-m[ée]moire|note|notes|telegram|cablegram|instruction|edict|decree|agreement|treaty|convention|protocol|protocole|minutes|proceedings|procès-verbal|report|statement|press release|declaration|proclamation|resolution|exchange|draft|text|list|extract|translation|paraphrase)\b/i;

const KIND_OF_LEAD: Record<string, HeadingReading['kind']> = {
  memorandum: 'memorandum',
  'aide-mémoire': 'memorandum',
  'aide-memoire': 'memorandum',
  record: 'memorandum',
  minute: 'note',
  note: 'note',
  'circular note': 'note',
  telegram: 'telegram',
  cablegram: 'telegram',
  cable: 'telegram',
  'circular telegram': 'telegram',
  'telegraphic instruction': 'instruction',
  instruction: 'instruction',
  circular: 'instruction',
  letter: 'letter',
  despatch: 'letter',
  dispatch: 'letter',
  message: 'letter',
};

/** Superscript note markers and symbols printed on a heading: not part of it. */
const NOTE_MARKERS = /[⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈ*†‡§ǁ]+/g;

/**
 * Reads the parties of a heading printed in running case. Undefined when the heading names no direction
 * (no "to", no "by"/"from" after a document word) or is printed mostly in capitals.
 *
 * The answer is shared by every asker of the same text, and frozen (readers/text-memo.ts): whoever keeps it copies it.
 */
export function readRunningHeading(heading: string): HeadingReading | undefined {
  return HEADINGS_READ.answer(heading, () => readHeading(heading));
}

/** Headings are short; a paragraph of prose asked whether it names parties is read and not kept. */
const HEADINGS_READ = new TextMemo<HeadingReading | undefined>(300);

/** {@link readRunningHeading} without the texts kept. */
function readHeading(heading: string): HeadingReading | undefined {
  const text = cleanHeading(heading);
  if (!text) return undefined;
  // Whether the heading is printed in capitals is asked only of one that names a document or holds a " to ": most
  // texts asked (every short paragraph, by the unmarked-enclosure rule) are answered sooner. The tests before it
  // read nothing a capitals test could change.
  const lead = DOCUMENT_LEAD.exec(text);
  if (lead) return mostlyCapitals(text) ? undefined : readDescribedDocument(lead[1]!.toLowerCase(), lead[2]!);
  // "Memorandum in response to …", "Agreement Between the Governments of …", "Imperial edict of …": a document
  // described by its subject; a "to" in it is part of the description, not an addressee.
  const described = DOCUMENT_NOUN.exec(text);
  if (described) return mostlyCapitals(text) ? undefined : { kind: KIND_OF_LEAD[described[1]!.toLowerCase()], sender: [], addressees: [] };
  const split = splitAtTo(text);
  if (!split || mostlyCapitals(text)) return undefined;
  const sender = partiesOf(split.sender);
  if (sender.length === 0) return undefined;
  const addressees = partiesOf(split.addressee);
  if (addressees.length === 0) return undefined;
  return { sender, addressees };
}

/**
 * A necessary condition for a heading to name both a sender and an addressee, cheap enough to ask of every
 * paragraph (the unmarked-enclosure rule asks it of the first paragraph of most documents: 400 characters on average
 * in a volume): both are found only on either side of a " to " before what an addressee opens with (see
 * {@link splitAtTo}), which a note marker taken out may bring together; and a phrase names a party only when it holds
 * no word of prose, or a bracket ("The Chargé in Russia (Poole)"), or names several office holders ("the Powers",
 * "All American Diplomatic Missions"), or follows a document's lead ("Memorandum by … to …"). A paragraph of prose
 * with none of these is answered without being split at every " to " and read on both sides. False means that no
 * {@link readRunningHeading} of this text has both (a property test holds it).
 */
export function mayNameBothParties(heading: string): boolean {
  if (!TO_AN_ADDRESSEE.test(heading) && !NOTE_MARKER.test(heading)) return false;
  const text = cleanHeading(heading);
  // Phrases without a word of prose on both sides of the " to ": then the whole text has none either.
  return text.includes('(') || DOCUMENT_LEAD.test(text) || !holdsProseWord(text) || PLURAL_OFFICES.test(text) || PLURAL_OFFICE_WORD.test(text);
}

/** A " to " and an addressee's opening after it, as {@link splitAtTo} and ADDRESSEE_START ask. */
const TO_AN_ADDRESSEE = /\sto\s+(?:\p{Lu}|(?:the|an?|all)\s)/u;
const NOTE_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈ*†‡§ǁ]/;

/**
 * What every word {@link isPluralOfficeOrBody} passes matches, and a little more: the plural of an office or an
 * institution opening with a capital, before white space or the end after stops and commas ("Secretaries,",
 * "Legations."). Spelled out letter by letter (what `toLowerCase` makes the plural of, a capital first), since under
 * the `i` flag `\p{Lu}` would be any letter.
 */
const PLURAL_OFFICE_WORD = new RegExp(
  `(?:${[...OFFICES, ...INSTITUTIONS]
    .flatMap((w) => [`${w}s`, ...(w.endsWith('y') ? [`${w.slice(0, -1)}ies`] : [])])
    .map((plural) => [...plural].map((c, i) => anyCaseOf(c, i === 0)).join(''))
    .join('|')})(?=[,.;:]*(?:\\s|$))`,
  'u',
);

/** A class of what lower-cases to the letter `c` (capitals only, for a word's first letter), or `c` escaped. */
function anyCaseOf(c: string, capital: boolean): string {
  if (c === 'k') return capital ? '[K\\u212A]' : '[kK\\u212A]';
  const upper = c.toUpperCase();
  if (upper !== c && upper.length === 1) return capital ? upper : `[${c}${upper}]`;
  return c === '.' ? '\\.' : c;
}

/** The heading without note markers, a number before it or a stop after it, its white space folded. */
function cleanHeading(heading: string): string {
  return foldSpaces(heading.replace(NOTE_MARKERS, '')).trim().replace(/^\d{1,4}\.\s+/, '').replace(/[.:;]$/, '').trim();
}

/**
 * "Memorandum by the Secretary of State": an author and no addressee; "Memorandum by the Chief of the Division
 * (Moffat) to the Assistant Secretary of State (Sayre)": a memorandum sent to someone; "Cablegram from Viceroy Li
 * Hung Chang, dated August 21, 1900, …": a sender, and what follows the comma describes the document.
 */
function readDescribedDocument(leadWord: string, rest: string): HeadingReading | undefined {
  const kind = KIND_OF_LEAD[leadWord.replace(/\s+/g, ' ')];
  // "Circular note of July 3, 1900, to the powers …": "of" introduces the date, not the writer.
  if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December|\d)/.test(rest)) return { kind, sender: [], addressees: [] };
  // "Memorandum of Conversation", "Memorandum of Conference Between …": a subject, not a writer.
  if (/^(?:a\s+)?(?:conversation|conference|interview|meeting|agreement|understanding)\b/i.test(rest)) {
    const by = /,?\s+by\s+(.+)$/i.exec(rest);
    return by ? authorOnly(kind, by[1]!) : { kind, sender: [], addressees: [] };
  }
  // What follows a comma describes the document ("…, dated August 21, 1900, and received by Minister Wu").
  const writer = rest.replace(/\s*,\s*(?:dated|received|transmitted|handed|communicated|sent|circa|forwarded)\b.*$/i, '');
  const split = splitAtTo(writer);
  if (split) {
    const sender = partiesOf(split.sender);
    const addressees = partiesOf(split.addressee);
    if (sender.length > 0 && addressees.length > 0) return { kind, sender, addressees };
  }
  return authorOnly(kind, writer);
}

function authorOnly(kind: HeadingReading['kind'], phrase: string): HeadingReading {
  // What follows the writer describes the document: ", dated …", " of a Conversation With …", " in regard to …".
  const writer = phrase
    .replace(/\s*,\s*(?:dated|received|transmitted|handed|communicated|sent|circa|on|in|concerning|regarding)\b.*$/i, '')
    .replace(/\s+(?:of|on|in regard to|concerning|regarding|touching)\s+(?:a\s+|the\s+)?(?:conversation|conference|interview|meeting|telephone|subject)\b.*$/i, '')
    .replace(/\s*,\s*(?:\p{Lu}[\p{L}]+\s+\d{1,2}|\d{1,2}\s+\p{Lu}[\p{L}]+),?\s+\d{4}.*$/u, '');
  const parties = partiesOf(writer);
  if (parties.length === 0) return { kind, sender: [], addressees: [] };
  if (kind === 'memorandum') return { kind, sender: [], addressees: [], author: parties[0] };
  return { kind, sender: parties, addressees: [] };
}

/** What an addressee opens with: a capital, an article, "all" (sticky: tried where it stands). */
const ADDRESSEE_START = /\p{Lu}|(?:the|an?|all)\s/uy;

/** An addressee that opens as one: an article, "all", a title (made once: see SUPERSCRIPT_MARKERS in footnote-block.ts). */
const ADDRESSEE_OPENING = new RegExp(String.raw`^(?:the\s|an?\s|all\s|${TITLE}\.?\s)`, 'iu');

/**
 * The " to " that separates sender from addressee. A heading can hold several ("The Chairman of the Advisory
 * Commission of Railway Experts to Russia (Stevens) to the Secretary of State"): the one after a bracketed name
 * or a comma, and before an article or a title, wins; a split that leaves a bracket open never does.
 */
export function splitAtTo(text: string): { sender: string; addressee: string } | undefined {
  let best: { sender: string; addressee: string; score: number } | undefined;
  // The brackets before each " to ", counted as the matches move on, not again over each sender (a long paragraph
  // holds many a " to "); trimming a sender takes out no bracket.
  let opened = 0;
  let closed = 0;
  let counted = 0;
  for (const m of text.matchAll(/\s+to\s+/g)) {
    // What opens the addressee, asked where it stands before the two sides are copied (most " to " of a sentence
    // fail it): the untrimmed rest passes whenever the trimmed one does.
    ADDRESSEE_START.lastIndex = m.index + m[0].length;
    if (!ADDRESSEE_START.test(text)) continue;
    const sender = text.slice(0, m.index).trim();
    const addressee = text.slice(m.index + m[0].length).trim();
    if (!sender || !addressee || !/^\p{Lu}|^(?:the|an?|all)\s/u.test(addressee)) continue;
    // Each bracket found by a search (native code), not by a loop over every code unit before this " to ".
    opened += occurrences(text, '(', counted, m.index);
    closed += occurrences(text, ')', counted, m.index);
    counted = m.index;
    if (opened !== closed) continue;
    let score = 0;
    if (endsInBracket(sender)) score += 3;
    if (sender.endsWith(',')) score += 2;
    if (ADDRESSEE_OPENING.test(addressee)) score += 2;
    // An office is never only the words before "to" when they end in a bare office noun's complement ("Experts").
    if (!best || score > best.score) best = { sender: sender.replace(/,$/, '').trim(), addressee, score };
  }
  return best && { sender: best.sender, addressee: best.addressee };
}

/** How many times `character` stands in `text` from `from` up to `to` (exclusive). */
function occurrences(text: string, character: string, from: number, to: number): number {
  let n = 0;
  for (let at = text.indexOf(character, from); at >= 0 && at < to; at = text.indexOf(character, at + 1)) n++;
  return n;
}

/** `/\)\s*,?$/`: a closing bracket at the end, white space and a comma after it allowed; read from the end. */
function endsInBracket(s: string): boolean {
  let end = s.length;
  if (s.charCodeAt(end - 1) === 0x2c) end--;
  while (end > 0 && SPACE.test(s[end - 1]!)) end--;
  return s.charCodeAt(end - 1) === 0x29;
}

const SPACE = /^\s$/;

/** One phrase naming one or more parties ("Prince Ching and Li Hung-chang"). */
export function partiesOf(phrase: string): PartyReading[] {
  const p = trimPhrase(phrase);
  if (!p) return [];
  if (namesSeveral(p)) return [{ kind: 'group', name: stripArticle(p) }];
  // "Prince Ching and Li Hung-chang": two persons; "the Secretary of State and the Secretary of War": two offices.
  const parts = p.split(/\s+and\s+/);
  if (parts.length === 2 && !/,/.test(p)) {
    const both = parts.map((x) => partyOf(x));
    if (both.every((x) => x && x.kind !== 'org')) return both as PartyReading[];
  }
  const one = partyOf(p);
  return one ? [one] : [];
}

/**
 * "All American Diplomatic Missions in …", "the Chinese Plenipotentiaries", "Diplomatic and Consular Officers in
 * Panama, …": office holders addressed together, one party. A bracketed name makes it one person's office.
 */
function namesSeveral(phrase: string): boolean {
  if (/\(/.test(phrase)) return false;
  if (PLURAL_OFFICES.test(phrase)) return true;
  return someCapitalisedWord(phrase, isPluralOfficeOrBody);
}

function isPluralOfficeOrBody(w: string): boolean {
  const key = w.toLowerCase().replace(/[,;:]$/, '');
  const singular = key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : undefined;
  return !!singular && (OFFICES.has(singular) || INSTITUTIONS.has(singular));
}

/** A word (a run of what is not white space, as `split(/\s+/)` cuts) that opens with a capital. */
const CAPITALISED_WORD = /(?<!\S)\p{Lu}\S*/gu;

/** A word of a phrase, as `split(/\s+/)` cuts it (the empty pieces at the ends left out). */
const WORD_OF_PHRASE = /\S+/g;

/**
 * `phrase.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && test(w))`, the capitalised words found by an expression
 * and the walk stopped at the first that passes: a long sentence read as a heading is not cut into all its words.
 */
export function someCapitalisedWord(phrase: string, test: (word: string) => boolean): boolean {
  return someMatch(CAPITALISED_WORD, phrase, test);
}

/** `phrase.split(/\s+/).some(test)` for a test that no empty word passes, stopped at the first word that passes. */
export function someWord(phrase: string, test: (word: string) => boolean): boolean {
  return someMatch(WORD_OF_PHRASE, phrase, test);
}

function someMatch(words: RegExp, phrase: string, test: (word: string) => boolean): boolean {
  words.lastIndex = 0;
  for (let m = words.exec(phrase); m; m = words.exec(phrase)) {
    if (test(m[0])) {
      words.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/**
 * `phrase.replace(/^[\s,]+|[\s,.;:]+$/g, '')`, read from both ends: the expression's second branch was tried at
 * every character of a long phrase.
 */
export function trimPhrase(phrase: string): string {
  let start = 0;
  while (start < phrase.length && isLeadingJunk(phrase.charCodeAt(start))) start++;
  let end = phrase.length;
  while (end > start && isTrailingJunk(phrase.charCodeAt(end - 1))) end--;
  return start === 0 && end === phrase.length ? phrase : phrase.slice(start, end);
}

function isLeadingJunk(code: number): boolean {
  return code === 0x2c || isSpaceUnit(code);
}

function isTrailingJunk(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3b || code === 0x3a || isSpaceUnit(code);
}

function stripArticle(s: string): string {
  return s.replace(/^(?:the|The)\s+/, '').trim();
}

/** Lower-case words a party's phrase may hold: articles, prepositions, particles, offices in lower case. */
const PHRASE_WORDS = new Set(
  (
    "the of in at for to and on by with from near de del della di da do du des la le van von der y e d' d’ ad interim except " +
    'temporarily special acting consul consul-general vice-consul minister chargé charge d’affaires d’affaires affaires secretary ' +
    'ambassador counselor adviser delegate commissioner agent attaché representative representatives officers missions ' +
    'ministers plenipotentiary plenipotentiaries general mission commission council committee'
  ).split(/\s+/),
);

/**
 * A single party: a person with or without an office, an office alone, or an institution. A phrase with words of
 * prose in it ("Prime Minister asked me this morning to convey") names no party.
 */
export function partyOf(phrase: string): PartyReading | undefined {
  const p = stripArticle(trimPhrase(phrase));
  if (!p) return undefined;
  // A bracketed name makes the phrase a person's office, whatever misprint stands in it ("Consul General al Moscow").
  if (!/\([^()]+\)/.test(p) && holdsProseWord(p)) return undefined;
  // "Ambassador in Russia (Francis)", "Minister in Switzerland (Wilson), at Geneva", "Chairman, Council Committee … (Castillo Najera)".
  const bracketed = /^(.*?)\s*\(([^()]+)\)(.*)$/.exec(p);
  if (bracketed && /^\p{Lu}/u.test(bracketed[2]!.trim())) {
    const office = bracketed[1]!.replace(/,$/, '').trim();
    return { kind: 'person', name: bracketed[2]!.trim(), ...(office ? { office } : {}) };
  }
  const titled = TITLED_PERSON.exec(p);
  if (titled && !startsWithOffice(titled[3]!)) {
    const title = titled[2]!.replace(/\s+/g, ' ');
    const names = titled[3]!;
    if (PERSONAL_TITLE.test(title)) {
      const afterComma = titled[4]?.trim();
      if (afterComma && /^(?:of|on|in|at|for|with)\s/.test(afterComma)) return { kind: 'person', name: `${titled[1]} ${names}` };
      return { kind: 'person', name: `${titled[1]} ${names}`, ...(afterComma ? { office: afterComma } : {}) };
    }
    return { kind: 'person', name: names, office: title };
  }
  // "G. Wilson, Foreign Office Northern Department": a name, then where the person works.
  const comma = /^([^,]+),\s+(.+)$/.exec(p);
  if (comma && isBareName(comma[1]!) && !startsWithOffice(comma[1]!)) {
    // What follows the comma is an office only when an office noun heads it ("consul at Nanking"); a department
    // is where the person works, not an office held.
    return headNoun(comma[2]!.split(/\s+/)) === 'office' && !/^foreign\s+office\b/i.test(comma[2]!) ? { kind: 'person', name: comma[1]!, office: comma[2]! } : { kind: 'person', name: comma[1]! };
  }
  const words = p.split(/\s+/);
  const head = headNoun(words);
  if (head === 'org') return { kind: 'org', name: p };
  if (head === 'office') {
    // "Secretary of State, Washington": the place after an office is where it sits, not part of it.
    const placed = /^(.*\S),\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})$/u.exec(p);
    if (placed && headNoun(placed[2]!.split(/\s+/)) === undefined && !/\(/.test(placed[1]!)) return partyOf(placed[1]!);
    // "Foreign Secretary Eden", "Chief of Staff Marshall": capitalised name words after the office's last word, not
    // after a preposition ("Minister in Bolivia" names a place), are the person holding it.
    const trailing = trailingName(words);
    return trailing ? { kind: 'person', name: trailing.name, office: trailing.office } : { kind: 'office', office: p };
  }
  // Capitalised words alone, none of them an office or an institution: a name ("Li Hung-chang", "Stalin").
  if (isBareName(p)) return { kind: 'person', name: p };
  return { kind: 'office', office: p };
}

/**
 * A word in lower case that no party's phrase holds ("asked", "convey"): `split(/\s+/).some(…)`, stopping at the
 * first such word instead of cutting a long sentence into all its words.
 */
function holdsProseWord(p: string): boolean {
  return someWord(p, isProseWord);
}

function isProseWord(w: string): boolean {
  return /^\p{Ll}/u.test(w) && !PHRASE_WORDS.has(w.toLowerCase().replace(/[,;:.]+$/, ''));
}

/** The name words that end an office phrase, after an office word ("Acting Secretary Hill" → Hill). */
function trailingName(words: string[]): { name: string; office: string } | undefined {
  let k = words.length;
  while (k > 0 && /^\p{Lu}[\p{L}'’.-]*$/u.test(words[k - 1]!) && !OFFICES.has(words[k - 1]!.toLowerCase()) && !INSTITUTIONS.has(words[k - 1]!.toLowerCase())) k--;
  if (k === words.length || k === 0) return undefined;
  if (!OFFICES.has(words[k - 1]!.toLowerCase().replace(/[,;:]$/, ''))) return undefined;
  return { name: words.slice(k).join(' '), office: words.slice(0, k).join(' ') };
}

/** Name words only ("Li Hung-chang", "G. Wilson"), none of them an office or an institution. */
function isBareName(phrase: string): boolean {
  if (!BARE_NAME.test(phrase) || !/\p{Lu}/u.test(phrase)) return false;
  return !phrase.split(/\s+/).some((w) => OFFICES.has(w.toLowerCase()) || INSTITUTIONS.has(w.toLowerCase()));
}

function startsWithOffice(name: string): boolean {
  const first = name.split(/\s+/)[0]!.toLowerCase();
  return OFFICES.has(first) || INSTITUTIONS.has(first);
}

/**
 * Whether a phrase is headed by an office or an institution: the first word, adjectives of nationality and
 * rank passed over, that is either ("Executive Committee of …" → institution, "Imperial German Chargé" → office).
 */
function headNoun(words: string[]): 'office' | 'org' | undefined {
  for (const w of words) {
    const key = w.toLowerCase().replace(/[,;:]$/, '');
    if (OFFICES.has(key)) return 'office';
    if (INSTITUTIONS.has(key)) return 'org';
    if (/^(?:of|in|at|for|to|on)$/.test(key)) return undefined;
  }
  return undefined;
}

const NOT_ASCII = /[^\x00-\x7f]/;
const NOT_ASCII_CAPITAL = /[^A-Z]+/g;
const NOT_ASCII_LETTER = /[^A-Za-z]+/g;
const IS_LETTER = /^\p{L}$/u;
const IS_UPPER = /^\p{Lu}$/u;

/**
 * Three letters in four or more are capitals (a text without letters counts as capitals): what
 * `text.match(/\p{L}/gu)` counted of `/\p{Lu}/u`, read by a scan (ASCII by its code, other characters by the
 * same classes, a surrogate pair as one character) instead of an array of one-letter strings.
 */
export function mostlyCapitals(text: string): boolean {
  // A text all in ASCII (most) is counted by expressions (native code): what is left once the rest is taken out.
  if (!NOT_ASCII.test(text)) return text.replace(NOT_ASCII_CAPITAL, '').length >= 0.75 * text.replace(NOT_ASCII_LETTER, '').length;
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) {
        letters++;
        upper++;
      } else if (code >= 0x61 && code <= 0x7a) letters++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (IS_LETTER.test(ch)) {
      letters++;
      if (IS_UPPER.test(ch)) upper++;
    }
  }
  return upper >= 0.75 * letters;
}

/**
 * {@link readRunningHeading} of a block's text, read once for every rule that asks (readers/blocks.ts,
 * `lineFeature`). The text with or without its stars reads the same: the reading takes them out with the note markers.
 */
export const runningHeadingOf: (lines: string[]) => HeadingReading | undefined = lineFeature((lines) => readRunningHeading(linesText(lines)));
