/**
 * The footnote block of a documentary edition: after a document, one line per note, each opening with the
 * note's marker ("1. Cf. vol. i, p. 135.", "47a. …", "*. …", "†. …"), in document order.
 */

const NOTE_LINE = /^(\d{1,3}[a-z]?|[*†‡§¶]{1,3})\.\s+\S/u;

/** The marker that opens a footnote line ("1", "47a", "*"), or undefined. */
export function noteLineMarker(line: string): string | undefined {
  return NOTE_LINE.exec(line.trim())?.[1];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_LETTERS: Record<string, string> = { ᵃ: 'a', ᵇ: 'b', ᶜ: 'c', ᵈ: 'd', ᵉ: 'e' };

/** The note markers a text refers to with superscripts ("¹", "⁴⁷ᵃ"), and the symbols *, †, ‡ glued to a word. */
export function superscriptMarkers(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ᵃᵇᶜᵈᵉ]?/gu)) {
    found.add([...m[0]].map((c) => (SUPERSCRIPT.includes(c) ? String(SUPERSCRIPT.indexOf(c)) : SUPERSCRIPT_LETTERS[c] ?? '')).join(''));
  }
  for (const m of text.matchAll(/(?<=[\p{L}\p{N}.,;:)’”])([*†‡§]{1,3})(?=[\s,.;:)]|$)/gu)) found.add(m[1]!);
  return found;
}

/**
 * True when every line of a block is a footnote line. With `markers`, the first line's marker must be one
 * the document refers to: a numbered paragraph ("1. The Government …") is not a footnote block.
 */
export function isFootnoteBlock(lines: readonly string[], markers?: ReadonlySet<string>): boolean {
  if (lines.length === 0) return false;
  for (const line of lines) if (noteLineMarker(line) === undefined) return false;
  return markers === undefined || markers.has(noteLineMarker(lines[0]!)!);
}
