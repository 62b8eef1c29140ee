/**
 * text-memo: a pure reader's answers kept by text, for short texts only, bounded, frozen; and the running-heading
 * reader, which keeps its answers so, giving every asker the reading of the same text.
 */
import assert from 'node:assert/strict';
import { TextMemo, deepFreeze } from '../../../src/convert/readers/text-memo.js';
import { readRunningHeading } from '../../../src/convert/rules/heading-parties.js';

describe('readers/text-memo', () => {
  it('reads a short text once and gives the same answer after, undefined included', () => {
    const memo = new TextMemo<{ length: number } | undefined>(20);
    let reads = 0;
    const read = (t: string) => () => {
      reads++;
      return t.startsWith('x') ? undefined : { length: t.length };
    };
    const first = memo.answer('Mr. Conger', read('Mr. Conger'));
    assert.deepEqual(first, { length: 10 });
    assert.equal(memo.answer('Mr. Conger', read('Mr. Conger')), first);
    assert.equal(memo.answer('xyz', read('xyz')), undefined);
    assert.equal(memo.answer('xyz', read('xyz')), undefined);
    assert.equal(reads, 2);
  });

  it('reads a text longer than maxChars every time, and keeps nothing of it', () => {
    const memo = new TextMemo<number>(5);
    let reads = 0;
    for (let i = 0; i < 3; i++) assert.equal(memo.answer('a long paragraph', () => ++reads), i + 1);
    assert.equal(memo.answer('short', () => 7), 7);
    assert.equal(memo.answer('short', () => 8), 7);
  });

  it('lets every answer go once maxEntries are kept, then keeps afresh', () => {
    const memo = new TextMemo<number>(10, 2);
    memo.answer('a', () => 1);
    memo.answer('b', () => 2);
    assert.equal(memo.answer('a', () => 10), 1);
    // A third text: the two kept are let go, and the third kept.
    assert.equal(memo.answer('c', () => 3), 3);
    assert.equal(memo.answer('a', () => 11), 11);
    assert.equal(memo.answer('c', () => 30), 3);
  });

  it('freezes what it keeps, all the way down', () => {
    const memo = new TextMemo<{ sender: { name: string }[] }>(40);
    const kept = memo.answer('Mr. Conger to Mr. Hay.', () => ({ sender: [{ name: 'Mr. Conger' }] }));
    assert.ok(Object.isFrozen(kept) && Object.isFrozen(kept.sender) && Object.isFrozen(kept.sender[0]));
    assert.throws(() => kept.sender.push({ name: 'Mr. Hay' }), TypeError);
  });

  it('deepFreeze leaves class instances and values other than objects as they are', () => {
    const date = new Date(0);
    const frozen = deepFreeze({ at: date, n: 1, list: [{ a: 1 }] });
    assert.ok(Object.isFrozen(frozen.list[0]));
    assert.ok(!Object.isFrozen(date));
    assert.equal(deepFreeze(3), 3);
    assert.equal(deepFreeze(undefined), undefined);
  });

  it('the heading reader gives each asker of a heading the same reading, which no asker can change', () => {
    const heading = 'The Ambassador in Russia (Francis) to the Secretary of State';
    const r = readRunningHeading(heading)!;
    assert.equal(readRunningHeading(`${heading}`), r);
    assert.deepEqual(r, { sender: [{ kind: 'person', name: 'Francis', office: 'Ambassador in Russia' }], addressees: [{ kind: 'office', office: 'Secretary of State' }] });
    assert.throws(() => {
      (r.sender[0] as { name?: string }).name = 'Poole';
    }, TypeError);
  });
});
