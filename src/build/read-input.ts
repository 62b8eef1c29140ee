/**
 * Reading one input of `convert`: a regular file within the size limit (src/io/read-regular-file.ts, which
 * never blocks on a FIFO nor reads past the limit), or an {@link InputError} naming the file and the problem.
 */
import { statSync } from 'node:fs';
import { ConvertCodes } from '../diagnostics/codes.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { kindOfNonFile, readRegularFile } from '../io/read-regular-file.js';
import { DEFAULT_MAX_BYTES } from '../convert/index.js';

/** Reads an input file, or throws {@link InputError} with a message naming the file and the problem. */
export function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  const read = readRegularFile(path, maxBytes);
  if ('bytes' in read) return read.bytes;
  const { kind, message } = read.problem;
  if (kind === 'missing') throw new InputError(ConvertCodes.fileMissing, `${path}: no such file`, { exitCode: 3 });
  if (kind === 'too-large') {
    let size = maxBytes + 1;
    try {
      size = statSync(path).size;
    } catch {
      // gone meanwhile: the limit is what matters
    }
    throw new InputError(ConvertCodes.tooLarge, `${path}: ${formatSize(size)} is above the limit of ${formatSize(maxBytes)} (raise it with --max-size)`, { exitCode: 3 });
  }
  if (kind === 'not-regular') {
    let what = 'not a regular file';
    try {
      what = kindOfNonFile(statSync(path));
    } catch {
      // gone meanwhile
    }
    throw new InputError(ConvertCodes.notAFile, what === 'a folder' ? `${path}: is a directory, not a text file` : `${path}: is ${what}, not a text file`, { exitCode: 3 });
  }
  throw new InputError(ConvertCodes.notAFile, `${path}: ${message}`, { exitCode: 3 });
}

/** "64 MB", "1.5 MB", "0.3 MB", "3 kB", "120 bytes": a size as a person reads it (MB of 1,048,576 bytes, as --max-size counts). */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${Math.floor(bytes)} bytes`;
  const mb = bytes / 1048576;
  if (Number.isInteger(mb)) return `${mb} MB`;
  // Below a tenth of a MB, "0.0 MB" would say nothing: kB then.
  if (mb < 0.1) return `${Math.round(bytes / 1024)} kB`;
  return `${mb.toFixed(1)} MB`;
}
