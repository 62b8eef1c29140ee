/**
 * The edition's personography: one record per real person, with a stable id that every `persName/@ref` of the
 * edition points to (`../persons.xml#ID`). Mentions are resolved by surname (spelling variants folded, see
 * ./persons/normalize.ts) and, where two people share a surname, by their given names or initials. The registry
 * starts from the persons of the previous `persons.xml` so that ids never change, then takes the editor's
 * corrections; reading and writing those files is src/edition/personography.ts's.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LineList } from '../../model/document.js';
import { personRef, type EditorEntry, type PersonEntry } from '../../edition/personography.js';
import type { KeptApart, MergeEvidence, PersonReview } from '../../edition/person-review.js';
import { EntityCodes } from '../../diagnostics/codes.js';
import { fold } from './persons/lexicon.js';
import { normalizeSurname, slug } from './persons/normalize.js';
import { NameKnowledge, linesDigest } from './persons/knowledge.js';
import { conflictOf, firstInitial, sexOfTitle, type Conflict, type JoinRule, type NameFacts, type PersonFacts, type Sex } from './persons/identity.js';
import { editDistance } from '../readers/edit-distance.js';
import { linkMentions, nameFactsOf, type KnownPerson, type LinkMention, type MentionOptions, type NameForm, type NewPerson } from './persons/link.js';
import type { EditionNameFacts, PersonResolver, RecordedMention } from './person-mentions.js';
import { isStrongMention, knowsSurname } from './surname-evidence.js';

export type { AuthorityId, EditorEntry } from '../../edition/personography.js';

export type { NameForm } from './persons/link.js';

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
  /** The documents this run named the person in, sorted. */
  documents: string[];
  /** Set by the editor's file: forms and spelling are theirs, not to be overwritten. */
  fixedByEditor?: boolean;
}

/** The mentions of one document, for {@link PersonRegistry.link}. */
export interface DocumentMentions {
  /** The document (as in {@link MentionPlace}). */
  document: string;
  /** The source it comes from: a path or name that is the same whatever the order of conversion. */
  source: string;
  /** Its mentions in the order of the text. */
  mentions: readonly RecordedMention[];
}

/** Title words that say a role, kept as the person's role; courtesy titles (Mr, Sir, M.) are not roles. */
const COURTESY = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'miss', 'ms', 'm.', 'mme', 'monsieur', 'madame', 'herr', 'frau', 'sir', 'lord', 'lady', 'dame', 'dr', 'dr.', 'messrs']);

/** Titles of courtesy that say no more than the sex of a man: no honorific of their own in the personography. */
const PLAIN_TITLES = new Set(['mr', 'm', 'herr', 'monsieur', 'messrs', 'signor']);

/** What this run's mentions said of a person beyond its record, counted so that no order of mentions can change what is kept. */
interface Tally {
  /** Every mention was of an author cited in a note (undefined: no mention yet). */
  citedOnly?: boolean;
  /** Some mention gave a rank or office. */
  office: boolean;
  /** Mentions with more than a bare surname, by source. */
  namedIn: Map<string, number>;
  lastNamed?: { document: string; position: number };
  spellings: Map<string, number>;
  forenames: Map<string, number>;
  initials: Map<string, number>;
  roles: Map<string, number>;
  sexes: Map<Sex, number>;
  /** Titles of sex printed before the surname alone ("Mrs.", "Mr"). */
  titles: Map<string, number>;
  forms: Set<string>;
  documents: Set<string>;
}

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

function titleCase(s: string): string {
  return s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s;
}

/** Alphabetical order with case and accents folded (then the strings themselves, for a total order). */
function byFolded(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

const isCaps = (s: string): boolean => s === s.toUpperCase();

/** The value a tally keeps: the best by `better` (a total order, so that the choice never depends on order). */
function best(tally: ReadonlyMap<string, number>, better: (a: [string, number], b: [string, number]) => boolean): string | undefined {
  let chosen: [string, number] | undefined;
  for (const entry of tally) if (!chosen || better(entry, chosen)) chosen = entry;
  return chosen?.[0];
}

/** Ordinary case before capitals, then the spelling printed most, then the first in the alphabet. */
const betterSpelling = ([a, na]: [string, number], [b, nb]: [string, number]): boolean =>
  isCaps(a) !== isCaps(b) ? !isCaps(a) : na !== nb ? na > nb : a < b;

/** More names (given names joined by spaces) before fewer, then ordinary case, then printed most, then alphabet. */
const betterNames = ([a, na]: [string, number], [b, nb]: [string, number]): boolean => {
  const wa = a.split(' ').length;
  const wb = b.split(' ').length;
  return wa !== wb ? wa > wb : betterSpelling([a, na], [b, nb]);
};

/** The document a mention place names stands in a source: the place's document up to its last slash. */
function sourceOfDocument(document: string): string {
  const at = document.lastIndexOf('/');
  return at < 0 ? document : document.slice(0, at);
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
  /** What this run's mentions said of each person. */
  private readonly tallies = new Map<string, Tally>();
  /** Positions of mentions resolved one at a time ({@link resolve}): they follow each other. */
  private sequence = 0;
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
  /** Words of the knowledge kept in {@link sourceKnowledge}, against {@link keptSourceWords}. */
  private keptWords = 0;

  /**
   * How many words (lower-case words, places, surnames) of what sources teach alone the registry keeps for their
   * conversion (see {@link takeSourceKnowledge}): a source learnt past it is read again when it is converted, so
   * that thousands of small sources learnt before any is converted do not hold all their words at once.
   */
  keptSourceWords = 1_000_000;

  /** What a worker needs to tag as this registry would, as plain data (see ./person-mentions.ts). */
  editionNameFacts(): EditionNameFacts {
    return { knowledge: this.knowledge, editorSurnames: [...this.editorSurnames], strongSurnames: [...this.strongSurnames], learned: this.learned };
  }

  /** Reads one source's raw lines into the edition's knowledge; call it for every source before converting any. */
  learnSource(lines: LineList): void {
    const alone = this.knowledge.learnSource(lines);
    this.learned = true;
    // What the source teaches read alone, which its conversion consults too (see takeSourceKnowledge): read here
    // with the edition's, it need not be read again.
    const words = alone.lower.size + alone.places.size + alone.surnames.size + alone.strong.size;
    if (this.keptWords + words > this.keptSourceWords) return;
    this.sourceKnowledge.set(linesDigest(lines), alone);
    this.keptWords += words;
  }

  /**
   * What a source learnt by {@link learnSource} teaches read alone, handed over once (the registry keeps it no
   * longer), or undefined when this source was not learnt here. Found by the digest of its lines.
   */
  takeSourceKnowledge(lines: LineList): NameKnowledge | undefined {
    if (this.sourceKnowledge.size === 0) return undefined;
    const key = linesDigest(lines);
    const found = this.sourceKnowledge.get(key);
    if (!found) return undefined;
    this.sourceKnowledge.delete(key);
    this.keptWords -= found.lower.size + found.places.size + found.surnames.size + found.strong.size;
    return found;
  }

  /** Lets go of what {@link learnSource} kept for conversions in this thread (the files go to workers). */
  forgetSourceKnowledge(): void {
    this.sourceKnowledge.clear();
    this.keptWords = 0;
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
      if (p.title) e.title = p.title;
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
   * Resolves one mention to a person id, creating the person on first sight, against what the registry holds so
   * far (the link rules of ./persons/link.ts, with the mentions before it in its document known): the ids of
   * mentions resolved one by one depend on their order. {@link link} decides a whole batch at once.
   */
  resolve(form: NameForm, place?: MentionPlace, options: MentionOptions = {}): string {
    const document = place?.document ?? '';
    const mention: RecordedMention = { form, options };
    if (place) mention.place = place;
    return this.link([{ document, source: sourceOfDocument(document), mentions: [mention] }])[0]![0]!;
  }

  /**
   * Links the mentions of a batch of documents (an edition's) to persons, all at once: the same persons and ids
   * whatever the order of the documents and of the sources (see ./persons/link.ts). Returns the ids of each
   * document's mentions, in the order given. An edition's mentions are best given as a `MentionStore` (./mention-store.ts).
   */
  link(batch: Iterable<DocumentMentions>): string[][] {
    const all: LinkMention[] = [];
    // Each mention's place (the document it counts in), and each document's number of mentions: the batch is read
    // once, so that a MentionStore gives its documents one at a time.
    const placed: Array<string | undefined> = [];
    const counts: number[] = [];
    for (const doc of batch) {
      // Documents of two sources may share a name: the source makes them apart.
      const document = `${doc.source}\u0000${doc.document}`;
      for (const [k, m] of doc.mentions.entries()) {
        const fixed = this.byForm.size > 0 ? this.byForm.get(fold(m.form.text).replace(/\s+/g, ' ')) : undefined;
        all.push({ form: m.form, options: m.options, document, source: doc.source, position: this.sequence + k, ...(fixed ? { fixed: this.get(fixed)?.id ?? fixed } : {}) });
        placed.push(m.place?.document);
      }
      counts.push(doc.mentions.length);
      this.sequence += doc.mentions.length;
    }
    const result = linkMentions(all, {
      bySurname: (key) => (this.bySurname.get(key) ?? []).map((id) => this.known(id)).filter((p): p is KnownPerson => p !== undefined),
      get: (id) => this.known(id),
    });
    const ids = this.createPersons(result.created, all);
    const out = counts.map((n) => new Array<string>(n));
    const touched = new Set<RegisteredPerson>();
    let d = 0;
    let k = 0;
    for (const [i, m] of all.entries()) {
      while (k >= counts[d]!) {
        d++;
        k = 0;
      }
      const target = result.targets[i]!;
      const id = target.startsWith('#') ? ids[Number(target.slice(1))]! : target;
      const person = this.persons.get(id)!;
      this.record(person, m, placed[i]);
      touched.add(person);
      out[d]![k++] = id;
    }
    for (const p of touched) this.settle(p);
    return out;
  }

  /** Correspondents of the edition that still have no authority id (wikidata or VIAF). */
  correspondentsWithoutAuthority(): RegisteredPerson[] {
    return this.list().filter((p) => p.correspondent && p.authority.length === 0);
  }

  /** What each printed form of this run says (title, given names), for the review list. */
  private readonly formFacts = new Map<string, NameFacts & { title?: string }>();

  private tally(id: string): Tally {
    let t = this.tallies.get(id);
    if (!t) {
      t = {
        office: false, namedIn: new Map(), spellings: new Map(), forenames: new Map(), initials: new Map(), roles: new Map(), sexes: new Map(), titles: new Map(),
        forms: new Set(), documents: new Set(),
      };
      this.tallies.set(id, t);
    }
    return t;
  }

  private factsOf(p: RegisteredPerson): PersonFacts {
    const t = this.tallies.get(p.id);
    return { sex: p.sex, forenames: p.forenames, initials: p.initials, citedOnly: t?.citedOnly, office: t ? t.office : p.roles.length > 0 };
  }

  private known(id: string): KnownPerson | undefined {
    const p = this.get(id);
    if (!p) return undefined;
    const t = this.tallies.get(p.id);
    const known: KnownPerson = { id: p.id, facts: this.factsOf(p), mentions: p.mentions, namedIn: t?.namedIn ?? new Map() };
    if (t?.lastNamed) known.lastNamed = t.lastNamed;
    return known;
  }

  /**
   * Ids for the persons a batch established, given in an order that depends only on what they are (surname,
   * given names, sex, printed forms): `stevens-j` for John F. Stevens, `stevens` for a Stevens never named in
   * full, `-2`, `-3` for a second and third of one such name.
   */
  private createPersons(created: readonly NewPerson[], all: readonly LinkMention[]): string[] {
    const drafts = created.map((c, n) => {
      const spellings = new Map<string, number>();
      const forms = new Set<string>();
      for (const i of c.mentions) {
        const m = all[i]!;
        spellings.set(m.form.surname, (spellings.get(m.form.surname) ?? 0) + 1);
        forms.add(m.form.text.replace(/\s+/g, ' '));
      }
      const surname = titleCase(best(spellings, betterSpelling) ?? all[c.mentions[0]!]!.form.surname);
      const initial = firstInitial(c.facts)?.toLowerCase();
      const given = (c.facts.forenames[0] ?? c.facts.initials[0] ?? '').toLowerCase();
      const base = given ? `${slug(surname)}-${slug(given[0]!)}` : slug(surname);
      const key = [base, initial ?? '', fold(c.facts.forenames.join(' ')), c.facts.initials.join(' '), c.facts.sex ?? '', [...forms].sort().join('|')].join('\u0001');
      return { n, surname, base, key };
    });
    const ids: string[] = new Array(created.length);
    for (const d of [...drafts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      let id = d.base;
      for (let k = 2; this.persons.has(id) || this.aliases.has(id); k++) id = `${d.base}-${k}`;
      const facts = created[d.n]!.facts;
      this.add({
        id, surname: d.surname, forenames: [], initials: [], forms: [], variants: [], roles: [], authority: [], correspondent: false, mentions: 0, documents: [],
        ...(facts.sex ? { sex: facts.sex } : {}),
      });
      ids[d.n] = id;
    }
    return ids;
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

  /** Counts what one mention says of its person; {@link settle} then makes the record of the counts. */
  /** `placeDocument`: the document of the mention's place, if it has one. */
  private record(p: RegisteredPerson, m: LinkMention, placeDocument: string | undefined): void {
    const form = m.form;
    const t = this.tally(p.id);
    const name = nameFactsOf(form);
    const named = (form.forenames?.length ?? 0) > 0 || (form.initials?.length ?? 0) > 0 || form.title !== undefined;
    if (isStrongMention(form, m.options)) this.strongSurnames.add(normalizeSurname(form.surname));
    if (named) {
      t.namedIn.set(m.source, (t.namedIn.get(m.source) ?? 0) + 1);
      if (!t.lastNamed || t.lastNamed.document !== m.document || t.lastNamed.position < m.position) t.lastNamed = { document: m.document, position: m.position };
    }
    t.citedOnly = (t.citedOnly ?? true) && form.cited === true;
    t.office ||= name.office === true || m.options.role !== undefined;
    const printed = /\s\s|[\n\t]/.test(form.text) ? form.text.replace(/\s+/g, ' ') : form.text;
    t.forms.add(printed);
    const facts = this.formFacts.get(printed);
    if (!facts) this.formFacts.set(printed, name);
    else if (facts.cited && !name.cited) this.formFacts.set(printed, { ...facts, cited: false });
    const count = (map: Map<string, number>, key: string): void => {
      map.set(key, (map.get(key) ?? 0) + 1);
    };
    count(t.spellings, form.surname);
    if (form.forenames?.length) count(t.forenames, form.forenames.map(titleCase).join(' '));
    if (form.initials?.length) count(t.initials, form.initials.join(' '));
    const role = m.options.role ?? (form.title && !COURTESY.has(form.title.toLowerCase()) ? form.title : undefined);
    // A role cut short by an abbreviation ("… OF THE U") or carrying heading words ("FROM PREMIER J") is not kept.
    if (role && !/^(?:from|to)\b/i.test(role) && !/\s\p{Lu}$/u.test(role)) count(t.roles, role.replace(/\s+/g, ' '));
    if (name.sex) t.sexes.set(name.sex, (t.sexes.get(name.sex) ?? 0) + 1);
    if (name.sex && form.title) count(t.titles, titleCase(form.title.split(/\s+/)[0]!));
    if (m.options.correspondent) p.correspondent = true;
    p.mentions++;
    if (placeDocument !== undefined) t.documents.add(placeDocument);
  }

  /**
   * The record of a person from what its mentions said, whatever their order: the surname in its best spelling
   * (ordinary case before capitals, then the most printed), the longest given names, forms and variants in
   * alphabetical order, roles the most named first, the sex a title stated.
   */
  private settle(p: RegisteredPerson): void {
    const t = this.tallies.get(p.id);
    if (!t) return;
    const fold2 = (s: string): string => fold(s);
    p.forms = [...new Set([...p.forms, ...t.forms])].sort(byFolded);
    p.documents = [...t.documents].sort();
    if (!p.fixedByEditor) {
      const spellings = new Map(t.spellings);
      // The spelling already on record competes as printed once: a persons.xml of an earlier run keeps its own.
      if (!spellings.has(p.surname)) spellings.set(p.surname, 0);
      const surname = titleCase(best(spellings, betterSpelling) ?? p.surname);
      const variants = new Set(p.variants.filter((v) => fold2(v) !== fold2(surname)));
      for (const s of [p.surname, ...t.spellings.keys()].map(titleCase)) if (fold2(s) !== fold2(surname)) variants.add(s);
      p.surname = surname;
      p.variants = [...variants].filter((v, i, all) => all.findIndex((w) => fold2(w) === fold2(v)) === i).sort(byFolded);
      this.index(surname, p.id);
      const forenames = new Map(t.forenames);
      if (p.forenames.length > 0 && !forenames.has(p.forenames.join(' '))) forenames.set(p.forenames.join(' '), 0);
      const given = best(forenames, betterNames);
      if (given) p.forenames = given.split(' ');
      const initials = new Map(t.initials);
      if (p.initials.length > 0 && !initials.has(p.initials.join(' '))) initials.set(p.initials.join(' '), 0);
      const init = best(initials, betterNames);
      if (init) p.initials = init.split(' ');
    }
    const counted = new Map(t.roles);
    for (const r of p.roles) if (![...counted.keys()].some((k) => fold(k) === fold(r))) counted.set(r, 0);
    p.roles = [...counted].sort(([a, na], [b, nb]) => nb - na || byFolded(a, b)).map(([r]) => r).filter((r, i, all) => all.findIndex((x) => fold(x) === fold(r)) === i);
    if (!p.sex && t.sexes.size > 0) {
      const f = t.sexes.get('f') ?? 0;
      const m = t.sexes.get('m') ?? 0;
      p.sex = f > m ? 'f' : 'm';
    }
    // A person known by no given name is told apart from others of the surname by the title of sex printed with
    // it ("Mrs. Churchill", "Lord Halifax"): the one printed most, of the person's sex. A plain "Mr" only where
    // another person has the surname ("Mr. Horner" beside Mrs. Horner; "Harriman" alone stays "Harriman").
    if (p.forenames.length === 0 && p.initials.length === 0) {
      const others = (this.bySurname.get(normalizeSurname(p.surname)) ?? []).some((id) => id !== p.id && this.persons.has(id));
      const titles = new Map([...t.titles].filter(([title]) => sexOfTitle(title) === p.sex && (others || !PLAIN_TITLES.has(fold(title).replace(/\.$/, '')))));
      if (p.title && !titles.has(p.title)) titles.set(p.title, 0);
      const title = best(titles, betterSpelling);
      if (title) p.title = title;
    } else delete p.title;
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
      const f = this.factsOf(p);
      return { sex: f.sex, forenames: f.forenames, initials: f.initials, cited: f.citedOnly, office: f.office };
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
