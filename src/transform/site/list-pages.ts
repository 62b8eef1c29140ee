/**
 * The pages that list the edition: the documents (index), the search page, the timeline, the persons and
 * each person, the places.
 */
import type { EditionConfig } from '../config.js';
import type { Edition, EditionDocument, PersonRecord } from '../edition.js';
import { authorityLabel, authorityPage, correspondentKey, displayName, escapeMarkup, formatDate, formatIso, isUnknown, sideLabel, yearOf } from '../format.js';
import { capitalise, docHref, fullName, page, pageAround, personHref, sortName, surnameKey, timeHtml } from './page.js';

function corrKeys(doc: EditionDocument): string[] {
  return [...(doc.sent?.persons ?? []), ...(doc.received?.persons ?? [])].map(correspondentKey);
}

/** The list of all documents in date order, with quick filters; the full-text search is its own page. */
export function indexPage(edition: Edition, template: string, config: EditionConfig): string {
  const correspondents = new Map<string, string>();
  const years = new Set<string>();
  const kinds = new Set<string>();
  for (const d of edition.documents) {
    for (const c of [...(d.sent?.persons ?? []), ...(d.received?.persons ?? [])]) {
      if (!isUnknown(c)) correspondents.set(correspondentKey(c), displayName(c, edition.persons));
    }
    const y = yearOf(d.date);
    if (y) years.add(y);
    kinds.add(d.kind);
  }
  const options = (entries: [string, string][]): string =>
    entries.map(([v, l]) => `<option value="${escapeMarkup(v)}">${escapeMarkup(l)}</option>`).join('');
  const corrOptions = options([...correspondents].sort((a, b) => a[1].localeCompare(b[1])));
  const yearOptions = options([...years].sort().map((y) => [y, y]));
  const kindOptions = options([...kinds].sort().map((k) => [k, capitalise(k)]));
  const rows = edition.documents
    .map((d) => {
      const from = sideLabel(d.sent, edition.persons);
      const to = sideLabel(d.received, edition.persons);
      const who = from || to ? `${escapeMarkup(from || '?')} → ${escapeMarkup(to || '?')}` : '';
      return (
        `<tr data-id="${escapeMarkup(d.permalink)}" data-corr="${escapeMarkup(corrKeys(d).map(encodeURIComponent).join(' '))}" data-year="${yearOf(d.date)}" data-kind="${escapeMarkup(d.kind)}">` +
        `<td class="c-date">${timeHtml(d.date)}</td><td class="c-who">${who}</td>` +
        `<td class="c-title"><a href="${docHref(d, '')}">${escapeMarkup(d.title)}</a></td><td class="c-kind">${escapeMarkup(d.kind)}</td></tr>`
      );
    })
    .join('\n');
  const content =
    `<h1>Documents</h1>\n` +
    `<form class="quick-search" role="search" aria-label="Search the full text" action="search.html">` +
    `<p class="field field-q"><label for="q">Search the full text</label> <input type="search" id="q" name="q" autocomplete="off"> <button type="submit">Search</button></p></form>\n` +
    `<form class="finder" aria-label="Filter the list" action="index.html">\n` +
    `<p class="field"><label for="f-corr">Correspondent</label> <select id="f-corr" name="corr"><option value="">All</option>${corrOptions}</select></p>\n` +
    `<p class="field"><label for="f-year">Year</label> <select id="f-year" name="year"><option value="">All</option>${yearOptions}</select></p>\n` +
    `<p class="field"><label for="f-kind">Kind</label> <select id="f-kind" name="kind"><option value="">All</option>${kindOptions}</select></p>\n` +
    `</form>\n<p id="status" class="status" role="status" aria-live="polite">${edition.documents.length} documents</p>\n` +
    `<table class="doc-list"><caption class="visually-hidden">Documents in date order</caption>` +
    `<thead><tr><th scope="col">Date</th><th scope="col">From → To</th><th scope="col">Title</th><th scope="col">Kind</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
  return page(template, config, { title: 'Documents', root: '', content, bodyClass: 'page-index', current: 'index', scripts: '<script src="assets/edition.js"></script>' });
}

/** The search page: the form and the facets; `assets/search.js` does the rest. */
export function searchPage(template: string, config: EditionConfig): string {
  const facet = (name: string, label: string): string =>
    `<fieldset class="facet" id="facet-${name}"><legend>${label}</legend><div class="facet-values"></div></fieldset>`;
  const content =
    `<h1>Search</h1>\n` +
    `<p id="search-noscript" class="notice">The search needs JavaScript. Every document is listed on the <a href="index.html">Documents</a> page.</p>\n` +
    `<form class="search-form" role="search" aria-label="Search the edition" action="search.html" hidden>\n` +
    `<div class="search-bar"><p class="field field-q"><label for="q">Words or a "phrase in quotes"</label> ` +
    `<input type="search" id="q" name="q" autocomplete="off" aria-describedby="q-help"></p>\n` +
    `<p class="field"><label for="sort">Order</label> <select id="sort" name="sort"><option value="relevance">Relevance</option><option value="date">Date</option></select></p>\n` +
    `<p class="field"><label for="from">From (year or date)</label> <input type="text" id="from" name="from" inputmode="numeric" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" placeholder="1941" size="10"></p>\n` +
    `<p class="field"><label for="to">To (year or date)</label> <input type="text" id="to" name="to" inputmode="numeric" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" placeholder="1942-06" size="10"></p>\n` +
    `<p class="field"><button type="submit">Search</button></p></div>\n` +
    `<p id="q-help" class="help">Words of three letters or more also find longer words they begin (<kbd>finn</kbd> finds Finnish); end a word with <kbd>*</kbd> to do so for a shorter one; "quotes" find a phrase.</p>\n` +
    `<div class="facets">${facet('sender', 'Sender')}${facet('addressee', 'Addressee')}${facet('kind', 'Kind')}${facet('year', 'Year')}</div>\n` +
    `</form>\n<p id="status" class="status" role="status" aria-live="polite"></p>\n<ol id="results" class="results"></ol>\n` +
    `<p><button type="button" id="more" class="more" hidden>Show more results</button></p>`;
  const scripts = ['assets/search-index.js', 'assets/search.js'].map((s) => `<script src="${s}"></script>`).join('\n');
  return page(template, config, { title: 'Search', root: '', content, bodyClass: 'page-search', current: 'search', scripts });
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The timeline: per year, a bar per month with its count (each bar leads to that month's documents), then
 * the documents month by month. A document's date is shown once, and only where its title lacks it.
 */
export function timelinePage(edition: Edition, template: string, config: EditionConfig): string {
  const byMonth = new Map<string, EditionDocument[]>();
  const undated: EditionDocument[] = [];
  for (const d of edition.documents) {
    const m = /^(\d{4})(?:-(\d{2}))?/.exec(d.sortKey);
    if (!m) {
      undated.push(d);
      continue;
    }
    const key = `${m[1]}-${m[2] ?? '00'}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), d]);
  }
  const years = [...new Set([...byMonth.keys()].map((k) => k.slice(0, 4)))].sort();
  const max = Math.max(1, ...[...byMonth.values()].map((v) => v.length));
  const item = (d: EditionDocument): string => {
    const date = formatDate(d.date);
    const showDate = date && !d.title.includes(date);
    return `<li>${showDate ? `${timeHtml(d.date)}: ` : ''}<a href="${docHref(d, '')}">${escapeMarkup(d.title)}</a></li>`;
  };
  const sections = years.map((year) => {
    const months = Array.from({ length: 12 }, (_v, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const yearTotal = [...byMonth].filter(([k]) => k.startsWith(year)).reduce((s, [, v]) => s + v.length, 0);
    const bars = months
      .map((key, i) => {
        const n = byMonth.get(key)?.length ?? 0;
        const height = n ? Math.max(4, Math.round((n / max) * 100)) : 0;
        const label = `${formatIso(key)}: ${n} ${n === 1 ? 'document' : 'documents'}`;
        const bar =
          `<span class="bar" style="height:${height}%"></span><span class="visually-hidden">${label}</span>` +
          `<span class="m" aria-hidden="true">${MONTH_ABBR[i]}</span><span class="n" aria-hidden="true">${n || ''}</span>`;
        return n ? `<li><a href="#m-${key}">${bar}</a></li>` : `<li class="empty">${bar}</li>`;
      })
      .join('');
    const lists = [...byMonth]
      .filter(([k]) => k.startsWith(year))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, docs]) => {
        const title = key.endsWith('-00') ? `${year}, month not known` : formatIso(key);
        return `<section class="month" aria-labelledby="m-${key}"><h3 id="m-${key}">${title} <span class="count">(${docs.length})</span></h3><ol class="chronology">${docs.map(item).join('')}</ol></section>`;
      })
      .join('\n');
    return (
      `<section class="year" aria-labelledby="y-${year}"><h2 id="y-${year}">${year} <span class="count">(${yearTotal} ${yearTotal === 1 ? 'document' : 'documents'})</span></h2>\n` +
      `<ol class="months" aria-label="Documents per month, ${year}">${bars}</ol>\n${lists}</section>`
    );
  });
  const overview = years
    .map((y) => `<li><a href="#y-${y}">${y}</a></li>`)
    .join('');
  const undatedHtml = undated.length
    ? `<section aria-labelledby="y-undated"><h2 id="y-undated">Undated <span class="count">(${undated.length})</span></h2><ol class="chronology">${undated.map(item).join('')}</ol></section>`
    : '';
  const content = `<h1>Timeline</h1>\n<nav class="years" aria-label="Years"><ul>${overview}</ul></nav>\n${sections.join('\n')}\n${undatedHtml}`;
  return page(template, config, { title: 'Timeline', root: '', content, bodyClass: 'page-timeline', current: 'timeline' });
}

/** Who wrote, received or named a person, document by document (mentions as their places in `edition.mentions`). */
export interface PersonUse {
  documents: Map<EditionDocument, { roles: Set<'sender' | 'addressee' | 'named'>; mentions: number[] }>;
}

export function personUses(edition: Edition): Map<string, PersonUse> {
  const uses = new Map<string, PersonUse>();
  const entry = (id: string, d: EditionDocument) => {
    let u = uses.get(id);
    if (!u) uses.set(id, (u = { documents: new Map() }));
    let e = u.documents.get(d);
    if (!e) u.documents.set(d, (e = { roles: new Set(), mentions: [] }));
    return e;
  };
  const byId = new Map(edition.documents.map((d) => [d.id, d]));
  for (const d of edition.documents) {
    for (const p of d.sent?.persons ?? []) if (p.id) entry(p.id, d).roles.add('sender');
    for (const p of d.received?.persons ?? []) if (p.id) entry(p.id, d).roles.add('addressee');
  }
  const mentions = edition.mentions;
  for (let i = 0; i < mentions.length; i++) {
    const d = byId.get(mentions.document(i));
    if (!d) continue;
    const e = entry(mentions.person(i), d);
    e.roles.add('named');
    e.mentions.push(i);
  }
  return uses;
}

/** Persons by surname, with an alphabet to jump by. */
export function personsPage(edition: Edition, uses: Map<string, PersonUse>, template: string, config: EditionConfig, reviewHref?: string): string {
  const persons = [...edition.persons.values()].sort((a, b) => surnameKey(a).localeCompare(surnameKey(b)) || a.id.localeCompare(b.id));
  const groups = new Map<string, PersonRecord[]>();
  for (const p of persons) {
    const letter = /^[a-z]/.test(surnameKey(p)) ? surnameKey(p)[0]!.toUpperCase() : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), p]);
  }
  const letters = [...groups.keys()];
  const sections = [...groups]
    .map(([letter, list]) => {
      const items = list
        .map((p) => {
          const docs = uses.get(p.id)?.documents.size ?? 0;
          return `<li><a href="${personHref(p, '')}">${escapeMarkup(sortName(p))}</a>${docs ? ` <span class="counts">(${docs} ${docs === 1 ? 'document' : 'documents'})</span>` : ''}</li>`;
        })
        .join('\n');
      const id = `l-${letter === '#' ? 'other' : letter}`;
      return `<section aria-labelledby="${id}"><h2 id="${id}">${letter}</h2><ul class="persons">\n${items}\n</ul></section>`;
    })
    .join('\n');
  const nav = `<nav class="alphabet" aria-label="Surnames by letter"><ul>${letters.map((l) => `<li><a href="#l-${l === '#' ? 'other' : l}">${l}</a></li>`).join('')}</ul></nav>`;
  const editors = reviewHref ? `\n<p class="editors">For editors: <a href="${reviewHref}">persons to check</a> (what the identity rules decided that an editor should review).</p>` : '';
  const content = `<h1>Persons</h1>\n<p>${persons.length} persons, by surname.</p>${editors}\n${nav}\n${sections}`;
  return page(template, config, { title: 'Persons', root: '', content, bodyClass: 'page-persons', current: 'persons' });
}

const ROLE_LABEL = { sender: 'sender', addressee: 'addressee', named: 'named' } as const;

/**
 * One person's page: names, authority records, facts, and the documents as a dated list grouped by year. Written
 * piece by piece, one document's entry at a time: a person named 100,000 times in a volume has a page of many
 * megabytes, whose contexts are made from the packed mentions as they are written.
 */
export function writePersonPage(edition: Edition, person: PersonRecord, use: PersonUse | undefined, template: string, config: EditionConfig, write: (piece: string) => void): void {
  const root = '../';
  const forms = new Set(person.names);
  for (const e of use?.documents.values() ?? []) for (const i of e.mentions) if (edition.mentions.name(i)) forms.add(edition.mentions.name(i));
  const parts: string[] = [`<h1>${escapeMarkup(fullName(person))}</h1>`];
  parts.push(`<section aria-labelledby="h-names"><h2 id="h-names">Name forms</h2><ul class="name-forms">${[...forms].map((f) => `<li>${escapeMarkup(f)}</li>`).join('')}</ul></section>`);
  const ids = person.idnos
    .map((i) => {
      const href = authorityPage(i.type, i.value);
      const label = `${escapeMarkup(authorityLabel(i.type))}: ${escapeMarkup(i.value)}`;
      return `<li>${href ? `<a href="${escapeMarkup(href)}">${label}</a>` : label}</li>`;
    })
    .join('');
  parts.push(`<section aria-labelledby="h-auth"><h2 id="h-auth">Authority records</h2>${ids ? `<ul>${ids}</ul>` : '<p>None recorded.</p>'}</section>`);
  if (person.facts.length) {
    parts.push(`<section aria-labelledby="h-facts"><h2 id="h-facts">Facts</h2><dl class="facts">${person.facts.map((f) => `<div><dt>${escapeMarkup(f.label)}</dt><dd>${escapeMarkup(f.text)}</dd></div>`).join('')}</dl></section>`);
  }
  const entries = [...(use?.documents ?? [])].sort(([a], [b]) => a.index - b.index);
  const byYear = new Map<string, typeof entries>();
  for (const e of entries) {
    const y = yearOf(e[0].date) || 'Undated';
    byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  const [before, after] = pageAround(template, config, { title: fullName(person), root, bodyClass: 'page-person', current: 'persons' });
  write(before + parts.join('\n') + '\n');
  write(`<section aria-labelledby="h-docs" class="mentions"><h2 id="h-docs">Documents (${entries.length})</h2>`);
  if (entries.length === 0) write('<p>Named in no document.</p>');
  [...byYear].forEach(([year, list], y) => {
    write(`${y > 0 ? '\n' : ''}<section aria-labelledby="y-${escapeMarkup(year)}"><h3 id="y-${escapeMarkup(year)}">${escapeMarkup(year)} <span class="count">(${list.length})</span></h3><ol class="person-docs">\n`);
    list.forEach(([d, e], k) => {
      const roles = [...e.roles].map((r) => ROLE_LABEL[r]).join(', ');
      write(`${k > 0 ? '\n' : ''}<li>${timeHtml(d.date)}: <a href="${docHref(d, root)}">${escapeMarkup(d.title)}</a> <span class="roles">(${roles})</span>`);
      for (const i of e.mentions) {
        const m = edition.mentions.at(i);
        write(`<q class="kwic">${escapeMarkup(m.before)}<mark>${escapeMarkup(m.name)}</mark>${escapeMarkup(m.after)}</q>`);
      }
      write('</li>');
    });
    write('\n</ol></section>');
  });
  write(`</section>${after}`);
}

/** A place named in the documents, with the documents naming it. */
export interface PlaceUse {
  /** The most frequent written form. */
  name: string;
  forms: Map<string, number>;
  ref?: string;
  documents: Set<EditionDocument>;
}

/** The place index: every placeName of the correspondence and the texts, by name. */
export function placesPage(places: Map<string, PlaceUse>, template: string, config: EditionConfig): string {
  const list = [...places.values()].sort((a, b) => a.name.localeCompare(b.name));
  const items = list
    .map((p) => {
      const authority = p.ref && /^https?:\/\//.test(p.ref) ? p.ref : config.places[p.name];
      const docs = [...p.documents].sort((a, b) => a.index - b.index);
      const others = [...p.forms.keys()].filter((f) => f !== p.name);
      return (
        `<li><h2 class="place-name">${escapeMarkup(p.name)}</h2>` +
        (others.length ? `<p class="as-written">Also written: ${others.map(escapeMarkup).join(', ')}</p>` : '') +
        (authority ? `<p><a href="${escapeMarkup(authority)}">${escapeMarkup(authority.includes('geonames') ? 'GeoNames record' : 'Authority record')}</a></p>` : '') +
        `<ol class="place-docs">${docs.map((d) => `<li>${timeHtml(d.date)}: <a href="${docHref(d, '')}">${escapeMarkup(d.title)}</a></li>`).join('')}</ol></li>`
      );
    })
    .join('\n');
  const content =
    `<h1>Places</h1>\n<p>${list.length} ${list.length === 1 ? 'place' : 'places'} named in the documents (where a letter was written, and places the texts name).</p>\n` +
    `<ul class="places">\n${items}\n</ul>`;
  return page(template, config, { title: 'Places', root: '', content, bodyClass: 'page-places', current: 'places' });
}
