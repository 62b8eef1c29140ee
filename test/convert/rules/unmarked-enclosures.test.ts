/**
 * Enclosures printed without a marker: after the covering letter's closing formula and signature, a paper that opens
 * as a document does; after such a paper, the next. Invented despatches in the layout of a documentary edition.
 */
import assert from 'node:assert/strict';
import type { Block } from '../../../src/model/document.js';
import { findEnclosures } from '../../../src/convert/rules/enclosures.js';
import { isSalutation } from '../../../src/convert/rules/salutation.js';
import { findUnmarkedEnclosures, isAddressOver } from '../../../src/convert/rules/unmarked-enclosures.js';

function blocksOf(...texts: string[]): Block[] {
  return texts.map((t, i) => ({ kind: 'p', line: i * 2 + 1, endLine: i * 2 + 1, lines: t.split('\n'), column: 1, inlines: [] }));
}

const COVER = [
  'Mr. Lowell to Mr. Marsh.', // 0
  'Legation of the United States,\nCanton, June 3, 1899.', // 1
  'Sir: I inclose herewith a memorandum of the consuls and the letters exchanged since with the Viceroy.', // 2
  'I have the honor to be, sir, your obedient servant,', // 3
  'A. B. Lowell.', // 4
];

/** [first block, level, what opens it] of each unmarked enclosure the rule finds. */
function openings(blocks: Block[]): [number, number, string][] {
  return findUnmarkedEnclosures(blocks, blocks.length, new Map()).map((o) => [o.at, o.level, o.first]);
}

describe('rules/unmarked-enclosures', () => {
  it('a paper sealed, not signed, ends as a signed one: the next paper opens after its seal', () => {
    const sealed = ['The Chinese plenipotentiaries to Mr. de Cologan.', '[Translation.]', 'Peking, March 16, 1901.', 'We had the honor to receive your communication and reply as follows.', '[Seal of Chinese Plenipotentiaries.]', 'March 17, 1901.'];
    const reply = ['[Translation.]', 'The Dean of the diplomatic corps to the Chinese plenipotentiaries.', 'Peking, March 19, 1901.', 'Highness, excellency: In a note under date the 15th of March, I had the honor to request you to designate a delegate.'];
    const blocks = blocksOf(...COVER, ...sealed, ...reply);
    assert.deepEqual(openings(blocks).map(([at, , first]) => [at, first]), [[5, 'head'], [11, 'source']]);
    // Without the seal the paper has not ended: no second paper opens there.
    const unsealed = blocksOf(...COVER, ...sealed.filter((t) => !t.startsWith('[Seal')), ...reply);
    assert.deepEqual(openings(unsealed).map(([at]) => at), [5]);
  });

  it('after the covering letter’s closing and signature: a title, a source line, a head naming parties, a date over a salutation', () => {
    const text = 'The consuls are of opinion that the tolls should be paid into a common fund for the river.';
    assert.deepEqual(openings(blocksOf(...COVER, 'Memorandum.', text)), [[5, 1, 'head']]);
    assert.deepEqual(openings(blocksOf(...COVER, '[Translation.]', 'Memorandum.', text)), [[5, 1, 'source']]);
    assert.deepEqual(openings(blocksOf(...COVER, 'The Viceroy to Mr. Whitby.', '[Translation.]', 'Canton, June 1, 1899.', `Your Excellency: ${text}`)), [[5, 1, 'head']]);
    assert.deepEqual(openings(blocksOf(...COVER, 'Wuchang, May 20, 1899.', 'His Excellency the Consul of Portugal, Canton.', 'Excellency:', text)), [[5, 1, 'dateline']]);
    // A title in small capitals, given in lower case.
    assert.deepEqual(openings(blocksOf(...COVER, 'text of agreement.', text)), [[5, 1, 'head']]);
    // The covering letter's formula and signature in one block.
    const [head, dateline, body] = COVER;
    assert.deepEqual(openings(blocksOf(head!, dateline!, body!, 'I am, etc.,\nA. B. Lowell.', 'Memorandum.', text)), [[4, 1, 'head']]);
  });

  it('one paper after another: after its signature, or at a head naming parties over a document’s opening', () => {
    const blocks = blocksOf(
      ...COVER,
      '[Translation.]', // 5
      'Memorandum.', // 6
      'The consuls are of opinion that the tolls should be paid into a common fund for the river.', // 7
      'C. D. Whitby.', // 8
      'May 30, 1899.', // 9: the memorandum's date, closer matter
      'The Viceroy to Mr. Whitby.', // 10
      '[Translation.]', // 11
      'Canton, June 1, 1899.', // 12
      'Your Excellency: I have received the memorandum and shall lay it before the Throne.', // 13: no signature
      'Mr. Whitby to the Viceroy.', // 14
      'Canton, June 2, 1899.', // 15
      'Your Excellency: The consuls thank you for your reply.', // 16
    );
    assert.deepEqual(openings(blocks), [[5, 1, 'source'], [10, 1, 'head'], [14, 1, 'head']]);
  });

  it('a paper that says it encloses one has the next as its subenclosure', () => {
    const blocks = blocksOf(
      ...COVER,
      'Mr. Whitby to the Viceroy.', // 5
      'Canton, June 2, 1899.', // 6
      'Your Excellency: I have the honor to transmit to you herewith the list of the tolls.', // 7
      'I avail myself, etc.,', // 8
      'C. D. Whitby.', // 9
      'List of the river tolls.', // 10
      'Junks of more than ten tons: two taels; lighters and sampans: half a tael for every load.', // 11
    );
    assert.deepEqual(openings(blocks), [[5, 1, 'head'], [10, 2, 'head']]);
  });

  it('nothing where the letter has not ended, or where no paper follows', () => {
    const text = 'The consuls are of opinion that the tolls should be paid into a common fund for the river.';
    // A telegram's signature, with no closing formula, ends nothing: what follows is its own.
    assert.deepEqual(openings(blocksOf('Mr. Lowell to Mr. Marsh.', 'Canton, June 3, 1899.', 'Consuls agree on tolls.', 'Lowell', 'Memorandum.', text)), []);
    // The covering letter's closing date, an editor's bracketed remark, a note on the letter ("Note.—…").
    assert.deepEqual(openings(blocksOf(...COVER, 'June 3, 1899.')), []);
    assert.deepEqual(openings(blocksOf(...COVER, '[A similar note was addressed on the same day to the British consul.]')), []);
    assert.deepEqual(openings(blocksOf(...COVER, 'Note.—The foregoing was telegraphed in full to the consuls.')), []);
    // Two titles and the end of the document: a volume's division heads.
    assert.deepEqual(openings(blocksOf(...COVER, 'Negotiations with China: list of papers.', 'Negotiations with China.')), []);
    // "By the President:" over a countersignature.
    assert.deepEqual(openings(blocksOf(...COVER, 'By the President:\nJohn Hay, Secretary of State.')), []);
    // A sentence after the signature (a second pass of the letter's text, a postscript without "P.S.") is no title.
    assert.deepEqual(openings(blocksOf(...COVER, 'At the banquet last night the Marshal proposed a toast to the President.', 'Yours sincerely,', 'J. STALIN')), []);
    // A line in lower case within a paper is its section head, and a sentence in lower case no title.
    assert.deepEqual(openings(blocksOf(...COVER, 'Memorandum.', text, 'conclusions.', text)), [[5, 1, 'head']]);
    assert.deepEqual(openings(blocksOf(...COVER, 'and so the consuls met again on the following day, as agreed.', text)), []);
    // A title followed by the footnote block is no paper either.
    assert.deepEqual(openings(blocksOf(...COVER, 'Memorandum.')), []);
  });

  it('a marked enclosure keeps its own head; its closing date before the next marker opens nothing', () => {
    const blocks = blocksOf(
      ...COVER,
      '[Inclosure 1.]', // 5
      'Mr. Lowell to Prince Ching.', // 6
      'Legation of the United States,\nCanton, May 28, 1899.', // 7
      'Your Highness: The consuls have agreed upon the tolls.', // 8
      'I avail myself, etc.,', // 9
      'A. B. Lowell.', // 10
      'May 28, 1899.', // 11
      '[Inclosure 2.]', // 12
      'Canton, May 29, 1899.', // 13
      'Your Excellency: The tolls are agreed.', // 14
    );
    const markers = new Map<number, 1 | 2>([
      [5, 1],
      [12, 1],
    ]);
    assert.deepEqual(findUnmarkedEnclosures(blocks, blocks.length, markers), []);
  });

  it('findEnclosures: a head above its marker opens the marked enclosure; unmarked ones join the marked in order', () => {
    const text = 'The consuls are of opinion that the tolls should be paid into a common fund for the river.';
    const blocks = blocksOf(...COVER, 'Imperial Edict.', '[Inclosure 2.—Translated from the Gazette.]', text, 'Respect this!');
    assert.deepEqual(findEnclosures(blocks), [{ from: 5, to: 9, level: 1, n: '2', unmarked: 'head' }]);
    const mixed = blocksOf(...COVER, '[Inclosure 1.]', 'Memorandum.', text, 'C. D. Whitby.', '[Translation.]', 'The Viceroy to Mr. Whitby.', `Your Excellency: ${text}`);
    assert.deepEqual(findEnclosures(mixed), [
      { from: 5, to: 9, level: 1, n: '1' },
      { from: 9, to: 12, level: 1, unmarked: 'source' },
    ]);
  });

  it('salutations and addresses over them', () => {
    for (const t of ['Excellency:', 'Highness and Excellency:', 'Your Excellency: On the 18th of April we received …', 'Sir: I have the honor …', 'Monsieur le Ministre et cher Collègue:']) {
      assert.equal(isSalutation(blocksOf(t)[0]!), true, t);
    }
    for (const t of ['Excellent work was done.', 'The Viceroy to Mr. Whitby.']) assert.equal(isSalutation(blocksOf(t)[0]!), false, t);
    assert.equal(isAddressOver(blocksOf('His Excellency the Minister of Spain, Peking.')[0]!), true);
    assert.equal(isAddressOver(blocksOf('The Honorable the Secretary of State,\nWashington.')[0]!), true);
    assert.equal(isAddressOver(blocksOf('The consuls met yesterday.')[0]!), false);
  });
});
