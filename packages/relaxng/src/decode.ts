/** Decoding of XML bytes as XML 1.0 (appendix F) says: a byte-order mark wins, then the encoding declaration, else UTF-8. */

/** The text of XML bytes; throws an Error naming the encoding when the bytes do not decode. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  let encoding = 'utf-8';
  let skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (skip = 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (skip = 2);
  else {
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    const decl = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
    if (decl?.[1]) encoding = decl[1].toLowerCase();
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new Error(`unsupported encoding "${encoding}"`);
  }
  try {
    return decoder.decode(bytes.subarray(skip));
  } catch {
    throw new Error(`bytes that are not valid ${encoding.toUpperCase()}`);
  }
}
