/**
 * A document's page: its metadata, the reading text (the rules of `formats/html-rules.ts`), footnotes,
 * the citation box with a permalink, a link to download its TEI, previous and next.
 */
import type { EditionConfig } from '../config.js';
import type { Edition, EditionDocument, PersonRecord } from '../edition.js';
import { displayName, escapeMarkup } from '../format.js';
import { htmlContainers, htmlWalker } from '../formats/html-rules.js';
import type { HtmlContext } from '../formats/html-rules.js';
import { BrokenWordJoiner } from '../reading.js';
import { child } from '../tei-tree.js';
import type { TeiElement } from '../tei-tree.js';
import { readText, walkText, type TextEvents } from '../text-events.js';
import { HeldText } from '../../io/held-text.js';
import { SpillFile } from '../../io/spill-file.js';
import { citationHtml, citationMeta, documentUrl } from './citation.js';
import { capitalise, docHref, pageAround, personHref, readableTitle, timeHtml } from './page.js';

function correspondentsHtml(side: EditionDocument['sent'], persons: Map<string, PersonRecord>, root: string): string {
  if (!side) return '';
  const who = side.persons.map((p) => {
    const name = escapeMarkup(displayName(p, persons));
    const written = p.name && p.name !== displayName(p, persons) ? ` <span class="as-written">(“${escapeMarkup(p.name)}”)</span>` : '';
    const record = p.id ? persons.get(p.id) : undefined;
    return record ? `<a href="${personHref(record, root)}">${name}</a>${written}` : `${name}${written}`;
  });
  let s = who.join(', ') || '<span class="unknown">unknown</span>';
  if (side.places.length) s += `, ${side.places.map((p) => escapeMarkup(p.name)).join(', ')}`;
  if (side.cert && side.cert !== 'high') s += ` <span class="cert">(inferred)</span>`;
  return s;
}

/** What a document page is made from. */
export interface DocumentPageInput {
  edition: Edition;
  doc: EditionDocument;
  template: string;
  config: EditionConfig;
  /** Where the document's TEI is published, when it is. */
  teiHref: string | undefined;
  /** Others that follow the text as the page renders it (the search text, the places). */
  listeners?: TextEvents[];
  /** A folder for the temporary file where a large page's reading waits for its header. */
  scratch?: string;
}

/** `class="dipl …"`: what the rules give debris, which the diplomatic view shows. */
const DEBRIS_CLASS = /class="dipl /;

/**
 * Writes a document's page piece by piece, rendering its text as the text comes: from the kept tree, or from the
 * file as it streams (a document the edition does not keep), so that a volume is never held whole. The reading
 * waits (in a temporary file once large) for the header, which says whether it has debris to show.
 */
export function writeDocumentPage(input: DocumentPageInput, write: (piece: string) => void): void {
  const { edition, doc, template, config, teiHref, listeners = [] } = input;
  const root = '../';
  const streamed = edition.streamed(doc);
  const tree = streamed ? undefined : edition.tree(doc);
  const text = tree ? child(tree, 'text') : undefined;
  const hasText = streamed !== undefined || text !== undefined;
  const ids = new Set<string>();
  const collectIds = (el: TeiElement): void => {
    if (el.attrs['xml:id']) ids.add(el.attrs['xml:id']);
    for (const c of el.children) if (c.type === 'element') collectIds(c);
  };
  if (text) collectIds(text);
  const headed = new Map<TeiElement, boolean>();
  const hctx: HtmlContext = {
    doc, persons: edition.persons, root, phrasing: false, depth: 0, notes: [], inPopup: false, ids: streamed?.pointedIds ?? ids, paragraphs: 0, deferred: [],
    ...(streamed ? { headed } : {}),
  };
  const spill = streamed && input.scratch !== undefined ? new SpillFile(input.scratch, 'page') : undefined;
  try {
    const reading = new HeldText(spill);
    let hasDebris = false;
    const push = (piece: string): void => {
      hasDebris ||= DEBRIS_CLASS.test(piece);
      reading.push(piece);
    };
    const events: TextEvents = {
      open(el) {
        if (streamed && el.parent?.name === 'text' && ['body', 'front', 'back'].includes(el.name)) headed.set(el, streamed.headed.has(el.name));
        push(htmlContainers.open(el, hctx));
        for (const l of listeners) l.open(el);
      },
      child(node, parent) {
        push(htmlWalker.render(node, hctx));
        for (const l of listeners) l.child(node, parent);
      },
      close(el) {
        push(htmlContainers.close(el, hctx));
        for (const l of listeners) l.close(el);
      },
    };
    if (tree) walkText(tree, htmlContainers.passes, events);
    else readText(doc.file, htmlContainers.passes, events);
    push(hctx.deferred.join(''));
    const rows: [string, string][] = [];
    if (doc.sent) rows.push(['From', correspondentsHtml(doc.sent, edition.persons, root)]);
    if (doc.received) rows.push(['To', correspondentsHtml(doc.received, edition.persons, root)]);
    rows.push(['Date', timeHtml(doc.date)]);
    if (doc.received?.date && doc.sent?.date) rows.push(['Received', timeHtml(doc.received.date)]);
    rows.push(['Kind', escapeMarkup(capitalise(doc.kind))]);
    if (doc.classification) rows.push(['Classification', `<span class="classification">${escapeMarkup(doc.classification)}</span>`]);
    const described = sourceDescription(doc, config);
    rows.push(['Source', described ? escapeMarkup(described) : doc.source.title ? `<cite>${escapeMarkup(readableTitle(doc.source.title))}</cite>` : 'not stated']);
    if (doc.source.idno) rows.push(['Source trace', `<code class="idno">${escapeMarkup(doc.source.idno)}</code>`]);
    const meta = rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('\n');
    const toggle = hasDebris
      ? `<p class="view-toggle"><input type="checkbox" id="diplomatic"><label for="diplomatic">Diplomatic view: show line ends, page furniture, marginalia and second OCR passes</label></p>`
      : '';
    const notes = hctx.notes.length
      ? `<section class="footnotes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2><ol>` +
        hctx.notes
          .map(
            (n) =>
              `<li id="fn-${n.number}">${n.printed ? `<span class="printed-marker">[${escapeMarkup(n.printed)}]</span> ` : ''}${n.html} ` +
              `<a class="backref" href="#fnref-${n.number}">back to the text<span class="visually-hidden"> at note ${n.number}</span></a></li>`,
          )
          .join('\n') +
        `</ol></section>`
      : '';
    const url = documentUrl(doc, config);
    const cite =
      `<section class="cite" id="cite" aria-labelledby="cite-heading"><h2 id="cite-heading">Cite this document</h2>` +
      `<p class="citation">${citationHtml(doc, config)}</p>` +
      `<ul class="doc-links"><li>Permalink: <a href="${url ? escapeMarkup(url) : `${doc.permalink}.html`}">${escapeMarkup(url ?? `documents/${doc.permalink}.html`)}</a></li>` +
      (teiHref ? `<li><a class="download-tei" href="${root}${teiHref}" download>Download TEI</a> (the encoded source of this page, TEI P5 XML)</li>` : '') +
      (hasText ? `<li>Paragraphs are numbered for citation: follow a paragraph's ¶ to link it.</li>` : '') +
      `</ul></section>`;
    const prev = edition.documents[doc.index - 1];
    const next = edition.documents[doc.index + 1];
    const link = (d: EditionDocument | undefined, rel: string, label: string): string =>
      d ? `<a rel="${rel}" href="${docHref(d, root)}"><span class="pn-label">${label}</span> ${escapeMarkup(d.title)}</a>` : '<span></span>';
    const prevNext = `<nav class="prev-next" aria-label="Previous and next document">${link(prev, 'prev', '← Previous:')}${link(next, 'next', 'Next: →')}</nav>`;
    const lang = doc.language && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(doc.language) ? doc.language : 'en';
    const scripts = [`<script src="${root}assets/edition.js"></script>`, `<script src="${root}assets/search.js"></script>`].join('\n');
    const [before, after] = pageAround(template, config, { title: doc.title, root, bodyClass: 'page-document', lang, scripts, head: citationMeta(doc, edition, config) });
    write(before);
    const content = new BrokenWordJoiner(write, () => '<span class="dipl hyph">-</span>');
    content.push(
      `<article class="document doc-${escapeMarkup(doc.kind.replace(/[^\w-]/g, '_'))}" aria-labelledby="doc-title">\n` +
        `<header class="doc-header">\n<p class="doc-kind">${escapeMarkup(capitalise(doc.kind))}${doc.classification ? ` · <span class="classification">${escapeMarkup(doc.classification)}</span>` : ''}</p>\n` +
        `<h1 id="doc-title">${escapeMarkup(doc.title)}</h1>\n<dl class="doc-meta">\n${meta}\n</dl>\n${toggle}\n</header>\n` +
        `<div class="reading">\n`,
    );
    reading.forEach((piece) => content.push(piece));
    content.push(`\n</div>\n${notes}\n${cite}\n</article>\n${prevNext}`);
    content.end();
    write(after);
  } finally {
    spill?.close();
  }
}

/** The config's bibliographic description of the document's source (by the source file it traces to). */
export function sourceDescription(doc: EditionDocument, config: EditionConfig): string | undefined {
  const file = doc.source.idno.split('#')[0] ?? '';
  return config.sources[file];
}
