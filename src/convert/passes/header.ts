/**
 * Header facts: title, kind, correspondents, date, place, classification and languages of a document, read
 * from the blocks the structure pass recognised (heading, source lines, "Sent on" line, datelines with their
 * receipt line, a memo form's header, salutation, signature, an address at the foot). Which of them names whom is
 * the correspondence rule's decision (rules/correspondence.ts); headings in capitals ("J. V. STALIN TO
 * F. ROOSEVELT") are read by the capital-heading rules (rules/parties.ts). The serializer writes the result as
 * the teiHeader.
 */
import type { Block, Party, TeiDocument } from '../../model/document.js';
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ConvertContext, DocumentPass, SourceState } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { lineWithoutNotes, textWithoutNotes } from '../readers/inline.js';
import { headingClassification } from '../rules/classification.js';
import { namesInstrument, readCorrespondence, type CorrespondenceReading, type DocumentFacts, type PartyFact } from '../rules/correspondence.js';
import { findFullDate, parseDateline } from '../rules/dateline.js';
import { detectLanguage } from '../rules/language.js';
import { namesIn, partiesFromHeading } from '../rules/parties.js';
import { titleOf } from '../rules/titles.js';

/** The date of the last dated document of the source: a volume runs in date order, so it gives a dateline without a year its year. */
const DATE_BEFORE: SourceState<{ when?: string }> = { name: 'header', create: () => ({}) };

export const headerPass: DocumentPass = {
  name: 'header',
  scope: 'document',
  requires: ['structure', 'inline', 'duplicates', 'notes'],
  run(doc: TeiDocument, ctx: ConvertContext) {
    // The volume's own document holds the heads of its divisions, not a heading of its own.
    const heading = doc.kind === 'front' ? undefined : headingText(doc);
    if (heading) doc.title = heading;
    const classification = doc.blocks.find((b) => b.kind === 'classification');
    doc.classification = classification ? plainText(classification) : headingClassification(heading ?? '');
    if (doc.kind === 'front') {
      doc.languages = languagesOf(doc);
      return;
    }
    const before = ctx.state(DATE_BEFORE);
    const reading = readCorrespondence({ ...documentFacts(doc), ...(before.when ? { dateBefore: before.when } : {}) });
    const fromHeading = [...reading.sender, ...reading.addressees, ...(reading.author ? [reading.author] : [])].some((p) => p.from === 'heading' || (p.from === 'signature' && !!p.office));
    // The reader of headings in capitals ("MESSAGE FROM PREMIER STALIN TO …") only where the running-case reader
    // did not read the heading: "Circular note of July 3, 1900, to the powers …" describes a paper, and its "to" parts
    // no sender ("Circular") from an addressee.
    const capitals = fromHeading || reading.headingRead ? undefined : partiesOfHeading(doc);
    if (capitals && (capitals.sender.length > 0 || capitals.addressees.length > 0 || capitals.senderRole || capitals.addresseeRole)) {
      doc.sender = capitals.sender.length > 0 ? capitals.sender : capitals.senderRole ? [office(capitals.senderRole)] : [];
      doc.addressees = capitals.addressees.length > 0 ? capitals.addressees : capitals.addresseeRole ? [office(capitals.addresseeRole)] : [];
      if (doc.sender.length === 0) doc.sender = reading.sender.filter((p) => p.from === 'signature' || p.from === 'memo').map(toParty);
      if (doc.sender.length === 0 && !namesInstrument(heading)) {
        const signer = legacySigner(doc);
        if (signer) doc.sender = [signer];
      }
      if (doc.addressees.length === 0) doc.addressees = reading.addressees.map(toParty);
    } else {
      doc.sender = reading.sender.map(toParty);
      doc.addressees = reading.addressees.map(toParty);
      if (reading.author) doc.author = toParty(reading.author);
      // Those who sign an instrument ("Agreement Between …") are its parties, not a sender.
      if (doc.sender.length === 0 && !doc.author && !namesInstrument(heading)) {
        const signer = legacySigner(doc);
        if (signer) doc.sender = [signer];
      }
    }
    if (heading && !fromHeading && !capitals && !reading.kind) {
      ctx.report(
        diagnostic(ConvertCodes.headingNotParsed, { heading }, { file: doc.sourceFile, line: doc.blocks.find((b) => b.kind === 'head')?.line ?? doc.startLine, column: 1 }),
      );
    }
    findDate(doc, reading);
    if (doc.date?.when) before.when = doc.date.when;
    doc.kind = kindOf(doc, heading, reading);
    doc.languages = languagesOf(doc);
    if (!doc.date && !reading.undated && (doc.kind === 'letter' || doc.kind === 'telegram')) {
      ctx.report(diagnostic(ConvertCodes.undatedLetter, { kind: doc.kind, title: doc.title ?? '' }, { file: doc.sourceFile, line: doc.startLine, column: 1 }));
    }
    doc.title = titleOf(doc) ?? doc.title;
  },
};

/**
 * What the blocks of the covering document say (an enclosure's heading, dateline and signature are its own): the
 * heading, source lines, datelines, a memo header, signatures, salutation, an address after the text.
 */
function documentFacts(doc: TeiDocument): DocumentFacts {
  const covering = coveringBlocks(doc).filter((b) => !b.duplicateOf);
  const firstText = covering.findIndex((b) => b.kind === 'p' || b.kind === 'salute');
  const lastSigned = covering.findLastIndex((b) => b.kind === 'signed');
  const words = (b: Block) => textWithoutNotes(b.inlines);
  const lines = (b: Block) => b.lines.map((_l, k) => lineWithoutNotes(b, k)).filter((l) => l.trim());
  const facts: DocumentFacts = {
    sourceLines: covering.filter((b) => b.kind === 'sourceNote' || b.kind === 'reference').map(words),
    datelines: covering.flatMap((b, i) => (b.kind === 'dateline' ? [{ lines: lines(b), atEnd: firstText >= 0 && i > firstText }] : [])),
    signatures: covering.filter((b) => b.kind === 'signed').map(lines),
  };
  const heads = covering.filter((b) => b.kind === 'head');
  if (heads.length > 0) facts.heading = heads.map(words).join(' ').trim();
  const memo = covering.find((b) => b.kind === 'memoHeader');
  if (memo) facts.memoHeader = lines(memo);
  const salute = covering.find((b) => b.kind === 'salute');
  if (salute) facts.salutation = words(salute);
  const address = covering.find((b, i) => b.kind === 'address' && lastSigned >= 0 && i > lastSigned);
  if (address) facts.footAddress = lines(address);
  return facts;
}

/** The blocks of the covering document: everything before the first enclosure's marker. */
function coveringBlocks(doc: TeiDocument): Block[] {
  const enclosure = doc.blocks.findIndex((b) => b.opensEnclosure);
  return enclosure > 0 ? doc.blocks.slice(0, enclosure) : doc.blocks;
}

/** A party the rules read, as the model keeps it. */
function toParty(p: PartyFact): Party {
  const party: Party =
    p.kind === 'person' ? { name: p.name!, ...(p.office ? { role: p.office } : {}) } : p.kind === 'office' ? { kind: 'office', name: p.office! } : { kind: p.kind, name: p.name! };
  // A salutation addresses the recipient as a rule, not always ("Dear Sir" to the recipient's deputy): the
  // addressee it names is inferred, with high certainty.
  if (p.inferred) party.inferred = { cert: 'high', evidence: 'internal' };
  return party;
}

/** "the Secretary of State": an office without a name, as the capital-heading rules give it. */
function office(role: string): Party {
  return { kind: 'office', name: role.replace(/^(?:the|The)\s+/, '') };
}

/**
 * The signer of a signature the signature rules do not read ("(SGD) HALIFAX", "(CLIFFORD WEBSTER)59", "Army General
 * ANTONOV,"): the name in its first line.
 */
function legacySigner(doc: TeiDocument): Party | undefined {
  const signed = doc.blocks.find((b) => b.kind === 'signed' && !b.duplicateOf);
  if (!signed) return undefined;
  const line = lineWithoutNotes(signed, 0);
  // Digits glued to the name are a note number the notes pass found no note text for: "(CLIFFORD WEBSTER)59".
  const printed = line.replace(/^\((?:SGD\.?|S\.?|Signed)\)\s*/i, '').replace(/^\((.*)\)\d*$/, '$1').replace(/\d+$/, '').replace(/,$/, '').trim();
  const name = namesIn(printed).names[0]?.name ?? printed;
  return /^[A-Z]\.$/.test(name) ? undefined : { name };
}

/**
 * Sender and addressees from the heading lines, read in order until both are named: a heading printed over
 * several blocks ("PERSONAL AND SECRET MESSAGE" / "FROM …" / "TO …") is read as one; a second heading
 * further on (an enclosed message) is not mixed in.
 */
function partiesOfHeading(doc: TeiDocument): ReturnType<typeof partiesFromHeading> {
  const heads = coveringBlocks(doc).filter((b) => b.kind === 'head');
  let text = '';
  let best: ReturnType<typeof partiesFromHeading>;
  const score = (p: typeof best) => (p ? p.sender.length + p.addressees.length + (p.senderRole ? 0.5 : 0) + (p.addresseeRole ? 0.5 : 0) : -1);
  for (const head of heads) {
    text = `${text} ${textWithoutNotes(head.inlines)}`.trim();
    const parties = partiesFromHeading(text);
    if (score(parties) > score(best)) best = parties;
    if (parties && parties.sender.length > 0 && parties.addressees.length > 0) break;
  }
  return best;
}

function headingText(doc: TeiDocument): string | undefined {
  const heads = coveringBlocks(doc).filter((b) => b.kind === 'head');
  if (heads.length === 0) return undefined;
  return heads.map((b) => textWithoutNotes(b.inlines)).join(' ').trim();
}

function findDate(doc: TeiDocument, reading: CorrespondenceReading): void {
  const sent = doc.blocks.find((b) => b.kind === 'sent');
  const parsedSent = sent ? (parseDateline(plainText(sent)) ?? parseDateline(sent.lines[0]!)) : undefined;
  if (parsedSent) {
    doc.date = { when: parsedSent.date.when, text: parsedSent.date.text, source: 'sent-line' };
    if (parsedSent.place) doc.place = parsedSent.place;
    return;
  }
  const d = reading.date;
  if (d) {
    doc.date = { when: d.when, text: d.text, source: d.source === 'memo' ? 'dateline' : d.source, ...(d.time ? { time: d.time } : {}) };
    // A year from the document before: likely, not certain (a volume's order may step back a little).
    if (d.yearInferred) doc.date.inferred = { cert: 'medium', evidence: 'internal' };
    if (d.place) doc.place = d.place;
  }
  if (reading.received) {
    const { when, text, yearInferred, dayInferred } = reading.received;
    // The year (and the day) the receipt line leaves out come from the dateline: all but certain.
    doc.received = { when, text, ...(yearInferred || dayInferred ? { inferred: { cert: 'high', evidence: 'internal' } } : {}) };
  }
}

function kindOf(doc: TeiDocument, heading: string | undefined, reading: CorrespondenceReading): TeiDocument['kind'] {
  const has = (k: Block['kind']) => doc.blocks.some((b) => b.kind === k);
  const lead = /^(?:\d{1,4}\.\s+)?(note|memorandum|letter|telegram|minute|despatch)\b/i.exec(heading ?? '')?.[1]?.toLowerCase();
  if (doc.author || reading.kind === 'memorandum' || lead === 'memorandum') return 'memorandum';
  if (lead === 'note' || lead === 'minute' || reading.kind === 'note') return 'note';
  if (lead === 'letter') return 'letter';
  if (reading.kind === 'telegram' || reading.sourceKinds.includes('telegram')) return 'telegram';
  if (has('salute')) return 'letter';
  const filedAs = doc.blocks
    .filter((b) => b.kind === 'reference' || b.kind === 'sourceNote')
    .map((b) => /:\s*(telegram|despatch|letter|memorandum)\b/i.exec(plainText(b))?.[1]?.toLowerCase())
    .find(Boolean);
  if (filedAs === 'memorandum') return 'memorandum';
  if (doc.kind === 'telegram' || lead === 'telegram' || lead === 'despatch' || filedAs === 'telegram' || filedAs === 'despatch') return 'telegram';
  if (has('byline') || has('section')) return 'article';
  if (doc.sender.length > 0 && doc.addressees.length > 0) return 'letter';
  if (has('signed')) return 'memorandum';
  return 'document';
}

/** Characters of a document's paragraphs read for its main language. */
const LANGUAGE_SAMPLE = 4000;

/** Main language first, then any other language a block is written in. */
function languagesOf(doc: TeiDocument): string[] {
  // A few thousand characters decide the main language as well as the whole text would.
  const paragraphs: string[] = [];
  let length = 0;
  for (const b of doc.blocks) {
    if (length > LANGUAGE_SAMPLE) break;
    if (b.kind !== 'p') continue;
    const t = plainText(b);
    paragraphs.push(t);
    length += t.length + 1;
  }
  const text = paragraphs.join(' ').slice(0, LANGUAGE_SAMPLE);
  const main = detectLanguage(text) ?? 'en';
  const langs = [main];
  const visit = (b: Block) => {
    if (b.lang && !langs.includes(b.lang)) langs.push(b.lang);
  };
  for (const b of doc.blocks) {
    visit(b);
    for (const i of b.inlines) if (i.type === 'note') i.parts.forEach(visit);
  }
  return langs;
}
