/**
 * The static HTML edition: index (filters and full-text search), one page per document, one per person,
 * a list of persons and a chronology. Every link is relative, so the site works from `file://` as well
 * as from any static host; the only scripts are the search (minisearch's browser build, shipped in
 * `assets/`) and the filters, and every page reads fine without them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Edition, EditionDocument, Mention, PersonRecord } from '../edition.js';
import {
  authorityLabel,
  authorityPage,
  correspondentKey,
  displayName,
  escapeMarkup,
  formatDate,
  isUnknown,
  machineDate,
  sideLabel,
  yearOf,
} from '../format.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { readAsset } from '../module.js';
import { joinBrokenWords, readingText } from '../reading.js';
import { child } from '../tei-tree.js';
import type { TeiElement } from '../tei-tree.js';
import type { HtmlContext } from './html-rules.js';
import { htmlWalker } from './html-rules.js';

interface PageParts {
  title: string;
  root: string;
  content: string;
  bodyClass: string;
  current?: 'index' | 'chronology' | 'persons';
  scripts?: string;
  lang?: string;
}

/** Fills `transforms/html/page.html`; placeholders are `{{name}}`, values already HTML. */
function page(template: string, editionTitle: string, parts: PageParts): string {
  const nav = [
    ['index', 'index.html', 'Documents'],
    ['chronology', 'chronology.html', 'Chronology'],
    ['persons', 'persons.html', 'Persons'],
  ]
    .map(([key, href, label]) => `<li><a href="${parts.root}${href}"${parts.current === key ? ' aria-current="page"' : ''}>${label}</a></li>`)
    .join('');
  const values: Record<string, string> = {
    lang: parts.lang ?? 'en',
    title: escapeMarkup(parts.title),
    edition: escapeMarkup(editionTitle),
    root: parts.root,
    bodyClass: parts.bodyClass,
    nav: `<ul>${nav}</ul>`,
    content: parts.content,
    scripts: parts.scripts ?? '',
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '');
}

const docHref = (d: EditionDocument, root: string): string => `${root}documents/${encodeURIComponent(d.id)}.html`;
const personHref = (id: string, root: string): string => `${root}persons/${encodeURIComponent(id)}.html`;

function timeHtml(d: EditionDocument['date']): string {
  if (!d) return '<span class="undated">undated</span>';
  const iso = machineDate(d);
  const label = escapeMarkup(formatDate(d));
  return iso ? `<time datetime="${escapeMarkup(iso)}">${label}</time>` : `<span class="date">${label}</span>`;
}

function correspondentsHtml(side: EditionDocument['sent'], persons: Map<string, PersonRecord>, root: string): string {
  if (!side) return '';
  const who = side.persons.map((p) => {
    const name = escapeMarkup(displayName(p, persons));
    const written = p.name && p.name !== displayName(p, persons) ? ` <span class="as-written">(“${escapeMarkup(p.name)}”)</span>` : '';
    return p.id && persons.has(p.id) ? `<a href="${personHref(p.id, root)}">${name}</a>${written}` : `${name}${written}`;
  });
  let s = who.join(', ') || '<span class="unknown">unknown</span>';
  if (side.places.length) s += `, ${side.places.map((p) => escapeMarkup(p.name)).join(', ')}`;
  if (side.cert && side.cert !== 'high') s += ` <span class="cert">(inferred)</span>`;
  return s;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Documents per search-data script. */
const SEARCH_CHUNK = 500;

interface SearchEntry {
  id: string;
  t: string;
  n: string;
  x: string;
}

function documentPage(edition: Edition, doc: EditionDocument, template: string, ctx: TransformContext, search: SearchEntry[]): string {
  const tree = edition.tree(doc);
  const root = '../';
  const text = child(tree, 'text');
  const ids = new Set<string>();
  const collectIds = (el: TeiElement): void => {
    if (el.attrs['xml:id']) ids.add(el.attrs['xml:id']);
    for (const c of el.children) if (c.type === 'element') collectIds(c);
  };
  if (text) collectIds(text);
  const hctx: HtmlContext = { doc, persons: edition.persons, root, phrasing: false, depth: 0, notes: [], inPopup: false, ids };
  const reading = text ? htmlWalker.render(text, hctx) : '';
  const names = [...(doc.sent?.persons ?? []), ...(doc.received?.persons ?? [])].map((p) => displayName(p, edition.persons)).join(' ');
  search.push({ id: doc.id, t: doc.title, n: names, x: text ? readingText(text) : '' });
  const rows: [string, string][] = [];
  if (doc.sent) rows.push(['From', correspondentsHtml(doc.sent, edition.persons, root)]);
  if (doc.received) rows.push(['To', correspondentsHtml(doc.received, edition.persons, root)]);
  rows.push(['Date', timeHtml(doc.date)]);
  if (doc.received?.date && doc.sent?.date) rows.push(['Received', timeHtml(doc.received.date)]);
  rows.push(['Kind', escapeMarkup(capitalise(doc.kind))]);
  if (doc.classification) rows.push(['Classification', `<span class="classification">${escapeMarkup(doc.classification)}</span>`]);
  const src = [doc.source.title ? `<cite>${escapeMarkup(doc.source.title)}</cite>` : '', doc.source.type ? ` (${escapeMarkup(doc.source.type)})` : ''].join('');
  rows.push(['Source', src || 'not stated']);
  if (doc.source.idno) rows.push(['Source trace', `<code class="idno">${escapeMarkup(doc.source.idno)}</code>`]);
  const meta = rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('\n');
  const hasDebris = /class="dipl /.test(reading);
  const toggle = hasDebris
    ? `<p class="view-toggle"><input type="checkbox" id="diplomatic"><label for="diplomatic">Diplomatic view: show page furniture, marginalia and second OCR passes</label></p>`
    : '';
  const notes = hctx.notes.length
    ? `<section class="footnotes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2><ol>` +
      hctx.notes
        .map(
          (n) =>
            `<li id="fn-${n.number}">${n.printed ? `<span class="printed-marker">[${escapeMarkup(n.printed)}]</span> ` : ''}${n.html} ` +
            `<a class="backref" href="#fnref-${n.number}" aria-label="Back to reference ${n.number}">↩</a></li>`,
        )
        .join('\n') +
      `</ol></section>`
    : '';
  const prev = edition.documents[doc.index - 1];
  const next = edition.documents[doc.index + 1];
  const link = (d: EditionDocument | undefined, rel: string, label: string): string =>
    d ? `<a rel="${rel}" href="${docHref(d, root)}"><span class="pn-label">${label}</span> ${escapeMarkup(d.title)}</a>` : '<span></span>';
  const prevNext = `<nav class="prev-next" aria-label="Previous and next document">${link(prev, 'prev', '← Previous:')}${link(next, 'next', 'Next: →')}</nav>`;
  const lang = doc.language && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(doc.language) ? doc.language : 'en';
  const content = joinBrokenWords(
    `<article class="document doc-${escapeMarkup(doc.kind)}" aria-labelledby="doc-title">\n` +
    `<header class="doc-header">\n<p class="doc-kind">${escapeMarkup(capitalise(doc.kind))}${doc.classification ? ` · <span class="classification">${escapeMarkup(doc.classification)}</span>` : ''}</p>\n` +
    `<h1 id="doc-title">${escapeMarkup(doc.title)}</h1>\n<dl class="doc-meta">\n${meta}\n</dl>\n${toggle}\n</header>\n` +
    `<div class="reading">\n${reading}\n</div>\n${notes}\n</article>\n${prevNext}`,
    () => '<span class="dipl hyph">-</span>',
  );
  const scripts = hctx.notes.length ? `<script src="${root}assets/edition.js"></script>` : '';
  return page(template, ctx.config.title, { title: doc.title, root, content, bodyClass: 'page-document', lang, scripts });
}

function corrKeys(doc: EditionDocument): string[] {
  return [...(doc.sent?.persons ?? []), ...(doc.received?.persons ?? [])].map(correspondentKey);
}

function indexPage(edition: Edition, template: string, ctx: TransformContext, searchChunks: string[]): string {
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
        `<tr data-id="${escapeMarkup(d.id)}" data-corr="${escapeMarkup(corrKeys(d).map(encodeURIComponent).join(' '))}" data-year="${yearOf(d.date)}" data-kind="${escapeMarkup(d.kind)}">` +
        `<td class="c-date">${timeHtml(d.date)}</td><td class="c-who">${who}</td>` +
        `<td class="c-title"><a href="${docHref(d, '')}">${escapeMarkup(d.title)}</a></td><td class="c-kind">${escapeMarkup(d.kind)}</td></tr>`
      );
    })
    .join('\n');
  const content =
    `<h1>Documents</h1>\n` +
    `<form class="finder" role="search" aria-label="Find documents" action="index.html">\n` +
    `<p class="field field-q"><label for="q">Search the full text</label> <input type="search" id="q" name="q" autocomplete="off" disabled></p>\n` +
    `<p class="field"><label for="f-corr">Correspondent</label> <select id="f-corr" name="corr"><option value="">All</option>${corrOptions}</select></p>\n` +
    `<p class="field"><label for="f-year">Year</label> <select id="f-year" name="year"><option value="">All</option>${yearOptions}</select></p>\n` +
    `<p class="field"><label for="f-kind">Kind</label> <select id="f-kind" name="kind"><option value="">All</option>${kindOptions}</select></p>\n` +
    `</form>\n<p id="status" class="status" role="status" aria-live="polite">${edition.documents.length} documents</p>\n` +
    `<table class="doc-list"><caption class="visually-hidden">Documents in date order</caption>` +
    `<thead><tr><th scope="col">Date</th><th scope="col">From → To</th><th scope="col">Title</th><th scope="col">Kind</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
  const scripts = ['assets/minisearch.js', ...searchChunks, 'assets/edition.js'].map((s) => `<script src="${s}"></script>`).join('\n');
  return page(template, ctx.config.title, { title: 'Documents', root: '', content, bodyClass: 'page-index', current: 'index', scripts });
}

function chronologyPage(edition: Edition, template: string, ctx: TransformContext): string {
  const byYear = new Map<string, EditionDocument[]>();
  for (const d of edition.documents) {
    const y = yearOf(d.date) || 'Undated';
    byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  const sections = [...byYear]
    .map(([year, docs]) => {
      const items = docs
        .map((d) => {
          const who = [sideLabel(d.sent, edition.persons), sideLabel(d.received, edition.persons)].filter(Boolean).join(' → ');
          return `<li>${timeHtml(d.date)}: <a href="${docHref(d, '')}">${escapeMarkup(d.title)}</a>${who ? ` <span class="who">(${escapeMarkup(who)})</span>` : ''}</li>`;
        })
        .join('\n');
      return `<section aria-labelledby="y-${year}"><h2 id="y-${year}">${year}</h2>\n<ol class="chronology">\n${items}\n</ol></section>`;
    })
    .join('\n');
  return page(template, ctx.config.title, { title: 'Chronology', root: '', content: `<h1>Chronology</h1>\n${sections}`, bodyClass: 'page-chronology', current: 'chronology' });
}

interface PersonUse {
  sent: EditionDocument[];
  received: EditionDocument[];
  mentions: Mention[];
}

function personUses(edition: Edition): Map<string, PersonUse> {
  const uses = new Map<string, PersonUse>();
  const get = (id: string): PersonUse => {
    let u = uses.get(id);
    if (!u) uses.set(id, (u = { sent: [], received: [], mentions: [] }));
    return u;
  };
  for (const d of edition.documents) {
    for (const p of d.sent?.persons ?? []) if (p.id) get(p.id).sent.push(d);
    for (const p of d.received?.persons ?? []) if (p.id) get(p.id).received.push(d);
  }
  for (const m of edition.mentions) get(m.person).mentions.push(m);
  return uses;
}

function personPage(edition: Edition, person: PersonRecord, use: PersonUse | undefined, template: string, ctx: TransformContext): string {
  const root = '../';
  const byId = new Map(edition.documents.map((d) => [d.id, d]));
  const forms = new Set(person.names);
  for (const m of use?.mentions ?? []) if (m.name) forms.add(m.name);
  const parts: string[] = [`<h1>${escapeMarkup(person.names[0] ?? person.id)}</h1>`];
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
  const docItem = (d: EditionDocument): string => `<li>${timeHtml(d.date)}: <a href="${docHref(d, root)}">${escapeMarkup(d.title)}</a></li>`;
  if (use && (use.sent.length || use.received.length)) {
    parts.push(
      `<section aria-labelledby="h-corr"><h2 id="h-corr">Correspondence</h2>` +
        (use.sent.length ? `<h3>Sent (${use.sent.length})</h3><ul>${use.sent.map(docItem).join('')}</ul>` : '') +
        (use.received.length ? `<h3>Received (${use.received.length})</h3><ul>${use.received.map(docItem).join('')}</ul>` : '') +
        `</section>`,
    );
  }
  const mentions = use?.mentions ?? [];
  const items = mentions
    .map((m) => {
      const d = byId.get(m.document);
      if (!d) return '';
      return (
        `<li><a href="${docHref(d, root)}">${escapeMarkup(d.title)}</a> ${timeHtml(d.date)}` +
        `<br><q class="kwic">${escapeMarkup(m.before)}<mark>${escapeMarkup(m.name)}</mark>${escapeMarkup(m.after)}</q></li>`
      );
    })
    .join('\n');
  parts.push(`<section aria-labelledby="h-mentions"><h2 id="h-mentions">Mentions (${mentions.length})</h2>${items ? `<ol class="mentions">${items}</ol>` : '<p>No mentions in the reading text.</p>'}</section>`);
  return page(template, ctx.config.title, { title: person.names[0] ?? person.id, root, content: parts.join('\n'), bodyClass: 'page-person', current: 'persons' });
}

function personsPage(edition: Edition, uses: Map<string, PersonUse>, template: string, ctx: TransformContext): string {
  const persons = [...edition.persons.values()].sort((a, b) => (a.names[0] ?? a.id).localeCompare(b.names[0] ?? b.id));
  const items = persons
    .map((p) => {
      const u = uses.get(p.id);
      const letters = (u?.sent.length ?? 0) + (u?.received.length ?? 0);
      const counts = [letters ? `${letters} as correspondent` : '', u?.mentions.length ? `${u.mentions.length} mentions` : ''].filter(Boolean).join(', ');
      return `<li><a href="${personHref(p.id, '')}">${escapeMarkup(p.names[0] ?? p.id)}</a>${counts ? ` <span class="counts">(${counts})</span>` : ''}</li>`;
    })
    .join('\n');
  return page(template, ctx.config.title, { title: 'Persons', root: '', content: `<h1>Persons</h1>\n<ul class="persons">\n${items}\n</ul>`, bodyClass: 'page-persons', current: 'persons' });
}

/** The search data: one entry per document, the index is built in the browser on first use. */
function searchData(docs: SearchEntry[]): string {
  // a script, not JSON: browsers refuse fetch() from file://
  return `(window.CHANCERY_DOCS = window.CHANCERY_DOCS || []).push(...${JSON.stringify(docs).replace(/</g, '\\u003c')});\n`;
}

function minisearchBrowserBuild(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('minisearch');
  // …/minisearch/dist/cjs/index.cjs → …/minisearch/dist/umd/index.js (the build that sets window.MiniSearch)
  return readFileSync(join(main, '..', '..', 'umd', 'index.js'), 'utf8');
}

/** The HTML edition. Writes `index.html`, `chronology.html`, `persons.html`, `documents/`, `persons/`, `assets/`. */
export const htmlTransform: TransformModule = {
  name: 'html',
  describe: 'static HTML edition (index with search, document, person and chronology pages)',
  *render(edition: Edition, ctx: TransformContext): Iterable<OutputFile> {
    const template = readAsset(ctx, 'html/page.html');
    yield { path: 'assets/chancery.css', content: readAsset(ctx, 'html/chancery.css') };
    yield { path: 'assets/edition.js', content: readAsset(ctx, 'html/edition.js') };
    yield { path: 'assets/minisearch.js', content: minisearchBrowserBuild() };
    // the search data goes out in chunks as the pages are made, so that a large edition never holds
    // all of its text at once
    let search: SearchEntry[] = [];
    const chunks: string[] = [];
    for (const doc of edition.documents) {
      yield { path: `documents/${doc.id}.html`, content: documentPage(edition, doc, template, ctx, search) };
      if (search.length === SEARCH_CHUNK) {
        chunks.push(`assets/search-data-${chunks.length}.js`);
        yield { path: chunks[chunks.length - 1]!, content: searchData(search) };
        search = [];
      }
    }
    if (search.length > 0 || chunks.length === 0) {
      chunks.push(`assets/search-data-${chunks.length}.js`);
      yield { path: chunks[chunks.length - 1]!, content: searchData(search) };
    }
    yield { path: 'index.html', content: indexPage(edition, template, ctx, chunks) };
    yield { path: 'chronology.html', content: chronologyPage(edition, template, ctx) };
    const uses = personUses(edition);
    yield { path: 'persons.html', content: personsPage(edition, uses, template, ctx) };
    for (const person of edition.persons.values()) yield { path: `persons/${person.id}.html`, content: personPage(edition, person, uses.get(person.id), template, ctx) };
  },
};
