/**
 * Loads an edition for the transforms: every TEI document's metadata (title, kind, correspondents,
 * dates, source trace), the personography, and every mention of a person with its context. Transforms
 * get the documents in date order and ask for each one's tree when they render it.
 */
import { basename, dirname } from 'node:path';
import { TransformCodes } from '../diagnostics/codes.js';
import { ChanceryError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EditionScope, walkXmlFiles } from '../edition/files.js';
import { personIdOf, readPersonographyFile, type PersonFacts } from '../edition/personography.js';
import { resolvePersonRef } from '../edition/person-refs.js';
import { resolveFrom } from '../io/paths.js';
import { SpillFile } from '../io/spill-file.js';
import { readXmlFile } from '../xml/read-file.js';
import { isDebris } from './reading.js';
import { child, childElements, descendants, leftOut, parseTei, path, textOf } from './tei-tree.js';
import type { TeiElement } from './tei-tree.js';
import { readTeiFile, type StreamedFacts } from './document-reader.js';
import { Mentions } from './mentions.js';

export { collectMentions, type Mention, type StreamedFacts } from './document-reader.js';
export { Mentions } from './mentions.js';
import { UniqueNames } from './output-names.js';

/** A TEI date's machine-readable attributes and its printed text. */
export interface DateValue {
  when?: string;
  from?: string;
  to?: string;
  notBefore?: string;
  notAfter?: string;
  cert?: string;
  text: string;
}

/** A sender or addressee (or their place) as the correspDesc states it. */
export interface Correspondent {
  /** `person`, `org` or `place`. */
  kind: 'person' | 'org' | 'place';
  name: string;
  /** Personography id (from `persName/@ref`), when the name is identified. */
  id?: string;
  /** A `@ref` that is not a personography pointer (an authority URI), kept as written. */
  ref?: string;
  /** Named only by office (`<rs type="role">the Secretary of State</rs>`). */
  role?: true;
}

/** One side of a correspondence: who, where, when. */
export interface CorrespSide {
  persons: Correspondent[];
  places: Correspondent[];
  date?: DateValue;
  /** `@cert` of the correspAction or of a person in it (an inferred sender carries `medium`). */
  cert?: string;
}

/** The metadata of one document of the edition. */
export interface EditionDocument {
  /** `<source-slug>-<nnn>`: unique in the edition (the source folder and file, as the converter wrote them). */
  id: string;
  /**
   * The document's stable name in every output (`documents/<permalink>.html`, `text/<permalink>.txt`):
   * made from its date and correspondents (`1941-10-03-stalin-to-roosevelt`), else its title, so that it
   * survives a renamed or re-hashed source file; a safe slug, numbered when two documents come out alike.
   */
  permalink: string;
  slug: string;
  /** The number within its source (`004`). */
  n: string;
  file: string;
  title: string;
  /** `letter`, `telegram`, `note`, `memorandum`, `article`, `front`… (from `term[@type='kind']`). */
  kind: string;
  classification?: string;
  language?: string;
  source: { title: string; type: string; idno: string };
  sent?: CorrespSide;
  received?: CorrespSide;
  /** The date the index sorts by and shows. */
  date?: DateValue;
  /** ISO-like sort key (`1941-07-18`), empty when undated. */
  sortKey: string;
  /** Position in date order (0-based). */
  index: number;
}

/** One person of `persons.xml`, as src/edition reads it, and the page the site gives them. */
export interface PersonRecord extends PersonFacts {
  /** The stem of the person's page (`persons/<page>.html`): a safe slug of the id, numbered on collision. */
  page: string;
}

/** Everything the transforms need. */
export interface Edition {
  /** Documents in date order (undated last, in source order). */
  documents: EditionDocument[];
  persons: Map<string, PersonRecord>;
  /** Every persName of the documents' reading texts with its context, packed (`at(i)`, or iterate). */
  mentions: Mentions;
  diagnostics: Diagnostic[];
  /** The parsed `<TEI>` of a document (cached for small editions, parsed again for large ones). */
  tree(doc: EditionDocument): TeiElement;
  /**
   * For a document whose tree is not kept (a large file, a large edition), what a transform that reads the file
   * as it streams needs to know beforehand; undefined where {@link tree} is the kept tree.
   */
  streamed(doc: EditionDocument): StreamedFacts | undefined;
}

/** Above this many documents, trees are parsed again on demand so that memory stays flat. */
const TREE_CACHE_LIMIT = 1500;
/**
 * A file larger than this is read without keeping its tree (the transforms read it again, the text export as a
 * stream): what a volume-sized file would otherwise hold for the whole run is many times its size.
 */
const TREE_CACHE_FILE_BYTES = 4 * 1024 * 1024;

/** Options of {@link loadEdition}. */
export interface LoadEditionOptions {
  /**
   * The largest file (bytes) whose tree is kept, default 4 MiB; a larger one is read again as it streams by the
   * transforms that render it (the same output: tests set 0 to render every document that way).
   */
  keepTreeBytes?: number;
  /**
   * A folder (the output folder) where the contexts of a large edition's mentions wait in a temporary file, past
   * their first million characters; without it they stay in memory. The caller removes the file with
   * `edition.mentions.close()` when the edition is no longer read.
   */
  scratch?: string;
}

/**
 * Reads the edition: documents, personography (found through the documents' references) and mentions. Relative
 * `paths` are resolved against `cwd` (without it, paths must be absolute); messages name them as given.
 */
export function loadEdition(paths: string[], cwd?: string, options: LoadEditionOptions = {}): Edition {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const absolute = paths.map((p) => resolveFrom(cwd, p));
  for (const f of walkXmlFiles(absolute)) {
    if (f.problem) diagnostics.push(leftOut(f.problem, f.path));
    else files.push(f.path);
  }
  // persons.xml is read only where the edition's folders are, only as a regular file within the size limit
  const scope = new EditionScope(absolute);
  const persons = new Map<string, PersonRecord>();
  const personFiles = new Map<string, ReadonlyMap<string, string> | undefined>();
  const documents: EditionDocument[] = [];
  const mentions = new Mentions(options.scratch === undefined ? undefined : new SpillFile(options.scratch, 'mentions'));
  const trees = new Map<string, TeiElement>();
  const streamed = new Map<string, StreamedFacts>();
  let lastParsed: { id: string; tree: TeiElement } | undefined;
  const ids = new Set<string>();
  let order = 0;

  const loadPersons = (file: string): ReadonlyMap<string, string> | undefined => {
    if (personFiles.has(file)) return personFiles.get(file);
    personFiles.set(file, undefined);
    if (!scope.contains(file)) {
      diagnostics.push(diagnostic(TransformCodes.personographyMissing, { file, outside: true }));
      return undefined;
    }
    try {
      const read = readPersonographyFile(file);
      if (!read) {
        diagnostics.push(diagnostic(TransformCodes.personographyMissing, { file, outside: false }));
        return undefined;
      }
      for (const p of read.facts) persons.set(p.id, { ...p, page: '' });
      personFiles.set(file, read.ids);
      return read.ids;
    } catch (e) {
      if (!(e instanceof ChanceryError)) throw e;
      diagnostics.push(diagnostic(TransformCodes.notWellFormed, { detail: e.message }, e.span ?? { file, line: 1, column: 1 }));
      return undefined;
    }
  };

  const sourceOrder = new Map<EditionDocument, number>();
  const keepTreeBytes = options.keepTreeBytes ?? TREE_CACHE_FILE_BYTES;
  const keepTree = (bytes: number): boolean => files.length <= TREE_CACHE_LIMIT && bytes <= keepTreeBytes;
  for (const file of files) {
    const mentionsBefore = mentions.length;
    const read = readTeiFile(file, keepTree, diagnostics, isTextDate, mentions);
    if (!read) continue;
    const parsed = read.root;
    if (parsed.name !== 'TEI' || !read.text || read.register) {
      mentions.truncate(mentionsBefore);
      if (read.listPerson) loadPersons(file);
      else diagnostics.push(diagnostic(TransformCodes.notTei, {}, { file, line: parsed.line, column: parsed.column }));
      continue;
    }
    const doc = readDocument(parsed, file, read.textDate);
    if (ids.has(doc.id)) {
      mentions.truncate(mentionsBefore);
      diagnostics.push(diagnostic(TransformCodes.duplicateId, { id: doc.id }, { file, line: 1, column: 1 }));
      continue;
    }
    ids.add(doc.id);
    // persons.xml sits where the documents' references say (`../persons.xml#id`)
    // (src/edition decides what a ref resolves to; judging it reads the personography it names, once)
    for (const token of read.personRefs) resolvePersonRef(token, file, loadPersons);
    // structuredClone copies the strings: slices of the file's text would otherwise keep every file of a
    // large edition in memory after its tree is gone (the mentions were copied as they were found)
    const kept = read.kept ? doc : structuredClone(doc);
    sourceOrder.set(kept, order++);
    documents.push(kept);
    if (read.kept) trees.set(doc.id, parsed);
    // copied for the same reason: its ids and references are slices of the file's text
    if (read.facts) streamed.set(doc.id, structuredClone(read.facts));
  }
  const personIds = new Set(persons.keys());
  for (let i = 0; i < mentions.length && personFiles.size > 0; i++) {
    const person = mentions.person(i);
    if (!personIds.has(person)) diagnostics.push(diagnostic(TransformCodes.unknownPerson, { name: mentions.name(i), document: mentions.document(i), person }));
  }
  documents.sort((a, b) => {
    if (a.sortKey !== b.sortKey) {
      if (!a.sortKey) return 1;
      if (!b.sortKey) return -1;
      return a.sortKey < b.sortKey ? -1 : 1;
    }
    return sourceOrder.get(a)! - sourceOrder.get(b)!;
  });
  documents.forEach((d, i) => (d.index = i));
  assignOutputNames(documents, persons);
  if (documents.length === 0) {
    diagnostics.push(diagnostic(TransformCodes.noInput, { paths }));
  }
  return {
    documents,
    persons,
    mentions,
    diagnostics,
    tree(doc) {
      const cached = trees.get(doc.id);
      if (cached) return cached;
      // a page asks for its document's tree more than once: the last tree parsed again is kept until the next
      if (lastParsed?.id !== doc.id) lastParsed = { id: doc.id, tree: parseTeiFile(doc.file, [])! }; // parsed once already without error
      return lastParsed.tree;
    },
    streamed(doc) {
      return streamed.get(doc.id);
    },
  };
}

function parseTeiFile(file: string, diagnostics: Diagnostic[]): TeiElement | undefined {
  // the same reading as validate's: a regular file within the size limit, UTF-8 or UTF-16 as XML says
  const read = readXmlFile(file);
  if ('diagnostic' in read) {
    diagnostics.push(leftOut(read.diagnostic, file));
    return undefined;
  }
  const parsed = parseTei(read.text, file);
  diagnostics.push(...parsed.diagnostics);
  return parsed.root;
}

/** `../persons.xml#stalin-j` → `stalin-j` (src/edition's rule). */
export const personId = personIdOf;

/** A TEI date element's attributes. */
export function readDate(el: TeiElement | undefined): DateValue | undefined {
  if (!el) return undefined;
  const a = el.attrs;
  const d: DateValue = { text: textOf(el) };
  for (const k of ['when', 'from', 'to', 'notBefore', 'notAfter', 'cert'] as const) if (a[k]) d[k] = a[k];
  if (!d.when && !d.from && !d.to && !d.notBefore && !d.notAfter && !d.text) return undefined;
  return d;
}

/** The date an undated-looking value sorts by: when, else from, notBefore, notAfter, to. */
export function dateKey(d: DateValue | undefined): string {
  if (!d) return '';
  return d.when ?? d.from ?? d.notBefore ?? d.notAfter ?? d.to ?? '';
}

function readSide(action: TeiElement | undefined): CorrespSide | undefined {
  if (!action) return undefined;
  const persons: Correspondent[] = [];
  const places: Correspondent[] = [];
  for (const c of childElements(action)) {
    const ref = c.attrs.ref;
    const id = personId(ref);
    // "<persName><roleName>Ambassador in Russia</roleName> Francis</persName>": the name is what stands beside the office.
    const name = c.name === 'persName' && child(c, 'roleName') ? c.children.map((n) => (n.type === 'text' ? n.text : n.name === 'roleName' ? '' : textOf(n))).join('').trim() : textOf(c);
    const entry = { name, ...(id ? { id } : {}), ...(ref && !id ? { ref } : {}) };
    if (c.name === 'persName') persons.push({ kind: 'person', ...entry });
    else if (c.name === 'rs') persons.push({ kind: 'person', ...entry, role: true }); // named by office only (or a group of office holders)
    else if (c.name === 'orgName') persons.push({ kind: 'org', ...entry });
    else if (c.name === 'placeName') places.push({ kind: 'place', ...entry });
  }
  const side: CorrespSide = { persons, places };
  const date = readDate(child(action, 'date'));
  if (date) side.date = date;
  // The converter marks an inferred sender on its persName (docs/encoding.md); a hand-made file may mark the action.
  const cert = action.attrs.cert ?? childElements(action).find((c) => c.attrs.cert)?.attrs.cert;
  if (cert) side.cert = cert;
  return side;
}

function readDocument(tei: TeiElement, file: string, textDate: TeiElement | undefined): EditionDocument {
  const header = child(tei, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const profile = child(header, 'profileDesc');
  const bibl = path(fileDesc, 'sourceDesc/bibl') ?? path(fileDesc, 'sourceDesc/biblStruct');
  const idno = bibl ? childElements(bibl, 'idno').find((i) => i.attrs.type === 'source') ?? child(bibl, 'idno') : undefined;
  const terms = profile ? descendants(profile, 'term') : [];
  const corresp = child(profile, 'correspDesc');
  const actions = corresp ? childElements(corresp, 'correspAction') : [];
  const sent = readSide(actions.find((a) => a.attrs.type === 'sent'));
  const received = readSide(actions.find((a) => a.attrs.type === 'received'));
  const text = child(tei, 'text')!;
  const date = sent?.date ?? received?.date ?? (textDate ? textDateValue(textDate) : undefined);
  const slug = basename(dirname(file));
  const n = basename(file, '.xml');
  const doc: EditionDocument = {
    id: `${slug}-${n}`,
    slug,
    n,
    file,
    title: textOf(path(fileDesc, 'titleStmt/title')) || `${slug} ${n}`,
    kind: textOf(terms.find((t) => t.attrs.type === 'kind')) || 'document',
    source: { title: textOf(child(bibl, 'title')), type: bibl?.attrs.type ?? '', idno: textOf(idno) },
    sortKey: dateKey(date),
    index: 0,
    permalink: '',
  };
  const classification = textOf(terms.find((t) => t.attrs.type === 'classification'));
  if (classification) doc.classification = classification;
  const lang = text.attrs['xml:lang'] ?? path(profile, 'langUsage/language')?.attrs.ident;
  if (lang) doc.language = lang;
  if (sent) doc.sent = sent;
  if (received) doc.received = received;
  if (date) doc.date = date;
  return doc;
}

/** The date a dateline's first date or a docDate's attributes give (for a document without a correspDesc date). */
function textDateValue(c: TeiElement): DateValue | undefined {
  return c.name === 'docDate' && (c.attrs.when || c.attrs.from) ? readDate(c) : readDate(descendants(c, 'date')[0]);
}

/** Whether a dateline or docDate of the text dates its document: it gives a date, and is not debris. */
function isTextDate(c: TeiElement): boolean {
  return !isInsideDebris(c) && dateKey(textDateValue(c)) !== '';
}

function isInsideDebris(el: TeiElement): boolean {
  for (let a: TeiElement | undefined = el; a; a = a.parent) if (isDebris(a)) return true;
  return false;
}

/**
 * Output names: documents by date and correspondents (`1941-10-03-stalin-to-roosevelt`), else by title;
 * persons by id. Assigned in a stable order (date order, id order) so that numbering is stable too.
 */
function assignOutputNames(documents: EditionDocument[], persons: Map<string, PersonRecord>): void {
  const docNames = new UniqueNames();
  for (const d of documents) d.permalink = docNames.take(permalinkWords(d, persons), 'document');
  const personNames = new UniqueNames();
  for (const id of [...persons.keys()].sort()) persons.get(id)!.page = personNames.take(id, 'person');
}

function permalinkWords(d: EditionDocument, persons: Map<string, PersonRecord>): string {
  const first = (side: CorrespSide | undefined): string => {
    const c = side?.persons.find((p) => !(p.id === undefined && p.name.trim().toLowerCase() === 'unknown'));
    if (!c) return '';
    const record = c.id ? persons.get(c.id) : undefined;
    const words = (record?.surname ?? record?.names[0] ?? c.name).split(/\s+/);
    return words[words.length - 1] ?? '';
  };
  const from = first(d.sent);
  const to = first(d.received);
  if (!from && !to) return d.title;
  return [d.sortKey || 'undated', from, to ? `to ${to}` : ''].join(' ');
}
