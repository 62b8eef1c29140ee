/**
 * io/text-encoding: what every reader shares to turn bytes into text. The UTF-8 check agrees with TextDecoder byte
 * for byte (the first bad byte is where TextDecoder stops), so that findings point at the byte that is wrong.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byteOrderMark, firstInvalidUtf8, positionIn, utf8SequenceAt, windows1252Char } from '../../src/io/text-encoding.js';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where TextDecoder first fails, found by decoding prefixes (slow, independent). */
function firstFailure(bytes: Uint8Array): number {
  try {
    fatal.decode(bytes);
    return -1;
  } catch {
    // the longest prefix that decodes, cut at a character's start, ends where the bad byte is
    let i = 0;
    while (i < bytes.length) {
      let n = 1;
      while (n <= 4 && i + n <= bytes.length) {
        try {
          fatal.decode(bytes.subarray(i, i + n));
          break;
        } catch {
          n++;
        }
      }
      if (n > 4 || i + n > bytes.length) return i;
      i += n;
    }
    return i;
  }
}

describe('io/text-encoding', () => {
  it('byte order marks of UTF-8 and UTF-16, and none', () => {
    assert.deepEqual(byteOrderMark(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])), { encoding: 'utf-8', length: 3 });
    assert.deepEqual(byteOrderMark(Uint8Array.from([0xff, 0xfe, 0x61, 0])), { encoding: 'utf-16le', length: 2 });
    assert.deepEqual(byteOrderMark(Uint8Array.from([0xfe, 0xff, 0, 0x61])), { encoding: 'utf-16be', length: 2 });
    assert.equal(byteOrderMark(Uint8Array.from([0x61, 0x62])), undefined);
  });

  it('overlong forms, surrogates, code points above U+10FFFF and cut sequences start no UTF-8 character', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x80, 0x80, 0xaf], [0xe2, 0x82], [0x80], [0xff]]) {
      assert.equal(utf8SequenceAt(Uint8Array.from(bad), 0), 0, bad.map((b) => b.toString(16)).join(' '));
    }
    assert.equal(utf8SequenceAt(Buffer.from('é'), 0), 2);
    assert.equal(utf8SequenceAt(Buffer.from('€'), 0), 3);
    assert.equal(utf8SequenceAt(Buffer.from('😀'), 0), 4);
  });

  it('the first bad byte is where TextDecoder fails, for any bytes', () => {
    const utf8ish = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0)), { maxLength: 40 });
    fc.assert(
      fc.property(utf8ish, (list) => {
        const bytes = Uint8Array.from(list);
        assert.equal(firstInvalidUtf8(bytes), firstFailure(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('Windows-1252: its table for 0x80–0x9F, Latin-1 above, nothing for the five undefined bytes', () => {
    assert.equal(windows1252Char(0x92), '’');
    assert.equal(windows1252Char(0x80), '€');
    assert.equal(windows1252Char(0xe9), 'é');
    assert.equal(windows1252Char(0x41), 'A');
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) assert.equal(windows1252Char(b), undefined);
  });

  it('positions count lines at LF, CRLF and CR alike, columns in code units from 1', () => {
    assert.deepEqual(positionIn('ab', 0), { line: 1, column: 1 });
    assert.deepEqual(positionIn('a\nb\r\nc\rd', 7), { line: 4, column: 1 });
    assert.deepEqual(positionIn('a\r\nbc', 4), { line: 2, column: 2 });
    assert.deepEqual(positionIn('😀x', 2), { line: 1, column: 3 });
  });
});
