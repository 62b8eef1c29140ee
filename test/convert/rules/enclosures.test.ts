/**
 * Enclosures: from their marker to the next marker of their level or to the document's footnote block.
 */
import assert from 'node:assert/strict';
import type { Block } from '../../../src/model/document.js';
import { enclosureNumber, findEnclosures, footnoteBlockStart, isEnclosureTitle } from '../../../src/convert/rules/enclosures.js';

function blocksOf(...texts: string[]): Block[] {
  return texts.map((t, i) => ({ kind: 'p', line: i * 2 + 1, endLine: i * 2 + 1, lines: t.split('\n'), column: 1, inlines: [] }));
}

describe('rules/enclosures', () => {
  const despatch = blocksOf(
    'The Minister in Chile (Norton) to the Secretary of State', // 0
    'Sir: I enclose a copy of the note.¹', // 1
    'Norton', // 2
    '[Enclosure]', // 3
    'The Minister for Foreign Affairs (Barros) to the Minister (Norton)', // 4
    'Mr. Minister: The delegates will meet on Friday.', // 5
    'Barros', // 6
    '[Subenclosure]', // 7
    'Memorandum', // 8
    'A list of the delegates.', // 9
    '[Enclosure 2]', // 10
    'A map of the frontier.', // 11
    '1. Printed as enclosure 1.', // 12
  );

  it('finds the footnote block at the end, by the markers the text refers to', () => {
    assert.equal(footnoteBlockStart(despatch), 12);
    assert.equal(footnoteBlockStart(blocksOf('Text without notes.', '1. A numbered paragraph.')), 2);
  });

  it('an enclosure runs to the next of its level; a subenclosure nests in it; the notes stay outside', () => {
    assert.deepEqual(findEnclosures(despatch), [
      { from: 3, to: 10, level: 1 },
      { from: 7, to: 10, level: 2 },
      { from: 10, to: 12, level: 1, n: '2' },
    ]);
  });

  it('the number an enclosure prints is its own, not the covering despatch’s', () => {
    assert.equal(enclosureNumber('[Inclosure No. 2, with dispatch No. 69.—Translation.]'), '2');
    assert.equal(enclosureNumber('[Enclosure 3—Paraphrase]'), '3');
    assert.equal(enclosureNumber('Annex No. 8.'), '8');
    assert.equal(enclosureNumber('[Inclosure with dispatch No. 69.]'), undefined);
    assert.equal(enclosureNumber('[Subenclosure]'), undefined);
  });

  it('a marker on the document’s first line opens no enclosure of it', () => {
    assert.deepEqual(findEnclosures(blocksOf('[Inclosure 1.]', 'Memorandum', 'Text.')), []);
  });

  it('titles over enclosures: not sentences, addresses or salutations', () => {
    for (const t of ['Report on Activities Directed towards Restricting Supplies to the Enemy from Northern Russia', 'Translation of Imperial decree.', 'Prince Ching and Li Hung-chang, etc., to Mr. de Cologan.', 'Memorandum.', 'Maj. H. Gould-Adams, special-service officer, to the general officer commanding Third Brigade, C. F. F.', 'Lieut. Col. Reid to Lt. Smith.']) {
      assert.equal(isEnclosureTitle(t), true, t);
    }
    for (const t of ['To the Doyen of the diplomatic corps.', 'Indictment of certain guilty officials. Read by M. de Cologan to Chinese plenipotentiaries.', 'Your Excellency:', 'sir, your obedient servant', 'x'.repeat(201)]) {
      assert.equal(isEnclosureTitle(t), false, t);
    }
  });

  it('a document without markers has no enclosures', () => {
    assert.deepEqual(findEnclosures(blocksOf('Head', 'Text.', 'Name')), []);
  });
});
