/**
 * The personography's review list (`persons-review.json`, written by convert beside persons.xml) as a page for the
 * edition's editors: what the identity rules decided that a person should check — spellings one letter apart,
 * persons of one surname kept apart and why, bare surnames that could be several persons, names joined to a
 * person by a rule rather than by the printed name. Linked from the persons index, marked as a page for editors;
 * every id links to the person's page, where the edition has one.
 */
import type { EditionConfig } from '../config.js';
import type { Edition, PersonRecord } from '../edition.js';
import { escapeMarkup } from '../format.js';
import type { PersonReview } from '../../edition/person-review.js';
import { fullName, page, personHref } from './page.js';

/** Where the page is published, from the site's root. */
export const REVIEW_PAGE = 'persons-review.html';

const REASONS: Record<PersonReview['keptApart'][number]['reason'], string> = {
  'other-sex': 'titles of the other sex',
  'other-given-name': 'other given names or initials',
  'woman-by-title-only': 'a woman named by her title, against a person named by a given name',
  'author-not-officer': 'an author cited in a note, against a person named with an office',
};

const RULES: Record<PersonReview['merges'][number]['rule'], string> = {
  'same-given-name': 'the same given name or initial',
  'given-name-added': 'no given name printed, joined to the person who has one',
  'title-of-same-sex': 'a title of the same sex',
  'bare-surname-in-document': 'the surname alone, the person its document names',
  'bare-surname-in-source': 'the surname alone, the only person of that surname its source names',
  'bare-surname-only-one': 'the surname alone, the only person of that surname',
  'bare-surname-most-named': 'the surname alone, the person of that surname named most',
  'editor-form': "a form the editor's persons file assigns",
};

/**
 * The review list as read from disk, or none when it is not one: a persons-review.json edited by hand is shown
 * with only the entries that have the shape Chancery writes (nothing in it can break the page).
 */
export function usableReview(data: unknown): PersonReview | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const list = (k: string): Record<string, unknown>[] | undefined =>
    Array.isArray(d[k]) ? (d[k] as unknown[]).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : undefined;
  const strings = (v: unknown, n?: number): boolean => Array.isArray(v) && (n === undefined || v.length === n) && v.every((x) => typeof x === 'string');
  const [similar, keptApart, ambiguous, merges] = [list('similar'), list('keptApart'), list('ambiguous'), list('merges')];
  if (!similar || !keptApart || !ambiguous || !merges) return undefined;
  return {
    similar: similar.filter((s) => strings(s.ids, 2) && strings(s.surnames, 2)) as unknown as PersonReview['similar'],
    keptApart: keptApart.filter((k) => strings(k.ids, 2) && typeof k.reason === 'string' && k.reason in REASONS) as unknown as PersonReview['keptApart'],
    ambiguous: ambiguous.filter((a) => typeof a.form === 'string' && typeof a.chosen === 'string' && strings(a.others)) as unknown as PersonReview['ambiguous'],
    merges: merges.filter((m) => typeof m.form === 'string' && typeof m.id === 'string' && typeof m.rule === 'string' && m.rule in RULES && (m.document === undefined || typeof m.document === 'string')) as unknown as PersonReview['merges'],
  };
}

/** The review page. */
export function reviewPage(edition: Edition, review: PersonReview, template: string, config: EditionConfig): string {
  const person = (id: string): string => {
    const p: PersonRecord | undefined = edition.persons.get(id);
    return p ? `<a href="${personHref(p, '')}">${escapeMarkup(fullName(p))}</a> <span class="who">(${escapeMarkup(id)})</span>` : `<span class="who">${escapeMarkup(id)}</span>`;
  };
  const section = (id: string, title: string, explain: string, items: string[]): string =>
    `<section aria-labelledby="${id}"><h2 id="${id}">${escapeMarkup(title)} <span class="count">(${items.length})</span></h2>\n<p>${escapeMarkup(explain)}</p>\n` +
    (items.length ? `<ul class="review">\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>` : '<p class="counts">None.</p>') +
    '</section>';
  // The plain rules (the same given name, a title of the same sex, the editor's forms) are not listed: the
  // printed name says them. What a rule guessed is.
  const guessed = review.merges.filter((m) => m.rule !== 'same-given-name' && m.rule !== 'title-of-same-sex' && m.rule !== 'editor-form');
  const content = [
    '<h1>Persons to check</h1>',
    `<p class="editors"><strong>For editors.</strong> This page is not part of the edition's text: it lists what the personography's rules decided that an editor should check. Corrections go into the editor's persons file (sources/persons.json: <code>sameAs</code> to merge, <code>forms</code> to split), and the next build applies them. <a href="persons.html">All persons</a>.</p>`,
    section('similar', 'Similar spellings', 'Surnames one letter apart: perhaps one person, misspelled (an OCR slip), perhaps two.',
      review.similar.map((s) => `${person(s.ids[0])} “${escapeMarkup(s.surnames[0])}” / ${person(s.ids[1])} “${escapeMarkup(s.surnames[1])}”`)),
    section('kept-apart', 'One surname, kept apart', 'Persons of one surname the rules never join, and why.',
      review.keptApart.map((k) => `${person(k.ids[0])} / ${person(k.ids[1])}: ${escapeMarkup(REASONS[k.reason])}`)),
    section('ambiguous', 'Surnames that could be several persons', 'A surname printed alone where the edition has several persons of that surname, and the person it was given to.',
      review.ambiguous.map((a) => `“${escapeMarkup(a.form)}” → ${person(a.chosen)}; also ${a.others.map(person).join(', ')}`)),
    section('guessed', 'Names joined by a rule', 'Printed forms that name a person by a rule rather than by the name itself.',
      guessed.map((m) => `“${escapeMarkup(m.form)}” → ${person(m.id)}: ${escapeMarkup(RULES[m.rule])}${m.document ? ` (first in ${escapeMarkup(m.document)})` : ''}`)),
  ].join('\n');
  return page(template, config, { title: 'Persons to check', root: '', content, bodyClass: 'page-review', current: 'persons' });
}
