/** An XML file from disk to decoded text: a regular file within the size limit, decoded as XML says. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readRegularFile } from '../io/read-regular-file.js';
import { DEFAULT_MAX_FILE_BYTES, XmlCodes } from './codes.js';
import { decodeXml } from './decode.js';

export interface XmlFileText {
  /** The file's bytes (XSD validation reads them again). */
  bytes: Uint8Array;
  text: string;
}

/** Reads and decodes one XML file; any problem is one finding at line 1 (or at the bad byte). */
export function readXmlFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): XmlFileText | { diagnostic: Diagnostic } {
  const read = readRegularFile(file, maxBytes);
  if ('problem' in read) {
    const code =
      read.problem.kind === 'too-large' ? XmlCodes.fileTooLarge : read.problem.kind === 'not-regular' ? XmlCodes.notRegularFile : XmlCodes.unreadable;
    return { diagnostic: { code, severity: 'error', message: read.problem.message, span: { file, line: 1, column: 1 } } };
  }
  const decoded = decodeXml(read.bytes, file);
  return 'diagnostic' in decoded ? decoded : { bytes: read.bytes, text: decoded.text };
}
