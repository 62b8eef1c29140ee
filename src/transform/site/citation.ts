/**
 * How a document is cited: the meta tags reference managers read (Zotero's Embedded Metadata translator
 * reads Highwire `citation_*` and Dublin Core `DC.*` tags), a canonical permalink, and a citation a
 * reader can copy. Nothing here depends on a source file's name: the URL is the document's permalink.
 */
import type { EditionConfig } from '../config.js';
import type { Edition, EditionDocument } from '../edition.js';
import { displayName, escapeMarkup, formatDate, isUnknown } from '../format.js';

/** The document's published URL, when the config says where the site is published. */
export function documentUrl(doc: EditionDocument, config: EditionConfig): string | undefined {
  return config.baseUrl ? `${config.baseUrl}documents/${doc.permalink}.html` : undefined;
}

/** Senders as authors (an unknown sender is no author). */
function authors(doc: EditionDocument, edition: Edition): string[] {
  return (doc.sent?.persons ?? []).filter((c) => !isUnknown(c) && !c.role).map((c) => displayName(c, edition.persons));
}

/** `1941/10/03`, the form Highwire tags take; a month or a year alone as far as known. */
function highwireDate(doc: EditionDocument): string | undefined {
  const iso = doc.date?.when ?? doc.date?.from ?? doc.date?.notBefore;
  return iso && /^\d{4}(-\d{2}){0,2}$/.test(iso) ? iso.replace(/-/g, '/') : undefined;
}

/** `<meta>` and `<link>` elements for the page head. */
export function citationMeta(doc: EditionDocument, edition: Edition, config: EditionConfig): string {
  const tags: [string, string][] = [['citation_title', doc.title]];
  for (const a of authors(doc, edition)) tags.push(['citation_author', a]);
  const date = highwireDate(doc);
  if (date) tags.push(['citation_date', date]);
  if (config.date) tags.push(['citation_publication_date', config.date.replace(/-/g, '/')]);
  tags.push(['citation_publisher', config.publisher]);
  tags.push(['citation_inbook_title', config.title]);
  if (config.editor.name) tags.push(['citation_editor', config.editor.name]);
  if (doc.language) tags.push(['citation_language', doc.language]);
  const url = documentUrl(doc, config);
  if (url) tags.push(['citation_public_url', url]);
  tags.push(['DC.title', doc.title]);
  for (const a of authors(doc, edition)) tags.push(['DC.creator', a]);
  if (doc.date?.when) tags.push(['DC.date', doc.date.when]);
  tags.push(['DC.type', doc.kind]);
  tags.push(['DC.publisher', config.publisher]);
  if (doc.source.title) tags.push(['DC.source', doc.source.title]);
  if (url) tags.push(['DC.identifier', url]);
  if (config.licence) tags.push(['DC.rights', config.licence.url ?? config.licence.name]);
  const meta = tags.map(([name, content]) => `<meta name="${name}" content="${escapeMarkup(content)}">`);
  if (url) meta.push(`<link rel="canonical" href="${escapeMarkup(url)}">`);
  return meta.join('\n');
}

/**
 * A citation to copy, as HTML: `Stalin to Roosevelt, 3 October 1941. In <cite>Edition</cite>, ed. X.
 * Publisher, 2026. URL (accessed <span class="accessed">…</span>).` The page's script writes today's
 * date as the accessed date; the build never writes the clock.
 */
export function citationHtml(doc: EditionDocument, config: EditionConfig): string {
  const parts: string[] = [];
  const date = formatDate(doc.date);
  parts.push(`${escapeMarkup(doc.title)}${date && !doc.title.includes(date) ? `, ${escapeMarkup(date)}` : ''}.`);
  parts.push(`In <cite>${escapeMarkup(config.title)}</cite>${config.editor.name ? `, ed. ${escapeMarkup(config.editor.name)}` : ''}.`);
  parts.push(`${escapeMarkup(config.publisher)}${config.date ? `, ${config.date.slice(0, 4)}` : ''}.`);
  const url = documentUrl(doc, config);
  if (url) parts.push(`<span class="cite-url">${escapeMarkup(url)}</span> (accessed <span class="accessed">[date]</span>).`);
  return parts.join(' ');
}
