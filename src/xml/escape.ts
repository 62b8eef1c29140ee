/**
 * The one escaping of text and attribute values every XML writer of Chancery uses. Characters XML 1.0 does not
 * allow at all (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates) cannot
 * be escaped either: they become U+FFFD, so that nothing written through here is ever malformed.
 */

// Anything that may need work: markup characters, forbidden characters, and surrogates (checked for pairs).
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTR_SPECIAL = /[&<>"\n\r\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, '\uFFFD');
}

export function escapeText(s: string): string {
  return TEXT_SPECIAL.test(s) ? xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
}

export function escapeAttr(s: string): string {
  return ATTR_SPECIAL.test(s)
    ? xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
    : s;
}

/** The kinds of characters XML 1.0 forbids (see {@link xmlSafe}). */
export type ForbiddenKind = 'control' | 'noncharacter' | 'surrogate';

/** How many characters of one forbidden kind a text holds, and the first: its offset and code. */
export interface ForbiddenCharacters {
  kind: ForbiddenKind;
  count: number;
  offset: number;
  char: number;
}

/** The characters of `text` that {@link xmlSafe} replaces, by kind, in the order their kinds first occur. */
export function forbiddenCharacters(text: string): ForbiddenCharacters[] {
  const found = new Map<ForbiddenKind, ForbiddenCharacters>();
  for (const m of text.matchAll(FORBIDDEN)) {
    const char = m[0].charCodeAt(0);
    const kind: ForbiddenKind = char < 0x20 ? 'control' : char >= 0xfffe ? 'noncharacter' : 'surrogate';
    const seen = found.get(kind);
    if (seen) seen.count++;
    else found.set(kind, { kind, count: 1, offset: m.index, char });
  }
  return [...found.values()];
}
