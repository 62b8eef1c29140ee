import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  FIRM_WORD, HOUSE, ITEM_BEFORE, QUANTITY_AFTER, firmSign, itemOfQuantityList, listEndBefore, namesAFirm, quantitySign,
} from '../../../src/convert/entities/persons/named-after.js';

/** The offsets of `name` in `text`, for the rules that read around a name. */
function at(text: string, name: string): [number, number] {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `${name} not in ${text}`);
  return [start, start + name.length];
}

describe('things named after persons', () => {
  it('a firm: a firm word after the name, or a possessive with no noun after it', () => {
    for (const [text, name] of [
      ['paid at Pollard Bank, this', 'Pollard'],
      ['agent for Daniel Ferris Co, who', 'Daniel Ferris'],
      ['through Whitcombe’s on behalf of the Government', 'Whitcombe'],
      ["bought through Whitcombe's with British funds", 'Whitcombe'],
      ['by Baring Brothers and', 'Baring'],
    ] as const) assert.equal(namesAFirm(text, at(text, name)[1]), true, text);
  });

  it('not a firm: the person, his telegram, his noun', () => {
    for (const [text, name] of [
      ['Mr. Pollard stays in London', 'Pollard'],
      ['Stevens’s of May 5 says', 'Stevens'],
      ['Stevens’s to the Department', 'Stevens'],
      ['Whitcombe’s views on the loan', 'Whitcombe'],
    ] as const) assert.equal(namesAFirm(text, at(text, name)[1]), false, text);
  });

  it('an item of a list of names and quantities, with an item of the same shape beside it', () => {
    const text = 'Steamers now in port: Kestrel 1,204, Anna Holm 2,310, Dunmore 988, Henry Vance 1,650.';
    assert.equal(itemOfQuantityList(text, ...at(text, 'Anna Holm')), true);
    assert.equal(itemOfQuantityList(text, ...at(text, 'Henry Vance')), true);
    const first = 'owners eastern trade, Edward Dale 1,794, Ivan Petrov 1,801, Ural 2,063';
    assert.equal(itemOfQuantityList(first, ...at(first, 'Edward Dale')), true);
  });

  it('not an item: a name alone before a number, a reference, a date', () => {
    for (const [text, name] of [
      ['Please show Stevens 3 copies of the report', 'Stevens'],
      ['Your 221, October 2, and Stevens 45, to the Department', 'Stevens'],
      ['Stevens 45, July 14, 1918', 'Stevens'],
      ['Stevens and Lansing 1,200 men', 'Lansing'],
      ['The Department’s 348, Stevens 12, November 9', 'Stevens'],
    ] as const) assert.equal(itemOfQuantityList(text, ...at(text, name)), false, text);
  });

  it('reads its expressions only where their sign is printed: without it, they match nothing (property)', () => {
    const pieces = fc.constantFrom("'s", '’s', "'", '’', 's', ' ', '\t', '\n', '\r', 'Bank', 'Co', 'Company', 'Bros', 'B', 'C', 'on', 'with',
      'by', '3', '896', '3,023', ',', '.', ';', ')', 'a', 'Stevens', '-');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 2 })), { maxLength: 12 }), fc.nat(), (parts, at) => {
        const text = parts.join('');
        const end = text.length === 0 ? 0 : at % (text.length + 1);
        const after = text.slice(end, end + 16);
        if (!firmSign(text, end)) assert.ok(!FIRM_WORD.test(after) && !HOUSE.test(after), JSON.stringify(after));
        if (!quantitySign(text, end)) assert.ok(!QUANTITY_AFTER.test(after), JSON.stringify(after));
        const before = text.slice(Math.max(0, end - 48), end);
        if (!listEndBefore(text, end)) assert.ok(!ITEM_BEFORE.test(before), JSON.stringify(before));
      }),
      { numRuns: 20000 },
    );
    assert.equal(firmSign('Riggs \n Bank', 5), true);
    assert.equal(firmSign('Riggs said', 5), false);
    assert.equal(quantitySign('Kurland 896,', 7), true);
    assert.equal(quantitySign('Kurland, 896', 7), false);
    assert.equal(listEndBefore('Kurland 896,\n Bjarmia', 14), true);
    assert.equal(listEndBefore('Kurland 896 Bjarmia', 12), false);
  });
});
