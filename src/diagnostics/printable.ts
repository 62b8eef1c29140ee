/**
 * Text from documents and file names made safe for a one-line report: control characters (ESC sequences that
 * would drive a terminal, line breaks that would split a line), bidirectional overrides and line separators
 * are shown as escapes (`\x1B`, `\u202E`), and a long value is cut with "…". Report writers and the CLI pass
 * every name and message through here.
 */

// C0 controls but tab, DEL and C1 controls, line/paragraph separators, bidirectional embeddings and isolates.
const UNPRINTABLE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** How long a message may be in a report before it is cut (a 50 MB attribute value echoed whole helps nobody). */
export const MAX_MESSAGE_LENGTH = 1000;

/** The text with every unprintable character as a visible escape. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** At most `max` characters: longer text is cut at a character boundary and ends with "…". */
export function shorten(s: string, max = MAX_MESSAGE_LENGTH): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  // never split a surrogate pair
  if (/[\uD800-\uDBFF]/.test(s.charAt(cut - 1))) cut--;
  return `${s.slice(0, cut)}…`;
}

/** A message for a one-line report: line breaks folded to spaces, then made printable, then cut. */
export function reportMessage(message: string, max = MAX_MESSAGE_LENGTH): string {
  return printable(shorten(message.replace(/\s*[\r\n]+\s*/g, ' '), max));
}
