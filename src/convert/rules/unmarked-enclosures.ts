/**
 * Enclosures printed without a marker: the papers a despatch sends, printed after its signature with no
 * "[Inclosure.]" line above them. What tells one in the layout is that the covering letter has ended (its closing
 * formula and signature) and a paper opens as a document does: a head naming its parties ("Prince Ching and Li
 * Hung-chang to M. de Cologan."), a title ("Memorandum.", "Report of the Commission …"), an editor's source line
 * ("[Translation.]"), or a place and date over a salutation. Once one paper has begun, the next begins after that
 * paper's own signature in the same way, or at a head naming its parties over a document's opening (papers exchanged
 * between others seldom close with the covering letter's formulas: "… we beg that you will confer with your
 * colleagues." and no signature, then "M. de Cologan to the Chinese plenipotentiaries." / "[Translation.]").
 *
 * Reads blocks as the structure pass's recognisers left them, before the opening and end of each part are read.
 */
import type { Block } from '../../model/document.js';
import { lineFeature, plainText } from '../readers/blocks.js';
import { datelineBlockOf } from './dateline-block.js';
import { mayNameBothParties, runningHeadingOf } from './heading-parties.js';
import { footAddressOf } from './letter-parties.js';
import { SEAL_LINE, isClosingFormula, isClosingFormulaBlock, isSignedName, readSignatureBlock, signatureBlockOf } from './signature.js';
import { isBracketedLine, isEnclosureMarker, readSourceLine } from './source-note.js';
import { isSalutation } from './salutation.js';

/** Where an enclosure printed without a marker opens, and what its first block is. */
export interface UnmarkedOpening {
  at: number;
  /** `head`: its first block is the paper's head or title; `source`: an editor's source line; `dateline`: its dateline. */
  first: 'head' | 'source' | 'dateline';
  /** A head printed above its enclosure's marker: the marker's index (the enclosure opens at the head, as marked). */
  marker?: number;
  /** 1 after the covering letter; after an enclosure, its own level, or the next when that enclosure says it encloses. */
  level: 1 | 2;
}

/** "I inclose …", "the inclosed letter", "I transmit to you herewith this document": a paper that sends papers. */
const ENCLOSING = /\b(?:in|en)clos(?:e|ed|es|ing|ure|ures)\b|\bherewith\b/i;

/** Blocks that stand anywhere on a page and say nothing of where a paper begins. */
const FURNITURE: ReadonlySet<Block['kind']> = new Set(['catch', 'pageNum', 'runningHead', 'marginal', 'turnOver']);

/** The most characters of a title printed over a paper with no parties named ("Memorandum presented to …"). */
const MAX_TITLE_CHARS = 160;

/** "His Excellency the Minister of Spain, Peking.", "The Honorable the Secretary of State,": whom a letter is addressed to. */
const ADDRESSED = /^(?:To\s+)?(?:(?:His|Her|Their)\s+(?:Excellency|Excellencies|Highness|Majesty)|(?:The\s+)?(?:Honou?rable|Hon\.))\s+\S/;

/** An address over a letter's salutation: one to three short lines naming whom it is addressed to. */
export function isAddressOver(b: Block): boolean {
  return b.lines.length <= 3 && b.lines.every((l) => l.trim().length <= 80) && (ADDRESSED.test(textOf(b)) || !!footAddressOf(b.lines));
}

/** The block's text without stars (`plainText`, kept with the block's texts). */
function textOf(b: Block): string {
  return plainText(b);
}

/** A head that names who wrote to whom: "Mr. de Giers to Mr. Pichon.", "The Chinese plenipotentiaries to M. de Cologan.". */
function namesParties(b: Block): boolean {
  // "Commissioner of the United States to China, / Peking, April 16, 1901.": a dateline block, not a head.
  if (b.lines.length > 3 || (b.kind !== 'p' && b.kind !== 'head')) return false;
  // Asked of every paragraph: most hold no " to " and are answered before the dateline and heading readers.
  const text = textOf(b);
  if (!mayNameBothParties(text) || datelineBlockOf(b.lines)) return false;
  const reading = runningHeadingOf(b.lines);
  return !!reading && reading.sender.length > 0 && reading.addressees.length > 0;
}

/**
 * A title printed in small capitals, which the text gives in lower case ("text of agreement."): a few words, no
 * capital, a full stop. Only where a paper may open (after the covering letter's end): elsewhere such lines are
 * section heads inside a paper ("conclusions.", "manchuria.").
 */
function isSmallCapitalsTitle(b: Block): boolean {
  if (b.lines.length !== 1 || b.kind !== 'p') return false;
  const t = textOf(b);
  return t.length <= 60 && /^\p{Ll}[\p{Ll}’'\s-]*\.$/u.test(t) && t.split(/\s+/).length <= 8;
}

/**
 * A title over a paper: one short capitalised line, not a sentence followed by another, not a name, a date line, a
 * source line, a closing formula or an address ("Memorandum.", "Imperial Edict.", "Extract from “Shanghai
 * Mercury,” May 8.", "Telegram sent to the representatives …", "Memorandum touching …").
 */
function isTitle(b: Block): boolean {
  if (b.lines.length !== 1 || (b.kind !== 'p' && b.kind !== 'head')) return false;
  const t = textOf(b);
  if (t.length === 0 || t.length > MAX_TITLE_CHARS || !/^\p{Lu}/u.test(t) || /[:;,—-]$/.test(t) || /[:;]\s/.test(t) || /^(?:To|By|For|Note)\b/.test(t)) return false;
  if (opensSecondSentence(t)) return false;
  if (isSignedName(t) || signatureBlockOf(b.lines) || isClosingFormulaBlock(b.lines) || datelineBlockOf(b.lines) || isBracketedLine(t) || footAddressOf(b.lines)) return false;
  // A title names a paper by its kind ("Memorandum …", "Report of …", "List of …", "Imperial Edict.": what the heading
  // rules read as a described document), or is printed in title case ("American Foreign Exchange Problems in …"): a
  // sentence of the text is neither ("At the banquet last night the Marshal proposed a toast …").
  return runningHeadingOf(b.lines) !== undefined || isTitleCase(t);
}

/**
 * ". Read by M. de Cologan": a full stop and a capital that open a second sentence, not the stop of an abbreviation
 * ("M. de Cologan", "etc., to", "Maj. H. Gould-Adams", "Lieut. Col. Reid") or of an initial.
 */
export function opensSecondSentence(text: string): boolean {
  return /(?<!\b(?:Mr|Mrs|Dr|M|St|Messrs|Gen|Col|Capt|Maj|Lieut|Lt|Adm|Comdr|Sergt|Sgt|Hon|Rev|Prof|Gov|Sen|Rep|No|Jr|Sr|etc|\p{Lu}))[.!?]\s+\p{Lu}/u.test(text);
}

/** Most words of four letters or more begin with a capital, and at least two do. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}’'-]{3,}/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised >= 2 && capitalised >= 0.7 * words.length;
}

/** A signature or a closing formula: a part's end, not a paper's text. */
function isEnding(b: Block): boolean {
  return isSignedName(textOf(b)) || !!signatureBlockOf(b.lines) || isClosingFormulaBlock(b.lines);
}

/** The index of the first block from `i` on that is no page furniture (blocks.length when there is none). */
function nextSolid(blocks: readonly Block[], i: number, end: number): number {
  let j = i;
  while (j < end && FURNITURE.has(blocks[j]!.kind)) j++;
  return j;
}

/** A document's opening follows block i within three blocks: a source line, a date line, a salutation. */
function openingFollows(blocks: readonly Block[], i: number, end: number): boolean {
  for (let j = nextSolid(blocks, i + 1, end), seen = 0; j < end && seen < 3; j = nextSolid(blocks, j + 1, end), seen++) {
    const b = blocks[j]!;
    // "December 22, 1900." over "[Inclosure 4 …]": the date closes the paper before; the marker opens the next.
    if (b.opensEnclosure || isEnclosureMarker(textOf(b))) return false;
    if (isSalutation(b) || b.kind === 'dateline' || datelineBlockOf(b.lines)?.dateline) return true;
    if (b.lines.length === 1 && readSourceLine(textOf(b))) continue;
    // An address under the head ("His Excellency the Minister of Spain, Peking.") may stand before the salutation.
    if (isAddressOver(b)) continue;
    return false;
  }
  return false;
}

/**
 * A paper's text follows block i within four blocks: a paragraph that is no title, or a salutation or a date line;
 * titles, source lines and a section number may stand between. A title followed by another and the end of the
 * document is a volume's division heads ("Negotiations of the powers with China: list of papers." / "Negotiations of
 * the powers with China."), not a paper.
 */
function textFollows(blocks: readonly Block[], i: number, end: number): boolean {
  for (let j = nextSolid(blocks, i + 1, end), seen = 0; j < end && seen < 4; j = nextSolid(blocks, j + 1, end), seen++) {
    const b = blocks[j]!;
    if (b.kind === 'noteBody' || b.opensEnclosure) return false;
    if (isSalutation(b) || b.kind === 'dateline' || datelineBlockOf(b.lines)?.dateline) return true;
    if (b.kind === 'p' && !isTitle(b) && !namesParties(b) && !isEnding(b) && !(b.lines.length === 1 && isBracketedLine(textOf(b)))) return true;
  }
  return false;
}

/**
 * How block i opens a paper after a part has ended, if it does: a head naming parties or a title with text after
 * it; an editor's source line ("[Translation.]") with more after it; a date line over a salutation (with an address
 * between: "Lan-chou, March 6, 1901." / "His Excellency the Minister of Spain, Peking." / "Excellency:").
 */
function opensPaper(blocks: readonly Block[], i: number, end: number): UnmarkedOpening['first'] | undefined {
  const b = blocks[i]!;
  if (b.kind === 'noteBody' || b.kind === 'postscript') return undefined;
  const t = textOf(b);
  if (b.lines.length === 1 && isBracketedLine(t)) {
    const source = readSourceLine(t);
    return source && source.kinds.length > 0 && !source.enclosure && textFollows(blocks, i, end) ? 'source' : undefined;
  }
  if ((namesParties(b) || isTitle(b) || isSmallCapitalsTitle(b)) && textFollows(blocks, i, end)) return 'head';
  if ((b.kind === 'dateline' || datelineBlockOf(b.lines)?.dateline) && openingFollows(blocks, i, end)) return 'dateline';
  return undefined;
}

/**
 * True when the block is a signature block, or a closing formula with the signature under it in one block, or the
 * seal that stands for a signature ("[Seal of Chinese Plenipotentiaries.]": a Chinese paper is sealed, not signed).
 */
function isSignature(b: Block): boolean {
  if (b.kind === 'signed') return true;
  if (b.lines.length === 1 && SEAL_LINE.test(textOf(b))) return true;
  if (b.kind !== 'p' && b.kind !== 'closing') return false;
  return !!signatureBlockOf(b.lines) || holdsClosing(b);
}

/** "I have, etc.,\nW. W. Rockhill.": a closing formula and the signature under it, in one block. */
function holdsClosing(b: Block): boolean {
  return b.lines.length >= 2 && b.lines.length <= 14 && linesHoldClosing(b.lines);
}

const linesHoldClosing = lineFeature((blockLines) => {
  const lines = blockLines.map((l) => l.trim()).filter(Boolean);
  for (let k = 1; k < lines.length; k++) if (isClosingFormula(lines.slice(0, k).join(' ')) && readSignatureBlock(lines.slice(k))) return true;
  return false;
});

/** One to three lines of at most 60 characters: the room a signature and its office take. */
function isShortBlock(b: Block): boolean {
  return b.kind === 'p' && b.lines.length <= 3 && b.lines.every((l) => l.trim().length <= 60);
}

function isClosing(b: Block): boolean {
  return b.kind === 'closing' || ((b.kind === 'p' || b.kind === 'salute') && isClosingFormulaBlock(b.lines));
}

/**
 * The blocks that open an enclosure printed without a marker, in order, among blocks `[from, end)` (the document
 * without its footnote block). `markers` are the blocks that open marked enclosures: each starts a part afresh.
 */
export function findUnmarkedEnclosures(blocks: readonly Block[], end: number, markers: ReadonlyMap<number, 1 | 2>): UnmarkedOpening[] {
  const out: UnmarkedOpening[] = [];
  /** The current part has ended: its signature (after a closing formula, in the covering letter) has been read. */
  let ended = false;
  /** A closing formula was the last solid block. */
  let closing = false;
  /** Papers have begun: the covering letter ended and an enclosure, marked or not, opened. */
  let inPapers = false;
  /** The paper open now has running text: its head, source lines and dateline are behind. */
  let textSince = false;
  /** The level of the paper open now (0: the covering letter), and whether its text says it encloses papers. */
  let level: 0 | 1 | 2 = 0;
  let encloses = false;
  const open = (opening: Omit<UnmarkedOpening, 'level'>) => {
    const own: 1 | 2 = level === 0 ? 1 : encloses ? 2 : level;
    out.push({ ...opening, level: own });
    ended = closing = textSince = encloses = false;
    inPapers = true;
    level = own;
  };
  for (let i = 1; i < end; i++) {
    const b = blocks[i]!;
    if (FURNITURE.has(b.kind)) continue;
    if (markers.has(i) || isEnclosureMarker(textOf(b))) {
      ended = closing = textSince = encloses = false;
      inPapers = true;
      level = markers.get(i) ?? 1;
      continue;
    }
    if (ended) {
      const first = opensPaper(blocks, i, end);
      if (first) {
        // "Imperial Edict." over "[Inclosure.—Translated from the Peking Gazette …]": the marked enclosure's head.
        const next = nextSolid(blocks, i + 1, end);
        const marker = first === 'head' && next < end && (markers.has(next) || isEnclosureMarker(textOf(blocks[next]!))) ? next : undefined;
        open({ at: i, first, ...(marker !== undefined ? { marker } : {}) });
        if (marker !== undefined) {
          level = markers.get(marker) ?? level;
          i = marker;
        }
        continue;
      }
      // What may close a letter after its signature: a place-and-date line, an address at the foot, the office.
      if (b.kind === 'dateline' || datelineBlockOf(b.lines)?.dateline || footAddressOf(b.lines) || isSignature(b)) continue;
      ended = false;
    }
    // A paragraph of running text changes what is known only while there has been none, or while none has said that
    // it encloses papers and this one does: only then is it asked whether it names parties (asked once, for both tests).
    // Whether the paragraph says that it encloses, read once for both tests that ask (the whole paragraph is searched).
    let enclosing: boolean | undefined;
    const mayBeText = b.kind === 'p' && (!textSince || (!encloses && (enclosing = ENCLOSING.test(textOf(b)))));
    let names = mayBeText ? namesParties(b) : undefined;
    // Inside the papers every paragraph may be a head over a document's opening: what follows it is asked first (a
    // look at the next few blocks), the heading reader only of the few a salutation or a date line follows.
    if (inPapers && textSince && openingFollows(blocks, i, end) && (names ??= namesParties(b))) {
      open({ at: i, first: 'head' });
      continue;
    }
    if (mayBeText && !names && !datelineBlockOf(b.lines) && !(b.lines.length === 1 && isBracketedLine(textOf(b)))) {
      textSince = true;
      encloses ||= enclosing ?? ENCLOSING.test(textOf(b));
    }
    // After a closing formula, a short block is the signature, whatever its words ("Louis de M. (Maesster?),\nMissionaire.").
    // Outside the papers and after no closing formula, only a block that holds its own closing formula ends the part:
    // the signature readers are asked of the few blocks that do (a signed block, a paragraph or a closing of two lines
    // or more), not of every paragraph of a covering letter.
    const signs = closing || inPapers ? isSignature(b) : (b.kind === 'p' || b.kind === 'closing' || b.kind === 'signed') && holdsClosing(b) && isSignature(b);
    if (signs || (closing && inPapers && isShortBlock(b))) {
      ended = true;
      closing = false;
      continue;
    }
    closing = isClosing(b);
  }
  return out;
}
