/**
 * Decoding XML bytes as XML says: a byte order mark wins (UTF-8, UTF-16 LE/BE), then the encoding
 * declaration, else UTF-8. An undecodable byte is a finding at its line and column, never replacement characters.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { XmlCodes } from '../diagnostics/codes.js';
import { byteOrderMark, firstInvalidUtf8, positionIn } from '../io/text-encoding.js';

/** The encoding an XML file's first bytes announce, and how many bytes of byte order mark to skip. */
export function detectXmlEncoding(bytes: Uint8Array): { encoding: string; skip: number } {
  const bom = byteOrderMark(bytes);
  if (bom) return { encoding: bom.encoding, skip: bom.length };
  // UTF-16 without a byte order mark: `<?` as two-byte units (XML 1.0 appendix F).
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const decl = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return { encoding: decl?.[1] ? decl[1].toLowerCase() : 'utf-8', skip: 0 };
}

/** Decodes file bytes; returns the text or an encoding finding (TEI-XML-002) at the first bad byte. */
export function decodeXml(bytes: Uint8Array, file: string): { text: string } | { diagnostic: Diagnostic } {
  const { encoding, skip } = detectXmlEncoding(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return { diagnostic: diagnostic(XmlCodes.badEncoding, { encoding, unsupported: true }, { file, line: 1, column: 1 }) };
  }
  try {
    return { text: decoder.decode(bytes.subarray(skip)) };
  } catch {
    let at = { line: 1, column: 1 };
    if (encoding === 'utf-8' || encoding === 'utf8') {
      const bad = firstInvalidUtf8(bytes, skip);
      const prefix = Buffer.from(bytes.subarray(skip, bad < 0 ? bytes.length : bad)).toString('utf8');
      at = positionIn(prefix, prefix.length);
    }
    return { diagnostic: diagnostic(XmlCodes.badEncoding, { encoding, unsupported: false }, { file, ...at }) };
  }
}
