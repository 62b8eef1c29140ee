/**
 * Characters XML forbids in a source (NUL, BEL, ESC and the other C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
 * unpaired surrogates): the TEI cannot hold them, and the one escape of src/xml writes U+FFFD in their place. This
 * says so, once for each kind, at its first place (TEI-IN-009), so that the editor can look at the source.
 */
import { ConvertCodes } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../model/document.js';
import { forbiddenCharacters, type ForbiddenCharacters, type ForbiddenKind } from '../xml/escape.js';

/** One finding for each kind of forbidden character in the source's lines, at the first of them. */
export function forbiddenCharacterFindings(source: SourceText): Diagnostic[] {
  const kinds = new Map<ForbiddenKind, ForbiddenCharacters & { line: number }>();
  let line = 0;
  for (const text of source.lines) {
    line++;
    for (const found of forbiddenCharacters(text)) {
      const seen = kinds.get(found.kind);
      if (seen) seen.count += found.count;
      else kinds.set(found.kind, { ...found, line });
    }
  }
  return [...kinds.values()].map((k) =>
    diagnostic(ConvertCodes.forbiddenCharacters, { count: k.count, kind: k.kind, char: k.char }, { file: source.file, line: k.line, column: k.offset + 1 }),
  );
}
