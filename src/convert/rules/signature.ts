/**
 * Closings and signatures of letters, despatches and notes: the closing formula ("Yours very faithfully,",
 * "I have the honor to be, etc.,", "Accept, sir, the renewed assurances of my highest consideration.", "I am
 * [etc.]"), which names no one, and the signature block after it: a name ("W. W. Rockhill.", "S[umner] W[elles]",
 * "v. Macchi di Cellere"), an office under it ("Acting Secretary."), "For the Secretary of State:" above it, and
 * several of them in treaties ("For the Republic of Guatemala:" / name, repeated).
 */
import { foldSpaces, lineFeature, linesPlainText } from '../readers/blocks.js';

/** Closing formulas of letters and diplomatic notes. A closing formula is never a name. */
const CLOSINGS: readonly RegExp[] = [
  // "Yours very sincerely,", "Very truly yours,", "Respectfully yours,", "Sincerely,", "Respectfully submitted."
  /^(?:(?:yours|very|most|ever|sincerely|truly|faithfully|respectfully|obediently|cordially|affectionately)[\s,]*)+(?:yours)?(?:\s+submitted)?[,.]?$/i,
  /^your\s+(?:very\s+)?(?:sincere|obedient|humble|faithful)\b.{0,60}$/i,
  // "I am, etc.,", "I have, etc.", "I have the honor to be, sir, your obedient servant,", "I am [etc.]", "I remain, …".
  /^I\s+(?:am|have|remain|beg)\b.{0,120}?(?:etc\.?\]?|servant|consideration|respect|yours|sincerely|faithfully)[.,]*\]?$/i,
  // "Accept, Excellency, the renewed assurances …", "Be pleased to accept …", "I avail myself [etc.]",
  // "The undersigned avails himself [etc.]", "Believe me [etc.]", "With highest consideration,".
  // Only the formula of courtesy: "Please accept my warm congratulations on …" is a message's text.
  /^(?:please\s+|be\s+pleased\s+to\s+)?accept\b.{0,200}(?:assurances?|consideration|\[etc\.?\]|\betc\.)[^]{0,80}$/i,
  /^(?:I|the\s+undersigned)\s+avails?\b.{0,200}(?:assurances?|consideration|\[etc\.?\]|\betc\.)[^]{0,80}$/i,
  /^believe\s+me\b.{0,80}$/i,
  /^with\s+(?:the\s+)?(?:highest|high|renewed|kind|best|warm|every)\w*\b.{0,80}$/i,
  /^(?:best|kind|warm)\s+regards[,.]?$/i,
  // "I take pleasure [etc.]", "I repeat [etc.]": any formula the edition cut short with "etc."
  /^(?:I|we|the\s+undersigned)\s.{0,80}(?:\[etc\.?\]|\betc\.,?)$/i,
];

/** The longest closing formula, in characters once stars are dropped and white space folded. */
export const MAX_CLOSING_CHARS = 240;

/** True when the text is a closing formula of a letter or note. */
export function isClosingFormula(text: string): boolean {
  if (nonStarCharsExceed(text, MAX_CLOSING_CHARS)) return false;
  const t = foldSpaces(text.replace(/\*+/g, '')).trim();
  if (t.length === 0 || t.length > MAX_CLOSING_CHARS || /^yours\s+of\b/i.test(t)) return false;
  return CLOSINGS.some((r) => r.test(t));
}

/**
 * More than `limit` characters of `text` are printable ASCII other than a star: the text stays longer than `limit`
 * once stars are dropped and white space folded. Asked first, so that a long paragraph is not folded to be measured.
 * A raw line, not a block's parsed words: for those, `nonDigitCharsExceed` (readers/inline.ts) counts the text nodes
 * without note references, and leaves out digits rather than stars.
 */
export function nonStarCharsExceed(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let more = moreThan.get(limit);
  if (more === undefined) {
    // Anchored, each step certain (a counted character or not): the text is read once, by native code, where a loop
    // over its code units in JavaScript took several times as long before V8 optimised it.
    more = new RegExp(`^(?:[^\\x21-\\x29\\x2b-\\x7e]*[\\x21-\\x29\\x2b-\\x7e]){${limit + 1}}`);
    moreThan.set(limit, more);
  }
  return more.test(text);
}

/** The expression of {@link nonStarCharsExceed} for each limit asked (a few constants). */
const moreThan = new Map<number, RegExp>();

/** One word of a signed name: capitalised, an initial, an editor's completion ("S[umner]"), a particle, "Jr.". */
const NAME_TOKEN = String.raw`(?:\p{Lu}[\p{L}'’-]*(?:\[[\p{L}.'’ -]+\])?[\p{L}'’-]*\.?|\p{Lu}\.|(?:de|di|del|della|da|do|dos|du|la|le|van|von|der|den|ter|y|e|v\.|d’|d')(?=\s|\p{Lu})|d’\p{Lu}[\p{L}'’-]*)`;
const NAME_LINE = new RegExp(String.raw`^\[?(${NAME_TOKEN}(?:\s+${NAME_TOKEN}){0,5}?)(?:,?\s+(?:Jr|Sr|jr|sr)\.?)?\]?[.,]?(?:\s+\[(?:seal|Seal|SEAL|L\.\s?S\.)\])?$`, 'u');

/** Words that make a short capitalised line something other than a name. */
const NOT_NAME_WORDS = new Set(
  (
    'telegram paraphrase translation enclosure inclosure extract copy secret confidential strictly personal urgent note ' +
    'memorandum aide-mémoire aide-memoire annex appendix protocol agreement treaty convention minutes report statement ' +
    'january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday the a an and of to for in on at by with from sir gentlemen madam excellency dear ' +
    'yours sincerely truly faithfully respectfully etc repeated received sent department state government ' +
    'embassy legation united states america stop end signed sgd sections section part chapter table none no article subinclosure ' +
    'subenclosure edict decree reply considerations board final protocole general secretary minister ambassador consul ' +
    'counselor chargé commissioner acting assistant chairman chief director embassy'
  ).split(/\s+/),
);

/**
 * True when a line is a signed name: "Lansing", "W. W. Rockhill.", "Breckinridge Long", "S[umner] W[elles]",
 * "v. Macchi di Cellere", "Louis G. Dreyfus, Jr.", "[Lansing]". Capitals alone ("HARRIMAN") count too.
 */
export function isSignedName(line: string): boolean {
  const t = line.replace(/\*+/g, '').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '').trim();
  if (t.length === 0 || t.length > 45) return false;
  if (/^[IVXLC]+\.?$/.test(t)) return false; // a section number
  const m = NAME_LINE.exec(t);
  if (!m) return false;
  const words = m[1]!.split(/\s+/).map((w) => w.toLowerCase().replace(/,$/, ''));
  // Initials ("A.") are never the stop words they spell.
  if (words.some((w) => !/^\p{L}\.$/u.test(w) && NOT_NAME_WORDS.has(w.replace(/\.$/, '')))) return false;
  // A name has at least one word longer than an initial ("H." alone is an initial signature, allowed on its own);
  // an editor's completion counts ("S[umner] W[elles]").
  return words.length === 1 || words.some((w) => w.replace(/[^\p{L}]/gu, '').length > 1);
}

/** The office printed under or after a signed name: "Acting Secretary.", "Counselor of Embassy", "Taotai at Shanghai." */
export function isOfficeLine(line: string): boolean {
  const t = line.replace(/\*+/g, '').trim().replace(/[.,]$/, '');
  if (t.length === 0 || t.length > 80 || !/^\p{Lu}/u.test(t)) return false;
  if (/[.!?;:]\s/.test(t)) return false;
  return /\b(?:Acting|Secretary|Minister|Ambassador|Chargé|Charge|Consul|Counselor|Counsellor|Adviser|Advisor|Chairman|Chief|Director|Assistant|Commissioner|President|Governor|Taotai|Delegate|Representative|Agent|Attaché|Envoy|Plenipotentiary|Commander|General|Admiral|Officer|Embassy|Legation|Division|Department|Ministry)\b/.test(t);
}

/**
 * "For the Secretary of State:", "For the Republic of Guatemala:", and a countersignature's "By the President:",
 * "By command of the Emperor:": whom or by whose authority the name under it signs.
 */
const SIGNS_FOR = /^(?:For|By(?:\s+(?:command|order|direction)\s+of)?)\s+(?:the\s+)?\p{Lu}.{0,80}:$/u;

/** One line of a signature block and what it is. */
export interface SignatureLine {
  text: string;
  /** `seal`: the editor's line on seals or signatures not printed ("{Signatures and seals of Chinese plenipotentiaries.}"). */
  role: 'for' | 'name' | 'office' | 'seal';
}

/** "For Germany, A. Mumm.", "For United States of America, E. H. Conger.": a treaty's signatory after the power he signs for. */
const SIGNS_FOR_POWER = /^For\s+(?:the\s+)?\p{Lu}[^,:;.]{0,60},\s+(\S.*)$/u;
/** "[L. S.]", "[Seal.]", "{Signatures and seals of Chinese plenipotentiaries.}": an editor's line among signatures. */
export const SEAL_LINE = /^[[{](?:L\.\s?S\.|[^\]}]{0,80}\b(?:[Ss]eals?|[Ss]ignatures?)\b[^\]}]{0,80})[\]}]\.?$/;

/**
 * The most printable ASCII characters other than stars a line of a signature block can hold: a name (45) with its
 * office (80 and a full stop) after a comma; "For the …:" (87) and "By" before a name (47) are shorter.
 */
export const MAX_SIGNATURE_LINE_CHARS = 127;

/** The most lines a signature block has (several signatories of a treaty, each with an office). */
export const MAX_SIGNATURE_LINES = 12;

/**
 * Reads a block as a signature block: name lines, each optionally preceded by "For …:" or "By" and followed by its
 * office, on up to twelve lines ("Alvey A. Adee,\nActing Secretary.", "For the Ambassador:\nRobert M. Scotten\n
 * Counselor of Embassy", "Root\nFrancis"). Undefined when any line is something else.
 */
export function readSignatureBlock(lines: readonly string[]): SignatureLine[] | undefined {
  const ls = lines.map((l) => l.trim()).filter(Boolean);
  if (ls.length === 0 || ls.length > MAX_SIGNATURE_LINES) return undefined;
  // A paragraph's line is answered before the name and office expressions read it several times over.
  if (ls.some((l) => nonStarCharsExceed(l, MAX_SIGNATURE_LINE_CHARS))) return undefined;
  const out: SignatureLine[] = [];
  for (const l of ls) {
    const last = out[out.length - 1];
    if (SIGNS_FOR.test(l)) out.push({ text: l, role: 'for' });
    else if (out.length > 0 && SEAL_LINE.test(l)) out.push({ text: l, role: 'seal' });
    else if (isSignedName(SIGNS_FOR_POWER.exec(l)?.[1] ?? '')) out.push({ text: l, role: 'name' });
    else if (last?.role === 'name' && isOfficeLine(l)) out.push({ text: l, role: 'office' });
    else if (isSignedName(l.replace(/^By\s+/, '')) || isNameWithOffice(l)) out.push({ text: l, role: 'name' });
    else if (isOfficeLine(l) && ((last && last.role === 'name') || /^By\s/.test(ls[out.length + 1] ?? ''))) out.push({ text: l, role: 'office' });
    else return undefined;
  }
  return out.some((l) => l.role === 'name') ? out : undefined;
}

/**
 * "By the President:\nJohn Hay, Secretary of State.": a countersignature, the minister's signature under the
 * sovereign's or president's own; the paper's signer is the one above it.
 */
export function isCountersignature(lines: readonly string[]): boolean {
  const first = lines.find((l) => l.trim())?.trim() ?? '';
  return /^By\s.*:$/.test(first) && !!readSignatureBlock(lines);
}

/**
 * Where the name starts on a treaty signatory's line ("For Great Britain, Ernest Satow." → the offset of "Ernest"):
 * the power before it is no name. 0 when the line is no such line.
 */
export function signatoryNameOffset(line: string): number {
  const m = SIGNS_FOR_POWER.exec(line);
  return m && isSignedName(m[1]!.trim()) ? line.length - m[1]!.length : 0;
}

/** "Alvey A. Adee, Acting Secretary.", "Yu Lien-yuen, Taotai at Shanghai.": a name and its office on one line. */
export function isNameWithOffice(line: string): boolean {
  const m = /^([^,]+),\s+(.+)$/.exec(line.trim());
  return !!m && isSignedName(m[1]!) && isOfficeLine(m[2]!);
}

/** The name in a signature line, without "By", the office after a comma, or a closing full stop. */
export function signedNameOf(line: string): string {
  const power = SIGNS_FOR_POWER.exec(line.trim())?.[1];
  const t = (power && isSignedName(power) ? power : line.trim()).replace(/^By\s+/, '');
  const withOffice = /^([^,]+),\s+(.+)$/.exec(t);
  const name = withOffice && isOfficeLine(withOffice[2]!) ? withOffice[1]! : t;
  return name.replace(/\s*\[(?:seal|Seal|SEAL|L\.\s?S\.)\]$/, '').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '').replace(/(?<!\b\p{Lu})\.$/u, '').replace(/,$/, '').replace(/^\[(.*)\]$/, '$1').trim();
}

/** {@link readSignatureBlock} of a block's lines, read once for every rule that asks (readers/blocks.ts, `lineFeature`). */
export const signatureBlockOf: (lines: string[]) => SignatureLine[] | undefined = lineFeature(readSignatureBlock);

/**
 * {@link isClosingFormula} of a block's text (`blockText`, or the same text without its stars: the formula is read
 * without them either way), read once for every rule that asks. Most blocks open with none of the words a closing
 * formula opens with, and are answered before the formula's length is counted.
 */
export const isClosingFormulaBlock: (lines: string[]) => boolean = lineFeature((lines) => {
  const plain = linesPlainText(lines);
  return mayBeClosingFormula(plain) && isClosingFormula(plain);
});

/**
 * A necessary condition for {@link isClosingFormula} of a text without stars, trimmed: it opens with a word one of
 * CLOSINGS opens with ("I", "we", "be" and "the" before white space).
 */
export function mayBeClosingFormula(plain: string): boolean {
  return CLOSING_OPENING.test(plain);
}

const CLOSING_OPENING = /^(?:yours|very|most|ever|sincerely|truly|faithfully|respectfully|obediently|cordially|affectionately|your|please|accept|believe|with|best|kind|warm|(?:I|we|be|the)\s)/i;
