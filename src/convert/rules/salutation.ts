/**
 * Salutations: how a letter addresses its reader before the text ("Sir:", "My dear Mr. Hay:", "Your Excellency:",
 * "Highness and Excellency:", "Monsieur le Ministre:"). One rule for every place that asks: the structure pass's
 * `salute` recogniser, the openings of a documentary volume's documents and of enclosures printed without a marker.
 * A salutation stands on a line of its own or opens the first paragraph ("Sir: In July, 1900, …").
 *
 * Case is not read: typewritten and telegraphic copies print "SIR:" and "MY DEAR MR. HAY:".
 */
import type { Block } from '../../model/document.js';
import { plainText } from '../readers/blocks.js';

/** The longest salutation read on a line of its own, in characters. */
const MAX_LINE_CHARS = 60;

/** "Sir", "Gentlemen", "Your Excellency", "Highness, Excellency", "Mr. Secretary": a form of address that names nobody. */
const BARE = String.raw`Sir|Sirs|Gentlemen|Madam|(?:Your\s+)?(?:Highness|Excellency|Excellencies)(?:,?\s+(?:and\s+)?(?:Your\s+)?(?:Highness|Excellency|Excellencies))*|Mr\.?\s+(?:Secretary|President|Minister)`;

/**
 * "My dear Mr. Hay", "Dear Sir", "My very dear Welles": "dear" and up to 60 characters after it, with a full stop only
 * after an abbreviated title or an initial.
 */
const DEAR = String.raw`(?:My\s+)?(?:very\s+)?Dear\b(?:[^.:]|(?<=\b(?:Mr|Mrs|Ms|Dr|St|Messrs|Gen|Col|Capt|M|\p{L}))\.){0,60}`;

/**
 * Forms read only on a line of their own: "Mr. Secretary of State:", "Monsieur le Ministre et cher Collègue:". Opening
 * a paragraph, the same words are text as often as not ("Mr. Secretary Root replied, …").
 */
const TITLED = String.raw`Mr\.?\s+(?:Secretary|President|Minister)[^.:]{0,30}|Monsieur\b[^.:]{0,50}`;

const SALUTATION_LINE = new RegExp(String.raw`^(?:${BARE}|${DEAR}|${TITLED})[,:]$`, 'iu');
const SALUTATION_OPENING = new RegExp(String.raw`^(?:${BARE}|${DEAR})[,:]\s+\S`, 'iu');

/** True when the whole text is a salutation: "Sir:", "My dear Mr. Hay,", "Monsieur le Ministre:". */
export function isSalutationLine(text: string): boolean {
  return text.length <= MAX_LINE_CHARS && SALUTATION_LINE.test(text);
}

/** True when the text opens with a salutation and goes on: "Sir: In July, 1900, …", "Dear Mr. Hay, I have …". */
export function opensWithSalutation(text: string): boolean {
  return SALUTATION_OPENING.test(text);
}

/** True when the text is a salutation or opens with one. */
export function startsWithSalutation(text: string): boolean {
  return isSalutationLine(text) || opensWithSalutation(text);
}

/** A block that is a salutation on its own line ("Excellency:"), or a paragraph that opens with one ("Sir: I have …"). */
export function isSalutation(b: Block): boolean {
  if (b.kind === 'salute') return true;
  const t = plainText(b);
  return (b.lines.length === 1 && isSalutationLine(t)) || opensWithSalutation(t);
}
