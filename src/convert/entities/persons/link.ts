/**
 * The link step of the personography: which mentions name one person, decided for a batch of documents at once
 * (a whole edition for `convert` and `build`), so that the answer depends on what the documents say and never on
 * the order they were read in. Pure: mentions and the persons already known in, targets out; the registry
 * (../personography.ts) makes records and ids of them.
 *
 * Three rounds, each decided against what the rounds before established:
 * 1. Names with a given name or initials ("John F. Stevens", "W. Whewell"), most complete first: each joins the
 *    person of that surname it cannot contradict (identity.ts), preferring the same first given name, or starts
 *    a person.
 * 2. Names with a title only ("Mr. Stevens", "Mrs. Lyell", "General Poole"): the person of that surname, and of
 *    that sex where the title says one, that the document names (the nearest mention before, else the first
 *    after), else the only one its source names, else the only one (or the most named) of the edition; else a
 *    person of that title's sex.
 * 3. Bare surnames ("Stevens"): likewise, against everything rounds one and two established. A bare surname
 *    before a footnote that names the person in full ("Stevens's³ … 3. John F. Stevens") is that person.
 *
 * Every decision of rounds two and three is taken against the state the round started from, so the mentions of a
 * round may be visited in any order.
 */
import { conflictOf, firstInitial, sexOfTitle, type JoinRule, type NameFacts, type PersonFacts, type Sex } from './identity.js';
import { fold } from './lexicon.js';
import { normalizeSurname } from './normalize.js';

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

/** What the text says of a mention beyond its name. */
export interface MentionOptions {
  correspondent?: boolean;
  role?: string;
}

/** One mention to link. */
export interface LinkMention {
  form: NameForm;
  options: MentionOptions;
  /** The document it stands in (unique in the batch and across the registry's life). */
  document: string;
  /** The source (input file) the document comes from. */
  source: string;
  /** Where it stands in its document: numbers that grow along the text. */
  position: number;
  /** A person the editor's file assigns this printed form to (`forms`): linked there, whatever else. */
  fixed?: string;
}

/** A person the registry already holds, as linking sees it. */
export interface KnownPerson {
  id: string;
  facts: PersonFacts;
  /** Mentions linked to it so far. */
  mentions: number;
  /** Mentions with more than a bare surname linked to it so far, by source. */
  namedIn: ReadonlyMap<string, number>;
  /** Its last mention with more than a bare surname (resolving one mention at a time). */
  lastNamed?: { document: string; position: number };
}

/** What linking needs of the registry: the persons it knows under a normalised surname. */
export interface KnownPersons {
  bySurname(key: string): readonly KnownPerson[];
  get(id: string): KnownPerson | undefined;
}

/** A person the batch established that the registry did not know. */
export interface NewPerson {
  facts: PersonFacts;
  /** The mentions (indexes into the batch) that name it. */
  mentions: number[];
}

/** Where each mention of the batch goes. */
export interface LinkResult {
  /** Per mention: the id of a known person, or `#n` for `created[n]`. */
  targets: string[];
  /** Per mention: the rule that joined it to a person that already had a mention; none where it started one. */
  rules: Array<JoinRule | undefined>;
  created: NewPerson[];
}

interface Cluster {
  /** Known person's id; none for one this batch created. */
  id?: string;
  created?: number;
  facts: { sex?: Sex; forenames: string[]; initials: string[]; citedOnly?: boolean; office: boolean };
  mentions: number;
  /** Mentions with more than a bare surname, by source. */
  namedIn: Map<string, number>;
  /** Positions of mentions with more than a bare surname, by document, ascending. */
  positions: Map<string, number[]>;
  members: number[];
}

type Kind = 'named' | 'titled' | 'bare';

function kindOf(form: NameForm): Kind {
  if ((form.forenames?.length ?? 0) > 0 || (form.initials?.length ?? 0) > 0) return 'named';
  return form.title ? 'titled' : 'bare';
}

/** Titles that are no office: courtesy and learning. A role ("General", "Ambassador") says an office. */
const NOT_OFFICE = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'miss', 'ms', 'm.', 'mme', 'monsieur', 'madame', 'herr', 'frau', 'sir', 'lord', 'lady', 'dame', 'dr', 'dr.', 'messrs', 'professor', 'prof', 'prof.']);

/** What a printed name says of the person it names. */
export function nameFactsOf(form: NameForm): NameFacts & { title?: string } {
  const t = form.title?.toLowerCase();
  const sex = sexOfTitle(form.title);
  const office = t !== undefined && !NOT_OFFICE.has(t) && sex === undefined;
  return { sex, forenames: form.forenames, initials: form.initials, cited: form.cited, office, ...(form.title ? { title: form.title } : {}) };
}

/** Links a batch of mentions: see the module comment. Deterministic for a set of mentions, whatever their order. */
export function linkMentions(mentions: readonly LinkMention[], known: KnownPersons): LinkResult {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster[]>();
  const byId = new Map<string, Cluster>();
  // Surnames repeat: each is normalised once.
  const normalised = new Map<string, string>();
  const keys = mentions.map((m) => {
    let key = normalised.get(m.form.surname);
    if (key === undefined) normalised.set(m.form.surname, (key = normalizeSurname(m.form.surname)));
    return key;
  });
  const facts = mentions.map((m) => nameFactsOf(m.form));
  const targets: Array<Cluster | undefined> = new Array(mentions.length);
  const rules: Array<JoinRule | undefined> = new Array(mentions.length);

  const fromKnown = (p: KnownPerson): Cluster => {
    let c = byId.get(p.id);
    if (c) return c;
    c = {
      id: p.id,
      facts: { sex: p.facts.sex, forenames: [...p.facts.forenames], initials: [...p.facts.initials], citedOnly: p.mentions > 0 ? p.facts.citedOnly : undefined, office: p.facts.office ?? false },
      mentions: p.mentions,
      namedIn: new Map(p.namedIn),
      positions: new Map(p.lastNamed ? [[p.lastNamed.document, [p.lastNamed.position]]] : []),
      members: [],
    };
    byId.set(p.id, c);
    clusters.push(c);
    return c;
  };
  const candidates = (key: string): Cluster[] => {
    let list = byKey.get(key);
    if (!list) {
      list = known.bySurname(key).map(fromKnown);
      byKey.set(key, list);
    }
    return list;
  };
  const create = (key: string, f: NameFacts): Cluster => {
    const c: Cluster = {
      created: -1,
      facts: { sex: f.sex, forenames: [...(f.forenames ?? [])], initials: [...(f.initials ?? [])], office: false },
      mentions: 0, namedIn: new Map(), positions: new Map(), members: [],
    };
    clusters.push(c);
    candidates(key).push(c);
    return c;
  };
  const join = (c: Cluster, i: number, rule: JoinRule | undefined): void => {
    const m = mentions[i]!;
    const f = facts[i]!;
    targets[i] = c;
    rules[i] = c.mentions > 0 || c.members.length > 0 ? rule : undefined;
    c.members.push(i);
    c.mentions++;
    c.facts.sex ??= f.sex;
    if ((f.forenames?.length ?? 0) > c.facts.forenames.length) c.facts.forenames = [...f.forenames!];
    if ((f.initials?.length ?? 0) > c.facts.initials.length) c.facts.initials = [...f.initials!];
    c.facts.citedOnly = (c.facts.citedOnly ?? true) && f.cited === true;
    c.facts.office ||= f.office === true || m.options.role !== undefined;
    if (kindOf(m.form) !== 'bare') {
      c.namedIn.set(m.source, (c.namedIn.get(m.source) ?? 0) + 1);
      const list = c.positions.get(m.document);
      if (list) insertSorted(list, m.position);
      else c.positions.set(m.document, [m.position]);
    }
  };

  // Editor's forms first: they are decided by the editor, not by a rule.
  const rounds: Record<Kind, number[]> = { named: [], titled: [], bare: [] };
  for (const [i, m] of mentions.entries()) {
    const fixed = m.fixed ? known.get(m.fixed) : undefined;
    if (fixed) join(fromKnown(fixed), i, 'editor-form');
    else rounds[kindOf(m.form)].push(i);
  }

  // Round one: names with given names or initials, grouped by what they say, the most complete first.
  const groups = new Map<string, number[]>();
  for (const i of rounds.named) {
    const f = facts[i]!;
    const sig = [keys[i], (f.forenames ?? []).map(fold).join(' '), (f.initials ?? []).join(' '), f.sex ?? '', f.cited ? 'c' : '', f.office ? 'o' : ''].join('\u0001');
    const g = groups.get(sig);
    if (g) g.push(i);
    else groups.set(sig, [i]);
  }
  const order = [...groups.entries()].sort(([sa, a], [sb, b]) => {
    const fa = facts[a[0]!]!;
    const fb = facts[b[0]!]!;
    return keys[a[0]!]! < keys[b[0]!]! ? -1 : keys[a[0]!]! > keys[b[0]!]! ? 1
      : (fb.forenames?.length ?? 0) - (fa.forenames?.length ?? 0) || (fb.initials?.length ?? 0) - (fa.initials?.length ?? 0) || (sa < sb ? -1 : sa > sb ? 1 : 0);
  });
  for (const [, members] of order) {
    // The printed form that leads a group: ordinary case before capitals, then the text (all say the same).
    const lead = members.reduce((a, b) => (formRank(mentions[b]!.form) < formRank(mentions[a]!.form) ? b : a));
    const f = facts[lead]!;
    const key = keys[lead]!;
    const open = candidates(key).filter((c) => !conflictOf(c.facts, f));
    const initial = firstInitial(f);
    const same = open.filter((c) => firstInitial(c.facts) === initial);
    let target: Cluster | undefined;
    let rule: JoinRule | undefined;
    if (same.length > 0) {
      const given = f.forenames?.[0] ? fold(f.forenames[0]) : undefined;
      const sameGiven = given ? same.filter((c) => c.facts.forenames[0] !== undefined && fold(c.facts.forenames[0]) === given) : [];
      target = mostNamed(sameGiven.length > 0 ? sameGiven : same);
      rule = 'same-given-name';
    } else if (open.length > 0) {
      target = mostNamed(open);
      rule = 'given-name-added';
    }
    target ??= create(key, f);
    for (const i of members) join(target, i, rule);
  }

  // Rounds two and three: decided against the state the round starts from, then applied.
  const scoped = (round: number[], sameSex: boolean): number[] => {
    const decided: Array<[number, Cluster, JoinRule]> = [];
    const left: number[] = [];
    for (const i of round) {
      const f = facts[i]!;
      const open = candidates(keys[i]!).filter((c) => !conflictOf(c.facts, f));
      const same = sameSex && f.sex ? open.filter((c) => c.facts.sex === f.sex) : [];
      // A surname alone is how the prose names a man or a person it named in full; a woman it knows only as "Mrs.
      // Churchill" it names so again: beside any other candidate, she is not one for a bare surname.
      const notByTitle = sameSex ? [] : open.filter((c) => !(c.facts.sex === 'f' && c.facts.forenames.length === 0 && c.facts.initials.length === 0));
      const pool = same.length > 0 ? same : notByTitle.length > 0 ? notByTitle : open;
      const found = inScope(pool, mentions[i]!);
      if (found) decided.push([i, found.cluster, same.length > 0 ? 'title-of-same-sex' : found.rule]);
      else left.push(i);
    }
    // Applied in the order of the text, so that a person's facts grow the same way whatever the order of the batch.
    decided.sort(([a], [b]) => byPlace(mentions[a]!, mentions[b]!));
    for (const [i, c, rule] of decided) join(c, i, rule);
    return left;
  };

  const untitled = scoped(rounds.titled, true);
  // Titles of a surname no known person could take: one person per sex the titles state; titles of no sex
  // ("General Poole") join the one of them most named (both sexes printed for one surname are two persons).
  const pendingByKey = new Map<string, number[]>();
  for (const i of untitled) pendingByKey.set(keys[i]!, [...(pendingByKey.get(keys[i]!) ?? []), i]);
  for (const [key, list] of [...pendingByKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bySex = { f: [] as number[], m: [] as number[], none: [] as number[] };
    for (const i of list) bySex[facts[i]!.sex ?? 'none'].push(i);
    const women = bySex.f.length > 0 ? create(key, { sex: 'f' }) : undefined;
    const men = bySex.m.length > 0 ? create(key, { sex: 'm' }) : undefined;
    const sexless = women && men ? (bySex.f.length > bySex.m.length ? women : men) : (women ?? men ?? create(key, {}));
    for (const i of bySex.f) join(women!, i, undefined);
    for (const i of bySex.m) join(men!, i, undefined);
    for (const i of bySex.none) join(sexless, i, undefined);
  }

  const unnamed = scoped(rounds.bare, false);
  // One person for the bare surnames that nothing else in the edition names: made once per surname.
  const bareOf = new Map<string, Cluster>();
  for (const i of unnamed.sort((a, b) => byPlace(mentions[a]!, mentions[b]!))) {
    const key = keys[i]!;
    let c = bareOf.get(key);
    if (!c) bareOf.set(key, (c = create(key, {})));
    join(c, i, 'bare-surname-only-one');
  }

  // Numbered in the order the batch created them: deterministic, since every round is.
  const created: NewPerson[] = [];
  for (const c of clusters) {
    if (c.created === undefined) continue;
    c.created = created.length;
    created.push({ facts: { ...c.facts }, mentions: c.members });
  }
  return { targets: targets.map((c) => (c!.id !== undefined ? c!.id : `#${c!.created}`)), rules, created };
}

/** Mentions in the order of their documents, then of the text. */
function byPlace(a: LinkMention, b: LinkMention): number {
  return a.document < b.document ? -1 : a.document > b.document ? 1 : a.position - b.position;
}

/** Ordinary case before capitals, then shorter before longer, then the text. */
function formRank(form: NameForm): string {
  const caps = form.text === form.text.toUpperCase() ? '1' : '0';
  return `${caps}${String(form.text.length).padStart(4, '0')}${form.text}`;
}

/** The person most named so far; among equals a known one (by id), then the first created. */
function mostNamed(pool: readonly Cluster[]): Cluster {
  return pool.reduce((a, b) => (b.mentions > a.mentions || (b.mentions === a.mentions && before(b, a)) ? b : a));
}

function before(a: Cluster, b: Cluster): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id < b.id;
  if (a.id !== undefined || b.id !== undefined) return a.id !== undefined;
  return false;
}

/**
 * The person a surname (with a title or bare) names where it stands: the one named in its document (the nearest
 * mention before it, else the first after), else the only one its source names (the most named there when
 * several), else the only one of the edition (the most named when several).
 */
function inScope(pool: readonly Cluster[], m: LinkMention): { cluster: Cluster; rule: JoinRule } | undefined {
  if (pool.length === 0) return undefined;
  let nearestBefore: [number, Cluster] | undefined;
  let firstAfter: [number, Cluster] | undefined;
  for (const c of pool) {
    const list = c.positions.get(m.document);
    if (!list) continue;
    const at = lowerBound(list, m.position);
    if (at > 0 && (!nearestBefore || list[at - 1]! > nearestBefore[0])) nearestBefore = [list[at - 1]!, c];
    const after = list[at] === m.position ? list[at + 1] : list[at];
    if (after !== undefined && (!firstAfter || after < firstAfter[0])) firstAfter = [after, c];
  }
  const inDocument = nearestBefore ?? firstAfter;
  if (inDocument) return { cluster: inDocument[1], rule: 'bare-surname-in-document' };
  const inSource = pool.filter((c) => (c.namedIn.get(m.source) ?? 0) > 0);
  if (inSource.length === 1) return { cluster: inSource[0]!, rule: 'bare-surname-in-source' };
  if (inSource.length > 1) {
    const most = inSource.reduce((a, b) => {
      const na = a.namedIn.get(m.source)!;
      const nb = b.namedIn.get(m.source)!;
      return nb > na || (nb === na && (b.mentions > a.mentions || (b.mentions === a.mentions && before(b, a)))) ? b : a;
    });
    return { cluster: most, rule: 'bare-surname-most-named' };
  }
  if (pool.length === 1) return { cluster: pool[0]!, rule: 'bare-surname-only-one' };
  return { cluster: mostNamed(pool), rule: 'bare-surname-most-named' };
}

/** The first index of a sorted list whose value is not below `v`. */
function lowerBound(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: number[], v: number): void {
  if (list.length === 0 || list[list.length - 1]! <= v) list.push(v);
  else list.splice(lowerBound(list, v), 0, v);
}
