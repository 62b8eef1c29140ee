/**
 * Segmentation: one source file → the documents it holds. A file with several message headings
 * ("J. V. STALIN TO F. ROOSEVELT", a bold heading over two lines, "MESSAGE FOR … FROM …") is a volume:
 * each heading opens a document, together with what the layout attaches to it from above — a
 * classification line, a "Sent on …" line, and in one case a bare date line (see `takesDateFromAbove`).
 * What precedes the first message is the volume's front matter, a document of its own. Any other file is
 * one document.
 */
import type { Block, SourceText, TeiDocument } from '../../model/document.js';
import type { SourcePass } from '../pass.js';
import { blockText, forgetBlockText, plainText, readBlocks } from '../readers/blocks.js';
import { divisionHeadStrength } from '../rules/division-head.js';
import { isClassification } from '../rules/classification.js';
import { parseDateline, stripLeadingDate } from '../rules/dateline.js';
import { partiesFromHeading } from '../rules/parties.js';
import { readPrintBlocks, reflowPrint } from '../readers/print-layout.js';
import { segmentDocumentaryVolume } from '../rules/documentary-volume.js';

/** A volume needs at least this many message headings; fewer, and the file is one document. */
const MIN_HEADINGS_FOR_VOLUME = 3;
const MAX_HEADING_CHARS = 260;

export const segmentPass: SourcePass = {
  name: 'segment',
  scope: 'source',
  requires: [],
  run: (source) => segmentDocuments(source),
};

/**
 * Where each document lies in the source's blocks: the cuts are decided over the whole source first (a
 * volume's headings are recognised by their number, a documentary edition's heads by what the whole file
 * prints), the documents then made one at a time.
 */
interface Plan {
  /** The source's blocks, as segmentation read them. */
  blocks: Block[];
  /** Set for a print extraction, whose blocks are read from its lines rebuilt across the page breaks. */
  printed: boolean;
  /** The volume's own document of a documentary volume, made first (its blocks are gathered from between the documents). */
  front?: TeiDocument;
  /**
   * Each document's blocks (`from` up to `to`, indices into `blocks`), with its heading's blocks: `heads`, a
   * volume's heading run (a head or a classification line), `head`, a documentary edition's head.
   */
  documents: Array<{ from: number; to: number; kind: TeiDocument['kind']; heads?: readonly number[]; head?: number }>;
}

/**
 * The documents of a source, one at a time in source order. Only the cuts are held, the blocks of a print
 * extraction, and those of a plain text's first documents: a document given is no longer referenced here, so that it can go once the rest of the pipeline is
 * done with it.
 */
export function* segmentDocuments(source: SourceText, keepBudget = KEEP_BUDGET): Generator<TeiDocument> {
  const plan = planDocuments(source);
  // The first documents keep the plan's blocks with the texts the plan read (documentsWithin). A plain text's other
  // documents are read again from their lines when they are made: the same blocks (a document starts at a block's
  // first line and ends at a block's last; a block never runs past a blank line), and the cuts alone are held
  // meanwhile, not a model of the whole source. A print extraction's blocks are all kept (their lines are rebuilt
  // across page breaks), past the budget without the texts segmentation read them by: a second copy of the source.
  const cuts = plan.documents.map((d) => ({ ...d, fromLine: plan.blocks[d.from]!.line, toLine: plan.blocks[d.to - 1]!.endLine }));
  const blocks: (Block | undefined)[] = [];
  const within = documentsWithin(plan, keepBudget);
  plan.documents.forEach((d, k) => {
    if (k >= within && !plan.printed) return;
    for (let i = d.from; i < d.to; i++) {
      const b = plan.blocks[i]!;
      if (k >= within) forgetBlockText(b);
      blocks[i] = b;
    }
  });
  plan.blocks = [];
  let ordinal = 0;
  if (plan.front) {
    yield plan.front;
    plan.front = undefined;
    ordinal++;
  }
  for (const d of cuts) {
    const docBlocks = blocks[d.from] ? (blocks.slice(d.from, d.to) as Block[]) : readBlocks(source, d.fromLine, d.toLine);
    blocks.fill(undefined, d.from, d.to);
    for (const i of d.heads ?? []) {
      const b = docBlocks[i - d.from]!;
      b.kind = isClassification(plainText(b)) ? 'classification' : 'head';
    }
    if (d.head !== undefined) docBlocks[d.head - d.from]!.kind = 'head';
    yield makeDocument(source, docBlocks, ordinal++, d.kind);
  }
}

/**
 * What the blocks of a source's first documents may hold while they wait to be made ({@link documentsWithin}):
 * characters of their lines, and {@link BLOCK_WEIGHT} for each block. A 10 MB text fits (its peak RSS 201 → 250 MB);
 * of 50 MB, the first fifth (peak RSS 410 → 423 MB; issue 13's bound is 600).
 */
const KEEP_BUDGET = 24 * 1048576;
const BLOCK_WEIGHT = 200;

/**
 * How many of the plan's first documents keep its blocks, up to `budget` ({@link KEEP_BUDGET}; tests compare
 * documents made with none kept): they are the blocks the documents would read again from their lines, with the texts
 * and features the plan's rules already read from them, which every later pass asks for again (reading them again
 * was a tenth of segmentation and structure). Past the budget, a long source is not held twice (its lines and its
 * blocks).
 */
function documentsWithin(plan: Plan, budget: number): number {
  let spent = 0;
  for (let k = 0; k < plan.documents.length; k++) {
    const d = plan.documents[k]!;
    for (let i = d.from; i < d.to; i++) {
      spent += BLOCK_WEIGHT;
      for (const line of plan.blocks[i]!.lines) spent += line.length;
    }
    if (spent > budget) return k;
  }
  return plan.documents.length;
}

function planDocuments(source: SourceText): Plan {
  const printed = reflowPrint(source.lines);
  const blocks = printed ? readPrintBlocks(source, printed) : readBlocks(source);
  const documentary = documentaryPlan(source, blocks, !!printed);
  if (documentary) return documentary;
  let runs = findHeadingRuns(blocks);
  if (runs.length < MIN_HEADINGS_FOR_VOLUME) runs = findNamedHeadings(blocks);
  if (runs.length < MIN_HEADINGS_FOR_VOLUME) {
    return { blocks, printed: !!printed, documents: blocks.length === 0 ? [] : [{ from: 0, to: blocks.length, kind: 'document' }] };
  }
  const starts = attachStarts(blocks, runs);
  const documents: Plan['documents'] = [];
  if (starts[0]! > 0) documents.push({ from: 0, to: starts[0]!, kind: 'front' });
  for (let k = 0; k < runs.length; k++) {
    const heads: number[] = [];
    for (let i = runs[k]!.start; i <= runs[k]!.end; i++) heads.push(i);
    documents.push({ from: starts[k]!, to: k + 1 < runs.length ? starts[k + 1]! : blocks.length, kind: 'telegram', heads });
  }
  return { blocks, printed: !!printed, documents };
}

/**
 * A documentary volume or a file of several documents of a documentary edition (rules/documentary-volume):
 * one document per opening; the heads of the volume's divisions, with any matter before the first document,
 * make the volume's own document (kind `front`), first, which lists every stretch of the source it holds. A
 * running head between blocks goes with the block after it.
 */
function documentaryPlan(source: SourceText, blocks: Block[], printed: boolean): Plan | undefined {
  const content = blocks.filter((b) => b.kind !== 'runningHead');
  const units = segmentDocumentaryVolume(content);
  if (!units) return undefined;
  // Where each content block stands in `blocks`; a unit takes the running heads standing before its first block.
  const position = new Map<Block, number>();
  blocks.forEach((b, i) => position.set(b, i));
  const startOf = (u: { from: number }) => {
    let at = position.get(content[u.from]!)!;
    while (at > 0 && blocks[at - 1]!.kind === 'runningHead') at--;
    return at;
  };
  const spans = units.map((u, k) => ({ unit: u, from: startOf(u), to: k + 1 < units.length ? startOf(units[k + 1]!) : blocks.length }));
  const volume: Block[][] = spans.filter((s) => s.unit.kind === 'divisions').map((s) => blocks.slice(s.from, s.to));
  // The titles among them are the heads of the volume's divisions; anything else (front matter) stays text.
  volume.forEach((stretch, k) => {
    for (const b of stretch) if (b.kind !== 'runningHead' && b.lines.length <= 3 && divisionHeadStrength(blockText(b))) b.divisionHead = k;
  });
  let front: TeiDocument | undefined;
  if (volume.length > 0) {
    front = makeDocument(source, volume.flat(), 0, 'front');
    const ranges = volume.map((bs) => [bs[0]!.line, bs[bs.length - 1]!.endLine] as [number, number]);
    front.startLine = ranges[0]![0];
    front.endLine = ranges[0]![1];
    if (ranges.length > 1) front.moreLines = ranges.slice(1);
  }
  const documents: Plan['documents'] = [];
  for (const s of spans) {
    if (s.unit.kind !== 'document') continue;
    documents.push({ from: s.from, to: s.to, kind: 'document', ...(s.unit.head !== undefined ? { head: position.get(content[s.unit.head]!)! } : {}) });
  }
  return { blocks, printed, ...(front ? { front } : {}), documents };
}

interface HeadingRun {
  start: number;
  end: number;
}

/** Share of capitals among letters; headings in volumes are printed in capitals. */
function capitalShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters === 0 ? 0 : upper / letters;
}


function isCapitalLine(block: Block): boolean {
  const text = stripLeadingDate(plainText(block));
  return text.length > 0 && text.length <= MAX_HEADING_CHARS && capitalShare(text) >= 0.75 && /\p{L}{2}/u.test(text);
}

function findHeadingRuns(blocks: Block[]): HeadingRun[] {
  const runs: HeadingRun[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (!isCapitalLine(blocks[i]!) || parseDateline(plainText(blocks[i]!))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && isCapitalLine(blocks[j + 1]!) && !parseDateline(plainText(blocks[j + 1]!))) j++;
    // The heading proper starts at its first line naming a direction (TO, FROM, FOR), extended upward over
    // lines such as "PERSONAL AND SECRET MESSAGE"; capitals above that (a signature "J. STALIN", a
    // classification line) are not part of it.
    const text = (k: number) => stripLeadingDate(plainText(blocks[k]!));
    let first = i;
    while (first <= j && !/\b(TO|FROM|FOR)\b/.test(text(first))) first++;
    if (first <= j) {
      let start = first;
      while (start - 1 >= i && /\b(MESSAGE|TELEGRAM|REPLY|LETTER)\b/.test(text(start - 1)) && !isClassification(text(start - 1))) start--;
      runs.push({ start, end: j });
    }
    i = j + 1;
  }
  return runs;
}

/**
 * Headings in running case, as documentary editions print them: one short line naming writer and addressee
 * ("Prime Minister Churchill to Premier Stalin", "The Ambassador in the Soviet Union (Harriman) to the
 * Secretary of State"), not a sentence, with text after it.
 */
function findNamedHeadings(blocks: Block[]): HeadingRun[] {
  const runs: HeadingRun[] = [];
  blocks.forEach((b, i) => {
    if (b.lines.length !== 1 || i + 1 >= blocks.length) return;
    const text = plainText(b);
    // Not a sentence, a citation or a line cut by a page break: no figures, no stop inside, and more than a
    // stray line (it stands between two blocks that are not continuations of each other).
    if (text.length > 120 || /[.;:!?,]$/.test(text) || /[.!?]\s+\p{Lu}/u.test(text) || !/\sto\s/i.test(text)) return;
    if (/[\d⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text) || !/^\p{Lu}/u.test(text)) return;
    const next = plainText(blocks[i + 1]!);
    if (/^\p{Ll}/u.test(next) || /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(next)) return;
    const words = text.split(/\s+/);
    if (words.length > 14) return;
    const parties = partiesFromHeading(text);
    const named = (names: unknown[], role?: string) => names.length > 0 || !!role;
    if (parties && named(parties.sender, parties.senderRole) && named(parties.addressees, parties.addresseeRole) && parties.sender.length + parties.addressees.length > 0) {
      runs.push({ start: i, end: i });
    }
  });
  return runs;
}

function isSentLine(block: Block): boolean {
  return block.lines.length === 1 && parseDateline(block.lines[0]!)?.sent === true;
}

function isBareDate(block: Block): boolean {
  return block.lines.length === 1 && parseDateline(block.lines[0]!)?.sent === false;
}

/** For each heading run, the index of the first block of its document. */
function attachStarts(blocks: Block[], runs: HeadingRun[]): number[] {
  const starts: number[] = [];
  const hasSent: boolean[] = [];
  for (let k = 0; k < runs.length; k++) {
    const floor = k === 0 ? -1 : runs[k - 1]!.end;
    let a = runs[k]!.start;
    let sent = false;
    while (a - 1 > floor && (isSentLine(blocks[a - 1]!) || isClassification(plainText(blocks[a - 1]!)))) {
      a--;
      sent ||= isSentLine(blocks[a]!);
    }
    starts.push(a);
    hasSent.push(sent);
  }
  for (let k = 1; k < runs.length; k++) {
    const d = starts[k]! - 1;
    if (d > runs[k - 1]!.end && isBareDate(blocks[d]!) && takesDateFromAbove(blocks, runs, starts, hasSent, k)) {
      starts[k] = d;
    }
  }
  return starts;
}

/**
 * A bare date line between message A's body and message B's heading normally ends A. It dates B instead
 * when A is already dated by its own "Sent on" line and B has no date of its own (no "Sent on" line and
 * no date line at its end): the printer set B's date above its heading.
 */
function takesDateFromAbove(blocks: Block[], runs: HeadingRun[], starts: number[], hasSent: boolean[], k: number): boolean {
  if (!hasSent[k - 1] || hasSent[k]) return false;
  const end = k + 1 < runs.length ? starts[k + 1]! : blocks.length;
  for (let i = runs[k]!.end + 1; i < end; i++) if (isBareDate(blocks[i]!)) return false;
  return true;
}

function makeDocument(source: SourceText, blocks: Block[], ordinal: number, kind: TeiDocument['kind']): TeiDocument {
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  return {
    id: String(ordinal).padStart(3, '0'),
    sourceSlug: sourceSlug(source.file),
    sourceFile: source.file,
    startLine: first.line,
    endLine: last.endLine,
    kind,
    blocks,
    sender: [],
    addressees: [],
    languages: [],
    diagnostics: [],
  };
}

/** "004_a850671e6f376447.txt" → "004_a850671e6f376447": the folder name of a source's documents. */
export function sourceSlug(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'source';
}
