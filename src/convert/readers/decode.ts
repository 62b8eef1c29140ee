/**
 * Bytes → text. UTF-8 (with or without BOM) is tried first; text that is not valid UTF-8 but looks like
 * 8-bit text is decoded as Windows-1252 and the report says so. Binary input is refused.
 */
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic, InputError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceText } from '../../model/document.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Windows-1252's 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder('windows-1252') decodes these as
 * Latin-1 control characters, so the table is ours. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are
 * refused before decoding.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Share of control bytes (other than tab, LF, CR, FF) above which a file is taken for binary. */
const BINARY_CONTROL_SHARE = 0.01;

export interface DecodedText {
  source: SourceText;
  diagnostics: Diagnostic[];
}

/** `file` names the source in the model; `shownAs` is how messages name it (the path the user gave). */
export function decodeSource(bytes: Uint8Array, file: string, shownAs = file): DecodedText {
  if (bytes.length === 0) {
    throw InputError.of(ConvertCodes.emptyFile, { file: shownAs }, { exitCode: 3 });
  }
  if (looksBinary(bytes)) {
    throw InputError.of(ConvertCodes.binaryFile, { file: shownAs }, { exitCode: 3 });
  }
  const diagnostics: Diagnostic[] = [];
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  let encoding: SourceText['encoding'] = 'utf-8';
  const content = hadBom ? bytes.subarray(3) : bytes;
  try {
    text = utf8.decode(content);
  } catch {
    const badAt = firstInvalidUtf8(content);
    if (!plausibleWindows1252(content)) {
      throw InputError.of(
        ConvertCodes.invalidEncoding,
        { file: shownAs, line: badAt.line, column: badAt.column, byte: badAt.byte },
        { exitCode: 3, span: { file, line: badAt.line, column: badAt.column } },
      );
    }
    text = decodeWindows1252(content);
    encoding = 'windows-1252';
    diagnostics.push(diagnostic(ConvertCodes.decodedAsWindows1252, { line: badAt.line }, { file, line: badAt.line, column: badAt.column }));
  }
  return { source: { file, encoding, hadBom, byteLength: bytes.length, lines: splitLines(text) }, diagnostics };
}

/** Lines without their terminators; CRLF, CR and LF all end a line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n > BINARY_CONTROL_SHARE;
}

/** Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined: their presence means another encoding. */
function plausibleWindows1252(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
  return true;
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    // LF, CRLF and a lone CR each end a line, as in splitLines.
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      const column = utf8CharsBefore(bytes.subarray(lineStart, i)) + 1;
      return { line, column, byte: b };
    }
    i += len;
  }
  return { line, column: 1, byte: 0 };
}

function utf8CharsBefore(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if ((b & 0xc0) !== 0x80) n++;
  return n;
}
