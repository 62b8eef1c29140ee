/**
 * Salutations, on a line of their own and opening a paragraph: invented letters, forms of address on one side,
 * text that begins with the same words on the other.
 */
import assert from 'node:assert/strict';
import type { Block } from '../../../src/model/document.js';
import { isSalutation, isSalutationLine, opensWithSalutation, startsWithSalutation } from '../../../src/convert/rules/salutation.js';

function blockOf(text: string, kind: Block['kind'] = 'p'): Block {
  const lines = text.split('\n');
  return { kind, line: 1, endLine: lines.length, lines, column: 1, inlines: [] };
}

describe('rules/salutation', () => {
  it('a salutation on a line of its own, in the forms of address of letters and despatches', () => {
    for (const t of [
      'Sir:',
      'Sirs,',
      'Gentlemen:',
      'Madam,',
      'Excellency:',
      'Your Excellency:',
      'Highness and Excellency:',
      'Your Highness, Your Excellency:',
      'Excellencies:',
      'Mr. Secretary:',
      'Mr President,',
      'Mr. Secretary of State:',
      'Monsieur le Ministre:',
      'Monsieur le Ministre et cher Collègue:',
      'Dear Sir,',
      'My dear Mr. Hay:',
      'My very dear Welles,',
      'Dear Dr. J. B. Moore:',
      'MY DEAR MR. HAY:',
      'SIR:',
    ]) {
      assert.equal(isSalutationLine(t), true, t);
    }
  });

  it('not a salutation: text, heads and names that begin with the same words or end with a colon', () => {
    for (const t of [
      'Sir Edward Grey to Mr. Page.',
      'Sir Edward Grey:',
      'Dear as the grain was, the mills bought it.',
      'Dearest friend,', // no word break after "Dear"
      'Dear friend. Come soon,', // a full stop after a word that is no title nor initial
      'Excellent work was done:',
      'The Viceroy to Mr. Whitby.',
      'Mr. Secretary Root replied.',
      `Dear ${'Sir and most honoured friend of the Legation and'.repeat(2)}:`, // longer than a salutation's line
      'Madam Butterfly opened in Milan,',
    ]) {
      assert.equal(isSalutationLine(t), false, t);
    }
  });

  it('a paragraph that opens with its salutation, and text that only begins like one', () => {
    for (const t of ['Sir: In July, 1900, the Legation …', 'Your Excellency: On the 18th of April …', 'My dear Mr. Hay: I have your letter …', 'Dear Sir, I have the honor …', 'Gentlemen: The committee met …']) {
      assert.equal(opensWithSalutation(t), true, t);
    }
    // A form read only on a line of its own: opening a paragraph it is the text's subject.
    for (const t of ['Mr. Secretary Root, in a note of May 3, asked …', 'Monsieur Dupont, who came yesterday, said …', 'Sir Edward Grey said: the fleet …', 'Sir:', 'Excellently done: the treaty …']) {
      assert.equal(opensWithSalutation(t), false, t);
    }
    assert.equal(startsWithSalutation('Sir:'), true);
    assert.equal(startsWithSalutation('Sir: I have …'), true);
    assert.equal(startsWithSalutation('Sir Edward Grey to Mr. Page.'), false);
  });

  it('a block: a salute already recognised, one line that is a salutation, or a paragraph that opens with one', () => {
    assert.equal(isSalutation(blockOf('Excellency:')), true);
    assert.equal(isSalutation(blockOf('Dear Mr. Hay,', 'salute')), true);
    assert.equal(isSalutation(blockOf('**Sir:**')), true); // emphasis marks are not text
    assert.equal(isSalutation(blockOf('Sir: I have the honor to inform you\nthat the treaty was signed.')), true);
    // A salutation's words over two lines are an address or text, not a salutation on its line.
    assert.equal(isSalutation(blockOf('Your Excellency\nthe Minister:')), false);
    assert.equal(isSalutation(blockOf('The Viceroy to Mr. Whitby.')), false);
  });
});
