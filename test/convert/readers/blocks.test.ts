/**
 * blocks: lines → blocks. Blank lines separate blocks; a tab-indented line or the line after a very long
 * one starts a block without a blank line; every non-blank line lands in exactly one block.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import type { Block, SourceText } from '../../../src/model/document.js';
import { blockText, firstColumn, foldSpaces, forgetBlockText, joinLines, lineFeature, linesPlainText, linesText, plainText, readBlocks, sliceLines } from '../../../src/convert/readers/blocks.js';
import { splitLines } from '../../../src/convert/readers/decode.js';

function source(text: string): SourceText {
  return { file: 't.txt', encoding: 'utf-8', hadBom: false, byteLength: text.length, lines: splitLines(text) };
}

const spans = (blocks: Block[]) => blocks.map((b) => [b.line, b.endLine, b.lines]);

describe('readers/blocks', () => {
  describe('readBlocks', () => {
    it('separates blocks at blank and whitespace-only lines, with 1-based line ranges', () => {
      const blocks = readBlocks(source('\nfirst a\nfirst b\n\n  \t \nsecond\n\n\nthird\n'));
      assert.deepEqual(spans(blocks), [
        [2, 3, ['first a', 'first b']],
        [6, 6, ['second']],
        [9, 9, ['third']],
      ]);
      for (const b of blocks) {
        assert.equal(b.kind, 'p');
        assert.equal(b.column, 1);
        assert.deepEqual(b.inlines, []);
      }
    });

    it('keeps lines as in the source (indent and trailing spaces)', () => {
      assert.deepEqual(readBlocks(source('  indented  \nnext')).map((b) => b.lines), [['  indented  ', 'next']]);
    });

    it('starts a block at a tab-indented line', () => {
      assert.deepEqual(spans(readBlocks(source('para one\n\tpara two\n  \tpara three\nmore'))), [
        [1, 1, ['para one']],
        [2, 2, ['\tpara two']],
        [3, 4, ['  \tpara three', 'more']],
      ]);
    });

    it('does not start a block at a line indented with spaces only', () => {
      assert.equal(readBlocks(source('para one\n    still one')).length, 1);
    });

    it('starts a block after a line longer than 160 characters', () => {
      const long = 'word '.repeat(33).trim(); // 164 characters
      const notLong = 'x'.repeat(160);
      assert.deepEqual(spans(readBlocks(source(`${long}\nnext paragraph`))), [
        [1, 1, [long]],
        [2, 2, ['next paragraph']],
      ]);
      assert.equal(readBlocks(source(`${notLong}\nsame block`)).length, 1);
    });

    it('reads only the lines from fromLine to toLine', () => {
      const blocks = readBlocks(source('a\n\nb\nc\n\nd'), 3, 4);
      assert.deepEqual(spans(blocks), [[3, 4, ['b', 'c']]]);
    });

    it('gives no blocks for blank input', () => {
      assert.deepEqual(readBlocks(source('\n \n\t\n')), []);
    });

    it('puts every non-blank line in exactly one block, in order', () => {
      const line = fc.oneof(fc.constantFrom('', '  ', '\tindented', 'text', 'x'.repeat(170)), fc.string({ maxLength: 10 }));
      fc.assert(
        fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
          const src: SourceText = { file: 't', encoding: 'utf-8', hadBom: false, byteLength: 0, lines };
          const seen = readBlocks(src).flatMap((b) => b.lines.map((l, i) => ({ n: b.line + i, l, b })));
          const expected = lines.map((l, i) => ({ n: i + 1, l })).filter(({ l }) => l.trim() !== '');
          assert.deepEqual(seen.map(({ n, l }) => ({ n, l })), expected);
          for (const { b } of seen) assert.equal(b.endLine, b.line + b.lines.length - 1);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('firstColumn', () => {
    it('is the 1-based column of the first non-space character', () => {
      assert.equal(firstColumn('abc'), 1);
      assert.equal(firstColumn('   abc'), 4);
      assert.equal(firstColumn('\tabc'), 2);
      assert.equal(firstColumn('   '), 1);
    });
  });

  describe('blockText and plainText', () => {
    const block = (lines: string[]): Block => ({ kind: 'p', line: 1, endLine: lines.length, lines, column: 1, inlines: [] });

    it('blockText joins the lines with single spaces and trims', () => {
      assert.equal(blockText(block(['  The **Soviet**  ', '\tGovernment  '])), 'The **Soviet** Government');
    });

    it('plainText drops the emphasis stars', () => {
      assert.equal(plainText(block(['**PERSONAL AND SECRET**', '*MESSAGE*'])), 'PERSONAL AND SECRET MESSAGE');
    });

    it('reads the new lines when a block’s lines array is replaced', () => {
      const b = block(['old']);
      assert.equal(plainText(b), 'old');
      b.lines = ['new'];
      assert.equal(plainText(b), 'new');
      assert.equal(blockText(b), 'new');
    });
  });
});

describe('readers/blocks: block texts', () => {
  it('joins lines with single spaces and drops emphasis stars, as the regular expressions say, sharing a line spaced singly', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', '  ', '\t', '\u00a0', '\u2003', '*', '**', 'é', '’');
    const line = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const block: Block = { kind: 'p', line: 1, endLine: lines.length, lines, column: 1, inlines: [] };
        const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
        assert.equal(blockText(block), joined);
        assert.equal(plainText(block), joined.replace(/\*+/g, '').trim());
      }),
      { numRuns: 500 },
    );
    const spaced = 'The Secretary of State to the Minister in China';
    assert.equal(blockText({ kind: 'p', line: 1, endLine: 1, lines: [spaced], column: 1, inlines: [] }), spaced);
  });

  it('gives the same texts of a block after forgetting them', () => {
    const block: Block = { kind: 'p', line: 1, endLine: 2, lines: ['*One*', 'two'], column: 1, inlines: [] };
    assert.equal(plainText(block), 'One two');
    forgetBlockText(block);
    assert.equal(blockText(block), '*One* two');
    assert.equal(plainText(block), 'One two');
  });

  it('keeps the texts where copies, clones, JSON and deep equality of the lines do not see them', () => {
    const lines = ['*One*', 'two'];
    const block: Block = { kind: 'p', line: 1, endLine: 2, lines, column: 1, inlines: [] };
    assert.equal(plainText(block), 'One two');
    assert.deepEqual(Object.keys(lines), ['0', '1']);
    assert.equal(JSON.stringify(lines), '["*One*","two"]');
    assert.deepStrictEqual(lines, ['*One*', 'two']);
    // A parked document comes back through v8's serializer: its lines without texts, made again when asked for.
    const back = deserialize(serialize(block)) as Block;
    assert.deepStrictEqual(back, { kind: 'p', line: 1, endLine: 2, lines: ['*One*', 'two'], column: 1, inlines: [] });
    assert.equal(plainText(back), 'One two');
    // The same lines array in a copy of the block shares its texts; a copy of the lines starts anew.
    const copy = { ...block };
    assert.equal(blockText(copy), '*One* two');
    copy.lines = [...lines, 'three'];
    assert.equal(blockText(copy), '*One* two three');
    assert.equal(blockText(block), '*One* two');
  });

  it('reads a feature of a block\'s lines once, for every rule that asks, and afresh for other lines', () => {
    const read: string[][] = [];
    const words = lineFeature((lines) => {
      read.push(lines);
      return linesPlainText(lines).split(' ').length;
    });
    const lines = ['*One*', 'two'];
    const block: Block = { kind: 'p', line: 1, endLine: 2, lines, column: 1, inlines: [] };
    assert.equal(words(block.lines), 2);
    assert.equal(words({ ...block, kind: 'head' }.lines), 2);
    assert.deepEqual(read, [lines]);
    // Another array of the same words is other lines (a block cut or joined gets a new array).
    assert.equal(words(['*One*', 'two', 'three']), 3);
    assert.equal(read.length, 2);
    // Forgetting a block's texts forgets its features too.
    forgetBlockText(block);
    assert.equal(words(lines), 2);
    assert.equal(read.length, 3);
    // A feature found to be nothing is kept as such, not read again; features of one lines array keep apart.
    let asked = 0;
    const nothing = lineFeature(() => {
      asked++;
      return undefined;
    });
    const text = lineFeature((ls) => linesText(ls));
    assert.equal(nothing(lines), undefined);
    assert.equal(nothing(lines), undefined);
    assert.equal(asked, 1);
    assert.equal(text(lines), '*One* two');
    assert.equal(words(lines), 2);
    assert.equal(read.length, 3);
  });
});

describe('readers/blocks: foldSpaces (property)', () => {
  it('folds as replace(/\\s+/g, " ") does, and returns a text with nothing to fold as it is', () => {
    const characters = fc.constantFrom('a', 'é', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '*', '𝔄');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.equal(foldSpaces(text), text.replace(/\s+/g, ' '));
      }),
      { numRuns: 2000 },
    );
    const even = 'one two three';
    assert.equal(foldSpaces(even), even);
  });

  describe('joinLines', () => {
    const block = (line: number, lines: string[], extra: Partial<Block> = {}): Block => ({ kind: 'p', line, endLine: line + lines.length - 1, lines, column: 1, inlines: [], ...extra });

    it('joins a block and the one on the next line without pieces: line i is still source line line + i', () => {
      const joined = joinLines(block(4, ['a', 'b']), block(6, ['c']));
      assert.deepEqual([joined.line, joined.endLine, joined.lines, joined.pieces, joined.pageBreaks], [4, 6, ['a', 'b', 'c'], undefined, undefined]);
    });

    it('keeps each line’s source position across a gap, and a page break inside the second block on its own line', () => {
      const head = block(20, ['PAGE HEAD'], { kind: 'runningHead' });
      const second = block(9, ['c', 'd'], { column: 3, pieces: [[{ offset: 0, line: 9, column: 3 }], [{ offset: 0, line: 12, column: 1 }]], endLine: 12, pageBreaks: [{ at: 1, offset: 0, head }] });
      const joined = joinLines(block(4, ['a', 'b']), second);
      assert.deepEqual([joined.line, joined.endLine, joined.column], [4, 12, 1]);
      assert.deepEqual(joined.pieces!.map((p) => p.map((x) => [x.line, x.column])), [[[4, 1]], [[5, 1]], [[9, 3]], [[12, 1]]]);
      assert.deepEqual(joined.pageBreaks!.map((b) => [b.at, b.head.lines[0]]), [[3, 'PAGE HEAD']]);
      // What sliceLines cuts off the joined block is the second block again.
      const again = sliceLines({ ...block(4, []), ...joined }, 2);
      assert.deepEqual([again.line, again.endLine, again.lines, again.pageBreaks?.map((b) => b.at)], [9, 12, ['c', 'd'], [1]]);
    });
  });
});
