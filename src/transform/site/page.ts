/**
 * What every page of the site shares: the template (`assets/html/page.html`), the navigation, links to
 * documents and persons by their output names, dates as `<time>`.
 */
import type { EditionConfig } from '../config.js';
import type { EditionDocument, PersonRecord } from '../edition.js';
import { escapeMarkup, formatDate, machineDate } from '../format.js';

/** The sections of the navigation, in order. */
export type Section = 'index' | 'search' | 'timeline' | 'persons' | 'places' | 'about';

const NAV: readonly [Section, string, string][] = [
  ['index', 'index.html', 'Documents'],
  ['search', 'search.html', 'Search'],
  ['timeline', 'chronology.html', 'Timeline'],
  ['persons', 'persons.html', 'Persons'],
  ['places', 'places.html', 'Places'],
  ['about', 'about.html', 'About'],
];

/** The parts a page fills in; `content`, `head` and `scripts` are HTML already. */
export interface PageParts {
  title: string;
  /** Relative path from the page to the site root (`''` or `../`). */
  root: string;
  content: string;
  bodyClass: string;
  current?: Section;
  /** Extra `<head>` elements (citation meta tags). */
  head?: string;
  scripts?: string;
  lang?: string;
}

/** Fills the page template; placeholders are `{{name}}`. */
export function page(template: string, config: EditionConfig, parts: PageParts): string {
  const [before, after] = pageAround(template, config, parts);
  return before + parts.content + after;
}

/**
 * The page without its content: what comes before and after it, for a page written in pieces. The template holds
 * `{{content}}` once.
 */
export function pageAround(template: string, config: EditionConfig, parts: Omit<PageParts, 'content'>): [string, string] {
  const at = template.indexOf('{{content}}');
  const fill = fillTemplate(config, parts);
  return [fill(template.slice(0, at)), fill(template.slice(at + '{{content}}'.length))];
}

function fillTemplate(config: EditionConfig, parts: Omit<PageParts, 'content'>): (template: string) => string {
  const nav = NAV.map(
    ([key, href, label]) => `<li><a href="${parts.root}${href}"${parts.current === key ? ' aria-current="page"' : ''}>${label}</a></li>`,
  ).join('');
  const values: Record<string, string> = {
    lang: parts.lang ?? 'en',
    title: escapeMarkup(parts.title),
    edition: escapeMarkup(config.title),
    root: parts.root,
    bodyClass: parts.bodyClass,
    nav: `<ul>${nav}</ul>`,
    head: parts.head ?? '',
    scripts: parts.scripts ?? '',
    licence: config.licence
      ? ` Published under ${config.licence.url ? `<a href="${escapeMarkup(config.licence.url)}">${escapeMarkup(config.licence.name)}</a>` : escapeMarkup(config.licence.name)}.`
      : '',
  };
  return (template) => template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '');
}

/** `documents/<permalink>.html`, relative to `root`. */
export const docHref = (d: EditionDocument, root: string): string => `${root}documents/${d.permalink}.html`;

/** `persons/<page>.html`, relative to `root`. */
export const personHref = (p: PersonRecord, root: string): string => `${root}persons/${p.page}.html`;

/** A document's date as `<time>` (a range or bound as text), `undated` when it has none. */
export function timeHtml(d: EditionDocument['date']): string {
  if (!d) return '<span class="undated">undated</span>';
  const iso = machineDate(d);
  const label = escapeMarkup(formatDate(d));
  return iso ? `<time datetime="${escapeMarkup(iso)}">${label}</time>` : `<span class="date">${label}</span>`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Surname and forenames: from the personography's `<surname>`/`<forename>` when it has them, else the
 * last word of the preferred name is taken as the surname (`J. V. Stalin` → Stalin; particles such as
 * `de` then stay with the forenames, a known limit).
 */
export function nameParts(p: PersonRecord): { surname: string; forenames: string } {
  if (p.surname) return { surname: p.surname, forenames: p.forenames ?? '' };
  const words = (p.names[0] ?? p.id).trim().split(/\s+/);
  const surname = words.pop() ?? p.id;
  return { surname, forenames: words.join(' ') };
}

/** `Churchill, Winston`: how lists sorted by surname show a person. */
export function sortName(p: PersonRecord): string {
  const { surname, forenames } = nameParts(p);
  const given = forenames || p.title;
  return given ? `${surname}, ${given}` : surname;
}

/**
 * The full name: forenames and surname; for a person known by no given name, the title that tells them apart
 * (`Mrs. Churchill`, not `Churchill`).
 */
export function fullName(p: PersonRecord): string {
  const { surname, forenames } = nameParts(p);
  const given = forenames || p.title;
  return given ? `${given} ${surname}` : surname;
}

/** The key persons sort by: surname first, folded, so that `Ádám` sorts with `Adam`. */
export function surnameKey(p: PersonRecord): string {
  return sortName(p).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A title printed in capitals (`J. V. STALIN WORKS VOLUME 17`) in title case, for a source nobody described. */
export function readableTitle(title: string): string {
  if (title !== title.toUpperCase()) return title;
  return title.toLowerCase().replace(/(^|[\s.(‘“'"-])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());
}
