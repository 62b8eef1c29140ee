/**
 * What Chancery generated, recorded in the file itself: a processing instruction after the XML declaration,
 *
 *     <?chancery-generated sha256="…" source="../sources/vol.txt"?>
 *
 * whose hash covers the whole file (with the hash's own value left empty). A file whose hash still matches was
 * not touched since Chancery wrote it and may be regenerated or removed; a file whose hash differs was edited
 * and is the editor's; a file without the instruction was never Chancery's (or an editor claimed it by deleting
 * the line). Why in the file and not in a manifest: docs/decisions.md, "Never overwrite an editor's work".
 */
import { createHash } from 'node:crypto';

const TARGET = 'chancery-generated';
/** The instruction, within the first lines of a file; its attributes in `"`. */
const MARK = /<\?chancery-generated((?:\s+[a-z0-9]+="[^"<>]*")*)\s*\?>/;
const FIELD = /([a-z0-9]+)="([^"]*)"/g;

/** The state of a file on disk as far as generation goes. */
export type GeneratedState =
  /** Written by Chancery and not changed since. */
  | { kind: 'unedited'; fields: Readonly<Record<string, string>> }
  /** Written by Chancery, changed since: the editor's now. */
  | { kind: 'edited'; fields: Readonly<Record<string, string>> }
  /** No mark: never Chancery's, or written by a version before marks, or claimed by an editor. */
  | { kind: 'unmarked' };

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function instruction(fields: Readonly<Record<string, string>>, hash: string): string {
  return `<?${TARGET} sha256="${hash}"${attributes(fields)}?>`;
}

function attributes(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .filter(([k]) => k !== 'sha256')
    .map(([k, v]) => ` ${k}="${v.replace(/[&"<>]/g, '_')}"`)
    .join('');
}

/**
 * `xml` with the mark inserted after its XML declaration (or at its start). `fields` say where it came from
 * (`source`: the source text, relative to the edition folder); values must not contain `"`, `<`, `>` or `&`.
 */
export function markGenerated(xml: string, fields: Readonly<Record<string, string>> = {}): string {
  const declaration = /^<\?xml[^?]*\?>\n?/.exec(xml);
  const at = declaration ? declaration[0].length : 0;
  const nl = declaration && !declaration[0].endsWith('\n') ? '\n' : '';
  const unsigned = `${xml.slice(0, at)}${nl}${instruction(fields, '')}\n${xml.slice(at)}`;
  return unsigned.replace(instruction(fields, ''), instruction(fields, digest(unsigned)));
}

/**
 * {@link markGenerated} of a text given as its UTF-8 bytes, as its UTF-8 bytes: the same file, made without decoding
 * the text and encoding it again (a converted edition's documents wait as bytes and are written as bytes).
 */
export function markGeneratedBytes(xml: Uint8Array, fields: Readonly<Record<string, string>> = {}): Buffer {
  const bytes = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const at = declarationEnd(bytes);
  const nl = at > 0 && bytes[at - 1] !== 0x0a ? '\n' : '';
  const head = bytes.subarray(0, at);
  const rest = bytes.subarray(at);
  const attrs = attributes(fields);
  const unsigned = Buffer.from(`${nl}<?${TARGET} sha256=""${attrs}?>\n`, 'utf8');
  const hash = createHash('sha256').update(head).update(unsigned).update(rest).digest('hex');
  return Buffer.concat([head, Buffer.from(`${nl}<?${TARGET} sha256="${hash}"${attrs}?>\n`, 'utf8'), rest]);
}

/**
 * Where `/^<\?xml[^?]*\?>\n?/` ends in the bytes, 0 where it does not match: no byte of a multi-byte UTF-8
 * character is a `?`, so the first `?` after `<?xml` is the text's.
 */
function declarationEnd(bytes: Buffer): number {
  if (bytes.length < 5 || bytes.toString('latin1', 0, 5) !== '<?xml') return 0;
  const q = bytes.indexOf(0x3f, 5);
  if (q < 0 || bytes[q + 1] !== 0x3e) return 0;
  return bytes[q + 2] === 0x0a ? q + 3 : q + 2;
}

/** What the mark of a file's text says, checked against the text. */
export function generatedState(text: string): GeneratedState {
  const head = text.slice(0, 2048);
  const m = MARK.exec(head);
  if (!m) return { kind: 'unmarked' };
  const fields: Record<string, string> = {};
  for (const f of m[1]!.matchAll(FIELD)) fields[f[1]!] = f[2]!;
  const recorded = fields.sha256 ?? '';
  const unsigned = text.slice(0, m.index) + m[0].replace(`sha256="${recorded}"`, 'sha256=""') + text.slice(m.index + m[0].length);
  return { kind: recorded !== '' && digest(unsigned) === recorded ? 'unedited' : 'edited', fields };
}
