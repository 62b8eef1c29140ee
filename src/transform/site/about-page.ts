/**
 * The About page: what the edition is (from the config), its sources described bibliographically, its
 * editorial principles (Chancery's encoding guidelines, `docs/encoding.md`), its licence and how to cite it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Marked } from 'marked';
import type { EditionConfig } from '../config.js';
import type { Edition } from '../edition.js';
import { escapeMarkup, formatIso } from '../format.js';
import { page, readableTitle } from './page.js';

/** `docs/encoding.md` of the Chancery package (beside its `assets/`). */
export function encodingGuidelinesFile(assets: string): string {
  return join(dirname(assets), 'docs', 'encoding.md');
}

/** The guidelines as HTML, headings one level down (the page has its own h1), ids prefixed. */
function guidelinesHtml(markdown: string): string {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const level = Math.min(6, depth + 1);
        const text = this.parser.parseInline(tokens);
        return `<h${level}>${text}</h${level}>\n`;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}


export function aboutPage(edition: Edition, template: string, config: EditionConfig, assets: string): string {
  const sources = new Map<string, { title: string; type: string; count: number }>();
  for (const d of edition.documents) {
    const file = d.source.idno.split('#')[0] || d.source.title;
    const s = sources.get(file) ?? { title: d.source.title, type: d.source.type, count: 0 };
    s.count++;
    sources.set(file, s);
  }
  const sourceItems = [...sources]
    .map(([file, s]) => {
      const described = config.sources[file];
      const text = described ? escapeMarkup(described) : `<cite>${escapeMarkup(readableTitle(s.title) || file)}</cite>${s.type ? ` (${escapeMarkup(s.type)} source)` : ''}`;
      return `<li>${text} <span class="counts">— ${s.count} ${s.count === 1 ? 'document' : 'documents'}</span></li>`;
    })
    .join('\n');
  const dated = edition.documents.filter((d) => d.sortKey);
  const span = dated.length ? escapeMarkup(`${formatIso(dated[0]!.sortKey)} to ${formatIso(dated[dated.length - 1]!.sortKey)}`) : '';
  const guidelinesFile = encodingGuidelinesFile(assets);
  const guidelines = existsSync(guidelinesFile)
    ? `<div class="guidelines">${guidelinesHtml(readFileSync(guidelinesFile, 'utf8'))}</div>`
    : '<p>The encoding guidelines (docs/encoding.md) were not found beside this copy of Chancery.</p>';
  const year = config.date ? config.date.slice(0, 4) : '';
  const editionCitation =
    `${config.editor.name ? `${escapeMarkup(config.editor.name)} (ed.), ` : ''}<cite>${escapeMarkup(config.title)}</cite>. ` +
    `${escapeMarkup(config.publisher)}${year ? `, ${year}` : ''}.${config.baseUrl ? ` ${escapeMarkup(config.baseUrl)}` : ''}`;
  const licence = config.licence
    ? `<p>The edition is published under ${config.licence.url ? `<a href="${escapeMarkup(config.licence.url)}">${escapeMarkup(config.licence.name)}</a>` : escapeMarkup(config.licence.name)}. The licence covers the transcriptions, the encoding and the editorial matter; the source texts keep their own status.</p>`
    : '<p>No licence is stated in the edition\'s configuration.</p>';
  const content =
    `<h1>About the edition</h1>\n` +
    (config.description ? `<p class="lead">${escapeMarkup(config.description)}</p>\n` : '') +
    `<p>${edition.documents.length} documents${span ? `, ${span}` : ''}; ${edition.persons.size} persons.` +
    `${config.editor.name ? ` Edited by ${escapeMarkup(config.editor.name)}.` : ''}${config.date ? ` This release: <time datetime="${config.date}">${formatIso(config.date)}</time>.` : ''}</p>\n` +
    `<section aria-labelledby="h-sources"><h2 id="h-sources">Sources</h2><ul class="sources">\n${sourceItems}\n</ul></section>\n` +
    `<section aria-labelledby="h-licence"><h2 id="h-licence">Licence</h2>${licence}</section>\n` +
    `<section aria-labelledby="cite"><h2 id="cite">How to cite</h2>` +
    `<p>The edition:</p><p class="citation">${editionCitation}</p>` +
    `<p>A document: its title and date, the edition, and its permalink, which each document page gives under “Cite this document” ` +
    `(with meta tags that Zotero and other reference managers read). Paragraphs can be cited by their anchors (<code>#p3</code>), ` +
    `printed pages by the page numbers shown in brackets where the source's pages break.</p></section>\n` +
    `<section aria-labelledby="h-principles"><h2 id="h-principles">Editorial principles</h2>${guidelines}</section>`;
  return page(template, config, { title: 'About', root: '', content, bodyClass: 'page-about', current: 'about' });
}
