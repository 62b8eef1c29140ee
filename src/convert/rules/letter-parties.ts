/**
 * The addressee of a letter where no heading names one: the salutation ("Dear Mr. Hopkins," → Mr. Hopkins, "My
 * dear Welles," → Welles, "Mr. Secretary:" → the Secretary, an office) and the address printed at the foot of a
 * letter or note ("His Excellency M. Ivan Maisky.", "The Honorable Cordell Hull, / Secretary of State,
 * Washington"). What a salutation gives is inferred (it says how the writer addressed someone, not who received the
 * letter); an address at the foot is stated.
 */
import { foldSpaces, lineFeature } from '../readers/blocks.js';
import type { PartyReading } from './heading-parties.js';

/** Salutations that name nobody: "Sir:", "Dear Sir,", "Gentlemen:", "Your Excellency:", "Excellency,". */
const ANONYMOUS = /^(?:(?:my\s+)?(?:very\s+)?dear\s+)?(?:sir|sirs|madam|madame|gentlemen|excellency|your\s+excellency|your\s+highness(?:\s+and\s+your\s+excellency)?|monsieur|monsieur\s+le\s+\w+|señor|senor|colleague|friend|my\s+dear\s+colleague)[,:.]?$/i;

/** Titles of address that may open a salutation and belong with the name ("Mr. Hopkins"). */
const TITLES = /^(?:Mr|Mrs|Miss|Ms|Dr|Sir|Lord|Lady|General|Admiral|Colonel|Captain|Señor|Senor|Monsieur|M|Mme|Herr|Baron|Count|Prince)\.?$/;

/** Offices addressed by their title: "Mr. Secretary:", "Mr. President:", "Mr. Minister:", "Mr. Secretary of State:". */
const OFFICE_ADDRESS = /^(?:(?:my\s+)?(?:very\s+)?dear\s+)?(?:Mr\.?|Mister|Madam)\s+((?:Acting\s+|Under\s+|Assistant\s+)?(?:Secretary|President|Minister|Ambassador|Chairman|Chargé|Commissioner|Governor|Director)(?:\s+(?:of|for)\s+[\p{Lu}][\p{L}\s]*)?)[,:.]?$/iu;

/**
 * The party a salutation names, or undefined when it names nobody. "Dear Mr. Hopkins," → person "Mr. Hopkins";
 * "My dear Welles," → "Welles"; "Mr. Secretary of State:" → office "Secretary of State".
 */
export function addresseeOfSalutation(salutation: string): PartyReading | undefined {
  const t = foldSpaces(salutation.replace(/\*+/g, '')).trim();
  if (!t || t.length > 70 || ANONYMOUS.test(t)) return undefined;
  const office = OFFICE_ADDRESS.exec(t);
  if (office) return { kind: 'office', office: office[1]!.trim() };
  const m = /^(?:my\s+)?(?:very\s+)?(?:dear(?:est)?|hello|hi)\s+(.+?)[,:.!]?$/i.exec(t);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/);
  // "Dear Mr. Van Sinderen", "Dear Harry", "Dear General Deane": titles kept, every other word a capitalised name word.
  const name = words.filter((w, i) => i > 0 || TITLES.test(w) || /^\p{Lu}/u.test(w));
  if (name.length !== words.length || !words.some((w) => !TITLES.test(w) && /^\p{Lu}[\p{L}'’-]+$/u.test(w))) return undefined;
  if (words.some((w, i) => i > 0 && !/^(?:\p{Lu}[\p{L}.'’-]*|de|van|von|du|der|la|le)$/u.test(w))) return undefined;
  return { kind: 'person', name: m[1]! };
}

/** Openings of an address at the foot of a letter or a diplomatic note. */
const FOOT_ADDRESS = /^(?:To\s+)?(?:His|Her)\s+Excellency\s+|^(?:To\s+)?(?:The\s+)?(?:Honou?rable|Hon\.)\s+|^(?:To\s+)?(?:Mr\.|Mrs\.|Señor|Senor|Monsieur|M\.)\s+\p{Lu}/u;

/**
 * The addressee named by an address at the foot: "His Excellency M. Ivan Maisky.", "The Honorable Cordell Hull, /
 * Secretary of State, / Washington". Undefined for a block of another shape. Only the first line is read for the
 * name; a following line ending the address may give the office.
 */
export function readFootAddress(lines: readonly string[]): PartyReading | undefined {
  const ls = lines.map((l) => l.trim()).filter(Boolean);
  if (ls.length === 0 || ls.length > 5 || ls.some((l) => l.length > 80)) return undefined;
  const first = ls[0]!;
  if (!FOOT_ADDRESS.test(first) || /[!?;]/.test(first) || /\.\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(first)) return undefined;
  const body = first
    .replace(/^To\s+/, '')
    .replace(/^(?:His|Her)\s+Excellency\s+/, '')
    .replace(/^(?:The\s+)?(?:Honou?rable|Hon\.)\s+/, '')
    .replace(/[.,]$/, '');
  const [name, ...rest] = body.split(/,\s*/);
  if (!name || !/^(?:(?:Mr|Mrs|Señor|Senor|Monsieur|M|Dr|Sir|Lord)\.?\s+)?(?:\p{Lu}[\p{L}.'’-]*|de|van|von|y|da|di|du)(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|y|da|di|du)){0,5}$/u.test(name)) return undefined;
  const office = (rest.length > 0 ? rest.join(', ') : ls[1])?.replace(/[.,]$/, '').trim();
  return office && /^\p{Lu}/u.test(office) && !/^\p{Lu}[\p{L}-]+$/u.test(office) ? { kind: 'person', name, office } : { kind: 'person', name };
}

/** {@link readFootAddress} of a block's lines, read once for every rule that asks (readers/blocks.ts, `lineFeature`). */
export const footAddressOf: (lines: string[]) => PartyReading | undefined = lineFeature(readFootAddress);
