/**
 * The edition's personography: one record per real person, with a stable id that every `persName/@ref` of the
 * edition points to (`../persons.xml#ID`). Mentions are resolved by surname (spelling variants folded, see
 * ./persons/normalize.ts) and, where two people share a surname, by their given names or initials. The registry
 * starts from the persons of the previous `persons.xml` so that ids never change, then takes the editor's
 * corrections; reading and writing those files is src/edition/personography.ts's.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { personRef, type EditorEntry, type PersonEntry } from '../../edition/personography.js';
import { EntityCodes } from './codes.js';
import { fold } from './persons/lexicon.js';
import { normalizeSurname, slug } from './persons/normalize.js';
import { NameKnowledge } from './persons/knowledge.js';

export type { AuthorityId, EditorEntry } from '../../edition/personography.js';

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

/** One person of the personography as the registry builds it while converting (transform reads persons.xml into its own `PersonRecord`). */
export interface RegisteredPerson extends PersonEntry {
  /** Mentions resolved in this run. */
  mentions: number;
  documents: string[];
  firstMention?: MentionPlace;
  lastMention?: MentionPlace;
  /** Set by the editor's file: forms and spelling are theirs, not to be overwritten. */
  fixedByEditor?: boolean;
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
  /** Problems met while loading; the build reports them. */
  readonly diagnostics: Diagnostic[] = [];
  /**
   * What all sources of the edition establish about names (see ./persons/knowledge.ts), read before any
   * document is tagged ({@link learnSource}): a bare surname of one source is a name because another source names
   * the person in full, whatever the order the sources are converted in.
   */
  readonly knowledge = new NameKnowledge();
  /** Surnames named in the editor's file. */
  private readonly editorSurnames = new Set<string>();
  /** Surnames named with evidence of their own (a title, initials, a given name) in this run. */
  private readonly strongSurnames = new Set<string>();
  private learned = false;

  /** Reads one source's raw lines into the edition's knowledge; call it for every source before converting any. */
  learnSource(lines: readonly string[]): void {
    this.knowledge.learn(lines);
    this.learned = true;
  }

  /** A registry that starts from the persons of an earlier persons.xml: their ids are kept. */
  static fromEntries(entries: readonly PersonEntry[]): PersonRegistry {
    const registry = new PersonRegistry();
    for (const e of entries) {
      registry.add({ ...structuredClone(e), mentions: 0, documents: [] });
    }
    return registry;
  }

  /** The persons as persons.xml records them (what a run learnt is in them; its mention counts are not). */
  entries(): PersonEntry[] {
    return this.list().map((p) => {
      const e: PersonEntry = {
        id: p.id, surname: p.surname, forenames: p.forenames, initials: p.initials, forms: p.forms, variants: p.variants,
        roles: p.roles, authority: p.authority, correspondent: p.correspondent,
      };
      if (p.sex) e.sex = p.sex;
      if (p.fixedByEditor) e.fixedByEditor = true;
      return e;
    });
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
    // would make a second build tag more than the first, and builds must be reproducible. When the sources were
    // read first (learnSource), only that knowledge counts, so that the order of conversion does not matter;
    // otherwise the surnames this run named with evidence of their own.
    const key = normalizeSurname(surname);
    if (this.editorSurnames.has(key) || this.knowledge.surnames.has(key)) return true;
    return !this.learned && this.strongSurnames.has(key);
  }

  /** The path a `persName/@ref` uses from a document folder. */
  static ref(id: string): string {
    return personRef(id);
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
    if ((form.forenames?.length ?? 0) > 0 || (form.initials?.length ?? 0) > 0 || form.title || options.correspondent) {
      this.strongSurnames.add(normalizeSurname(form.surname));
    }
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
        this.editorSurnames.add(normalizeSurname(v));
      }
      this.editorSurnames.add(normalizeSurname(p.surname));
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
}
