/** A source's lines read from its UTF-8 bytes are the lines `splitLines` cuts from the decoded text. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Utf8Lines } from '../../../src/convert/readers/source-lines.js';
import { splitLines } from '../../../src/convert/readers/decode.js';

/** Text of line ends of every kind, blank lines, and characters of one to four UTF-8 bytes. */
const arbText = fc
  .array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\n\n', ' ', 'a', 'é', '—', 'Молотов', '😀', '\t', 'x'.repeat(200))), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

describe('readers/source-lines: Utf8Lines', () => {
  it('gives the lines splitLines gives, by index and in order (fast-check)', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const expected = splitLines(text);
        const lines = new Utf8Lines(Buffer.from(text, 'utf8'));
        assert.equal(lines.length, expected.length);
        assert.deepEqual([...lines], expected);
        // from the end backwards, past the lines recently decoded
        for (let i = expected.length - 1; i >= 0; i--) assert.equal(lines.at(i), expected[i]);
      }),
      { numRuns: 500 },
    );
  });

  it('joins any range of lines by LF as join does, whatever their terminators (fast-check)', () => {
    fc.assert(
      fc.property(arbText, fc.nat(), fc.nat(), (text, a, b) => {
        const expected = splitLines(text);
        const lines = new Utf8Lines(Buffer.from(text, 'utf8'));
        const from = a % (expected.length + 1);
        const to = from + (b % (expected.length - from + 1));
        assert.equal(lines.joined(from, to), expected.slice(from, to).join('\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('has a digest of its bytes: the same for the same text, another for another', () => {
    const digest = (text: string): string => new Utf8Lines(Buffer.from(text)).digest();
    assert.equal(digest('Dear Sir,\n\nYours'), digest('Dear Sir,\n\nYours'));
    assert.notEqual(digest('Dear Sir,\n\nYours'), digest('Dear Sir,\n\nYours.'));
    assert.notEqual(digest('a\nb'), digest('a\r\nb'));
  });

  it('has no line outside its range, a negative index included', () => {
    const lines = new Utf8Lines(Buffer.from('one\ntwo\n'));
    assert.deepEqual([lines.at(-1), lines.at(2), lines.at(NaN), lines.at(1.5)], [undefined, undefined, 'one', 'two']);
    assert.deepEqual([...new Utf8Lines(Buffer.alloc(0))], ['']);
  });

  it('reads many lines again and again the same (the recent lines it keeps are by index)', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\r\n');
    const lines = new Utf8Lines(Buffer.from(text));
    for (const i of [5, 69, 5, 133, 69, 999, 0, 64, 128]) assert.equal(lines.at(i), `line ${i}`);
  });
});
