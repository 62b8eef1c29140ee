/**
 * Reading one input of `convert`: a regular file within the size limit (src/io/read-regular-file.ts, which
 * never blocks on a FIFO nor reads past the limit), or an {@link InputError} naming the file and the problem.
 */
import { statSync } from 'node:fs';
import { ConvertCodes } from '../diagnostics/codes.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { kindOfNonFile, readRegularFile } from '../io/read-regular-file.js';
import { DEFAULT_MAX_BYTES } from '../convert/index.js';

/**
 * Reads an input file, or throws {@link InputError} with a message naming the file (as `shownPath`, the name the
 * user gave it, when that is not `path`) and the problem.
 */
export function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES, shownPath = path): Uint8Array {
  const read = readRegularFile(path, maxBytes);
  if ('bytes' in read) return read.bytes;
  const { kind, message } = read.problem;
  const named = { path: shownPath };
  if (kind === 'missing') throw InputError.of(ConvertCodes.fileMissing, named, { exitCode: 3 });
  if (kind === 'too-large') {
    let size = maxBytes + 1;
    try {
      size = statSync(path).size;
    } catch {
      // gone meanwhile: the limit is what matters
    }
    throw InputError.of(ConvertCodes.tooLarge, { ...named, bytes: size, limit: maxBytes }, { exitCode: 3 });
  }
  if (kind === 'not-regular') {
    let what = 'not a regular file';
    try {
      what = kindOfNonFile(statSync(path));
    } catch {
      // gone meanwhile
    }
    throw InputError.of(ConvertCodes.notAFile, { ...named, what }, { exitCode: 3 });
  }
  throw InputError.of(ConvertCodes.notAFile, { ...named, problem: message }, { exitCode: 3 });
}
