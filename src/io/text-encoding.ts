/**
 * Bytes → text, what every reader of Chancery shares: the byte order marks, UTF-8 checked sequence by sequence
 * (so that a bad byte is placed exactly, and a UTF-8 text with a few stray bytes can still be read as UTF-8), the
 * Windows-1252 table, and the 1-based line and column of an offset in decoded text. The decisions (what an XML
 * file declares; when a raw text is UTF-8 or Windows-1252) stay with the readers: src/xml/decode.ts and
 * src/convert/readers/decode.ts.
 */

/** An encoding a byte order mark names, and the mark's length in bytes. */
export interface ByteOrderMark {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** The byte order mark the bytes start with, if any. */
export function byteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * The length of the well-formed UTF-8 sequence at `i` (1–4), or 0 when the byte there starts none: a
 * continuation byte, an overlong form, a surrogate, a code point above U+10FFFF, or a sequence cut short
 * (Unicode's table 3-7, which TextDecoder applies).
 */
export function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0; // overlong
    else if (b === 0xed) high = 0x9f; // surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90; // overlong
    else if (b === 0xf4) high = 0x8f; // above U+10FFFF
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

/** The offset of the first byte at `from` or after that starts no well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; ) {
    const n = utf8SequenceAt(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/**
 * Windows-1252's 0x80–0x9F (the rest is Latin-1). Node's TextDecoder('windows-1252') decodes these as Latin-1
 * control characters, so the table is ours. The five bytes Windows-1252 leaves undefined are undefined here.
 */
const CP1252_HIGH: readonly (string | undefined)[] = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'].map((c, i) =>
  [0x01, 0x0d, 0x0f, 0x10, 0x1d].includes(i) ? undefined : c,
);

/** The character a byte stands for in Windows-1252, or undefined for 0x81, 0x8D, 0x8F, 0x90 and 0x9D. */
export function windows1252Char(byte: number): string | undefined {
  return byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
}

/** The 1-based line and column (in UTF-16 code units) of `offset` in `text`; CRLF, CR and LF each end a line. */
export function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
