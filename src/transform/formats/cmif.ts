/**
 * CMIF export (correspSearch's Correspondence Metadata Interchange Format, v2): one TEI file with a
 * `correspDesc` per document that has one. The file is checked against all the CMIF rules by
 * `cmif-check.ts` as it is written, and the findings are reported with the run's diagnostics.
 */
import type { Correspondent, CorrespSide, DateValue, Edition, EditionDocument, PersonRecord } from '../edition.js';
import { authorityUri, displayName, escapeMarkup } from '../format.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { checkCmif } from './cmif-check.js';

/** The licence CMIF requires, with its URL. */
export const CMIF_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Order of preference when a person has several authority ids (correspSearch matches on one). */
const AUTHORITY_ORDER = ['gnd', 'viaf', 'wikidata'];

function personRef(p: PersonRecord | undefined): string | undefined {
  if (!p) return undefined;
  for (const type of AUTHORITY_ORDER) {
    const idno = p.idnos.find((i) => i.type.toLowerCase() === type);
    const uri = idno && authorityUri(type, idno.value);
    if (uri) return uri;
  }
  return undefined;
}

function dateXml(d: DateValue | undefined): string {
  if (!d) return '';
  const attrs = (['when', 'from', 'to', 'notBefore', 'notAfter'] as const)
    .filter((k) => d[k] && DATE_VALUE.test(d[k]!))
    .map((k) => ` ${k}="${d[k]}"`)
    .join('');
  return attrs ? `<date${attrs}/>` : '';
}

function nameXml(c: Correspondent, edition: Edition): string {
  const tag = c.kind === 'org' ? 'orgName' : 'persName';
  const person = c.id ? edition.persons.get(c.id) : undefined;
  const ref = personRef(person) ?? (c.ref && /^https?:\/\//.test(c.ref) ? c.ref : undefined);
  return `<${tag}${ref ? ` ref="${escapeMarkup(ref)}"` : ''}>${escapeMarkup(displayName(c, edition.persons) || 'Unknown')}</${tag}>`;
}

function actionXml(type: 'sent' | 'received', side: CorrespSide | undefined, edition: Edition, ctx: TransformContext): string {
  const parts: string[] = [];
  const persons = side?.persons ?? [];
  if (persons.length === 0) parts.push('<persName>Unknown</persName>');
  for (const p of persons) parts.push(nameXml(p, edition));
  for (const pl of side?.places ?? []) {
    const ref = pl.ref && /geonames\.org/.test(pl.ref) ? pl.ref : ctx.config.places[pl.name];
    parts.push(`<placeName${ref ? ` ref="${escapeMarkup(ref)}"` : ''}>${escapeMarkup(pl.name)}</placeName>`);
  }
  const date = dateXml(side?.date);
  if (date) parts.push(date);
  return `        <correspAction type="${type}">\n${parts.map((p) => `          ${p}\n`).join('')}        </correspAction>\n`;
}

interface SourceBibl {
  id: string;
  type: 'print' | 'online';
  text: string;
}

/** One bibl per source: a printed source is cited as such; archival and digital ones through this edition online. */
function sourceBibl(doc: EditionDocument, ctx: TransformContext): Omit<SourceBibl, 'id'> {
  if (doc.source.type === 'print') return { type: 'print', text: escapeMarkup(doc.source.title || 'Printed source') };
  const base = ctx.config.baseUrl;
  const title = escapeMarkup([doc.source.title, ctx.config.title].filter(Boolean).join('. In: '));
  return { type: 'online', text: base ? `${title}. <ref target="${escapeMarkup(base)}">${escapeMarkup(base)}</ref>` : title };
}

/** Builds the CMIF file for the edition. */
export function buildCmif(edition: Edition, ctx: TransformContext): string {
  const { config } = ctx;
  const bibls = new Map<string, SourceBibl>();
  const entries: string[] = [];
  for (const doc of edition.documents) {
    if (!doc.sent && !doc.received) continue;
    const b = sourceBibl(doc, ctx);
    const key = `${b.type}\u0000${b.text}`;
    let bibl = bibls.get(key);
    if (!bibl) bibls.set(key, (bibl = { id: `source-${bibls.size + 1}`, ...b }));
    const ref = `${config.baseUrl}documents/${doc.permalink}.html`;
    entries.push(
      `      <correspDesc ref="${escapeMarkup(ref)}" source="#${bibl.id}">\n` +
        actionXml('sent', doc.sent, edition, ctx) +
        actionXml('received', doc.received, edition, ctx) +
        `      </correspDesc>\n`,
    );
  }
  const timestamp = ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sourceDesc = [...bibls.values()].map((b) => `        <bibl type="${b.type}" xml:id="${b.id}">${b.text}</bibl>\n`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<TEI xmlns="http://www.tei-c.org/ns/1.0">\n` +
    `  <teiHeader>\n` +
    `    <fileDesc>\n` +
    `      <titleStmt>\n` +
    `        <title>${escapeMarkup(config.title)}: correspondence metadata</title>\n` +
    `        <editor>${escapeMarkup(config.editor.name)}<email>${escapeMarkup(config.editor.email)}</email></editor>\n` +
    `      </titleStmt>\n` +
    `      <publicationStmt>\n` +
    `        <publisher><ref target="${escapeMarkup(config.baseUrl)}">${escapeMarkup(config.publisher)}</ref></publisher>\n` +
    `        <idno type="url">${escapeMarkup(config.cmifUrl)}</idno>\n` +
    `        <date when="${timestamp}"/>\n` +
    `        <availability>\n` +
    `          <licence target="${CMIF_LICENCE_URL}">This file is licensed under the terms of the Creative-Commons-License CC-BY 4.0</licence>\n` +
    `        </availability>\n` +
    `      </publicationStmt>\n` +
    `      <sourceDesc>\n${sourceDesc}      </sourceDesc>\n` +
    `    </fileDesc>\n` +
    `    <profileDesc>\n${entries.join('')}    </profileDesc>\n` +
    `  </teiHeader>\n` +
    `  <text>\n    <body>\n      <p/>\n    </body>\n  </text>\n` +
    `</TEI>\n`
  );
}

/** The CMIF export, written as `cmif.xml` and checked on the way out. */
export const cmifTransform: TransformModule = {
  name: 'cmif',
  describe: 'CMIF (correspSearch) file of the correspondence, checked against the CMIF rules',
  needsConfig: true,
  *render(edition: Edition, ctx: TransformContext): Iterable<OutputFile> {
    const xml = buildCmif(edition, ctx);
    for (const d of checkCmif(xml, 'cmif.xml')) ctx.report(d);
    yield { path: 'cmif.xml', content: xml };
  },
};
