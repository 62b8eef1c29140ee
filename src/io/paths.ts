/**
 * Paths the library is given. It never asks the process where it is: a caller that passes relative paths also
 * passes the folder they are relative to (`cwd`), as the CLI does with its working folder.
 */
import { isAbsolute, resolve } from 'node:path';
import { IoCodes } from '../diagnostics/codes.js';
import { UsageError } from '../diagnostics/diagnostic.js';

/** `path` resolved against `cwd`; without `cwd`, see {@link absolutePath}. */
export function resolveFrom(cwd: string | undefined, path: string): string {
  return cwd === undefined ? absolutePath(path) : resolve(cwd, path);
}

/** An absolute path, normalised; a relative one is a {@link UsageError} naming it. */
export function absolutePath(path: string): string {
  if (isAbsolute(path)) return resolve(path);
  throw UsageError.of(IoCodes.relativePathWithoutCwd, { path });
}
