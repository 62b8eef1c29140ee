/**
 * The static HTML edition: the documents (index), a search page, one page per document, the persons and
 * a page each, the places, a timeline and an About page; the TEI of each document for download. Every
 * link is relative, so the site works from `file://` as well as from any static host; the scripts (search,
 * filters, footnotes on phones) add to pages that read fine without them.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Edition, EditionDocument } from '../edition.js';
import { correspondentKey, displayName, formatDate, yearOf } from '../format.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { readAsset, wholeContent } from '../module.js';
import { isDebris, ReadingLines } from '../reading.js';
import { TransformCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { PERSONOGRAPHY } from '../../edition/personography.js';
import { personographyOfRef } from '../../edition/person-refs.js';
import { descendants, parseTei, textOf } from '../tei-tree.js';
import type { TeiElement, TeiNode } from '../tei-tree.js';
import type { TextEvents } from '../text-events.js';
import { aboutPage } from '../site/about-page.js';
import { writeDocumentPage } from '../site/document-page.js';
import { publishableTei } from '../site/publishable.js';
import { indexPage, writePersonPage, personsPage, personUses, placesPage, searchPage, timelinePage } from '../site/list-pages.js';
import { REVIEW_PAGE, reviewPage, usableReview } from '../site/review-page.js';
import { readPersonReview, type PersonReview } from '../../edition/person-review.js';
import type { PlaceUse } from '../site/list-pages.js';
import { SearchIndexBuilder, type SearchText } from '../site/search-index.js';

/**
 * Our own assets, copied into `assets/` byte for byte (tests compare them with `assets/html/`, goldens
 * do not copy them).
 */
export const COPIED_ASSETS: readonly string[] = ['chancery.css', 'edition.js', 'search.js'];

/** Adds a place a document names to the place index. */
function addPlace(places: Map<string, PlaceUse>, doc: EditionDocument, name: string, ref: string | undefined): void {
  const written = name.trim();
  if (!written) return;
  const key = ref && /^https?:\/\//.test(ref) ? ref : written.toLowerCase();
  let p = places.get(key);
  if (!p) places.set(key, (p = { name: written, forms: new Map(), documents: new Set(), ...(ref && /^https?:\/\//.test(ref) ? { ref } : {}) }));
  p.forms.set(written, (p.forms.get(written) ?? 0) + 1);
  p.name = [...p.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  p.documents.add(doc);
}

/** The placeNames of a node of the reading text (itself included), outside debris, as [text, @ref]. */
function placeNamesOf(node: TeiNode, found: [string, string | undefined][]): void {
  if (node.type !== 'element') return;
  const named = descendants(node, 'placeName');
  if (node.name === 'placeName') named.unshift(node);
  for (const el of named) {
    let debris = false;
    for (let a: TeiElement | undefined = el; a && !debris; a = a.parent) debris = isDebris(a);
    if (!debris) found.push([textOf(el), el.attrs.ref]);
  }
}

/** A large file's bytes as they are, read and written a piece at a time (each piece its own: a writer may keep it). */
function copyOf(file: string): (write: (piece: Uint8Array) => void) => void {
  return (write) => {
    const fd = openSync(file, 'r');
    try {
      for (;;) {
        const piece = Buffer.allocUnsafe(COPY_CHUNK);
        const n = readSync(fd, piece, 0, COPY_CHUNK, null);
        if (n === 0) break;
        write(piece.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
  };
}

const COPY_CHUNK = 1 << 16;

/** What a document's page gathered while it rendered the text: its places and its search text. */
interface Gathered {
  places: [string, string | undefined][];
  search: SearchText;
}

/** The HTML edition. */
export const htmlTransform: TransformModule = {
  name: 'html',
  describe: 'static HTML edition (documents, search, document, person, place, timeline and About pages, TEI downloads)',
  *render(edition: Edition, ctx: TransformContext): Iterable<OutputFile> {
    const template = readAsset(ctx, 'html/page.html');
    for (const a of COPIED_ASSETS) yield { path: `assets/${a}`, content: readAsset(ctx, `html/${a}`) };
    // large texts wait for their chunk in a temporary file in the output folder
    const search = new SearchIndexBuilder(ctx.outDir);
    try {
      yield* renderDocumentsAndLists(edition, ctx, template, search);
    } finally {
      search.close();
    }
  },
};

function* renderDocumentsAndLists(edition: Edition, ctx: TransformContext, template: string, search: SearchIndexBuilder): Iterable<OutputFile> {
  const places = new Map<string, PlaceUse>();
  const personFiles = new Set<string>();
  for (const doc of edition.documents) {
    const streamed = edition.streamed(doc);
    const tree = streamed ? undefined : edition.tree(doc);
    let teiHref: string | undefined;
    if (streamed ? streamed.publishable : publishableTei(tree!)) {
      teiHref = `tei/documents/${doc.permalink}.xml`;
      yield { path: teiHref, content: streamed ? copyOf(doc.file) : readFileSync(doc.file) };
      // The document's persName/@ref point to ../persons.xml, published as tei/persons.xml: beside the
      // documents' folder, they still resolve. Only that one place is published (see below).
      const beside = join(dirname(dirname(doc.file)), PERSONOGRAPHY);
      const refs = streamed ? streamed.personRefs : descendants(tree!, 'persName').flatMap((p) => (p.attrs.ref ?? '').split(/\s+/));
      for (const ref of refs) if (ref && personographyOfRef(ref, doc.file) === beside) personFiles.add(beside);
    } else {
      ctx.report(diagnostic(TransformCodes.teiNotPublished, { permalink: doc.permalink }, { file: doc.file, line: 1, column: 1 }));
    }
    // the places and the search text are gathered as the page renders the text (once, where the page was
    // written; again, without a page, where it could not be)
    let gathered: Gathered | undefined;
    const render = (write: (piece: string) => void): void => {
      const found: Gathered = { places: [], search: search.text() };
      const lines = new ReadingLines((line) => found.search.line(line));
      const placeNames: TextEvents = { open: () => {}, child: (node) => placeNamesOf(node, found.places), close: () => {} };
      writeDocumentPage({ edition, doc, template, config: ctx.config, teiHref, scratch: ctx.outDir, listeners: [lines, placeNames] }, write);
      lines.end();
      gathered = found;
    };
    // a kept tree's page is made at once, a large file's while it is written
    yield { path: `documents/${doc.permalink}.html`, content: streamed ? render : wholeContent(render) };
    if (!gathered) render(() => {});
    for (const side of [doc.sent, doc.received]) for (const pl of side?.places ?? []) addPlace(places, doc, pl.name, pl.ref);
    for (const [name, ref] of gathered!.places) addPlace(places, doc, name, ref);
    const correspondents = [...(doc.sent?.persons ?? []), ...(doc.received?.persons ?? [])];
    for (const c of correspondents) search.label(correspondentKey(c), displayName(c, edition.persons));
    const chunk = search.addText(
      {
        permalink: doc.permalink,
        title: doc.title,
        date: doc.sortKey,
        dateLabel: formatDate(doc.date),
        kind: doc.kind,
        year: yearOf(doc.date),
        senders: (doc.sent?.persons ?? []).map(correspondentKey),
        addressees: (doc.received?.persons ?? []).map(correspondentKey),
        names: correspondents.map((c) => displayName(c, edition.persons)).join(' '),
      },
      gathered!.search,
    );
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
    yield { path: `persons/${person.page}.html`, content: (write) => writePersonPage(edition, person, uses.get(person.id), template, ctx.config, write) };
  }
}
