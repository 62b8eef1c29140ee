/**
 * The personography on disk: `persons.xml` (TEI, one `<person>` per real person, written by Chancery) and the
 * editor's persons file (`sources/persons.json`, or `.csv`), which is where an editor's corrections live. How
 * mentions are matched to persons is the converter's (src/convert/entities/personography.ts); this module
 * only reads and writes the files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ChanceryError } from '../diagnostics/diagnostic.js';
import { EditionCodes, XmlCodes } from '../diagnostics/codes.js';
import { DEFAULT_MAX_FILE_BYTES } from '../xml/limits.js';
import { escapeAttr, escapeText } from '../xml/escape.js';
import { readXmlFile } from '../xml/read-file.js';
import { child, childElements, collapse, descendants, parseXmlTree, textOf, type XmlElement } from '../xml/tree.js';
import { generatedState, markGenerated, type GeneratedState } from './generated-mark.js';

/** The file every `persName/@ref` of the edition points into, beside the documents' folders. */
export const PERSONOGRAPHY = 'persons.xml';

/** The pointer a `persName/@ref` holds for a person, from a document in a folder of the edition. */
export function personRef(id: string): string {
  return `../${PERSONOGRAPHY}#${id}`;
}

/**
 * The person a `persName/@ref` names, when it points into the personography (`../persons.xml#stalin-j` →
 * `stalin-j`); undefined for anything else (an authority URI, a pointer into another file).
 */
export function personIdOf(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const hash = ref.indexOf('#');
  if (hash < 0 || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return undefined;
  const target = ref.slice(0, hash);
  if (target !== '' && !/(^|\/)persons\.xml$/.test(target)) return undefined;
  return ref.slice(hash + 1) || undefined;
}

/** An authority identifier, with where the editor checked it. */
export interface AuthorityId {
  type: 'wikidata' | 'viaf';
  value: string;
  /** Where the editor checked it (URL, catalogue, date): ids without it are never used. */
  checked: string;
}

/** One person as persons.xml records it. */
export interface PersonEntry {
  id: string;
  surname: string;
  forenames: string[];
  initials: string[];
  /** Every form in which the name was printed. */
  forms: string[];
  /** Surname spellings seen or given by the editor. */
  variants: string[];
  roles: string[];
  authority: AuthorityId[];
  correspondent: boolean;
  sex?: 'f' | 'm';
  /**
   * The title that tells apart a person known by no given name or initial ("Mrs." of Mrs. Churchill), written
   * before the surname of the main name (`<roleName type="honorific">`).
   */
  title?: string;
  /** Name fixed in the editor's persons file. */
  fixedByEditor?: boolean;
}

/** An entry of the editor's `sources/persons.json`. */
export interface EditorEntry {
  id: string;
  surname?: string;
  forename?: string;
  /** Other spellings of the surname that name this person. */
  variants?: string[];
  /** Ids merged into this one: their mentions now point here. */
  sameAs?: string[];
  /** Printed forms (case folded) that belong to this person rather than to another of the same surname. */
  forms?: string[];
  roles?: string[];
  idno?: Array<{ type: string; value: string; checked?: string }>;
}

/** A person as the edition shows it (person pages, CMIF): every name form, authority id and fact persons.xml holds. */
export interface PersonFacts {
  id: string;
  /** Name forms, the first one the preferred. */
  names: string[];
  /** Authority ids of any type: `{type: 'wikidata', value: 'Q855'}`. */
  idnos: { type: string; value: string }[];
  /** Any other plain facts (birth, death, occupation, an untyped note), as label → text. */
  facts: { label: string; text: string }[];
  /** From the preferred name's `<surname>` and `<forename>`s, when it has them. */
  surname?: string;
  forenames?: string;
  /** The preferred name's honorific (`<roleName type="honorific">`): what tells apart a person with no given name ("Mrs."). */
  title?: string;
}

/** persons.xml as found on disk. */
export interface PersonographyFile {
  path: string;
  text: string;
  persons: PersonEntry[];
  /** The same persons as the edition shows them. */
  facts: PersonFacts[];
  /** Every xml:id of the file and the local name of its element (`person`, `personGrp`, `listPerson`…). */
  ids: Map<string, string>;
  /** Whether Chancery wrote it as it stands (`unedited`), an editor changed it since, or it carries no mark. */
  state: GeneratedState;
}

/**
 * Reads `path` (none when it does not exist). A file that is not well-formed (a truncated persons.xml) is an
 * error naming the place, never a fresh start: ids of earlier runs would be lost and every reference broken.
 * Only a regular file within the size limit is read (a persons.xml that is a FIFO or a device is an error too).
 */
export function readPersonographyFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): PersonographyFile | undefined {
  if (!existsSync(path)) return undefined;
  const read = readXmlFile(path, maxBytes);
  if ('diagnostic' in read) {
    const { line, column } = read.diagnostic.span ?? { line: 1, column: 1 };
    if (read.diagnostic.code === XmlCodes.unreadable && !existsSync(path)) return undefined;
    throw ChanceryError.of(EditionCodes.personographyUnreadable, { reason: 'unreadable', place: `${path}:${line}:${column}`, detail: read.diagnostic.message }, {
      span: { file: path, line, column },
    });
  }
  const tree = parseXmlTree(read.text, path);
  if (!tree.root) {
    const first = tree.diagnostics[0];
    const { line, column } = first?.span ?? { line: 1, column: 1 };
    const message = (first?.message ?? 'not well-formed').replace(/^not well-formed: /, '');
    throw ChanceryError.of(EditionCodes.personographyUnreadable, { reason: 'malformed', place: `${path}:${line}:${column}`, detail: message }, { span: { file: path, line, column } });
  }
  return { path, text: read.text, ...readPersonography(tree.root), state: generatedState(read.text) };
}

/** The persons of a persons.xml text (none when it is not well-formed). */
export function parsePersonography(xml: string): PersonEntry[] {
  const root = parseXmlTree(xml, PERSONOGRAPHY).root;
  return root ? readPersonography(root).persons : [];
}

/** Everything persons.xml says, read from its tree. */
export function readPersonography(root: XmlElement): Pick<PersonographyFile, 'persons' | 'facts' | 'ids'> {
  const persons: PersonEntry[] = [];
  const facts: PersonFacts[] = [];
  const ids = new Map<string, string>();
  const all = descendants(root);
  if (root.attrs['xml:id']) ids.set(root.attrs['xml:id'], localName(root.name));
  for (const el of all) {
    const xmlId = el.attrs['xml:id'];
    if (xmlId !== undefined && !ids.has(xmlId)) ids.set(xmlId, localName(el.name));
    if (el.name !== 'person' || !xmlId) continue;
    persons.push(personEntry(el, xmlId));
    facts.push(personFacts(el, xmlId));
  }
  return { persons, facts, ids };
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function personEntry(el: XmlElement, id: string): PersonEntry {
  const names = childElements(el, 'persName');
  const main = names.find((n) => n.attrs.type === 'main') ?? names[0];
  const joined = (parent: XmlElement | undefined, name: string): string => (parent ? childElements(parent, name).map(textOf).filter(Boolean).join(' ') : '');
  const record: PersonEntry = {
    id, surname: joined(main, 'surname') || id, forenames: main ? childElements(main, 'forename').map(textOf).filter(Boolean) : [],
    initials: [], forms: [], variants: [], roles: [], authority: [], correspondent: false,
  };
  const title = main ? honorificOf(main) : undefined;
  if (title) record.title = title;
  for (const n of names) {
    if (n.attrs.type === 'variant') record.variants.push(joined(n, 'surname') || nameOf(n));
    else if (n.attrs.type === 'form') record.forms.push(nameOf(n));
  }
  for (const o of childElements(el, 'occupation')) record.roles.push(textOf(o));
  const notes = childElements(el, 'note');
  for (const i of childElements(el, 'idno')) {
    const type = i.attrs.type ?? '';
    const checked = notes.find((n) => n.attrs.type === 'checked' && n.attrs.n === type);
    if ((type === 'wikidata' || type === 'viaf') && checked) record.authority.push({ type, value: textOf(i), checked: textOf(checked) });
  }
  for (const n of notes) {
    const t = textOf(n);
    if (n.attrs.type === 'initials') record.initials = t.split(/\s+/).filter(Boolean);
    if (n.attrs.type === 'correspondent') record.correspondent = true;
    if (n.attrs.type === 'sex' && (t === 'f' || t === 'm')) record.sex = t;
    if (n.attrs.type === 'editor') record.fixedByEditor = true;
  }
  return record;
}

/**
 * The order of an index: surname, then given names (folded: case and accents do not reorder), then id for persons
 * of one name, so that the file reads like the index of a printed edition.
 */
export function bySurname(a: PersonEntry, b: PersonEntry): number {
  const key = (p: PersonEntry): string => `${p.surname}\u0000${p.forenames.join(' ')}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Person elements shown as facts on person pages (a note only when untyped). */
const FACTS: ReadonlySet<string> = new Set(['birth', 'death', 'floruit', 'occupation', 'affiliation', 'nationality', 'note']);

function personFacts(p: XmlElement, id: string): PersonFacts {
  const names = [...new Set(childElements(p, 'persName').map(nameOf).filter(Boolean))];
  const idnos = childElements(p, 'idno')
    .map((i) => ({ type: i.attrs.type ?? 'other', value: textOf(i) }))
    .filter((i) => i.value);
  const facts: PersonFacts['facts'] = [];
  for (const c of childElements(p)) {
    if (!FACTS.has(c.name) || (c.name === 'note' && c.attrs.type)) continue; // typed notes are the converter's bookkeeping
    const t = textOf(c) || (c.attrs.when ?? '');
    if (t) facts.push({ label: c.name === 'note' ? 'Note' : c.name.charAt(0).toUpperCase() + c.name.slice(1), text: t });
  }
  const record: PersonFacts = { id, names: names.length ? names : [id], idnos, facts };
  const main = childElements(p, 'persName').find((n) => n.attrs.type === 'main') ?? childElements(p, 'persName')[0];
  const surname = main ? textOf(child(main, 'surname')) : '';
  const forenames = main ? childElements(main, 'forename').map(textOf).filter(Boolean).join(' ') : '';
  if (surname) record.surname = surname;
  if (forenames) record.forenames = forenames;
  const title = main ? honorificOf(main) : undefined;
  if (title) record.title = title;
  return record;
}

/** The honorific of a name (`<roleName type="honorific">Mrs.</roleName>`), if it has one. */
function honorificOf(name: XmlElement): string | undefined {
  return childElements(name, 'roleName').filter((r) => r.attrs.type === 'honorific').map(textOf).find(Boolean);
}

/**
 * A name's text: parts in elements (`<forename>Elmer</forename><surname>Adler</surname>`) are separate
 * words even when the file puts no space between them. Recursion is bounded by the reader's depth limit.
 */
export function nameOf(el: XmlElement): string {
  const parts: string[] = [];
  for (const c of el.children) parts.push(c.type === 'text' ? c.text : ` ${nameOf(c)} `);
  return collapse(parts.join(''));
}

/** What persons.xml says at its top, for the editor who opens it. */
const EDITOR_NOTE =
  '<!-- Generated by Chancery from the edition\'s documents and the editor\'s persons file (sources/persons.json):\n' +
  '     correct names, merge or split persons and add authority ids there, and build again. Edits made here are kept\n' +
  '     (Chancery then only adds new persons to this file) but are not merged back into sources/persons.json. -->';

/** persons.xml for these persons, marked as generated (see generated-mark.ts). */
export function personographyXml(persons: readonly PersonEntry[]): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    EDITOR_NOTE,
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
    '  <teiHeader>',
    '    <fileDesc>',
    '      <titleStmt><title>Personography</title></titleStmt>',
    '      <publicationStmt><publisher>Chancery edition</publisher></publicationStmt>',
    "      <sourceDesc><p>The persons named in the documents of the edition, generated by Chancery; authority ids come only from the editor's persons file.</p></sourceDesc>",
    '    </fileDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    '      <listPerson>',
  ];
  for (const p of [...persons].sort(bySurname)) lines.push(personXml(p));
  lines.push('      </listPerson>', '    </body>', '  </text>', '</TEI>', '');
  return markGenerated(lines.join('\n'));
}

/**
 * An edited persons.xml with new persons added before its `</listPerson>`: everything the editor typed stays
 * as it is (its mark no longer matches, so the next run adds again rather than regenerating).
 */
export function addToEditedPersonography(text: string, persons: readonly PersonEntry[]): string {
  if (persons.length === 0) return text;
  const at = text.lastIndexOf('</listPerson>');
  if (at < 0) throw ChanceryError.of(EditionCodes.personographyUnreadable, { reason: 'no-list' });
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const added = persons.map((p) => `${personXml(p)}\n`).join('');
  return text.slice(0, lineStart) + added + text.slice(lineStart);
}

/** One `<person>`, indented as persons.xml has it. */
function personXml(p: PersonEntry): string {
  const esc = escapeText;
  const lines: string[] = [];
  lines.push(`        <person xml:id="${escapeAttr(p.id)}">`);
  const fore = p.forenames.map((f) => `<forename>${esc(f)}</forename>`).join('');
  const title = p.title ? `<roleName type="honorific">${esc(p.title)}</roleName>` : '';
  lines.push(`          <persName type="main">${title}${fore}<surname>${esc(p.surname)}</surname></persName>`);
  for (const v of p.variants) lines.push(`          <persName type="variant"><surname>${esc(v)}</surname></persName>`);
  for (const f of p.forms) lines.push(`          <persName type="form">${esc(f)}</persName>`);
  for (const r of p.roles) lines.push(`          <occupation>${esc(r)}</occupation>`);
  for (const a of p.authority) {
    // The place where the editor checked the id goes to @source when it is a URL; the note always keeps it.
    const source = /^https?:\/\/\S+$/.test(a.checked.trim()) ? ` source="${escapeAttr(a.checked.trim())}"` : '';
    lines.push(`          <idno type="${a.type}"${source}>${esc(a.value)}</idno>`);
  }
  for (const a of p.authority) lines.push(`          <note type="checked" n="${a.type}">${esc(a.checked)}</note>`);
  if (p.initials.length > 0) lines.push(`          <note type="initials">${esc(p.initials.join(' '))}</note>`);
  if (p.sex) lines.push(`          <note type="sex">${p.sex}</note>`);
  if (p.correspondent) lines.push('          <note type="correspondent">sends or receives documents of the edition</note>');
  if (p.fixedByEditor) lines.push("          <note type=\"editor\">name fixed in the editor's persons file</note>");
  lines.push('        </person>');
  return lines.join('\n');
}

/** `{"persons": [...]}` or a bare array of {@link EditorEntry}. */
export function parseEditorJson(content: string): EditorEntry[] {
  const data = JSON.parse(content) as unknown;
  const list = Array.isArray(data) ? data : (data as { persons?: unknown } | null)?.persons;
  if (!Array.isArray(list)) throw new Error('expected {"persons": [ … ]} or a list of persons');
  return list as EditorEntry[];
}

/**
 * The same as CSV with a header row: id, surname, forename, variants, sameAs, forms (lists separated by `|`),
 * wikidata, wikidata_checked, viaf, viaf_checked. Fields may be double-quoted.
 */
export function parseEditorCsv(content: string): EditorEntry[] {
  const rows = content.split(/\r?\n/).filter((l) => l.trim()).map(splitCsvLine);
  const head = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const list = (s: string | undefined): string[] | undefined => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : undefined);
  return rows.map((r) => {
    const get = (k: string): string | undefined => {
      const i = head.indexOf(k);
      return i >= 0 && r[i]?.trim() ? r[i]!.trim() : undefined;
    };
    const idno: NonNullable<EditorEntry['idno']> = [];
    for (const type of ['wikidata', 'viaf']) {
      const value = get(type);
      if (value) idno.push({ type, value, checked: get(`${type}_checked`) });
    }
    return {
      id: get('id') ?? '', surname: get('surname'), forename: get('forename'), variants: list(get('variants')),
      sameAs: list(get('sameas')), forms: list(get('forms')), idno,
    };
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** An XML name without a colon (NCName): what an xml:id may be. */
const XML_NAME = /^[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}_.\-\u00B7\u203F\u2040]*$/u;

/**
 * The editor's persons file (`.json` or `.csv`), or none when it does not exist. A file that cannot be read
 * is an error naming it: silently ignoring it would drop every correction in it.
 */
export function readEditorFile(path: string): EditorEntry[] | undefined {
  if (!existsSync(path)) return undefined;
  const content = readFileSync(path, 'utf8');
  let entries: EditorEntry[];
  try {
    entries = path.toLowerCase().endsWith('.csv') ? parseEditorCsv(content) : parseEditorJson(content);
  } catch (e) {
    throw ChanceryError.of(EditionCodes.editorFileUnreadable, { path, detail: (e as Error).message }, { span: { file: path, line: 1, column: 1 } });
  }
  const bad = entries.findIndex((e) => !e || typeof e !== 'object' || typeof e.id !== 'string' || !e.id.trim());
  if (bad >= 0) throw ChanceryError.of(EditionCodes.editorFileUnreadable, { path, entry: bad + 1 }, { span: { file: path, line: 1, column: 1 } });
  // The id becomes an xml:id, a fragment of every persName/@ref and the name of the person's page: refused here,
  // where the editor wrote it, rather than found later by validation in a generated persons.xml.
  const unnamed = entries.findIndex((e) => !XML_NAME.test(e.id));
  if (unnamed >= 0) {
    throw ChanceryError.of(EditionCodes.editorFileUnreadable, { path, entry: unnamed + 1, id: entries[unnamed]!.id }, { span: { file: path, line: 1, column: 1 } });
  }
  return entries;
}
