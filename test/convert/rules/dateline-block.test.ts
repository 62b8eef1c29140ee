/** dateline-block: address lines, the place-and-date line and a receipt line read as one dateline. */
import assert from 'node:assert/strict';
import { readDatelineBlock } from '../../../src/convert/rules/dateline-block.js';

describe('rules/dateline-block', () => {
  it('"Legation of the United States," over "Peking, China, February 16, 1901."', () => {
    const b = readDatelineBlock(['Legation of the United States,', 'Peking, China, February 16, 1901.'])!;
    assert.deepEqual(b.addressLines, ['Legation of the United States,']);
    assert.equal(b.dateLine, 1);
    assert.equal(b.dateline!.date.when, '1901-02-16');
    assert.equal(b.dateline!.place, 'Peking, China');
  });

  it('an office line closed by a full stop over the place and date: "Commissioner of the United States to China."', () => {
    const b = readDatelineBlock(['Commissioner of the United States to China.', 'Peking, China, May 30, 1901.'])!;
    assert.deepEqual(b.addressLines, ['Commissioner of the United States to China.']);
    assert.equal(b.dateline!.date.when, '1901-05-30');
  });

  it('a sentence over a date line is no office line, full stop or not', () => {
    assert.equal(readDatelineBlock(['Mr. Hill telegraphs.', 'Peking, China, May 30, 1901.']), undefined);
    assert.equal(readDatelineBlock(['A final word.', 'Moscow, July 19, 1941']), undefined);
    assert.equal(readDatelineBlock(['Please reply at once.', 'Moscow, July 19, 1941']), undefined);
    assert.equal(readDatelineBlock(['The minister called on me today. He said.', 'Peking, May 30, 1901.']), undefined);
    assert.equal(readDatelineBlock(['The following was sent to the legation on the day the troops arrived and read there aloud.', 'Peking, May 30, 1901.']), undefined);
  });

  it('a dateline with its time and a receipt line', () => {
    const b = readDatelineBlock(['Petrograd, April 6, 1917, 12 p.m.', '[Received April 8, 7.45 p.m.]'])!;
    assert.equal(b.dateline!.time, '12:00:00');
    assert.deepEqual(b.received, { month: 4, day: 8, time: '19:45:00' });
  });

  it('"[undated]"', () => {
    assert.deepEqual(readDatelineBlock(['[undated]']), { addressLines: [], undated: true });
  });

  it('an undated dateline with its place: "Harbin, undated.", "Buenos Aires [undated].", "[Buenos Aires, undated.]"', () => {
    for (const line of ['Harbin, undated.', 'Buenos Aires [undated].', '[Buenos Aires, undated.]', 'San Salvador [undated].', 'Undated.']) {
      assert.deepEqual(readDatelineBlock([line]), { addressLines: [], undated: true }, line);
    }
    // Over its receipt line, as an edition prints it.
    assert.equal(readDatelineBlock(['Petrograd, undated.'])?.undated, true);
    // A sentence that says something is undated is no dateline.
    assert.equal(readDatelineBlock(['The letter is undated.']), undefined);
    assert.equal(readDatelineBlock(['Harbin, undated, but received on the 4th.']), undefined);
  });

  it('is not a paragraph ending in a date, nor an address without a date', () => {
    assert.equal(readDatelineBlock(['I have the honor to report that on', 'Peking, April 16, 1901.']), undefined);
    assert.equal(readDatelineBlock(['Legation of the United States,', 'Peking, China.']), undefined);
    assert.equal(readDatelineBlock(['Washington, May 7, 1917, 5 p.m.', 'Your telegram received.']), undefined);
  });
});
