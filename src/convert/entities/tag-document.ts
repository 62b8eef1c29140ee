/**
 * Tags the persons, dates and places of one document: every block the reader sees (heading, body, notes,
 * signature, page-foot matter) is viewed as a string (./inline-view.ts), the string rules run on it, and the
 * spans found become entity nodes. Persons are resolved through the edition's {@link PersonRegistry}.
 *
 * Person rules run twice over the document: the first round learns which surnames the document itself names
 * with strong evidence (title, initials, given name, signature), so that the second round also takes their
 * bare mentions ("Molotov", "Hitler Germany") anywhere in the document.
 */
import { isNameWithOffice, readSignatureBlock, signatoryNameOffset } from '../rules/signature.js';
import type { Block, Inference, LineList, Party, TeiDocument } from '../../model/document.js';
import { findDates } from './dates/find-dates.js';
import { applySpans, pieceAt, pieceFor, viewOf, type EntitySpan, type InlineView } from './inline-view.js';
import { findPersons, type PersonMention } from './persons/find-persons.js';
import { findOrganisations } from './organisations.js';
import { normalizeSurname } from './persons/normalize.js';
import { NameKnowledge, lowerWords } from './persons/knowledge.js';
import { PersonRegistry, type MentionPlace } from './personography.js';
import type { PersonResolver } from './person-mentions.js';

/** What {@link tagDocument} did, for benches and diagnostics. */
export interface TagStats {
  persons: number;
  dates: number;
  places: number;
  organisations: number;
  /** The reference date in force at the end of the document (for the undated one after it). */
  reference?: string;
}

interface Unit {
  block: Block;
  view: InlineView;
  inNote: boolean;
}

/** Block kinds whose text is a name line: their capitalised words are a name. */
const NAME_LINES = new Set<Block['kind']>(['signed', 'byline']);

function unitsOf(doc: TeiDocument): Unit[] {
  const units: Unit[] = [];
  const visit = (block: Block, inNote: boolean): void => {
    // A second (garbled) OCR pass is kept as a witness, outside the reading text: it names nobody.
    if (block.duplicateOf) return;
    const view = viewOf(block.inlines);
    units.push({ block, view, inNote: inNote || block.kind === 'noteBody' });
    for (const n of view.nested) visit(n.block, inNote || n.inNote);
  };
  for (const b of doc.blocks) visit(b, false);
  return units;
}

/** The part of a block's text that is a name line, if any: a signature, a byline, the name after "dear" in a salute. */
function nameLineRange(unit: Unit): [number, number] | undefined {
  const text = unit.view.text;
  if (unit.block.kind === 'signed') return [0, signatureNamesEnd(text)];
  if (NAME_LINES.has(unit.block.kind)) return [0, text.length];
  if (unit.block.kind === 'salute') {
    const m = /\bdear\s+/i.exec(text);
    return m ? [m.index + m[0].length, text.length] : undefined;
  }
  if (unit.block.kind === 'closing') {
    const m = /(?:yours|sincerely|faithfully|truly|regards)[^,\n]*,\s*/i.exec(text);
    return m ? [m.index + m[0].length, text.length] : undefined;
  }
  return undefined;
}

/**
 * Where the names of a signature block end: before the office printed after the last name ("Alvey A. Adee,\nActing
 * Secretary.", "Adee, Acting."), which is a role, not a name line. The whole text when the block reads otherwise.
 */
function signatureNamesEnd(text: string): number {
  const lines = text.split('\n');
  const block = readSignatureBlock(lines);
  if (!block || block.length !== lines.length) return text.length;
  const lastName = block.findLastIndex((l) => l.role === 'name');
  const start = lines.slice(0, lastName).reduce((n, l) => n + l.length + 1, 0);
  const line = lines[lastName]!;
  return start + (isNameWithOffice(line) ? line.indexOf(',') : line.length);
}

/** The spans of "For Germany, " before each treaty signatory's name in a signature block's text. */
function powersSignedFor(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const offset = signatoryNameOffset(line);
    if (offset > 0) out.push([at, at + offset]);
    at += line.length + 1;
  }
  return out;
}

/** What the rules may consult besides the text: known surnames, common words, places. */
interface Lookups {
  noteAt?: (offset: number) => string | undefined;
  known: (key: string) => boolean;
  strong: (key: string) => boolean;
  common: (folded: string) => boolean;
  place: (folded: string) => boolean;
}

/** The text of the note referenced at an offset of a unit's view, if one is. */
function notesOf(unit: Unit): ((offset: number) => string | undefined) | undefined {
  const notes = unit.view.notes;
  if (notes.length === 0) return undefined;
  return (offset) => {
    const note = notes.find((n) => n.offset === offset);
    return note && note.parts.map((part) => viewOf(part.inlines).text).join(' ');
  };
}

function personsIn(unit: Unit, lookups: Lookups): PersonMention[] {
  const text = unit.view.text;
  const noteAt = notesOf(unit);
  if (noteAt) lookups = { ...lookups, noteAt };
  const range = nameLineRange(unit);
  const found: PersonMention[] = [];
  if (range) {
    const [from, to] = range;
    const powers = unit.block.kind === 'signed' ? powersSignedFor(text) : [];
    for (const m of findPersons(text.slice(from, to), { ...lookups, nameLine: true })) {
      // "For France, S. Pichon.": the power a signatory signs for is no name of his.
      if (powers.some(([s, e]) => m.start + from >= s && m.start + from < e)) continue;
      found.push({ ...m, start: m.start + from, end: m.end + from });
    }
    if (from > 0) found.push(...findPersons(text.slice(0, from), lookups));
  } else {
    found.push(...findPersons(text, lookups));
  }
  // Names inside italics are, in these texts, inside titles of works ("Between Churchill and Stalin"): not mentions.
  const outsideItalics = found.filter((m) => {
    const p = pieceAt(unit.view, m.start);
    return !(p && p.italic && m.end <= p.offset + p.node.text.length);
  });
  if (!unit.inNote) return outsideItalics;
  const titles = quotedTitles(text, outsideItalics);
  return outsideItalics.filter((m) => !titles.some(([s, e]) => s <= m.start && m.end <= e));
}

/**
 * Titles of articles cited in a note: the quoted words after an author ("Sidney Aster, 'Ivan Maisky and
 * Parliamentary Anti-Appeasement, 1938-39'"). Names and dates in them name the work, not a mention. A closing
 * quote is one followed by punctuation, " in" or the end, so that apostrophes inside words do not close it.
 */
export function quotedTitles(text: string, authors: readonly { end: number }[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const a of authors) {
    // An opening quote is followed by a word: in ",' very secret" the quote closes a title that began earlier.
    const open = /^,\s*(['‘"“])(?=[^\s,.;])/.exec(text.slice(a.end));
    if (!open) continue;
    const start = a.end + open[0].length;
    const close = open[1] === '"' || open[1] === '“' ? /["”](?=[\s,;.)]|$)/g : /['’](?=[,;.)]|\s+in\b|\s*$|\s*\*)/g;
    close.lastIndex = start;
    const m = close.exec(text);
    if (m) out.push([start, m.index]);
  }
  return out;
}

/**
 * Whether a full date may move the narrative's reference: within a year of it. "reminiscent of October 1918"
 * in an account of 1939 is an aside, and must not make the next "14 December" a day of 1918.
 */
function nearby(reference: string | undefined, iso: string): boolean {
  if (!reference || !/^\d{4}/.test(reference)) return true;
  const months = (s: string): number => Number(s.slice(0, 4)) * 12 + (s.length >= 7 ? Number(s.slice(5, 7)) - 1 : 6);
  return Math.abs(months(iso) - months(reference)) <= 12;
}

/** A year printed in a date: four digits, or two after a stop or slash ("23.12.41"). */
const PRINTED_YEAR = /\d{4}|[./]\d{2}$/;

/** Words that make an apposition a role: "Lord Halifax, the Foreign Secretary,". */
const ROLE_HEAD =
  /\b(?:ambassador|secretary|under-secretary|minister|commissar|chargé|charge|counsellor|consul|president|premier|chancellor|adviser|advisor|envoy|attaché|head|chief|leader|commander|commander-in-chief|governor|delegate|representative|director|editor|correspondent|journalist|clerk|lord)\b/i;

/**
 * The role an apposition gives a person where the text names them: "Lord Halifax, the Foreign Secretary,",
 * "Sargent, deputy permanent under-secretary,", "I. M. Maiskii, the Soviet ambassador in London,". Kept in the
 * personography as the person's role; nothing is inferred beyond what the text says.
 */
export function roleAfter(text: string, end: number): string | undefined {
  const m = /^,\s+((?:the|then|now)\s+)?([^,;:.()'"‘’“”[\]]{3,70}?)\s*(?=[,;:.)])/.exec(text.slice(end, end + 90));
  if (!m || !ROLE_HEAD.test(m[2]!) || /\b(?:and|or|myself|yourself|you|me)\b/i.test(m[2]!)) return undefined;
  // A clause is not a role: "Eden, who…", "Maiskii, however, …", verbs after the name.
  if (/^(?:who|which|whose|however|said|says|and|but|in|on|at|with|for|as|to|of|by|if|when|although|though|wrote|had|was|is)\b/i.test(m[2]!)) return undefined;
  if (/\b(?:was|were|is|are|had|has|said|wrote|told|asked|did|would|could|should)\b/i.test(m[2]!)) return undefined;
  // "US ambassador in Paris to Cordell Hull": the role ends before the addressee of a letter.
  return m[2]!.replace(/\s+to\s+\p{Lu}.*$/u, '').replace(/\s+/g, ' ').trim();
}

/** Resolves a correspondent's printed name ("F. ROOSEVELT", "Harriman") and sets its `ref`. */
function resolveCorrespondent(c: Party, registry: PersonResolver, place: MentionPlace): string | undefined {
  // Only a printed name gets a ref: "THE ARMED FORCES", "PEOPLE" are addressees but not persons.
  const mention = findPersons(c.name, { nameLine: true }).at(-1);
  if (!mention) return undefined;
  const surname = mention.surname;
  const id = registry.resolve(
    { text: c.name, surname, forenames: mention.forenames, initials: mention.initials, title: mention.title },
    place,
    { correspondent: true, role: c.role },
  );
  c.ref = PersonRegistry.ref(id);
  return normalizeSurname(surname);
}

/** A place printed before the date of a dateline: "Moscow, December 23, 1941." */
function placeInDateline(unit: Unit, dateStart: number): EntitySpan | undefined {
  const before = unit.view.text.slice(0, dateStart);
  const m = /^(\s*)(\p{Lu}[\p{L}'’.-]*(?:[ -]\p{Lu}[\p{L}'’.-]*)*)(?:,\s*(?:[^\d,]{0,20},\s*)?|\s+)$/u.exec(before);
  if (!m || /^(?:Sent|On|Le|Received|Dated)\b/i.test(m[2]!)) return undefined;
  const start = m[1]!.length;
  return { start, end: start + m[2]!.replace(/[.]$/, '').length, tag: 'placeName', attrs: {} };
}

/**
 * What a whole source teaches about its names, read from its raw lines: the surnames it names with evidence of
 * their own (title, initials, given name, context) — the same person is often named in full in one document and
 * bare in another —, the words it prints in lower case, its places.
 */
export function sourceKnowledge(lines: LineList): NameKnowledge {
  return new NameKnowledge().learn(lines);
}

/** Options of {@link tagDocument}. */
export interface TagOptions {
  /** Reference date for a document without a date of its own: the one before it in the same source. */
  fallbackReference?: string;
  /**
   * What the whole source teaches about its names (see {@link sourceKnowledge}): a bare "Sikorski" in one
   * telegram is a name because another telegram says "General Sikorski".
   */
  source?: NameKnowledge;
}

/** Tags one document in place. */
export function tagDocument(doc: TeiDocument, registry: PersonResolver, options: TagOptions = {}): TagStats {
  const stats: TagStats = { persons: 0, dates: 0, places: 0, organisations: 0 };
  const docId = `${doc.sourceSlug}/${doc.id}`;
  const docKnown = new Set<string>();
  // Offices, institutions and groups are parties but not persons: only a person's name is resolved.
  for (const c of [...doc.sender, ...doc.addressees, ...(doc.author ? [doc.author] : [])]) {
    if (c.kind) continue;
    const key = resolveCorrespondent(c, registry, { document: docId, line: doc.startLine });
    if (key) docKnown.add(key);
  }
  const units = unitsOf(doc);
  const source = options.source;
  const edition = registry.knowledge;
  // Without the source's knowledge (a document tagged alone), the document's own lower-case words.
  let docLower: Set<string> | undefined;
  const lowerOfDocument = (): Set<string> => (docLower ??= lowerWords(units.map((u) => u.view.text).join('\n')));
  const lookups: Lookups = {
    known: (key) => {
      const k = normalizeSurname(key);
      return docKnown.has(k) || (source?.surnames.has(k) ?? false) || registry.knows(key);
    },
    strong: (key) => {
      const k = normalizeSurname(key);
      return (source?.strong.has(k) ?? false) || edition.strong.has(k);
    },
    common: (f) => edition.lower.has(f) || (source ? source.lower.has(f) : lowerOfDocument().has(f)),
    place: (f) => (source?.isPlace(f) ?? false) || edition.isPlace(f),
  };
  // Round one: what the document itself establishes as names. The surnames each unit asked about are written
  // down with the answers: where every answer is still the same in round two, the rules would take the same path
  // and find the same names (common words, places and strong names do not change while a document is tagged).
  // One list for the whole document, each unit's questions from `askedFrom[i]` up to `askedFrom[i + 1]`: an answer
  // does not change while one unit is read (the document's names grow between units), so a question asked twice
  // by a unit has one answer, and a map and a lookups object per unit were garbage for nothing.
  const firstRound: PersonMention[][] = [];
  const askedKeys: string[] = [];
  const askedAnswers: boolean[] = [];
  const askedFrom: number[] = [];
  const recording: Lookups = {
    ...lookups,
    known: (key) => {
      const answer = lookups.known(key);
      askedKeys.push(key);
      askedAnswers.push(answer);
      return answer;
    },
  };
  for (const unit of units) {
    askedFrom.push(askedKeys.length);
    const mentions = personsIn(unit, recording);
    for (const m of mentions) docKnown.add(normalizeSurname(m.key));
    firstRound.push(mentions);
  }
  askedFrom.push(askedKeys.length);
  const secondRound = (i: number): PersonMention[] => {
    for (let k = askedFrom[i]!; k < askedFrom[i + 1]!; k++) if (lookups.known(askedKeys[k]!) !== askedAnswers[k]) return personsIn(units[i]!, lookups);
    return firstRound[i]!;
  };

  // Without a date of its own, a document takes the last reference of the one before it in the same source
  // (volumes of letters and telegrams run in date order), then the full dates it prints itself.
  let reference = doc.date?.when ?? doc.date?.from ?? options.fallbackReference;
  // A year taken from the document's own date is all but certain; one taken from the document before, or from
  // the narrative's last full date, less so.
  // A document date whose own year was inferred (a dateline without one) passes on no more than its own certainty.
  const yearCertainty: Inference = { cert: doc.date?.when && !doc.date.inferred ? 'high' : 'medium', evidence: 'internal' };
  for (const [unitIndex, unit] of units.entries()) {
    const spans: EntitySpan[] = [];
    const place: MentionPlace = { document: docId, line: unit.block.line };
    const organisations = findOrganisations(unit.view.text);
    for (const m of secondRound(unitIndex)) {
      // A person's name inside an organisation's is the organisation's: at its end ("Red Cross"), in a firm ("J. P.
      // Morgan & Co."), a surname alone within it ("American Red Cross Commission", "Young Men’s Christian
      // Association"); a name the organisation starts with stays a person ("Riggs Bank", a firm named after a
      // person, is no mention of anyone either: the person rules leave it, persons/named-after.ts).
      if (organisations.length > 0 && organisations.some((o) => m.start >= o.start && m.end <= o.end &&
        ((o.overrulesPerson && (m.end === o.end || o.text.endsWith('Co.'))) || (m.start > o.start && !m.title && !m.forenames.length && !m.initials.length)))) continue;
      const role = roleAfter(unit.view.text, m.end);
      // "Martin Alexander, *The Republic in Danger*": an author cited in a note, a person of another kind than an officer.
      const cited = unit.inNote && /^,\s*[*'‘"“]/.test(unit.view.text.slice(m.end, m.end + 4));
      const id = registry.resolve(
        { text: m.text, surname: m.surname, forenames: m.forenames, initials: m.initials, title: m.title, ...(cited ? { cited } : {}) },
        place,
        role ? { role } : {},
      );
      spans.push({ start: m.start, end: m.end, tag: 'persName', attrs: { ref: PersonRegistry.ref(id) } });
    }
    let dates = findDates(unit.view.text, { reference });
    if (unit.inNote) {
      const titles = quotedTitles(unit.view.text, spans);
      dates = dates.filter((d) => !titles.some(([s, e]) => s <= d.start && d.end <= e));
    }
    if (!doc.date?.when && !unit.inNote) {
      // In an undated document a day without a year takes the year of the last full date before it, also
      // within one paragraph ("In August 1939 … On 23 August").
      // The narrative's own years lead: "In May 1939 … in August" is August 1939 whatever the title's span.
      let running = reference;
      for (const [i, d] of dates.entries()) {
        if (!PRINTED_YEAR.test(d.text)) {
          if (!running) continue;
          const again = findDates(d.text, { reference: running })[0];
          if (again && again.text === d.text) dates[i] = { ...again, start: d.start, end: d.end };
        } else if (/^\d{4}/.test(d.when ?? d.from ?? '') && nearby(running, (d.when ?? d.from)!)) running = (d.when ?? d.from)!;
      }
      reference = running;
    }
    for (const d of dates) {
      const attrs: Record<string, string> = {};
      for (const k of ['when', 'from', 'to', 'notBefore', 'notAfter'] as const) if (d[k]) attrs[k] = d[k]!;
      // A date in italics is skipped when it is part of a title of a work; an italic date alone is emphasis.
      const holder = pieceFor(unit.view, d.start, d.end);
      const inTitle = holder !== undefined && holder.italic && holder.node.text.trim() !== d.text;
      if (inTitle) continue;
      const span: EntitySpan = { start: d.start, end: d.end, tag: 'date', attrs };
      if (d.yearInferred) span.inferred = yearCertainty;
      spans.push(span);
    }
    if ((unit.block.kind === 'dateline' || unit.block.kind === 'sent') && dates[0]) {
      const p = placeInDateline(unit, dates[0].start);
      if (p) spans.push(p);
    }
    // Organisations last: a person's name or a date in the same words stays what it is.
    // Not inside the title of a cited work, in italics or in quotation marks ("Stafford Cripps’ Mission to Moscow").
    const titles = unit.inNote && organisations.length > 0 ? quotedTitles(unit.view.text, spans) : [];
    for (const o of organisations) {
      const holder = pieceFor(unit.view, o.start, o.end);
      if (holder !== undefined && holder.italic && holder.node.text.trim() !== o.text) continue;
      if (titles.some(([s, e]) => s <= o.start && o.end <= e)) continue;
      spans.push({ start: o.start, end: o.end, tag: 'orgName', attrs: {} });
    }
    // Without a document date, a date printed without a year takes the year of the last full date before it.
    const applied = applySpans(unit.block.inlines, unit.view, spans);
    if (applied > 0) {
      for (const s of spans) stats[s.tag === 'persName' ? 'persons' : s.tag === 'date' ? 'dates' : s.tag === 'orgName' ? 'organisations' : 'places']++;
    }
  }
  stats.reference = reference;
  return stats;
}
