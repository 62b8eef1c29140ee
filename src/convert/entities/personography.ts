/**
 * The edition's personography: one record per real person, with a stable id that every `persName/@ref` of the
 * edition points to (`../persons.xml#ID`). Mentions are resolved by surname (spelling variants folded, see
 * ./persons/normalize.ts) and, where two people share a surname, by their given names or initials. The registry
 * is loaded from the previous `tei/persons.xml` so that ids never change, then corrected by the editor's
 * `sources/persons.json` (or `.csv`), and written back atomically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { EntityCodes } from './codes.js';
import { fold } from './persons/lexicon.js';
import { normalizeSurname, slug } from './persons/normalize.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';

/** What the registry needs to know about a mention to resolve it. */
export interface NameForm {
  /** The text as printed ("Mr. Eden", "J. V. STALIN"). */
  text: string;
  /** The surname as printed. */
  surname: string;
  forenames?: string[];
  initials?: string[];
  /** Title words printed before the name ("Premier", "Mr."). */
  title?: string;
}

/** Where a mention stands: the document (e.g. "004_a850671e6f376447/012") and, optionally, its source line. */
export interface MentionPlace {
  document: string;
  line?: number;
}

/** An authority identifier from the editor's file, with where it was checked. */
export interface AuthorityId {
  type: 'wikidata' | 'viaf';
  value: string;
  /** Where the editor checked it (URL, catalogue, date): ids without it are never used. */
  checked: string;
}

/** One person of the personography as the registry builds it while converting (transform reads persons.xml into its own `PersonRecord`). */
export interface RegisteredPerson {
  id: string;
  surname: string;
  forenames: string[];
  initials: string[];
  /** Every form in which the name was printed. */
  forms: string[];
  /** Surname spellings seen or given by the editor ("Maiskii", "Maisky"). */
  variants: string[];
  /** Roles the texts give with the name ("Premier", "Ambassador", "PRIME MINISTER"). */
  roles: string[];
  authority: AuthorityId[];
  /** True when the person sends or receives a document of the edition. */
  correspondent: boolean;
  /** 'f' or 'm' when a title said so (Mrs, Lady, Mme / Mr, Sir, Lord, M.): people of one surname and other sex are apart. */
  sex?: 'f' | 'm';
  /** Mentions resolved in this run. */
  mentions: number;
  documents: string[];
  firstMention?: MentionPlace;
  lastMention?: MentionPlace;
  /** Set by the editor's file: forms and spelling are theirs, not to be overwritten. */
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

/** Title words that say a role, kept as the person's role; courtesy titles (Mr, Sir, M.) are not roles. */
const COURTESY = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'miss', 'ms', 'm.', 'mme', 'monsieur', 'madame', 'herr', 'frau', 'sir', 'lord', 'lady', 'dame', 'dr', 'dr.', 'messrs']);

/**
 * The first initial, with I, J and Y made one: transliterations of the same Russian name give "I. V. Stalin"
 * and "J. V. Stalin", "Iakov" and "Yakov".
 */
const firstInitial = (f: { forenames?: string[]; initials?: string[] }): string | undefined => {
  const c = fold(f.forenames?.[0]?.[0] ?? f.initials?.[0]?.[0] ?? '').toUpperCase() || undefined;
  return c === 'J' || c === 'Y' ? 'I' : c;
};

const FEMALE = new Set(['mrs', 'miss', 'ms', 'lady', 'dame', 'mme', 'madame', 'mlle', 'frau', 'countess', 'duchess', 'princess', 'queen', 'signora']);
const MALE = new Set(['mr', 'sir', 'lord', 'm', 'monsieur', 'herr', 'count', 'duke', 'prince', 'king', 'father', 'signor', 'messrs']);

/** The sex a title states, from its first word ("Mrs" → f, "Mr." → m); none for ranks and offices. */
function sexOf(title: string | undefined): 'f' | 'm' | undefined {
  const w = fold(title?.split(/\s+/)[0] ?? '').replace(/\.$/, '');
  return FEMALE.has(w) ? 'f' : MALE.has(w) ? 'm' : undefined;
}

/** Prefer the spelling in ordinary case to one in capitals ("Stalin" over "STALIN"). */
function betterSpelling(current: string, candidate: string): string {
  const caps = (s: string): boolean => s === s.toUpperCase();
  if (caps(current) && !caps(candidate)) return candidate;
  return current;
}

function titleCase(s: string): string {
  return s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s;
}

/** The edition's personography. */
export class PersonRegistry {
  private readonly persons = new Map<string, RegisteredPerson>();
  /** Normalised surname → ids. */
  private readonly bySurname = new Map<string, string[]>();
  /** Merged id → surviving id. */
  private readonly aliases = new Map<string, string>();
  /** Folded printed form → id (from the editor's `forms`). */
  private readonly byForm = new Map<string, string>();
  private sequence = 0;
  private readonly lastSeen = new Map<string, number>();
  /** Normalised surnames resolved in this run or named in the editor's file. */
  private readonly seenSurnames = new Set<string>();
  /** Problems met while loading; the build reports them. */
  readonly diagnostics: Diagnostic[] = [];

  /**
   * Loads `teiDir/persons.xml` (ids of earlier runs) and applies `sourcesDir/persons.json` or `persons.csv` (the
   * editor's corrections). Missing files are not errors: a first run starts empty.
   */
  static load(teiDir: string, sourcesDir?: string): PersonRegistry {
    const registry = new PersonRegistry();
    const xmlPath = join(teiDir, 'persons.xml');
    if (existsSync(xmlPath)) registry.readPersonography(readFileSync(xmlPath, 'utf8'), xmlPath);
    if (sourcesDir) {
      const jsonPath = join(sourcesDir, 'persons.json');
      const csvPath = join(sourcesDir, 'persons.csv');
      if (existsSync(jsonPath)) registry.applyEditorFile(readFileSync(jsonPath, 'utf8'), jsonPath);
      else if (existsSync(csvPath)) registry.applyEditorFile(readFileSync(csvPath, 'utf8'), csvPath);
    }
    return registry;
  }

  /** All persons, by id. */
  list(): RegisteredPerson[] {
    return [...this.persons.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The person of an id (following merges), if any. */
  get(id: string): RegisteredPerson | undefined {
    return this.persons.get(this.aliases.get(id) ?? id);
  }

  /** True when a person with this surname (any spelling that folds to it) is known. */
  knows(surname: string): boolean {
    // Only what this run has seen (or the editor declared): persons merely loaded from an earlier persons.xml
    // would make a second build tag more than the first, and builds must be reproducible.
    return this.seenSurnames.has(normalizeSurname(surname));
  }

  /** The path a `persName/@ref` uses from a document folder. */
  static ref(id: string): string {
    return `../persons.xml#${id}`;
  }

  /**
   * Resolves a mention to a person id, creating the person on first sight. Same surname and compatible given
   * names or initials → same person; a conflicting first initial → another person; a bare surname → the person
   * of that surname mentioned most recently.
   */
  resolve(form: NameForm, place?: MentionPlace, options: { correspondent?: boolean; role?: string } = {}): string {
    const record = this.match(form) ?? this.create(form);
    this.record(record, form, place, options);
    return record.id;
  }

  /** Correspondents of the edition that still have no authority id (wikidata or VIAF). */
  correspondentsWithoutAuthority(): RegisteredPerson[] {
    return this.list().filter((p) => p.correspondent && p.authority.length === 0);
  }

  /**
   * One line for the build's summary: how many persons, and which correspondents still lack an authority id
   * (`persons: 192 in tei/persons.xml; 10 correspondents without an authority id (wikidata/viaf): stalin-j, …`).
   */
  summary(teiDir = 'tei'): string {
    const missing = this.correspondentsWithoutAuthority().map((p) => p.id);
    const tail = missing.length > 0 ? `; ${missing.length} correspondents without an authority id (wikidata/viaf): ${missing.join(', ')}` : '';
    return `persons: ${this.persons.size} in ${join(teiDir, 'persons.xml')}${tail}`;
  }

  /** Writes `teiDir/persons.xml` atomically. */
  write(teiDir: string): string {
    const path = join(teiDir, 'persons.xml');
    writeFileAtomic(path, this.toXml());
    return path;
  }

  private match(form: NameForm): RegisteredPerson | undefined {
    const byForm = this.byForm.get(fold(form.text).replace(/\s+/g, ' '));
    if (byForm) return this.get(byForm);
    const ids = this.bySurname.get(normalizeSurname(form.surname)) ?? [];
    const candidates = ids.map((id) => this.persons.get(id)).filter((p): p is RegisteredPerson => p !== undefined);
    if (candidates.length === 0) return undefined;
    // "Mrs Churchill" is not Winston: a title of the other sex makes another person.
    const sex = sexOf(form.title);
    let pool = sex ? candidates.filter((p) => !p.sex || p.sex === sex) : candidates;
    if (pool.length === 0) return undefined;
    const initial = firstInitial(form);
    if (initial) {
      const candidates = pool;
      const same = candidates.filter((p) => firstInitial(p) === initial);
      const open = candidates.filter((p) => firstInitial(p) === undefined);
      pool = same.length > 0 ? same : open;
      if (pool.length === 0) return undefined; // another person of the same surname
    }
    return pool.reduce((a, b) => ((this.lastSeen.get(b.id) ?? -1) > (this.lastSeen.get(a.id) ?? -1) ? b : a));
  }

  private create(form: NameForm): RegisteredPerson {
    const base = slug(form.surname);
    const initial = (form.forenames?.[0]?.[0] ?? form.initials?.[0]?.[0])?.toLowerCase();
    let id = initial ? `${base}-${slug(initial)}` : base;
    for (let n = 2; this.persons.has(id) || this.aliases.has(id); n++) id = `${initial ? `${base}-${initial}` : base}-${n}`;
    const record: RegisteredPerson = {
      id, surname: titleCase(form.surname), forenames: [], initials: [], forms: [], variants: [], roles: [], authority: [],
      correspondent: false, mentions: 0, documents: [],
    };
    this.add(record);
    return record;
  }

  private add(record: RegisteredPerson): void {
    this.persons.set(record.id, record);
    for (const v of [record.surname, ...record.variants]) this.index(v, record.id);
  }

  private index(surname: string, id: string): void {
    const key = normalizeSurname(surname);
    const ids = this.bySurname.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.bySurname.set(key, ids);
  }

  private readonly documentSets = new WeakMap<RegisteredPerson, Set<string>>();

  private record(p: RegisteredPerson, form: NameForm, place: MentionPlace | undefined, options: { correspondent?: boolean; role?: string }): void {
    this.lastSeen.set(p.id, this.sequence++);
    this.seenSurnames.add(normalizeSurname(form.surname));
    const printed = form.text.replace(/\s+/g, ' ');
    if (!p.forms.includes(printed)) p.forms.push(printed);
    if (!p.fixedByEditor) {
      p.surname = betterSpelling(p.surname, form.surname);
      const spelled = titleCase(form.surname);
      if (normalizeSurname(spelled) !== normalizeSurname(p.surname) || fold(spelled) !== fold(p.surname)) {
        if (!p.variants.some((v) => fold(v) === fold(spelled)) && fold(spelled) !== fold(p.surname)) p.variants.push(spelled);
      }
      const forenames = (form.forenames ?? []).map(titleCase);
      if (forenames.length > p.forenames.length) p.forenames = forenames;
      if ((form.initials?.length ?? 0) > p.initials.length) p.initials = [...(form.initials ?? [])];
    }
    this.index(form.surname, p.id);
    const role = options.role ?? (form.title && !COURTESY.has(form.title.toLowerCase()) ? form.title : undefined);
    // A role cut short by an abbreviation ("… OF THE U") or carrying heading words ("FROM PREMIER J") is not kept.
    const usable = role && !/^(?:from|to)\b/i.test(role) && !/\s\p{Lu}$/u.test(role);
    if (usable && !p.roles.some((r) => fold(r) === fold(role))) p.roles.push(role);
    if (options.correspondent) p.correspondent = true;
    p.sex ??= sexOf(form.title);
    p.mentions++;
    if (place) {
      // A set beside the list: a person named in thousands of documents must not make each mention slower.
      let docs = this.documentSets.get(p);
      if (!docs) {
        docs = new Set(p.documents);
        this.documentSets.set(p, docs);
      }
      if (!docs.has(place.document)) {
        docs.add(place.document);
        p.documents.push(place.document);
      }
      p.firstMention ??= place;
      p.lastMention = place;
    }
  }

  /** Applies the editor's corrections: names fixed, persons merged or split, authority ids added. */
  applyEditor(entries: EditorEntry[], file = 'persons.json'): void {
    for (const e of entries) {
      if (!e.id) continue;
      let p = this.get(e.id);
      if (!p) {
        p = {
          id: e.id, surname: e.surname ?? e.id, forenames: [], initials: [], forms: [], variants: [], roles: [], authority: [],
          correspondent: false, mentions: 0, documents: [],
        };
        this.add(p);
      }
      if (e.surname) p.surname = e.surname;
      if (e.forename) p.forenames = e.forename.split(/\s+/);
      if (e.surname || e.forename) p.fixedByEditor = true;
      for (const v of e.variants ?? []) {
        if (!p.variants.includes(v)) p.variants.push(v);
        this.index(v, p.id);
        this.seenSurnames.add(normalizeSurname(v));
      }
      this.seenSurnames.add(normalizeSurname(p.surname));
      this.index(p.surname, p.id);
      for (const r of e.roles ?? []) if (!p.roles.includes(r)) p.roles.push(r);
      for (const other of e.sameAs ?? []) {
        const q = this.persons.get(other);
        if (!q) {
          this.diagnostics.push({ code: EntityCodes.unknownPersonId, severity: 'warning', message: `${file}: sameAs names unknown person "${other}"` });
          continue;
        }
        if (q.id === p.id) continue;
        for (const f of q.forms) if (!p.forms.includes(f)) p.forms.push(f);
        for (const v of [q.surname, ...q.variants]) if (fold(v) !== fold(p.surname) && !p.variants.includes(v)) p.variants.push(v);
        for (const [key, ids] of this.bySurname) {
          const kept = ids.filter((i) => i !== q.id);
          if (kept.length !== ids.length && !kept.includes(p.id)) kept.push(p.id);
          this.bySurname.set(key, kept);
        }
        this.persons.delete(q.id);
        this.aliases.set(q.id, p.id);
      }
      for (const f of e.forms ?? []) this.byForm.set(fold(f).replace(/\s+/g, ' '), p.id);
      for (const a of e.idno ?? []) {
        const type = a.type?.toLowerCase();
        if ((type !== 'wikidata' && type !== 'viaf') || !a.value) continue;
        if (!a.checked || !a.checked.trim()) {
          this.diagnostics.push({
            code: EntityCodes.authorityUnchecked, severity: 'warning',
            message: `${file}: ${type} id ${a.value} for "${p.id}" says nowhere where it was checked; not used`,
          });
          continue;
        }
        p.authority = p.authority.filter((x) => x.type !== type);
        p.authority.push({ type, value: a.value, checked: a.checked });
      }
    }
  }

  private applyEditorFile(content: string, path: string): void {
    try {
      const entries = path.endsWith('.csv') ? parseEditorCsv(content) : parseEditorJson(content);
      this.applyEditor(entries, path);
    } catch (e) {
      this.diagnostics.push({
        code: EntityCodes.editorFileUnreadable, severity: 'error',
        message: `${path}: cannot read the editor's persons file: ${(e as Error).message}`,
      });
    }
  }

  private readPersonography(xml: string, path: string): void {
    try {
      const parser = new XMLParser({
        ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: false, textNodeName: '#text',
        isArray: (name) => ['person', 'persName', 'forename', 'idno', 'occupation', 'note'].includes(name),
      });
      const doc = parser.parse(xml) as Record<string, unknown>;
      const persons = findAll(doc, 'person');
      for (const el of persons) {
        const id = String(el['@xml:id'] ?? '');
        if (!id) continue;
        const names = (el['persName'] as Array<Record<string, unknown>> | undefined) ?? [];
        const main = names.find((n) => n['@type'] === 'main') ?? names[0];
        const record: RegisteredPerson = {
          id, surname: text(main?.['surname']) || id, forenames: ((main?.['forename'] as unknown[]) ?? []).map(text).filter(Boolean),
          initials: [], forms: [], variants: [], roles: [], authority: [], correspondent: false, mentions: 0, documents: [],
        };
        for (const n of names) {
          if (n['@type'] === 'variant') record.variants.push(text(n['surname']) || text(n));
          else if (n['@type'] === 'form') record.forms.push(text(n));
        }
        for (const o of (el['occupation'] as unknown[]) ?? []) record.roles.push(text(o));
        const notes = (el['note'] as Array<Record<string, unknown>> | undefined) ?? [];
        for (const i of (el['idno'] as Array<Record<string, unknown>> | undefined) ?? []) {
          const type = String(i['@type'] ?? '');
          const checked = notes.find((n) => n['@type'] === 'checked' && n['@n'] === type);
          if ((type === 'wikidata' || type === 'viaf') && checked) record.authority.push({ type, value: text(i), checked: text(checked) });
        }
        for (const n of notes) {
          if (n['@type'] === 'initials') record.initials = text(n).split(/\s+/).filter(Boolean);
          if (n['@type'] === 'correspondent') record.correspondent = true;
          if (n['@type'] === 'sex' && (text(n) === 'f' || text(n) === 'm')) record.sex = text(n) as 'f' | 'm';
          if (n['@type'] === 'editor') record.fixedByEditor = true;
        }
        this.add(record);
        for (const v of record.variants) this.index(v, id);
      }
    } catch (e) {
      this.diagnostics.push({
        code: EntityCodes.personographyUnreadable, severity: 'error',
        message: `${path}: cannot read the personography, ids of earlier runs are not kept: ${(e as Error).message}`,
      });
    }
  }

  /** The personography as a TEI document. */
  toXml(): string {
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const lines: string[] = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
      '  <teiHeader>',
      '    <fileDesc>',
      '      <titleStmt><title>Personography</title></titleStmt>',
      '      <publicationStmt><publisher>Chancery edition</publisher></publicationStmt>',
      '      <sourceDesc><p>The persons named in the documents of the edition, generated by Chancery; authority ids come only from the editor\'s persons file.</p></sourceDesc>',
      '    </fileDesc>',
      '  </teiHeader>',
      '  <text>',
      '    <body>',
      '      <listPerson>',
    ];
    for (const p of this.list()) {
      lines.push(`        <person xml:id="${esc(p.id)}">`);
      const fore = p.forenames.map((f) => `<forename>${esc(f)}</forename>`).join('');
      lines.push(`          <persName type="main">${fore}<surname>${esc(p.surname)}</surname></persName>`);
      for (const v of p.variants) lines.push(`          <persName type="variant"><surname>${esc(v)}</surname></persName>`);
      for (const f of p.forms) lines.push(`          <persName type="form">${esc(f)}</persName>`);
      for (const r of p.roles) lines.push(`          <occupation>${esc(r)}</occupation>`);
      for (const a of p.authority) {
        // The place where the editor checked the id goes to @source when it is a URL; the note always keeps it.
        const source = /^https?:\/\/\S+$/.test(a.checked.trim()) ? ` source="${esc(a.checked.trim())}"` : '';
        lines.push(`          <idno type="${a.type}"${source}>${esc(a.value)}</idno>`);
      }
      for (const a of p.authority) lines.push(`          <note type="checked" n="${a.type}">${esc(a.checked)}</note>`);
      if (p.initials.length > 0) lines.push(`          <note type="initials">${esc(p.initials.join(' '))}</note>`);
      if (p.sex) lines.push(`          <note type="sex">${p.sex}</note>`);
      if (p.correspondent) lines.push('          <note type="correspondent">sends or receives documents of the edition</note>');
      if (p.fixedByEditor) lines.push('          <note type="editor">name fixed in the editor\'s persons file</note>');
      if (p.mentions > 0) {
        const where = (m: MentionPlace | undefined): string => (m ? `${m.document}${m.line ? `#L${m.line}` : ''}` : '');
        lines.push(`          <note type="mentions" n="${p.mentions}">${esc(`${p.documents.length} document(s); first ${where(p.firstMention)}; last ${where(p.lastMention)}`)}</note>`);
      }
      lines.push('        </person>');
    }
    lines.push('      </listPerson>', '    </body>', '  </text>', '</TEI>', '');
    return lines.join('\n');
  }
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  if (Array.isArray(v)) return v.map(text).join(' ').trim();
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !k.startsWith('@'))
      .map(([, x]) => text(x))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return '';
}

function findAll(node: unknown, name: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
        if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(x as Record<string, unknown>));
        else walk(v);
      }
    }
  };
  walk(node);
  return out;
}

/** `{"persons": [...]}` or a bare array of {@link EditorEntry}. */
export function parseEditorJson(content: string): EditorEntry[] {
  const data = JSON.parse(content) as unknown;
  const list = Array.isArray(data) ? data : (data as { persons?: unknown }).persons;
  return Array.isArray(list) ? (list as EditorEntry[]) : [];
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
