/**
 * Bytes → text, the encoding decided for the whole file (docs/encoding.md, "Encodings of the sources"):
 *
 * - a UTF-16 byte order mark, or the zero bytes of Latin text in UTF-16 without one: UTF-16;
 * - UTF-8 (with or without its byte order mark), the fast and usual case;
 * - otherwise the file is read sequence by sequence: when it holds at least as many UTF-8 characters of more than
 *   one byte as bytes that are not UTF-8, it is UTF-8 with stray bytes, which are read as Windows-1252 (U+FFFD
 *   where Windows-1252 has no character) and reported at the first (TEI-IN-008); else it is Windows-1252 (TEI-IN-007),
 *   refused when it holds a byte Windows-1252 does not define (TEI-IN-005, at that byte).
 *
 * Binary input (NUL bytes, many control bytes) is refused.
 */
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic, InputError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { byteOrderMark, positionIn, utf8SequenceAt, windows1252Char } from '../../io/text-encoding.js';
import type { LineList, SourceText } from '../../model/document.js';
import { isUtf8 } from 'node:buffer';
import { Utf8Lines } from './source-lines.js';

/** Share of control characters (other than tab, LF, CR, FF) above which a file is taken for binary. */
const BINARY_CONTROL_SHARE = 0.01;

/** How much of the start of a file the binary and UTF-16 checks look at. */
const HEAD = 65536;

export interface DecodedText {
  source: SourceText;
  diagnostics: Diagnostic[];
}

/** `file` names the source in the model; `shownAs` is how messages name it (the path the user gave). */
export function decodeSource(bytes: Uint8Array, file: string, shownAs = file): DecodedText {
  if (bytes.length === 0) {
    throw InputError.of(ConvertCodes.emptyFile, { file: shownAs }, { exitCode: 3 });
  }
  const bom = byteOrderMark(bytes);
  const utf16 = bom && bom.encoding !== 'utf-8' ? bom.encoding : bom ? undefined : utf16WithoutMark(bytes);
  if (utf16) {
    const text = decodeUtf16(bytes.subarray(bom?.length ?? 0), utf16);
    if (looksBinary(codeUnitsOf(text.slice(0, HEAD)))) throw InputError.of(ConvertCodes.binaryFile, { file: shownAs }, { exitCode: 3 });
    return { source: { file, encoding: utf16, hadBom: bom !== undefined, byteLength: bytes.length, lines: linesOf(text) }, diagnostics: [] };
  }
  if (looksBinary(bytes.subarray(0, HEAD))) {
    throw InputError.of(ConvertCodes.binaryFile, { file: shownAs }, { exitCode: 3 });
  }
  const hadBom = bom !== undefined;
  const content = hadBom ? bytes.subarray(bom.length) : bytes;
  const source = (text: string, encoding: SourceText['encoding']): SourceText => ({ file, encoding, hadBom, byteLength: bytes.length, lines: linesOf(text) });
  if (isUtf8(content)) {
    // The usual case: the lines are read from the bytes themselves. A second byte order mark is dropped, as a
    // decoder drops the first.
    const text = byteOrderMark(content)?.encoding === 'utf-8' ? content.subarray(3) : content;
    return { source: { file, encoding: 'utf-8', hadBom, byteLength: bytes.length, lines: new Utf8Lines(text) }, diagnostics: [] };
  }
  // not UTF-8 throughout: read below
  const mixed = readMixedUtf8(content);
  if (mixed.strayBytes === 0) return { source: source(mixed.text, 'utf-8'), diagnostics: [] };
  const firstStray = content[mixed.firstStray]!;
  if (mixed.utf8Characters >= mixed.strayBytes) {
    const at = positionIn(mixed.text, mixed.firstStrayAt);
    const finding = diagnostic(ConvertCodes.strayBytes, { count: mixed.strayBytes, byte: firstStray, read: windows1252Char(firstStray) }, { file, ...at });
    return { source: source(mixed.text, 'utf-8'), diagnostics: [finding] };
  }
  const text = decodeWindows1252(content);
  const undefinedAt = content.findIndex((b) => windows1252Char(b) === undefined);
  if (undefinedAt >= 0) {
    const at = positionIn(text, undefinedAt);
    throw InputError.of(ConvertCodes.invalidEncoding, { file: shownAs, ...at, byte: content[undefinedAt]! }, { exitCode: 3, span: { file, ...at } });
  }
  const at = positionIn(text, mixed.firstStray);
  return { source: source(text, 'windows-1252'), diagnostics: [diagnostic(ConvertCodes.decodedAsWindows1252, { line: at.line }, { file, ...at })] };
}

/**
 * The lines of a decoded text, held as UTF-8 (see {@link Utf8Lines}) unless the text has a surrogate without its
 * pair (a UTF-16 file can), which UTF-8 cannot hold: then as strings.
 */
function linesOf(text: string): LineList {
  return /\p{Surrogate}/u.test(text) ? splitLines(text) : new Utf8Lines(Buffer.from(text, 'utf8'));
}

/** Lines without their terminators; CRLF, CR and LF all end a line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** True for a NUL, or more control characters than text has (tab, LF, CR and form feed are text). */
function looksBinary(units: ArrayLike<number>): boolean {
  let control = 0;
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control / units.length > BINARY_CONTROL_SHARE;
}

function codeUnitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * UTF-16 saved without a byte order mark, told by its zero bytes: Latin text has one in every pair, always on
 * the same side (the high byte). Text in other scripts without a mark is not recognised (and is refused as binary).
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, HEAD) / 2);
  if (pairs < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZero++;
    if (bytes[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.7 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.7 && oddZero <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 to text, every code unit kept: an unpaired surrogate stays in the text, where the report of characters XML
 * forbids finds it (TextDecoder would hide it as U+FFFD). A last odd byte is half a character: U+FFFD.
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const units = Buffer.from(even);
  if (encoding === 'utf-16be') units.swap16();
  return units.toString('utf16le') + (bytes.length % 2 ? '\uFFFD' : '');
}

/** Windows-1252 to text: Latin-1, but for 0x80–0x9F; the bytes it leaves undefined become U+FFFD. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => windows1252Char(c.charCodeAt(0)) ?? '\uFFFD');
}

interface MixedUtf8 {
  /** Well-formed sequences read as UTF-8, every other byte as Windows-1252. */
  text: string;
  /** UTF-8 characters of more than one byte: the evidence that the file is UTF-8. */
  utf8Characters: number;
  /** Bytes that start no well-formed UTF-8 sequence. */
  strayBytes: number;
  /** The first stray byte: its offset in the bytes, and in the text. */
  firstStray: number;
  firstStrayAt: number;
}

/** Reads bytes that are not UTF-8 throughout sequence by sequence (see {@link MixedUtf8}). */
function readMixedUtf8(bytes: Uint8Array): MixedUtf8 {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const pieces: string[] = [];
  let length = 0;
  let utf8Characters = 0;
  let strayBytes = 0;
  let firstStray = -1;
  let firstStrayAt = -1;
  let runStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceAt(bytes, i);
    if (n > 1) utf8Characters++;
    if (n > 0) {
      i += n;
      continue;
    }
    const run = buffer.toString('utf8', runStart, i);
    pieces.push(run, windows1252Char(bytes[i]!) ?? '\uFFFD');
    length += run.length;
    if (firstStray < 0) {
      firstStray = i;
      firstStrayAt = length;
    }
    length++;
    strayBytes++;
    runStart = ++i;
  }
  pieces.push(buffer.toString('utf8', runStart));
  return { text: pieces.join(''), utf8Characters, strayBytes, firstStray, firstStrayAt };
}
