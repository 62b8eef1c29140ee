/**
 * Errors on the command line read as the text report writes findings (formatDiagnostic), with the command's name
 * where the place goes (the message names the file itself): `chancery convert: error: letter.txt: the file is
 * empty [TEI-IN-003]`. One line each, whatever the message holds, and the code is there to look up in
 * docs/diagnostics.md.
 */
import { diagnostic, formatDiagnostic, IoCodes, type Diagnostic } from '../diagnostics/index.js';
import { ioCause, writeFileAtomic } from '../io/index.js';

/** `chancery convert: error: … [TEI-IN-003]` for an error of ours (a thrown one, or a finding of severity error). */
export function errorLine(command: string | undefined, e: { code: string; message: string }): string {
  return `chancery${command ? ` ${command}` : ''}: ${formatDiagnostic({ code: e.code, severity: 'error', message: e.message })}`;
}

/**
 * Writes a file the command was asked for (a report, a baseline) atomically at `path`; when the file system
 * refuses, the finding that says so (TEI-IO-003, naming the file as `shownPath`, as the user typed it) instead of an
 * exception, so that the command still prints what it has.
 */
export function writeOutputFile(path: string, content: string, shownPath = path): Diagnostic | undefined {
  try {
    writeFileAtomic(path, content);
    return undefined;
  } catch (e) {
    return diagnostic(IoCodes.writeFailed, { file: shownPath, cause: ioCause(e) }, { file: shownPath, line: 1, column: 1 });
  }
}
