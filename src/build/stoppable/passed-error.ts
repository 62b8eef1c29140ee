/**
 * An error as it crosses from the worker thread of src/build/stoppable to the main thread, which throws it again:
 * ours keep their class (by its literal `kind`, not by the class's name, which a bundler or minifier may have
 * changed), code, message, span and exit code; a failure of the file system keeps its code, call and path; anything
 * else (a bug) keeps its message and stack.
 */
import { ChanceryError, ConvertError, InputError, TransformError, UsageError, ValidateError } from '../../diagnostics/diagnostic.js';

/** What the worker posts for an error. */
export type PassedError =
  | { chancery: true; kind: string; code: string; message: string; exitCode: number; span?: ChanceryError['span'] }
  | { chancery: false; message: string; stack?: string; system?: { code: string; syscall?: string; path?: string } };

/** Our error classes by kind, to throw an error from the worker as the class it was. */
const ERROR_CLASSES = new Map<string, typeof ChanceryError>([ChanceryError, InputError, UsageError, ConvertError, ValidateError, TransformError].map((c) => [c.kind, c]));

/** `e` as the worker posts it. */
export function passError(e: unknown): PassedError {
  if (e instanceof ChanceryError) {
    const { kind } = e.constructor as typeof ChanceryError;
    return { chancery: true, kind, code: e.code, message: e.message, exitCode: e.exitCode, ...(e.span ? { span: e.span } : {}) };
  }
  return { chancery: false, message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}), ...systemPart(e) };
}

/** The error the worker passed, as the main thread throws it. */
export function revive(e: PassedError): Error {
  if (!e.chancery) {
    const error: NodeJS.ErrnoException = new Error(e.message);
    if (e.stack) error.stack = e.stack;
    // A failure of the file system (EACCES, ENOSPC) keeps what says which, and where.
    if (e.system) Object.assign(error, e.system);
    return error;
  }
  const Class = ERROR_CLASSES.get(e.kind) ?? ChanceryError;
  return new Class(e.code, e.message, { exitCode: e.exitCode, ...(e.span ? { span: e.span } : {}) });
}

/** What a failure of the file system says of itself: its code, the call and the path. */
function systemPart(e: unknown): { system?: { code: string; syscall?: string; path?: string } } {
  const { code, syscall, path } = (e ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return {};
  return { system: { code, ...(syscall ? { syscall } : {}), ...(path ? { path } : {}) } };
}
