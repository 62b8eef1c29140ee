/**
 * The edition's personography: one record per real person, with a stable id that every `persName/@ref` of the
 * edition points to (`../persons.xml#ID`). Mentions are resolved by surname (spelling variants folded, see
 * ./persons/normalize.ts) and, where two people share a surname, by their given names or initials. The registry
 * starts from the persons of the previous `persons.xml` so that ids never change, then takes the editor's
 * corrections; reading and writing those files is src/edition/personography.ts's.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { personRef, type EditorEntry, type PersonEntry } from '../../edition/personography.js';
import type { KeptApart, MergeEvidence, PersonReview } from '../../edition/person-review.js';
import { EntityCodes } from '../../diagnostics/codes.js';
import { fold } from './persons/lexicon.js';
import { normalizeSurname, slug } from './persons/normalize.js';
import { NameKnowledge, linesDigest } from './persons/knowledge.js';
import { conflictOf, editDistance, firstInitial, sexOfTitle, type Conflict, type JoinRule, type NameFacts, type PersonFacts } from './persons/identity.js';

import type { EditionNameFacts, PersonResolver } from './person-mentions.js';
import { isStrongMention, knowsSurname } from './surname-evidence.js';

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
  /** Named as the author of a work cited in a note ("Martin Alexander, *The Republic in Danger*"). */
  cited?: boolean;
}

export type { KeptApart, MergeEvidence, PersonReview } from '../../edition/person-review.js';

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

/** Titles of learning: they say nothing against a person being an author cited in a note. */
const ACADEMIC = new Set(['professor', 'prof', 'prof.', 'dr', 'dr.']);

const sexOf = sexOfTitle;

/** Given names and surname, or the title and surname of a person known by title only ("Mrs Churchill"). */
function fullName(p: RegisteredPerson): string {
  const given = p.forenames.length > 0 ? p.forenames : p.initials.map((i) => `${i}.`);
  if (given.length > 0) return [...given, p.surname].join(' ');
  return p.sex === 'f' ? (p.forms.find((f) => sexOfTitle(f) === 'f') ?? p.surname) : p.surname;
}

/** The rule that let a printed form name a person, read from the two as they stand; none for the full name itself. */
function joinRuleOf(p: RegisteredPerson, form: NameFacts & { title?: string }): JoinRule | undefined {
  const given = firstInitial(form);
  if (given) {
    const fore = form.forenames?.length ?? 0;
    const full = fore >= p.forenames.length && (fore > 0 || (form.initials?.length ?? 0) >= p.initials.length);
    return full ? undefined : 'same-given-name';
  }
  if (form.sex) return 'title-of-same-sex';
  if (firstInitial(p)) return 'given-name-added';
  return undefined;
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
export class PersonRegistry implements PersonResolver {
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
  /** Digest of a source's lines → what it teaches read alone; taken by its conversion. */
  private readonly sourceKnowledge = new Map<string, NameKnowledge>();

  /** What a worker needs to tag as this registry would, as plain data (see ./person-mentions.ts). */
  editionNameFacts(): EditionNameFacts {
    return { knowledge: this.knowledge, editorSurnames: [...this.editorSurnames], learned: this.learned };
  }

  /** Reads one source's raw lines into the edition's knowledge; call it for every source before converting any. */
  learnSource(lines: readonly string[]): void {
    const alone = this.knowledge.learnSource(lines);
    this.learned = true;
    // What the source teaches read alone, which its conversion consults too (see takeSourceKnowledge): read here
    // with the edition's, it need not be read again.
    this.sourceKnowledge.set(linesDigest(lines), alone);
  }

  /**
   * What a source learnt by {@link learnSource} teaches read alone, handed over once (the registry keeps it no
   * longer), or undefined when this source was not learnt here. Found by the digest of its lines.
   */
  takeSourceKnowledge(lines: readonly string[]): NameKnowledge | undefined {
    if (this.sourceKnowledge.size === 0) return undefined;
    const key = linesDigest(lines);
    const found = this.sourceKnowledge.get(key);
    this.sourceKnowledge.delete(key);
    return found;
  }

  /** Lets go of what {@link learnSource} kept for conversions in this thread (the files go to workers). */
  forgetSourceKnowledge(): void {
    this.sourceKnowledge.clear();
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
    return knowsSurname(surname, this.editorSurnames, this.knowledge, this.learned, this.strongSurnames);
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
    const name = PersonRegistry.nameFacts(form);
    const found = this.match(form, place, name);
    const record = found?.person ?? this.create(form);
    const printed = /\s\s|[\n\t]/.test(form.text) ? form.text.replace(/\s+/g, ' ') : form.text;
    if (!this.formFacts.has(printed)) this.formFacts.set(printed, name);
    this.record(record, form, place, options);
    const facts = this.mentionFacts.get(record.id) ?? { citedOnly: true, office: false };
    facts.citedOnly &&= form.cited === true;
    facts.office ||= name.office === true || options.role !== undefined;
    this.mentionFacts.set(record.id, facts);
    if (place) this.lastDocument.set(record.id, place.document);
    return record.id;
  }

  /** Correspondents of the edition that still have no authority id (wikidata or VIAF). */
  correspondentsWithoutAuthority(): RegisteredPerson[] {
    return this.list().filter((p) => p.correspondent && p.authority.length === 0);
  }

  /** What the mentions so far say of each person beyond its record: cited only as an author, named with an office. */
  private readonly mentionFacts = new Map<string, { citedOnly: boolean; office: boolean }>();
  /** The document each person was last named in. */
  private readonly lastDocument = new Map<string, string>();
  /** What each printed form of this run says (title, given names), for the review list. */
  private readonly formFacts = new Map<string, NameFacts & { title?: string }>();

  private factsOf(p: RegisteredPerson): PersonFacts {
    const m = this.mentionFacts.get(p.id);
    return { sex: p.sex, forenames: p.forenames, initials: p.initials, citedOnly: m?.citedOnly, office: m?.office ?? p.roles.length > 0 };
  }

  private static nameFacts(form: NameForm): NameFacts & { title?: string } {
    const t = form.title?.toLowerCase();
    const office = t !== undefined && !COURTESY.has(t) && !ACADEMIC.has(t) && sexOf(form.title) === undefined;
    return { sex: sexOf(form.title), forenames: form.forenames, initials: form.initials, cited: form.cited, office, ...(form.title ? { title: form.title } : {}) };
  }

  private match(form: NameForm, place: MentionPlace | undefined, name: NameFacts): { person: RegisteredPerson; rule: JoinRule } | undefined {
    const byForm = this.byForm.get(fold(form.text).replace(/\s+/g, ' '));
    const fixed = byForm ? this.get(byForm) : undefined;
    if (fixed) return { person: fixed, rule: 'editor-form' };
    const ids = this.bySurname.get(normalizeSurname(form.surname)) ?? [];
    const candidates = ids.map((id) => this.persons.get(id)).filter((p): p is RegisteredPerson => p !== undefined);
    if (candidates.length === 0) return undefined;
    const open: RegisteredPerson[] = [];
    for (const c of candidates) if (!conflictOf(this.factsOf(c), name)) open.push(c);
    if (open.length === 0) return undefined;
    const recent = (pool: RegisteredPerson[]): RegisteredPerson =>
      pool.reduce((a, b) => ((this.lastSeen.get(b.id) ?? -1) > (this.lastSeen.get(a.id) ?? -1) ? b : a));
    const initial = firstInitial(name);
    if (initial) {
      const same = open.filter((p) => firstInitial(p) === initial);
      return same.length > 0 ? { person: recent(same), rule: 'same-given-name' } : { person: recent(open), rule: 'given-name-added' };
    }
    if (name.sex) {
      const same = open.filter((p) => p.sex === name.sex);
      if (same.length > 0) return { person: recent(same), rule: 'title-of-same-sex' };
    }
    // A bare surname: the person of that surname named last in this document; else the only one; else the most
    // named, listed for review.
    const inDocument = place ? open.filter((p) => this.lastDocument.get(p.id) === place.document) : [];
    if (inDocument.length > 0) return { person: recent(inDocument), rule: 'bare-surname-in-document' };
    if (open.length === 1) return { person: open[0]!, rule: 'bare-surname-only-one' };
    const most = open.reduce((a, b) => (b.mentions > a.mentions || (b.mentions === a.mentions && b.id < a.id) ? b : a));
    return { person: most, rule: 'bare-surname-most-named' };
  }


  /** What an editor should check (see {@link PersonReview}); deterministic for a given set of mentions. */
  review(): PersonReview {
    const persons = this.list();
    const similar: PersonReview['similar'] = [];
    // Symmetric deletions: two surnames one edit apart share a form with one letter deleted (or are that form).
    const byDeletion = new Map<string, RegisteredPerson[]>();
    for (const p of persons) {
      const s = normalizeSurname(p.surname);
      if (s.length < 5) continue;
      const keys = new Set([s]);
      for (let i = 0; i < s.length; i++) keys.add(s.slice(0, i) + s.slice(i + 1));
      for (const k of keys) {
        const list = byDeletion.get(k) ?? [];
        list.push(p);
        byDeletion.set(k, list);
      }
    }
    const seen = new Set<string>();
    for (const list of byDeletion.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const [a, b] = [list[i]!, list[j]!].sort((x, y) => (x.id < y.id ? -1 : 1)) as [RegisteredPerson, RegisteredPerson];
          const sa = normalizeSurname(a.surname);
          const sb = normalizeSurname(b.surname);
          const pair = `${a.id}|${b.id}`;
          if (sa === sb || seen.has(pair) || editDistance(sa, sb, 1) !== 1) continue;
          seen.add(pair);
          similar.push({ ids: [a.id, b.id], surnames: [a.surname, b.surname] });
        }
      }
    }
    const byIds = (x: { ids: [string, string] }, y: { ids: [string, string] }): number => (x.ids.join('|') < y.ids.join('|') ? -1 : 1);
    // Everything below is read from the persons as they stand after the run, not from the order mentions came
    // in, so that the same edition gives the same list (builds are reproducible).
    const keptApart: KeptApart[] = [];
    const ambiguous: PersonReview['ambiguous'] = [];
    const merges: MergeEvidence[] = [];
    const bySurname = new Map<string, RegisteredPerson[]>();
    for (const p of persons) {
      const k = normalizeSurname(p.surname);
      bySurname.set(k, [...(bySurname.get(k) ?? []), p]);
    }
    const asName = (p: RegisteredPerson): NameFacts => {
      const m = this.mentionFacts.get(p.id);
      return { sex: p.sex, forenames: p.forenames, initials: p.initials, cited: m?.citedOnly, office: m?.office ?? p.roles.length > 0 };
    };
    for (const group of bySurname.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [group[i]!, group[j]!].sort((x, y) => (x.id < y.id ? -1 : 1)) as [RegisteredPerson, RegisteredPerson];
          const reason = conflictOf(this.factsOf(a), asName(b)) ?? conflictOf(this.factsOf(b), asName(a));
          if (reason) keptApart.push({ ids: [a.id, b.id], forms: [fullName(a), fullName(b)], reason });
        }
      }
    }
    for (const p of persons) {
      const group = bySurname.get(normalizeSurname(p.surname)) ?? [];
      for (const f of p.forms) {
        const form = this.formFacts.get(f);
        if (!form) continue;
        const rule = joinRuleOf(p, form);
        if (rule) merges.push({ id: p.id, form: f, rule });
        const bare = !form.title && (form.forenames?.length ?? 0) === 0 && (form.initials?.length ?? 0) === 0;
        if (bare && group.length > 1) {
          ambiguous.push({ form: f, chosen: p.id, others: group.filter((q) => q !== p).map((q) => q.id).sort() });
        }
      }
    }
    return {
      similar: similar.sort(byIds),
      keptApart: keptApart.sort(byIds),
      ambiguous: ambiguous.sort((x, y) => (`${x.form}|${x.chosen}` < `${y.form}|${y.chosen}` ? -1 : 1)),
      merges: merges.sort((x, y) => (`${x.id}|${x.form}` < `${y.id}|${y.form}` ? -1 : 1)),
    };
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
    if (isStrongMention(form, options)) this.strongSurnames.add(normalizeSurname(form.surname));
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
          this.diagnostics.push(diagnostic(EntityCodes.unknownPersonId, { file, id: other }));
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
          this.diagnostics.push(diagnostic(EntityCodes.authorityUnchecked, { file, type, value: a.value, person: p.id }));
          continue;
        }
        p.authority = p.authority.filter((x) => x.type !== type);
        p.authority.push({ type, value: a.value, checked: a.checked });
      }
    }
  }
}
