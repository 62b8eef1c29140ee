/**
 * The edition as four tables (documents, persons, mentions, correspondence edges), shared by the CSV and
 * JSON exports so that the two always agree. Column names follow what network tools expect: persons have
 * `id`/`label` (a Gephi node table), edges `source`/`target`/`weight` (a Gephi edge table; Palladio reads
 * the same file), with the sender's and addressee's names beside them.
 */
import type { Correspondent, Edition } from '../edition.js';
import { correspondentKey, displayName, formatDate, isUnknown, machineDate } from '../format.js';

/** A table cell: CSV joins lists with `; `, JSON keeps them as arrays. */
export type Cell = string | number | string[];

/** A named table: its columns in order and its rows. */
export interface Table {
  name: string;
  columns: string[];
  rows: Record<string, Cell>[];
}

/** Builds the four tables. Rows are in date order (documents, mentions) or by id (persons, edges). */
export function editionTables(edition: Edition): Table[] {
  const name = (c: Correspondent): string => displayName(c, edition.persons);
  const documents: Table = {
    name: 'documents',
    columns: ['id', 'title', 'kind', 'date', 'date_text', 'sender', 'sender_ids', 'addressees', 'addressee_ids', 'place_sent', 'classification', 'source', 'source_type', 'source_trace', 'page', 'tei'],
    rows: edition.documents.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      date: machineDate(d.date) ?? d.sortKey,
      date_text: formatDate(d.date),
      sender: (d.sent?.persons ?? []).map(name),
      sender_ids: (d.sent?.persons ?? []).map((p) => p.id ?? ''),
      addressees: (d.received?.persons ?? []).map(name),
      addressee_ids: (d.received?.persons ?? []).map((p) => p.id ?? ''),
      place_sent: (d.sent?.places ?? []).map((p) => p.name),
      classification: d.classification ?? '',
      source: d.source.title,
      source_type: d.source.type,
      source_trace: d.source.idno,
      page: `documents/${d.permalink}.html`,
      tei: `tei/documents/${d.permalink}.xml`,
    })),
  };

  const counts = new Map<string, { mentions: number; sent: number; received: number }>();
  const count = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { mentions: 0, sent: 0, received: 0 }));
    return c;
  };
  for (const m of edition.mentions) count(m.person).mentions++;
  for (const d of edition.documents) {
    for (const p of d.sent?.persons ?? []) if (p.id) count(p.id).sent++;
    for (const p of d.received?.persons ?? []) if (p.id) count(p.id).received++;
  }
  const idno = (ids: { type: string; value: string }[], type: string): string => ids.find((i) => i.type.toLowerCase() === type)?.value ?? '';
  const persons: Table = {
    name: 'persons',
    columns: ['id', 'label', 'name_forms', 'wikidata', 'viaf', 'gnd', 'mentions', 'sent', 'received', 'page'],
    rows: [...edition.persons.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((p) => ({
        id: p.id,
        label: p.names[0] ?? p.id,
        name_forms: p.names,
        wikidata: idno(p.idnos, 'wikidata'),
        viaf: idno(p.idnos, 'viaf'),
        gnd: idno(p.idnos, 'gnd'),
        mentions: counts.get(p.id)?.mentions ?? 0,
        sent: counts.get(p.id)?.sent ?? 0,
        received: counts.get(p.id)?.received ?? 0,
        page: `persons/${p.page}.html`,
      })),
  };

  const titles = new Map(edition.documents.map((d) => [d.id, d]));
  const mentions: Table = {
    name: 'mentions',
    columns: ['person', 'person_label', 'document', 'document_title', 'date', 'name_as_written', 'context'],
    rows: [...edition.mentions]
      .sort((a, b) => (titles.get(a.document)?.index ?? 0) - (titles.get(b.document)?.index ?? 0))
      .map((m) => ({
      person: m.person,
      person_label: edition.persons.get(m.person)?.names[0] ?? m.person,
      document: m.document,
      document_title: titles.get(m.document)?.title ?? '',
      date: titles.get(m.document)?.sortKey ?? '',
      name_as_written: m.name,
      context: `${m.before}[${m.name}]${m.after}`,
    })),
  };

  const edgeMap = new Map<string, { source: string; target: string; sender: string; addressee: string; weight: number; documents: string[] }>();
  for (const d of edition.documents) {
    // an unknown correspondent is no node: it would join unrelated letters into one
    for (const s of (d.sent?.persons ?? []).filter((c) => !isUnknown(c))) {
      for (const r of (d.received?.persons ?? []).filter((c) => !isUnknown(c))) {
        const key = `${correspondentKey(s)}\u0000${correspondentKey(r)}`;
        const e = edgeMap.get(key) ?? { source: correspondentKey(s), target: correspondentKey(r), sender: name(s), addressee: name(r), weight: 0, documents: [] };
        e.weight++;
        e.documents.push(d.id);
        edgeMap.set(key, e);
      }
    }
  }
  const edges: Table = {
    name: 'edges',
    columns: ['source', 'target', 'weight', 'type', 'sender', 'addressee', 'documents'],
    rows: [...edgeMap.values()]
      .sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
      .map((e) => ({ source: e.source, target: e.target, weight: e.weight, type: 'Directed', sender: e.sender, addressee: e.addressee, documents: e.documents })),
  };
  return [documents, persons, mentions, edges];
}

/**
 * Characters that make a spreadsheet read a cell as a formula (`=HYPERLINK(…)`, `+1`, `-1+2`, `@SUM`) or
 * that some of them treat alike (tab, carriage return): OWASP's list for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). Text that a spreadsheet
 * would run as a formula is neutralised as OWASP advises: a `'` before it, and the field quoted. Counts
 * are numbers of ours and never negative, so only text from the TEI is ever prefixed.
 */
export function csvField(v: Cell): string {
  let s = Array.isArray(v) ? v.join('; ') : String(v);
  if (typeof v !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Byte order mark: Excel reads a CSV file as UTF-8 only when it begins with one. */
export const UTF8_BOM = '\uFEFF';

/** A table as CSV: UTF-8 with a byte order mark, CRLF line ends, header first. */
export function toCsv(t: Table): string {
  const lines = [t.columns.join(','), ...t.rows.map((r) => t.columns.map((c) => csvField(r[c] ?? '')).join(','))];
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
