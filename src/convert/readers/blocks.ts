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
  for (let n = fromLine; n <= toLine; n++) {
    const text = source.lines[n - 1] ?? '';
    if (text.trim() === '') {
      current = undefined;
      continue;
    }
    // Word processors write a paragraph as one long line, and indent its first line: either starts a
    // new block even without a blank line.
    if (current && (/^\s*\t/.test(text) || (source.lines[n - 2] ?? '').length > LONG_LINE)) current = undefined;
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
const joinedCache = new WeakMap<string[], string>();
const plainCache = new WeakMap<string[], string>();

/** The block's lines joined with single spaces, trimmed: what classifiers look at. */
export function blockText(block: Block): string {
  let text = joinedCache.get(block.lines);
  if (text === undefined) {
    text = block.lines.join(' ').replace(/\s+/g, ' ').trim();
    joinedCache.set(block.lines, text);
  }
  return text;
}

/** The block's text without the source's bold/italic markers, for classification. */
export function plainText(block: Block): string {
  let text = plainCache.get(block.lines);
  if (text === undefined) {
    text = blockText(block).replace(/\*+/g, '').trim();
    plainCache.set(block.lines, text);
  }
  return text;
}
