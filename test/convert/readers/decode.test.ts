/**
 * decode: bytes → SourceText. UTF-8 with or without BOM, any line terminator, Windows-1252 as a reported
 * fallback, and InputError (never a bare Error) for input that is not text.
 */
import assert from 'node:assert/strict';
import { decodeSource, splitLines } from '../../../src/convert/readers/decode.js';
import { InputError } from '../../../src/diagnostics/diagnostic.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** Runs `f` and returns the InputError it throws (fails when it throws anything else or nothing). */
function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an InputError');
}

describe('readers/decode', () => {
  describe('splitLines', () => {
    it('ends lines at LF, CRLF and CR alike', () => {
      assert.deepEqual(splitLines('a\nb\r\nc\rd'), ['a', 'b', 'c', 'd']);
    });

    it('drops the empty line after a final terminator, keeps blank lines inside', () => {
      assert.deepEqual(splitLines('a\r\n\r\nb\r\n'), ['a', '', 'b']);
    });

    it('gives one empty line for empty text', () => {
      assert.deepEqual(splitLines(''), ['']);
    });

    it('does not read CR LF as two line ends', () => {
      assert.deepEqual(splitLines('a\r\nb'), ['a', 'b']);
      assert.deepEqual(splitLines('a\n\rb'), ['a', '', 'b']);
    });
  });

  describe('decodeSource', () => {
    it('reads UTF-8 without BOM', () => {
      const { source, diagnostics } = decodeSource(bytes('Molotov — Молотов\nline 2\n'), 'in.txt');
      assert.equal(source.encoding, 'utf-8');
      assert.equal(source.hadBom, false);
      assert.equal(source.file, 'in.txt');
      assert.deepEqual([...source.lines], ['Molotov — Молотов', 'line 2']);
      assert.deepEqual(diagnostics, []);
    });

    it('strips a UTF-8 BOM and records it; byteLength counts the BOM', () => {
      const input = bytes([0xef, 0xbb, 0xbf], 'abc\n');
      const { source, diagnostics } = decodeSource(input, 'bom.txt');
      assert.equal(source.hadBom, true);
      assert.equal(source.encoding, 'utf-8');
      assert.deepEqual([...source.lines], ['abc']);
      assert.equal(source.byteLength, 7);
      assert.deepEqual(diagnostics, []);
    });

    it('splits CRLF and CR-only files into the same lines as LF files', () => {
      const lf = [...decodeSource(bytes('one\ntwo\n\nthree\n'), 'f.txt').source.lines];
      assert.deepEqual([...decodeSource(bytes('one\r\ntwo\r\n\r\nthree\r\n'), 'f.txt').source.lines], lf);
      assert.deepEqual([...decodeSource(bytes('one\rtwo\r\rthree\r'), 'f.txt').source.lines], lf);
    });

    it('falls back to Windows-1252 with TEI-IN-007 at the first bad byte', () => {
      // "café" with é as the single byte 0xE9, on line 2.
      const { source, diagnostics } = decodeSource(bytes('first line\ncaf', [0xe9], ' au lait\n'), 'cp.txt');
      assert.equal(source.encoding, 'windows-1252');
      assert.deepEqual([...source.lines], ['first line', 'café au lait']);
      assert.equal(diagnostics.length, 1);
      const [d] = diagnostics;
      assert.equal(d!.code, 'TEI-IN-007');
      assert.equal(d!.severity, 'info');
      assert.deepEqual(d!.span, { file: 'cp.txt', line: 2, column: 4 });
    });

    // Regression: Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (nodejs/node#56542), so the fallback
    // turns the bytes 0x80–0x9F into C1 controls. Input "it" 0x92 "s " 0x93 "x" 0x94 " " 0x96 " 0x80":
    // expected "it’s “x” – €"; actual "it\x92s \x93x\x94 \x96 \x80".
    it('decodes the Windows-1252 characters of 0x80–0x9F (quotes, dashes, euro)', () => {
      const { source } = decodeSource(bytes('it', [0x92], 's ', [0x93], 'x', [0x94], ' ', [0x96], ' ', [0x80]), 'cp.txt');
      assert.equal(source.encoding, 'windows-1252');
      assert.deepEqual([...source.lines], ['it’s “x” – €']);
    });

    it('names the source in the span by `file`, not by `shownAs`', () => {
      const { diagnostics } = decodeSource(bytes([0xe9]), 'model.txt', '/home/u/model.txt');
      assert.equal(diagnostics[0]!.span!.file, 'model.txt');
    });

    it('counts lines after CRLF terminators for the span of the bad byte', () => {
      const { diagnostics } = decodeSource(bytes('a\r\nb\r\nxy', [0xe9], '\r\n'), 'cp.txt');
      assert.deepEqual(diagnostics[0]!.span, { file: 'cp.txt', line: 3, column: 3 });
    });

    // Regression: firstInvalidUtf8 counts lines at LF bytes only. Input "abc\rd" + 0xE9 + "f" (CR line ends,
    // as splitLines accepts): expected TEI-IN-007 at line 2, column 2; actual line 1, column 6.
    it('counts lines after CR-only terminators for the span of the bad byte', () => {
      const { source, diagnostics } = decodeSource(bytes('abc\rd', [0xe9], 'f'), 'cp.txt');
      assert.deepEqual([...source.lines], ['abc', 'déf']);
      assert.deepEqual(diagnostics[0]!.span, { file: 'cp.txt', line: 2, column: 2 });
    });

    // Regression: with a UTF-8 BOM and a later byte that is not UTF-8, the Windows-1252 fallback decodes the BOM
    // too. Input EF BB BF "caf" E9: expected lines ["café"] and the bad byte at 1:4; actual lines
    // ["ï»¿café"] and column 5 (the BOM counted as a character).
    it('does not decode a BOM as Windows-1252 text in the fallback', () => {
      const { source, diagnostics } = decodeSource(bytes([0xef, 0xbb, 0xbf], 'caf', [0xe9]), 'cp.txt');
      assert.equal(source.hadBom, true);
      assert.deepEqual([...source.lines], ['café']);
      assert.deepEqual(diagnostics[0]!.span, { file: 'cp.txt', line: 1, column: 4 });
    });

    it('reads UTF-8 with a stray Windows-1252 byte as UTF-8, the byte as Windows-1252, and says where (TEI-IN-008)', () => {
      // "Herr Müller" in UTF-8, then a curly apostrophe pasted as the single byte 0x92.
      const { source, diagnostics } = decodeSource(bytes('Herr Müller wrote.\n\nIt was fine', [0x92], 's.\n'), 'mixed.txt');
      assert.equal(source.encoding, 'utf-8');
      assert.deepEqual([...source.lines], ['Herr Müller wrote.', '', 'It was fine’s.']);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]!.code, 'TEI-IN-008');
      assert.equal(diagnostics[0]!.severity, 'warning');
      assert.deepEqual(diagnostics[0]!.span, { file: 'mixed.txt', line: 3, column: 12 });
      assert.match(diagnostics[0]!.message, /^a byte not valid UTF-8 in a UTF-8 text, the first 0x92 here: read as Windows-1252 \("’"\)$/);
    });

    it('counts the stray bytes, places the first after CRLF and wide characters, and gives U+FFFD where Windows-1252 has nothing', () => {
      const { source, diagnostics } = decodeSource(bytes('Молотов\r\n😀 x', [0x81], ' y', [0x9d], ' é'), 'mixed.txt');
      assert.equal(source.encoding, 'utf-8');
      assert.deepEqual([...source.lines], ['Молотов', '😀 x\uFFFD y\uFFFD é']);
      assert.deepEqual(diagnostics[0]!.span, { file: 'mixed.txt', line: 2, column: 5 });
      assert.match(diagnostics[0]!.message, /^2 bytes not valid UTF-8 .* the first 0x81 here: .*U\+FFFD/);
    });

    it('an overlong form or an encoded surrogate is stray bytes too, each read as Windows-1252', () => {
      const { source, diagnostics } = decodeSource(bytes('é', [0xc0, 0xaf], 'é é'), 'x.txt');
      assert.deepEqual([...source.lines], ['éÀ¯é é']);
      assert.equal(diagnostics[0]!.code, 'TEI-IN-008');
    });

    it('a Windows-1252 text is Windows-1252 as a whole, even where two of its bytes happen to form a UTF-8 character', () => {
      // "Ã©" (0xC3 0xA9) reads as "é" in UTF-8; the text's other accented letters are single bytes.
      const { source, diagnostics } = decodeSource(bytes('M', [0xfc], 'ller, Gr', [0xfc], 'n, ', [0xc3, 0xa9]), 'cp.txt');
      assert.equal(source.encoding, 'windows-1252');
      assert.deepEqual([...source.lines], ['Müller, Grün, Ã©']);
      assert.equal(diagnostics[0]!.code, 'TEI-IN-007');
      assert.deepEqual(diagnostics[0]!.span, { file: 'cp.txt', line: 1, column: 2 });
    });

    it('reads UTF-16 with its byte order mark, little- and big-endian', () => {
      const text = 'Dear Sir,\r\nHerr Müller — 😀\n';
      for (const [encoding, mark, body] of [
        ['utf-16le', [0xff, 0xfe], Buffer.from(text, 'utf16le')],
        ['utf-16be', [0xfe, 0xff], Buffer.from(text, 'utf16le').swap16()],
      ] as const) {
        const { source, diagnostics } = decodeSource(bytes([...mark], [...body]), 'u16.txt');
        assert.equal(source.encoding, encoding);
        assert.equal(source.hadBom, true);
        assert.deepEqual([...source.lines], ['Dear Sir,', 'Herr Müller — 😀']);
        assert.deepEqual(diagnostics, []);
      }
    });

    it('reads Latin text in UTF-16 without a byte order mark; keeps an unpaired surrogate for the report; half a character is U+FFFD', () => {
      const le = decodeSource(Buffer.from('Dear Sir,\nYours,\nSMITH\n', 'utf16le'), 'u16.txt');
      assert.equal(le.source.encoding, 'utf-16le');
      assert.equal(le.source.hadBom, false);
      assert.deepEqual([...le.source.lines], ['Dear Sir,', 'Yours,', 'SMITH']);
      const be = decodeSource(Buffer.from('Dear Sir,\nYours,\n', 'utf16le').swap16(), 'u16.txt');
      assert.equal(be.source.encoding, 'utf-16be');
      const lone = decodeSource(bytes([0xff, 0xfe], [...Buffer.from('a\uD800b', 'utf16le')], [0x63]), 'u16.txt');
      assert.deepEqual([...lone.source.lines], ['a\uD800b\uFFFD']);
    });

    it('refuses UTF-16 that holds NUL or many control characters as binary', () => {
      assert.equal(inputError(() => decodeSource(bytes([0xff, 0xfe], [...Buffer.from('a\u0000b', 'utf16le')]), 'x.txt')).code, 'TEI-IN-004');
    });

    it('a NUL past the first 64 KiB is no reason to refuse the text: the converter reports it (TEI-IN-009)', () => {
      const { source } = decodeSource(bytes('a'.repeat(70000), [0x00], 'b\n'), 'x.txt');
      assert.equal(source.lines.at(0)!.length, 70002);
    });

    it('refuses empty input with TEI-IN-003 (exit code 3)', () => {
      const e = inputError(() => decodeSource(new Uint8Array(0), 'empty.txt'));
      assert.equal(e.code, 'TEI-IN-003');
      assert.equal(e.exitCode, 3);
    });

    it('refuses input with a NUL byte as binary, TEI-IN-004', () => {
      const e = inputError(() => decodeSource(bytes([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'x.png'));
      assert.equal(e.code, 'TEI-IN-004');
      assert.equal(e.exitCode, 3);
    });

    it('refuses text with more than 1% control bytes as binary, accepts tab, CR, LF and form feed', () => {
      const text = 'a'.repeat(98);
      assert.equal(inputError(() => decodeSource(bytes(text, [0x01, 0x02]), 'x.bin')).code, 'TEI-IN-004');
      const ok = decodeSource(bytes('a\tb\r\nc\fd\n'), 'ok.txt');
      assert.deepEqual([...ok.source.lines], ['a\tb', 'c\fd']);
    });

    it('refuses bytes that are neither UTF-8 nor Windows-1252 with TEI-IN-005', () => {
      // 0x81 is undefined in Windows-1252.
      const e = inputError(() => decodeSource(bytes('a\nb', [0x81], 'c'), 'bad.txt'));
      assert.equal(e.code, 'TEI-IN-005');
      assert.equal(e.exitCode, 3);
    });

    // Regression: TEI-IN-005 gives the place of the bad byte only inside its message (STYLE: "Avoid: location only
    // inside the message string"). Input "a\nb" 0x81 "c": expected span {file, line 2, column 2}; actual
    // span undefined.
    it('gives TEI-IN-005 the span of the bad byte', () => {
      const e = inputError(() => decodeSource(bytes('a\nb', [0x81], 'c'), 'bad.txt'));
      assert.deepEqual(e.span, { file: 'bad.txt', line: 2, column: 2 });
    });

    // Regression (issue 15): the place was the first byte that is not UTF-8, not the byte Windows-1252 lacks.
    // Input "caf" E9 "\nab" 81: expected 2:3 (the 0x81); actual 1:4 (the é, which Windows-1252 reads).
    it('gives TEI-IN-005 the place of the byte Windows-1252 does not define, not of the first that is not UTF-8', () => {
      const e = inputError(() => decodeSource(bytes('caf', [0xe9], '\nab', [0x81]), 'bad.txt'));
      assert.deepEqual(e.span, { file: 'bad.txt', line: 2, column: 3 });
      assert.match(e.message, /bad\.txt:2:3: invalid UTF-8 \(byte 0x81\)/);
    });

    it('throws only InputError for arbitrary bytes', () => {
      for (const input of [[0xff], [0xc3], [0xe2, 0x82], [0x8d, 0x41], [0x00]]) {
        try {
          decodeSource(Uint8Array.from(input), 'x');
        } catch (e) {
          assert.ok(e instanceof InputError, String(e));
        }
      }
    });
  });
});
