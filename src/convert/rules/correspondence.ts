/**
 * Who wrote a document, to whom, where and when, from the facts its blocks give: the heading, the editors' source
 * lines, the dateline block with its receipt line, the memo form's header, the signature, the salutation and an
 * address at the foot. Each source is read by its own rule module; this one decides between them:
 *
 * - the heading names the parties first; an office it names is held by the person who signs ("The Secretary of
 *   State to …" signed "Lansing"); a heading naming only a writer of a memorandum names its author, and no addressee;
 * - without a heading, a memo form's From/To, then the signature (the sender) and an address at the foot (the
 *   addressee), then the salutation (the addressee, inferred: a salutation says how the writer addressed someone);
 * - the first dateline dates the document, with its time of day; a dateline at the end does when none opens it; the
 *   receipt line gives the date received, its year (and day) inferred from the dateline.
 */
import { parseDateline, findFullDate, inferYear, parseYearlessDateline, type Dateline } from './dateline.js';
import { readDatelineBlock } from './dateline-block.js';
import { readRunningHeading, partiesOf, type PartyReading, type HeadingReading } from './heading-parties.js';
import { addresseeOfSalutation, readFootAddress } from './letter-parties.js';
import { namesOfField, readMemoHeader } from './memo-header.js';
import { completeReceipt, parseDeliveryLine, type ReceivedDate } from './received.js';
import { readSignatureBlock, signedNameOf } from './signature.js';
import { readSourceLine } from './source-note.js';
import { TextMemo } from '../readers/text-memo.js';

/** A party as the document establishes it. */
export interface PartyFact extends PartyReading {
  /** Where the party was read: the heading, the signature, a memo header, an address at the foot, the salutation. */
  from: 'heading' | 'signature' | 'memo' | 'address' | 'salutation';
  /** True when the document does not state it as a party (a salutation names whom the writer addressed). */
  inferred?: boolean;
}

/** The facts of a document's blocks, as the structure pass found them (texts of the covering document only). */
export interface DocumentFacts {
  /** The head's text (several head blocks joined), if any. */
  heading?: string;
  /** Texts of the source lines (file number, "[Telegram]"), in order. */
  sourceLines: string[];
  /** Dateline blocks, in order; `atEnd` for one after the text. */
  datelines: { lines: string[]; atEnd: boolean }[];
  /** The memo form's header lines, if any. */
  memoHeader?: string[];
  /** The signature blocks' lines, the document's own first. */
  signatures: string[][];
  salutation?: string;
  /** Lines of an address at the foot. */
  footAddress?: string[];
  /**
   * The date of the document before in the same source (a volume runs in date order): the year of a dateline that
   * prints none ("Washington, September 29.").
   */
  dateBefore?: string;
}

export interface DateFact {
  /** YYYY-MM-DD (or YYYY-MM, YYYY). */
  when: string;
  /** HH:MM:SS, where a time of day is printed. */
  time?: string;
  /** The date as printed. */
  text: string;
  place?: string;
  source: 'dateline' | 'end-date' | 'memo' | 'heading';
  /** The dateline prints no year: it was taken from the document before. */
  yearInferred?: boolean;
}

export interface CorrespondenceReading {
  kind?: string;
  /**
   * The heading was read as printed in running case ("Mr. Conger to Mr. Hay.", "Circular note of July 3, 1900, to the
   * powers …", "Memorandum in response to …"): what it names, or that it names no party, is its reading.
   */
  headingRead?: boolean;
  sender: PartyFact[];
  addressees: PartyFact[];
  /** The writer of a document that is no correspondence ("Memorandum by …"). */
  author?: PartyFact;
  date?: DateFact;
  received?: ReceivedDate & { text: string };
  /** The kinds the source lines and the heading name ("telegram", "paraphrase", "translation", "extract"). */
  sourceKinds: string[];
  /** The document says it bears no date ("[undated]"). */
  undated?: boolean;
}

/** Reads the correspondence facts of one document. */
export function readCorrespondence(facts: DocumentFacts): CorrespondenceReading {
  const heading = facts.heading ? readRunningHeading(facts.heading) : undefined;
  const memo = facts.memoHeader ? readMemoHeader(facts.memoHeader) : undefined;
  const signer = signerOf(facts.signatures[0]);
  const sourceKinds = [...new Set(facts.sourceLines.flatMap((l) => readSourceLine(l)?.kinds ?? []))];
  const out: CorrespondenceReading = { sender: [], addressees: [], sourceKinds };
  const kind = heading?.kind ?? memo?.kind;
  if (kind) out.kind = kind;
  if (heading) out.headingRead = true;

  if (heading?.author) {
    out.author = withSigner({ ...heading.author, from: 'heading' }, signer);
  } else if (heading && (heading.sender.length > 0 || heading.addressees.length > 0)) {
    out.sender = heading.sender.map((p, i) => (i === 0 && heading.sender.length === 1 ? withSigner({ ...p, from: 'heading' }, signer) : { ...p, from: 'heading' as const }));
    out.addressees = heading.addressees.map((p) => ({ ...p, from: 'heading' as const }));
  }
  if (memo) {
    const field = (f: string) => memo.lines.find((l) => l.field === f)?.value;
    const from = field('from');
    const to = field('to');
    if (out.sender.length === 0 && !out.author && from) out.sender = namesOfField(from).flatMap((n) => partiesOf(n).map((p) => ({ ...p, from: 'memo' as const })));
    if (out.addressees.length === 0 && to) out.addressees = namesOfField(to).flatMap((n) => partiesOf(n).map((p) => ({ ...p, from: 'memo' as const })));
  }
  if (out.sender.length === 0 && !out.author && signer && isMemorandum(heading)) out.author = { kind: 'person', name: signer, from: 'signature' };
  if (out.sender.length === 0 && !out.author && signer && !isMemorandum(heading) && !namesInstrument(facts.heading)) out.sender = [{ kind: 'person', name: signer, from: 'signature' }];
  if (out.addressees.length === 0 && !out.author && !isMemorandum(heading) && !namesInstrument(facts.heading)) {
    const address = facts.footAddress ? readFootAddress(facts.footAddress) : undefined;
    const saluted = facts.salutation ? addresseeOfSalutation(facts.salutation) : undefined;
    if (address) out.addressees = [{ ...address, from: 'address' }];
    else if (saluted) out.addressees = [{ ...saluted, from: 'salutation', inferred: true }];
  }

  readDates(facts, memo, out);
  if (!out.date && facts.heading) {
    const d = findFullDate(facts.heading);
    if (d) out.date = { when: d.when, text: d.text, source: 'heading' };
  }
  if (!out.date && !out.undated && facts.dateBefore) readYearlessDate(facts.datelines.filter((d) => !d.atEnd), facts.dateBefore, out);
  if (!out.received) readDelivery(facts, out);
  return out;
}

/**
 * A heading that names an instrument ("Agreement Between the Governments of …", "Treaty of …", "PROTOCOLE FINAL."):
 * those who sign it are its parties, not the sender of a message, and it has no addressee.
 */
const INSTRUMENT = /^(?:(?:final|additional|supplementary)\s+)?(?:agreement|treaty|convention|protocole?|final\s+act|declaration|modus\s+vivendi)\b(?!\s+(?:to|from)\b)/i;

/** True when the heading names an instrument signed by its parties, not a message. */
export function namesInstrument(heading: string | undefined): boolean {
  return !!heading && INSTRUMENT.test(heading.trim());
}

function isMemorandum(heading: HeadingReading | undefined): boolean {
  return heading?.kind === 'memorandum' && heading.addressees.length === 0;
}

/** The name in the first name line of a signature block ("For the Ambassador:" and offices passed over). */
function signerOf(lines: string[] | undefined): string | undefined {
  if (!lines) return undefined;
  // A volume's letters are signed by a few: each signature is read once. The lines joined by line feeds stand for
  // them when none holds one of its own.
  if (lines.some((l) => l.includes('\n'))) return readSigner(lines);
  return SIGNERS.answer(lines.join('\n'), () => readSigner(lines));
}

function readSigner(lines: readonly string[]): string | undefined {
  const name = readSignatureBlock(lines)?.find((l) => l.role === 'name');
  return name ? signedNameOf(name.text) : undefined;
}

/** Signers by their signature's lines (readers/text-memo.ts); a signature block is short. */
const SIGNERS = new TextMemo<string | undefined>(300);

/** An office the heading names, held by the person who signs: the person, with the office. */
function withSigner(party: PartyFact, signer: string | undefined): PartyFact {
  if (party.kind !== 'office' || !signer) return party;
  return { kind: 'person', name: signer, office: party.office, from: 'signature' };
}

function readDates(facts: DocumentFacts, memo: ReturnType<typeof readMemoHeader>, out: CorrespondenceReading): void {
  const opening = facts.datelines.filter((d) => !d.atEnd);
  const ordered = [...opening, ...facts.datelines.filter((d) => d.atEnd)];
  for (const d of ordered) {
    const block = readDatelineBlock(d.lines);
    if (block?.undated && !out.date) {
      out.undated = true;
      continue;
    }
    const line: Dateline | undefined = block?.dateline ?? parseDateline(d.lines.join(' '));
    if (!line) continue;
    out.date = { when: line.date.when, text: line.date.text, source: d.atEnd ? 'end-date' : 'dateline', ...(line.time ? { time: line.time } : {}), ...(line.place ? { place: line.place } : {}) };
    if (block?.received) {
      const received = completeReceipt(block.received, line.date.when);
      const text = d.lines.find((l) => /^\[?\s*Received\b/i.test(l.trim()))?.trim() ?? '';
      if (received) out.received = { ...received, text };
    }
    return;
  }
  const memoDate = memo?.lines.find((l) => l.field === 'date')?.value;
  const parsed = memoDate ? parseDateline(memoDate) : undefined;
  if (parsed) out.date = { when: parsed.date.when, text: parsed.date.text, source: 'memo', ...(parsed.time ? { time: parsed.time } : {}) };
}

/**
 * An opening dateline that prints no year ("Washington, September 29.", a telegram's paraphrase): the year that puts
 * it nearest after the date of the document before it, as a volume runs in date order.
 */
function readYearlessDate(opening: readonly { lines: string[] }[], dateBefore: string, out: CorrespondenceReading): void {
  for (const d of opening) {
    const line = parseYearlessDateline(d.lines[0] ?? '');
    const year = line && inferYear(line.month, line.day, dateBefore);
    if (!line || !year) continue;
    const when = `${year}-${String(line.month).padStart(2, '0')}-${String(line.day).padStart(2, '0')}`;
    out.date = { when, text: line.text, source: 'dateline', yearInferred: true, ...(line.time ? { time: line.time } : {}), ...(line.place ? { place: line.place } : {}) };
    return;
  }
}

/**
 * A delivery line among the editors' source lines ("[Handed to Mr. Adee by Mr. Wu, August 20, 1900—10.15 a.m.]") dates
 * the receipt where no receipt line does; a year it leaves out comes from the document's date, as for a receipt line.
 */
function readDelivery(facts: DocumentFacts, out: CorrespondenceReading): void {
  for (const text of facts.sourceLines) {
    const delivery = parseDeliveryLine(text);
    const received = delivery && completeReceipt(delivery.receipt, out.date?.when);
    if (received) {
      out.received = { ...received, text: delivery.text };
      return;
    }
  }
}
