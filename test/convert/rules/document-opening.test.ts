/** document-opening: file number, head, source lines, despatch number, dateline block and memo header, in order. */
import assert from 'node:assert/strict';
import type { Block } from '../../../src/model/document.js';
import { readDocumentOpening } from '../../../src/convert/rules/document-opening.js';
import { frusDocuments } from '../../helpers/frus.js';

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

describe('rules/document-opening', () => {
  it('a FRUS telegram: file number, head, [Telegram], dateline with receipt line; the text stops the reading', () => {
    const blocks = blocksOf('File No. 861.51/142\n\nThe Secretary of State to the Ambassador in Russia (Francis)\n\n[Telegram]\n\nWashington, May 7, 1917, 5 p.m.\n[Received May 8, 7.45 p.m.]\n\n1386. Your 1239 received.\n\n[Paraphrase]');
    assert.deepEqual(readDocumentOpening(blocks), [
      { index: 0, kind: 'sourceNote' },
      { index: 1, kind: 'head' },
      { index: 2, kind: 'sourceNote' },
      { index: 3, kind: 'dateline' },
    ]);
  });

  it('a 1901 despatch: head ending in a full stop, office line over the dateline, despatch number', () => {
    const blocks = blocksOf('Mr. Rockhill to Mr. Hay.\n\nCommissioner of the United States to China,\nPeking, April 16, 1901.\n\nNo. 69.]\n\nSir: I have the honor to report.');
    assert.deepEqual(readDocumentOpening(blocks), [
      { index: 0, kind: 'head' },
      { index: 1, kind: 'dateline' },
      { index: 2, kind: 'reference' },
    ]);
  });

  it('a source line the block recognisers already read does not end the opening: the dateline block under it is read', () => {
    const blocks = blocksOf('The French Chargé to the Secretary of State.\n\n[Handed to the Secretary of State by the chargé, October 4, 1900.—Translation.]\n\nEmbassy of the French Republic,\nWashington, October 4, 1900.\n\nMr. Secretary of State: By order of my Government.');
    blocks[1]!.kind = 'sourceNote';
    assert.deepEqual(readDocumentOpening(blocks), [
      { index: 0, kind: 'head' },
      { index: 2, kind: 'dateline' },
    ]);
  });

  it('a place and date without a year under the source line is the dateline: "Washington, September 29."', () => {
    const blocks = blocksOf('Mr. Hill to Mr. Conger.\n\n[Telegram.—Paraphrase.]\n\nWashington, September 29.\n\n(Mr. Hill states that this Government laid down a principle.)');
    assert.deepEqual(readDocumentOpening(blocks), [
      { index: 0, kind: 'head' },
      { index: 1, kind: 'sourceNote' },
      { index: 2, kind: 'dateline' },
    ]);
    assert.deepEqual(readDocumentOpening(blocksOf('On September 29.\n\nMore text.')), []);
  });

  it('a source line passed over is still no text: a paragraph after it ends the opening', () => {
    const blocks = blocksOf('[Telegram]\n\nThe troops reached Peking yesterday.\n\nEmbassy of the French Republic,\nWashington, October 4, 1900.');
    blocks[0]!.kind = 'sourceNote';
    assert.deepEqual(readDocumentOpening(blocks), []);
  });

  it('a print extraction: a running head standing in the opening is passed over, not the end of it', () => {
    const blocks = blocksOf('CHINA  55\n\nMr. Conger to Mr. Hay.\n\nLegation of the United States,\nPeking, China, December 5, 1900.\n\nNo. 466.]\n\nSir: I have the honor to confirm.');
    blocks[0]!.kind = 'runningHead';
    assert.deepEqual(readDocumentOpening(blocks), [
      { index: 1, kind: 'head' },
      { index: 2, kind: 'dateline' },
      { index: 3, kind: 'reference' },
    ]);
  });

  it('a memo form: From/To/Date lines are a header, not a head', () => {
    const blocks = blocksOf('TELEGRAM No. 418\nFrom: Ambassador Winant, London\nTo: Secretary of State, Washington\nDate: September 4, 1941\n\nThe Prime Minister asked me.');
    assert.deepEqual(readDocumentOpening(blocks), [{ index: 0, kind: 'memoHeader' }]);
  });

  it('a sentence naming two persons is not a head', () => {
    const blocks = blocksOf('Mr. Lansing wrote to Mr. Francis. He asked for news of the loan.\n\nMore text.');
    assert.deepEqual(readDocumentOpening(blocks), []);
  });

  it('finds the editors’ head in 99 % of the FRUS dev documents that have one', function () {
    const docs = frusDocuments();
    if (!docs) {
      console.log('      skipped: ../shared/frus-dev is not available');
      this.skip();
    }
    const withHead = docs.filter((d) => d.gold.head);
    const found = withHead.filter(({ gold, text }) => {
      const blocks = blocksOf(text);
      const head = readDocumentOpening(blocks).find((d) => d.kind === 'head');
      return head && blocks[head.index]!.lines.join(' ').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '') === gold.head;
    });
    // Heads that name neither parties nor a kind ("The Argentine Conciliation Formula", "PROTOCOLE FINAL.") are the
    // structure pass's fallback's.
    assert.ok(found.length >= 0.99 * withHead.length, `${found.length} of ${withHead.length}`);
  });
});
