/**
 * When two names can be one person. Pure rules over what the printed names say, used by the personography
 * (../personography.ts) to resolve each mention; every decision comes with the rule that made it, so that merges
 * can be shown with their evidence and doubtful pairs listed for an editor rather than decided silently.
 *
 * A name never joins a person when (each a `Conflict`):
 * - a title of the other sex stands before it ("Mrs. Lyell" / "Mr. Lyell");
 * - the first given name or initial differs ("Frank Roberts" / "Geoffrey Roberts"; I, J and Y count as one);
 * - a woman's title meets a person known by a given name whose sex no title stated ("Mrs. Lyell" / "Charles
 *   Lyell"), or a given name meets a woman known only by her title ("W. Whewell" / "Mrs. Whewell");
 * - an author cited in a note meets a person known by an office or rank, or the other way round ("Martin
 *   Alexander, *The Republic in Danger*" / "Field Marshal Alexander").
 */
import type { Conflict, JoinRule } from '../../../edition/person-review.js';
import { fold } from './lexicon.js';

/** The names of the rules are the review list's (src/edition/person-review.ts), which shows them to editors. */
export type { Conflict, JoinRule };

export type Sex = 'f' | 'm';

const FEMALE = new Set(['mrs', 'miss', 'ms', 'lady', 'dame', 'mme', 'madame', 'mlle', 'frau', 'countess', 'duchess', 'princess', 'queen', 'signora']);
const MALE = new Set(['mr', 'sir', 'lord', 'm', 'monsieur', 'herr', 'count', 'duke', 'prince', 'king', 'father', 'signor', 'messrs']);

/** The sex a title states, from its first word ("Mrs" → f, "Mr." → m); none for ranks and offices. */
export function sexOfTitle(title: string | undefined): Sex | undefined {
  const w = fold(title?.split(/\s+/)[0] ?? '').replace(/\.$/, '');
  return FEMALE.has(w) ? 'f' : MALE.has(w) ? 'm' : undefined;
}

/**
 * The first initial, with I, J and Y made one: transliterations of the same Russian name give "I. V. Stalin"
 * and "J. V. Stalin", "Iakov" and "Yakov".
 */
export function firstInitial(f: { forenames?: readonly string[]; initials?: readonly string[] }): string | undefined {
  const c = fold(f.forenames?.[0]?.[0] ?? f.initials?.[0]?.[0] ?? '').toUpperCase() || undefined;
  return c === 'J' || c === 'Y' ? 'I' : c;
}

/** A given name compared across transliterations: folded, with y and j read as i. */
function givenKey(name: string): string {
  return fold(name).replace(/[yj]/g, 'i').replace(/[^a-z]/g, '');
}

/** What a mention says of the person it names. */
export interface NameFacts {
  sex?: Sex;
  forenames?: readonly string[];
  initials?: readonly string[];
  /** Named as the author of a work cited in a note. */
  cited?: boolean;
  /** Named with a rank or office ("Field Marshal", "Ambassador"). */
  office?: boolean;
}

/** What the personography knows of a person. */
export interface PersonFacts {
  sex?: Sex;
  forenames: readonly string[];
  initials: readonly string[];
  /** Every mention so far was an author cited in a note. */
  citedOnly?: boolean;
  /** Some mention gave a rank or office. */
  office?: boolean;
}

/** Why `name` cannot be `person`, or undefined when nothing in the two contradicts it. */
export function conflictOf(person: PersonFacts, name: NameFacts): Conflict | undefined {
  if (name.sex && person.sex && name.sex !== person.sex) return 'other-sex';
  const a = firstInitial(person);
  const b = firstInitial(name);
  if (a && b && a !== b) return 'other-given-name';
  // "James Smith" is not "John Smith": two given names written out must be one name (spellings of one
  // transliteration aside: "Viacheslav" / "Vyacheslav", "Iakov" / "Yakov").
  const ga = person.forenames[0];
  const gb = name.forenames?.[0];
  if (ga && gb && ga.length > 1 && gb.length > 1 && givenKey(ga) !== givenKey(gb)) return 'other-given-name';
  if (name.sex === 'f' && !person.sex && a) return 'woman-by-title-only';
  if (person.sex === 'f' && !name.sex && b && person.forenames.length === 0 && person.initials.length === 0) return 'woman-by-title-only';
  if (name.cited && person.office && !person.citedOnly && b && !a) return 'author-not-officer';
  if (!name.cited && name.office && person.citedOnly && a && !b) return 'author-not-officer';
  return undefined;
}
