/**
 * The static HTML edition: the documents (index), a search page, one page per document, the persons and
 * a page each, the places, a timeline and an About page; the TEI of each document for download. Every
 * link is relative, so the site works from `file://` as well as from any static host; the scripts (search,
 * filters, footnotes on phones) add to pages that read fine without them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Edition, EditionDocument } from '../edition.js';
import { correspondentKey, displayName, formatDate, yearOf } from '../format.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { readAsset } from '../module.js';
import { isDebris, readingText } from '../reading.js';
import { TransformCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { PERSONOGRAPHY } from '../../edition/personography.js';
import { personographyOfRef } from '../../edition/person-refs.js';
import { child, descendants, parseTei, textOf } from '../tei-tree.js';
import type { TeiElement } from '../tei-tree.js';
import { aboutPage } from '../site/about-page.js';
import { documentPage } from '../site/document-page.js';
import { indexPage, personPage, personsPage, personUses, placesPage, searchPage, timelinePage } from '../site/list-pages.js';
import { REVIEW_PAGE, reviewPage, usableReview } from '../site/review-page.js';
import { readPersonReview, type PersonReview } from '../../edition/person-review.js';
import type { PlaceUse } from '../site/list-pages.js';
import { SearchIndexBuilder } from '../site/search-index.js';

/**
 * Our own assets, copied into `assets/` byte for byte (tests compare them with `assets/html/`, goldens
 * do not copy them).
 */
export const COPIED_ASSETS: readonly string[] = ['chancery.css', 'edition.js', 'search.js'];

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/**
 * Whether a TEI file may be published beside the site as it is: a browser opening an XML file from the
 * site's origin runs XHTML or SVG script in it, so a file declaring any namespace but TEI's (and the
 * XML namespace) is not published.
 */
function publishableTei(tree: TeiElement): boolean {
  const visit = (el: TeiElement): boolean => {
    for (const [k, v] of Object.entries(el.attrs)) {
      if (k === 'xmlns' ? v !== TEI_NS : k.startsWith('xmlns:')) return false;
    }
    if (el.name.includes(':') && !el.name.startsWith('xml:')) return false;
    return el.children.every((c) => c.type === 'text' || visit(c));
  };
  return visit(tree);
}

/** Every placeName a document gives: where it was written, and those of its reading text. */
function collectPlaces(doc: EditionDocument, tree: TeiElement, places: Map<string, PlaceUse>): void {
  const add = (name: string, ref: string | undefined): void => {
    const written = name.trim();
    if (!written) return;
    const key = ref && /^https?:\/\//.test(ref) ? ref : written.toLowerCase();
    let p = places.get(key);
    if (!p) places.set(key, (p = { name: written, forms: new Map(), documents: new Set(), ...(ref && /^https?:\/\//.test(ref) ? { ref } : {}) }));
    p.forms.set(written, (p.forms.get(written) ?? 0) + 1);
    p.name = [...p.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    p.documents.add(doc);
  };
  for (const side of [doc.sent, doc.received]) for (const pl of side?.places ?? []) add(pl.name, pl.ref);
  const text = child(tree, 'text');
  if (!text) return;
  for (const el of descendants(text, 'placeName')) {
    let debris = false;
    for (let a: TeiElement | undefined = el; a && !debris; a = a.parent) debris = isDebris(a);
    if (!debris) add(textOf(el), el.attrs.ref);
  }
}

/** The HTML edition. */
export const htmlTransform: TransformModule = {
  name: 'html',
  describe: 'static HTML edition (documents, search, document, person, place, timeline and About pages, TEI downloads)',
  *render(edition: Edition, ctx: TransformContext): Iterable<OutputFile> {
    const template = readAsset(ctx, 'html/page.html');
    for (const a of COPIED_ASSETS) yield { path: `assets/${a}`, content: readAsset(ctx, `html/${a}`) };
    const search = new SearchIndexBuilder();
    const places = new Map<string, PlaceUse>();
    const personFiles = new Set<string>();
    for (const doc of edition.documents) {
      const tree = edition.tree(doc);
      let teiHref: string | undefined;
      if (publishableTei(tree)) {
        teiHref = `tei/documents/${doc.permalink}.xml`;
        yield { path: teiHref, content: readFileSync(doc.file) };
        // The document's persName/@ref point to ../persons.xml, published as tei/persons.xml: beside the
        // documents' folder, they still resolve. Only that one place is published (see below).
        const beside = join(dirname(dirname(doc.file)), PERSONOGRAPHY);
        for (const p of descendants(tree, 'persName')) {
          for (const ref of (p.attrs.ref ?? '').split(/\s+/)) if (ref && personographyOfRef(ref, doc.file) === beside) personFiles.add(beside);
        }
      } else {
        ctx.report(diagnostic(TransformCodes.teiNotPublished, { permalink: doc.permalink }, { file: doc.file, line: 1, column: 1 }));
      }
      yield { path: `documents/${doc.permalink}.html`, content: documentPage(edition, doc, template, ctx.config, teiHref) };
      collectPlaces(doc, tree, places);
      const correspondents = [...(doc.sent?.persons ?? []), ...(doc.received?.persons ?? [])];
      for (const c of correspondents) search.label(correspondentKey(c), displayName(c, edition.persons));
      const text = child(tree, 'text');
      const chunk = search.add({
        permalink: doc.permalink,
        title: doc.title,
        date: doc.sortKey,
        dateLabel: formatDate(doc.date),
        kind: doc.kind,
        year: yearOf(doc.date),
        senders: (doc.sent?.persons ?? []).map(correspondentKey),
        addressees: (doc.received?.persons ?? []).map(correspondentKey),
        names: correspondents.map((c) => displayName(c, edition.persons)).join(' '),
        text: text ? readingText(text) : '',
      });
      if (chunk) yield chunk;
    }
    yield* search.finish();
    // one personography, when all the documents point to the same one; its review list, for the editors
    let review: PersonReview | undefined;
    if (personFiles.size === 1) {
      try {
        review = usableReview(readPersonReview(dirname([...personFiles][0]!)));
      } catch {
        review = undefined; // not JSON: no page rather than a broken one
      }
      const file = [...personFiles][0]!;
      let xml: string | undefined;
      try {
        xml = readFileSync(file, 'utf8');
      } catch {
        // already reported by loadEdition (TEI-TR-004)
      }
      const root = xml === undefined ? undefined : parseTei(xml, file).root;
      if (xml !== undefined && root && publishableTei(root)) yield { path: 'tei/persons.xml', content: xml };
    }
    yield { path: 'index.html', content: indexPage(edition, template, ctx.config) };
    yield { path: 'search.html', content: searchPage(template, ctx.config) };
    yield { path: 'chronology.html', content: timelinePage(edition, template, ctx.config) };
    yield { path: 'places.html', content: placesPage(places, template, ctx.config) };
    yield { path: 'about.html', content: aboutPage(edition, template, ctx.config, ctx.assets) };
    const uses = personUses(edition);
    yield { path: 'persons.html', content: personsPage(edition, uses, template, ctx.config, review ? REVIEW_PAGE : undefined) };
    if (review) yield { path: REVIEW_PAGE, content: reviewPage(edition, review, template, ctx.config) };
    for (const person of edition.persons.values()) {
      yield { path: `persons/${person.page}.html`, content: personPage(edition, person, uses.get(person.id), template, ctx.config) };
    }
  },
};
