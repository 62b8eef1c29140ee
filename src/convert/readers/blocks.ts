/**
 * Lines → blocks: what blank lines separate. Every non-blank line of the source belongs to exactly one
 * block, which is what lets later passes prove that nothing was lost.
 */
import type { Block, SourceText } from '../../model/document.js';

/** A line longer than this is a whole paragraph, not a printed line. */
const LONG_LINE = 160;

export function readBlocks(source: SourceText, fromLine = 1, toLine = source.lines.length): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  // The line before, while it is in the current block (a block starts after a blank line or at `fromLine`).
  let previous = '';
  for (let n = fromLine; n <= toLine; n++) {
    const text = source.lines.at(n - 1) ?? '';
    if (text.trim() === '') {
      current = undefined;
      continue;
    }
    // Word processors write a paragraph as one long line, and indent its first line: either starts a
    // new block even without a blank line.
    if (current && (/^\s*\t/.test(text) || previous.length > LONG_LINE)) current = undefined;
    previous = text;
    if (!current) {
      current = { kind: 'p', line: n, endLine: n, lines: [], column: 1, inlines: [] };
      blocks.push(current);
    }
    current.lines.push(text);
    current.endLine = n;
  }
  return blocks;
}

/** 1-based column of the first non-space character. */
export function firstColumn(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index + 1 : 1;
}

// Classifiers ask for a block's text many times; it changes only when its lines array is replaced.
/**
 * White space other than the space, which `blockText` changes wherever it stands (two spaces are looked for apart:
 * `includes` and this class test together take four fifths of the time of the one expression `/[^\S ]| {2}/`).
 */
const OTHER_SPACE = /[^\S ]/;

/**
 * The texts made from a block's lines, kept on the lines array itself under a symbol, not in a WeakMap: a property
 * read where a WeakMap lookup hashed the array (about 5× the time, measured), and no ephemeron table for the garbage
 * collector to walk. The property is not enumerable, so that copies of the array, structured clones, JSON and
 * deep-equality leave it out; a new lines array starts without texts, as a new WeakMap key did.
 */
const TEXTS = Symbol('texts of these lines');
interface LineTexts {
  joined: string | undefined;
  plain: string | undefined;
  /** What rules read from these lines (see {@link lineFeature}), by slot; absent until one is asked. */
  features: unknown[] | undefined;
}
type LinesWithTexts = string[] & { [TEXTS]?: LineTexts };

function textsOf(lines: string[]): LineTexts {
  const withTexts = lines as LinesWithTexts;
  let texts = withTexts[TEXTS];
  if (texts === undefined) {
    texts = { joined: undefined, plain: undefined, features: undefined };
    Object.defineProperty(lines, TEXTS, { value: texts });
  }
  return texts;
}

/**
 * `text.replace(/\s+/g, ' ')`: each run of white space one space. A text already spaced singly (most are) is
 * returned as it is, not copied: the expression would replace every single space by another.
 */
export function foldSpaces(text: string): string {
  return text.includes('  ') || OTHER_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** The block's lines joined with single spaces, trimmed: what classifiers look at. */
export function blockText(block: Block): string {
  return linesText(block.lines);
}

/** {@link blockText} of a block's lines: for a rule that reads lines alone (see {@link lineFeature}). */
export function linesText(lines: string[]): string {
  const texts = textsOf(lines);
  let text = texts.joined;
  if (text === undefined) {
    // A line already spaced singly is its own text, not a copy: the texts of a whole source are asked for at once.
    const joined = lines.length === 1 ? lines[0]! : lines.join(' ');
    text = foldSpaces(joined).trim();
    texts.joined = text;
  }
  return text;
}

/**
 * Lets go of the texts kept for a block (a copy of its lines): for blocks that wait a long time before they are
 * looked at again (those segmentation has cut but not yet given), which would otherwise hold a second copy of the
 * source. They are made again when asked for.
 */
export function forgetBlockText(block: Block): void {
  const texts = (block.lines as LinesWithTexts)[TEXTS];
  if (texts === undefined) return;
  texts.joined = undefined;
  texts.plain = undefined;
  texts.features = undefined;
}

/** A feature read and found to be undefined (a slot never read holds `undefined` itself). */
const NOTHING = Symbol('read: nothing');
let featureSlots = 0;

/**
 * A question about a block's lines that several rules ask (is it a signature block, a dateline block, a closing
 * formula?), answered once and kept beside the block's texts: `read` runs the first time a rule asks about these
 * lines, and every later ask, by any rule, in any pass, gets that answer. `read` must depend on the lines alone
 * (not on the block's kind, nor on its neighbours) and its answer must not be changed by those who ask: it is
 * shared. A block whose lines are replaced (cut, split, joined) is a new array, asked afresh.
 */
export function lineFeature<T>(read: (lines: string[]) => T): (lines: string[]) => T {
  const slot = featureSlots++;
  return (lines) => {
    const texts = textsOf(lines);
    const features = (texts.features ??= []);
    const kept = features[slot];
    if (kept !== undefined) return (kept === NOTHING ? undefined : kept) as T;
    const found = read(lines);
    features[slot] = found === undefined ? NOTHING : found;
    return found;
  };
}

/** The block's text without the source's bold/italic markers, for classification. */
export function plainText(block: Block): string {
  return linesPlainText(block.lines);
}

/** {@link plainText} of a block's lines: for a rule that reads lines alone (see {@link lineFeature}). */
export function linesPlainText(lines: string[]): string {
  const texts = textsOf(lines);
  let text = texts.plain;
  if (text === undefined) {
    const joined = linesText(lines);
    text = joined.includes('*') ? joined.replace(/\*+/g, '').trim() : joined;
    texts.plain = text;
  }
  return text;
}

/**
 * Lines `from`–`to` (exclusive) of a block as the fields of a block of their own: lines, first and last source
 * line, and for a print extraction the pieces and page breaks that fall among them. Passes that cut a block
 * (a trailing date line, a signature after a closing, one note of a footnote block) cut through this, so that
 * every piece of text keeps its source position.
 */
export function sliceLines(block: Block, from: number, to = block.lines.length): Pick<Block, 'lines' | 'line' | 'endLine' | 'column' | 'pieces' | 'pageBreaks'> {
  const lines = block.lines.slice(from, to);
  const column = from === 0 ? block.column : 1;
  if (!block.pieces) return { lines, line: block.line + from, endLine: block.line + to - 1, column, pieces: undefined, pageBreaks: undefined };
  const pieces = block.pieces.slice(from, to);
  const pageBreaks = block.pageBreaks?.filter((b) => b.at >= from && b.at < to).map((b) => ({ ...b, at: b.at - from }));
  return { lines, line: pieces[0]![0]!.line, endLine: pieces[pieces.length - 1]!.at(-1)!.line, column, pieces, pageBreaks: pageBreaks && pageBreaks.length > 0 ? pageBreaks : undefined };
}

/**
 * The lines of `first` and then of `second` as the fields of one block (what {@link sliceLines} cut, put together
 * again): each piece of text keeps its source position, and page breaks inside `second` keep their place.
 */
export function joinLines(first: Block, second: Block): Pick<Block, 'lines' | 'line' | 'endLine' | 'column' | 'pieces' | 'pageBreaks'> {
  const lines = [...first.lines, ...second.lines];
  // Without pieces line i is source line `line + i`: the two blocks need them unless the second follows on the next line.
  const adjacent = !first.pieces && !second.pieces && second.line === first.endLine + 1 && second.column === 1 && first.endLine === first.line + first.lines.length - 1;
  const piecesOf = (b: Block): NonNullable<Block['pieces']> => b.pieces ?? b.lines.map((_, i) => [{ offset: 0, line: b.line + i, column: i === 0 ? b.column : 1 }]);
  const pieces = adjacent ? undefined : [...piecesOf(first), ...piecesOf(second)];
  const pageBreaks = [...(first.pageBreaks ?? []), ...(second.pageBreaks ?? []).map((b) => ({ ...b, at: b.at + first.lines.length }))];
  return { lines, line: first.line, endLine: second.endLine, column: first.column, pieces, pageBreaks: pageBreaks.length > 0 ? pageBreaks : undefined };
}
