/**
 * document-end: closing formula, signature block, place-and-date line and address at the foot of a letter, read
 * backwards from its end; signatures after a closing formula anywhere. On the FRUS dev documents (where present),
 * the signature the editors marked is the one found.
 */
import assert from 'node:assert/strict';
import type { Block } from '../../../src/model/document.js';
import { readClosedSignatures, readDocumentEnd } from '../../../src/convert/rules/document-end.js';
import { referencedMarkers, splitFootnoteBlock } from '../../../src/convert/rules/footnote-block.js';
import { readSourceLine } from '../../../src/convert/rules/source-note.js';
import { frusDocuments } from '../../helpers/frus.js';

/** Blocks as blank lines separate them, every one a paragraph (what the structure pass starts from). */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let line = 1;
  for (const raw of text.split('\n\n')) {
    const lines = raw.split('\n').filter((l) => l.trim());
    if (lines.length > 0) blocks.push({ kind: 'p', line, endLine: line + lines.length - 1, lines, column: 1, inlines: [] });
    line += raw.split('\n').length + 1;
  }
  return blocks;
}

describe('rules/document-end', () => {
  it('a closing formula, then the name on the next line of the same block', () => {
    const blocks = blocksOf('Dear Mr. Horner,\n\nI have read your paper.\n\nYours very faithfully,\nCharles Lyell');
    assert.deepEqual(readDocumentEnd(blocks, 0, blocks.length), [{ index: 2, split: { closingLines: 1 } }]);
  });

  it('a block of 100,000 short lines is read in one pass over its last lines, not a growing prefix per line', function () {
    // Trying every split of the block joined the lines before each one: 20,000 lines took 23 s, 100,000 many
    // minutes. Only as many splits as a signature block has lines are tried now; the ceiling is generous.
    this.timeout(30000);
    const block = blocksOf(Array.from({ length: 100000 }, () => 'ab').join('\n'));
    assert.deepEqual(readDocumentEnd(block, 0, block.length), []);
    const closed = blocksOf(`${Array.from({ length: 100000 }, () => 'ab').join('\n')}\n\nYours very faithfully,\nCharles Lyell`);
    assert.deepEqual(readDocumentEnd(closed, 0, closed.length), [{ index: 1, split: { closingLines: 1 } }]);
  });

  it('a closing of several lines is found before the name, its white space and stars folded as the formula reads them', () => {
    const blocks = blocksOf('Sir: I have the honor to report.\n\nI have the honor to be,\nSir,\nYour obedient servant,\nJohn Hay');
    assert.deepEqual(readDocumentEnd(blocks, 0, blocks.length), [{ index: 1, split: { closingLines: 3 } }]);
    // 300 spaces and stars are more than the longest formula's 240 characters, but fold to one space.
    const padded: Block[] = [{ kind: 'p', line: 1, endLine: 3, lines: [`**Yours**${' '.repeat(300)}`, 'very truly,', 'John Smith'], column: 1, inlines: [] }];
    assert.deepEqual(readDocumentEnd(padded, 0, 1), [{ index: 0, split: { closingLines: 2 } }]);
  });

  it('"I have the honor to be, etc.," then "W. W. Rockhill."', () => {
    const blocks = blocksOf('Sir: I have the honor to report.\n\nI have the honor to be, etc.,\n\nW. W. Rockhill.');
    assert.deepEqual(readDocumentEnd(blocks, 0, blocks.length), [
      { index: 2, kind: 'signed' },
      { index: 1, kind: 'closing' },
    ]);
  });

  it('a name as the last block of a telegram, an address at the foot, a place-and-date line after the signature', () => {
    const telegram = blocksOf('1386. Your 1239 received.\n\nLansing');
    assert.deepEqual(readDocumentEnd(telegram, 0, telegram.length), [{ index: 1, kind: 'signed' }]);
    const note = blocksOf('The Ambassador presents his compliments.\n\nA. Eden\n\nHis Excellency M. Ivan Maisky.');
    assert.deepEqual(readDocumentEnd(note, 0, note.length), [
      { index: 2, kind: 'address' },
      { index: 1, kind: 'signed' },
    ]);
    const letter = blocksOf('I shall write again.\n\nYours sincerely,\n\nJohn Smith\n\nLondon, May 4, 1943.');
    assert.deepEqual(readDocumentEnd(letter, 0, letter.length), [
      { index: 3, kind: 'dateline' },
      { index: 2, kind: 'signed' },
      { index: 1, kind: 'closing' },
    ]);
  });

  it('a countersignature after the place and date, the signature above them', () => {
    const blocks = blocksOf('I have received Your Majesty’s message.\n\nWilliam McKinley.\n\nJuly 23, 1900.\n\nBy the President:\nJohn Hay, Secretary of State.');
    assert.deepEqual(readDocumentEnd(blocks, 0, blocks.length), [
      { index: 3, kind: 'signed' },
      { index: 2, kind: 'dateline' },
      { index: 1, kind: 'signed' },
    ]);
    // "By" before a line that is no authority's name and no signature under it: text.
    const prose = blocksOf('The text.\n\nBy the way:\nthe treaty was signed.');
    assert.deepEqual(readDocumentEnd(prose, 0, prose.length), []);
  });

  it('a last word of prose is not a signature; a document that is only a name is not signed', () => {
    const prose = blocksOf('The proposal was put to the Council.\n\nApproved.');
    assert.deepEqual(readDocumentEnd(prose, 0, prose.length), []);
    const alone = blocksOf('Lansing');
    assert.deepEqual(readDocumentEnd(alone, 0, alone.length), []);
  });

  it('readClosedSignatures: the covering letter signed before the papers it encloses', () => {
    const blocks = blocksOf('Sir: I inclose a translation.\n\nI have the honor, etc.,\n\nW. W. Rockhill.\n\n[Translation.]\n\nThe Prince to the Minister.\n\nText.\n\nChing.');
    assert.deepEqual(readClosedSignatures(blocks, 0, blocks.length), [
      { index: 1, kind: 'closing' },
      { index: 2, kind: 'signed' },
    ]);
  });

  it('finds the signature the FRUS editors marked in 99 % of the signed documents, and few others', function () {
    const docs = frusDocuments();
    if (!docs) {
      console.log('      skipped: ../shared/frus-dev is not available');
      this.skip();
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { gold, text } of docs) {
      const blocks = blocksOf(text);
      const refs = referencedMarkers(text);
      let end = blocks.length;
      while (end > 0 && splitFootnoteBlock(blocks[end - 1]!, refs)) end--;
      const enclosure = blocks.findIndex((b) => readSourceLine(b.lines[0]!)?.enclosure);
      const to = enclosure > 0 && enclosure < end ? enclosure : end;
      const found = [...readClosedSignatures(blocks, 0, to), ...readDocumentEnd(blocks, 0, to)].find((d) => 'split' in d || d.kind === 'signed');
      const got = !found ? undefined : 'split' in found ? blocks[found.index]!.lines.slice(found.split.closingLines).join(' ') : blocks[found.index]!.lines.join(' ');
      const want = gold.signed?.toLowerCase();
      if (want && got && (got.toLowerCase().includes(want) || want.includes(got.toLowerCase()))) tp++;
      else {
        if (want) fn++;
        if (got) fp++;
      }
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    assert.ok(f1 >= 0.99, `F1 ${f1.toFixed(3)}: ${tp} found, ${fp} wrong, ${fn} missed`);
  });
});
