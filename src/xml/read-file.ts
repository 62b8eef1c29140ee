/** An XML file from disk to decoded text: a regular file within the size limit, decoded as XML says. */
import { XmlCodes } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { openRegularFile, readRegularFile, type FileProblem, type RegularFileReader } from '../io/read-regular-file.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { decodeXml, detectXmlEncoding } from './decode.js';

export interface XmlFileText {
  /** The file's bytes (XSD validation reads them again). */
  bytes: Uint8Array;
  text: string;
}

function unreadable(file: string, problem: FileProblem): { diagnostic: Diagnostic } {
  const code = problem.kind === 'too-large' ? XmlCodes.fileTooLarge : problem.kind === 'not-regular' ? XmlCodes.notRegularFile : XmlCodes.unreadable;
  return { diagnostic: diagnostic(code, { detail: problem.message }, { file, line: 1, column: 1 }) };
}

/** Reads and decodes one XML file; any problem is one finding at line 1 (or at the bad byte). */
export function readXmlFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): XmlFileText | { diagnostic: Diagnostic } {
  const read = readRegularFile(file, maxBytes);
  if ('problem' in read) return unreadable(file, read.problem);
  const decoded = decodeXml(read.bytes, file);
  return 'diagnostic' in decoded ? decoded : { bytes: read.bytes, text: decoded.text };
}

/**
 * Decoders that finished a file cleanly (their last call flushed them, which resets a decoder), by encoding:
 * each new TextDecoder makes an ICU converter, once per file otherwise. One that failed or was left
 * mid-file is never put back.
 */
const spareDecoders = new Map<string, TextDecoder>();

function takeDecoder(encoding: string): TextDecoder {
  const spare = spareDecoders.get(encoding);
  if (spare) {
    spareDecoders.delete(encoding);
    return spare;
  }
  return new TextDecoder(encoding, { fatal: true });
}

/** Bytes read from disk per chunk by {@link openXmlChunks}. */
export const XML_CHUNK_BYTES = 1 << 14;

/**
 * An XML file's decoded text, a chunk at a time: what a reader that does not need the whole text holds is one
 * chunk, whatever the file's size. The chunks join to exactly the text {@link readXmlFile} gives.
 *
 * A decoding problem found on the way (a bad byte, an encoding we do not read) ends the chunks with
 * {@link XmlChunks.failed} set: the finding itself, placed at its line and column, is {@link readXmlFile}'s to
 * give, since placing it takes the text before the bad byte.
 */
export class XmlChunks implements Iterable<string> {
  /** Set when decoding failed: what was yielded so far is not the file's text. */
  failed = false;
  /** Set when the file could not be read to its end (grew over the limit, an I/O error). */
  problem: Diagnostic | undefined;

  constructor(
    private readonly file: string,
    private readonly reader: RegularFileReader,
    private readonly chunkBytes: number,
  ) {}

  /** The size of the file when it was opened. */
  get size(): number {
    return this.reader.size;
  }

  *[Symbol.iterator](): Iterator<string> {
    let decoder: TextDecoder | undefined;
    let encodingName = '';
    try {
      for (;;) {
        // the first chunk holds at least the 200 bytes where the encoding declaration is looked for
        const chunk = this.reader.next(decoder ? this.chunkBytes : Math.max(256, this.chunkBytes));
        if (chunk !== undefined && 'problem' in chunk) {
          this.problem = unreadable(this.file, chunk.problem).diagnostic;
          return;
        }
        if (!decoder) {
          // the encoding is decided on the first chunk (a byte order mark, then the declaration), as readXmlFile does
          const head = chunk ?? new Uint8Array(0);
          const { encoding, skip } = detectXmlEncoding(head);
          try {
            decoder = takeDecoder(encoding);
          } catch {
            this.failed = true;
            return;
          }
          encodingName = encoding;
          const text = decoder.decode(head.subarray(skip), { stream: chunk !== undefined });
          if (chunk === undefined) spareDecoders.set(encodingName, decoder);
          if (text) yield text;
          if (chunk === undefined) return;
          continue;
        }
        const text = chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
        if (chunk === undefined) spareDecoders.set(encodingName, decoder);
        if (text) yield text;
        if (chunk === undefined) return;
      }
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      // TextDecoder's fatal mode throws a TypeError at the first byte it cannot decode
      this.failed = true;
    } finally {
      this.reader.close();
    }
  }
}

/** Opens an XML file for {@link XmlChunks}; a file that cannot be opened is one finding at line 1. */
export function openXmlChunks(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES, chunkBytes = XML_CHUNK_BYTES): XmlChunks | { diagnostic: Diagnostic } {
  const opened = openRegularFile(file, maxBytes);
  if ('problem' in opened) return unreadable(file, opened.problem);
  return new XmlChunks(file, opened.reader, Math.max(4, chunkBytes));
}
