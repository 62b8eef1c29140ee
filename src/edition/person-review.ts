/**
 * The review list of the personography: what a person's identity rests on where a rule, not the printed name,
 * decided it. Written by convert beside persons.xml (`persons-review.json`), printed by `chancery persons
 * --review` (text, or JSON with --json), so that an editor checks doubtful pairs instead of discovering them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Why two persons of one surname were kept apart (the rules of src/convert/entities/persons/identity.ts). */
export type Conflict = 'other-sex' | 'other-given-name' | 'woman-by-title-only' | 'author-not-officer';

/** The rule by which a name joins a person that nothing contradicts: the evidence recorded with the merge. */
export type JoinRule = 'same-given-name' | 'given-name-added' | 'title-of-same-sex' | 'bare-surname-in-document' | 'bare-surname-in-source' | 'bare-surname-only-one' |
  'bare-surname-most-named' | 'editor-form';

/** A merge and its evidence: a printed form joined a person by a rule, first in a document. */
export interface MergeEvidence {
  id: string;
  form: string;
  rule: JoinRule;
  document?: string;
}

/** Two persons of one surname kept apart, and why. */
export interface KeptApart {
  ids: [string, string];
  forms: [string, string];
  reason: Conflict;
}

/**
 * What an editor should check: merges with their evidence, persons kept apart, near-identical spellings, guesses.
 * The format of persons-review.json; convert's registry fills it (`PersonRegistry.review()`).
 */
export interface PersonReview {
  /** Persons whose surnames differ by one letter ("Cagogan" / "Cadogan"): perhaps one person misspelled. */
  similar: Array<{ ids: [string, string]; surnames: [string, string] }>;
  /** Persons of one surname that a rule kept apart (another given name, another title of sex, author / officer). */
  keptApart: KeptApart[];
  /** A bare surname printed where the edition has several persons of that surname, and the person it was resolved to. */
  ambiguous: Array<{ form: string; chosen: string; others: string[] }>;
  /** Every printed form that is not the person's full name, with the rule that let it name the person. */
  merges: MergeEvidence[];
}

/** The review list's file name, beside persons.xml. */
export const PERSON_REVIEW = 'persons-review.json';

/** The review list as JSON text (stable: sorted lists, one key order). */
export function personReviewJson(review: PersonReview): string {
  return `${JSON.stringify(review, null, 1)}\n`;
}

/** Reads `teiDir/persons-review.json`, or undefined when no convert wrote one. */
export function readPersonReview(teiDir: string): PersonReview | undefined {
  const path = join(teiDir, PERSON_REVIEW);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as PersonReview;
}

const REASONS: Record<PersonReview['keptApart'][number]['reason'], string> = {
  'other-sex': 'titles of the other sex',
  'other-given-name': 'other given names or initials',
  'woman-by-title-only': 'a woman named by her title against a person named by a given name',
  'author-not-officer': 'an author cited in a note against a person named with an office',
};

/** The review list for a person to read, one finding a line. */
export function formatPersonReview(review: PersonReview): string {
  const lines: string[] = [];
  lines.push(`similar spellings, perhaps one person (${review.similar.length}):`);
  for (const s of review.similar) lines.push(`  ${s.ids[0]} "${s.surnames[0]}" / ${s.ids[1]} "${s.surnames[1]}"`);
  lines.push(`one surname, kept apart (${review.keptApart.length}):`);
  for (const k of review.keptApart) lines.push(`  ${k.ids[0]} "${k.forms[0]}" / ${k.ids[1]} "${k.forms[1]}": ${REASONS[k.reason]}`);
  lines.push(`bare surnames that could be several persons (${review.ambiguous.length}):`);
  for (const a of review.ambiguous) lines.push(`  "${a.form}" → ${a.chosen} (also ${a.others.join(', ')})`);
  // The plain rules (the same given name, a title of the same sex) are in the JSON; the text shows the names
  // without a given name that joined a person who has one.
  const guessed = review.merges.filter((m) => m.rule === 'given-name-added');
  lines.push(`merges a rule guessed (${guessed.length} of ${review.merges.length}; --json lists all):`);
  for (const m of guessed) lines.push(`  "${m.form}" → ${m.id}: ${m.rule}${m.document ? ` (first in ${m.document})` : ''}`);
  return `${lines.join('\n')}\n`;
}
