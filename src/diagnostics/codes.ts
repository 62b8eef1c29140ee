/**
 * Every diagnostic code of Chancery, in one table: what it means, how to fix it, the severity it is reported at
 * and the template of its message. Findings and errors are made from it (`diagnostic()`, `ChanceryError.of()`),
 * so a message is written once, where its code is; docs/diagnostics.md is generated from it (a test compares).
 *
 * Codes are stable (baselines and CI suppressions name them): a code no longer reported stays here, retired, and
 * its number is never given to another. The prefix says the area: IN (an input of convert), CONV (conversion),
 * ENT (entities), XML (reading XML), RNG (RELAX NG or XSD), SCH (Schematron), REF (references across files), VAL
 * (validate as a tool), TR (transform), ED (the edition on disk), IO (files and paths).
 */
import type { Severity } from './diagnostic.js';

/** Which part of Chancery reports a code; the per-area views below (`ConvertCodes`, …) are built from it. */
export type Area = 'convert' | 'entities' | 'xml' | 'validate' | 'transform' | 'edition' | 'io';

/** One code of the table. `P` is what its message template needs. */
export interface CodeSpec<A extends Area = Area, N extends string = string, P = never> {
  area: A;
  /** The name code reads by (`ConvertCodes.noteWithoutRef`), unique within its area's view. */
  name: N;
  /** The severity it is reported at; a finding may say otherwise (a Schematron rule's role, a libxml2 warning). */
  severity: Severity;
  /** `finding`: reported in a report, the run goes on; `error`: thrown, the command stops (exit 2 or 3). */
  kind: 'finding' | 'error';
  /** What happened, for docs/diagnostics.md. */
  meaning: string;
  /** What to do about it, for docs/diagnostics.md. */
  fix: string;
  /** The message a person reads; one line (reporters show it after `file:line:column: severity CODE`). */
  message: (p: P) => string;
  /** What the message is made from in typical cases (one per form of the message): docs/diagnostics.md shows them. */
  examples: readonly [NoInfer<P>, ...NoInfer<P>[]];
  /** Set on a code that is no longer reported: why, and what reports it now. */
  retired?: string;
}

function code<A extends Area, N extends string, P>(spec: CodeSpec<A, N, P>): CodeSpec<A, N, P> {
  return spec;
}

/** Where the TEI Guidelines document an element; content-model messages link it. */
export function guidelinesUrl(element: string): string {
  return `https://tei-c.org/release/doc/tei-p5-doc/en/html/ref-${element}.html`;
}

/** ` (https://…/ref-p.html)` after a message about a TEI element, nothing otherwise. */
function guidelinesLink(element: string | undefined): string {
  return element ? ` (${guidelinesUrl(element)})` : '';
}

const mb = (bytes: number, digits: number): string => (bytes / 1048576).toFixed(digits);

/** "64 MB", "1.5 MB", "0.3 MB", "3 kB", "120 bytes": a size as a person reads it (MB of 1,048,576 bytes, as --max-size counts). */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${Math.floor(bytes)} bytes`;
  const mb = bytes / 1048576;
  if (Number.isInteger(mb)) return `${mb} MB`;
  // Below a tenth of a MB, "0.0 MB" would say nothing: kB then.
  if (mb < 0.1) return `${Math.round(bytes / 1024)} kB`;
  return `${mb.toFixed(1)} MB`;
}

export const DIAGNOSTIC_CODES = {
  // ── Inputs of convert: the command stops before writing anything for the file (exit 3) ──────────────────
  'TEI-IN-001': code({
    area: 'convert', name: 'fileMissing', severity: 'error', kind: 'error',
    meaning: 'An input named on the command line does not exist.',
    fix: 'Check the path (it is relative to the folder you run Chancery in).',
    examples: [{ path: 'sources/letter.txt' }],
    message: (p: { path: string }) => `${p.path}: no such file`,
  }),
  'TEI-IN-002': code({
    area: 'convert', name: 'notAFile', severity: 'error', kind: 'error',
    meaning: 'An input is a folder, a device or a FIFO, not a text file, or it cannot be read (permissions, an I/O error).',
    fix: 'Name the text files themselves (`sources/*.txt`), not their folder; check the permissions of the file.',
    examples: [
      { path: 'sources', what: 'a folder' },
      { path: 'sources/letter.txt', what: 'a FIFO (named pipe)' },
      { path: 'sources/letter.txt', problem: 'permission denied (EACCES)' },
    ],
    message: (p: { path: string; what: string } | { path: string; problem: string }) =>
      'problem' in p ? `${p.path}: ${p.problem}` : p.what === 'a folder' ? `${p.path}: is a directory, not a text file` : `${p.path}: is ${p.what}, not a text file`,
  }),
  'TEI-IN-003': code({
    area: 'convert', name: 'emptyFile', severity: 'error', kind: 'error',
    meaning: 'An input file is empty.',
    fix: 'Remove it from the inputs, or put the text in it.',
    examples: [{ file: 'letter.txt' }],
    message: (p: { file: string }) => `${p.file}: the file is empty`,
  }),
  'TEI-IN-004': code({
    area: 'convert', name: 'binaryFile', severity: 'error', kind: 'error',
    meaning: 'An input holds control bytes that text does not (a PDF, a word-processor file, an image).',
    fix: 'Export the document as plain text (UTF-8) and convert that.',
    examples: [{ file: 'letter.pdf' }],
    message: (p: { file: string }) => `${p.file}: this is a binary file, not text`,
  }),
  'TEI-IN-005': code({
    area: 'convert', name: 'invalidEncoding', severity: 'error', kind: 'error',
    meaning: 'An input is neither valid UTF-8 nor plausible Windows-1252 text; the position of the first bad byte is given.',
    fix: 'Save the file as UTF-8 (most editors offer it under "Save as" or "Encoding").',
    examples: [{ file: 'letter.txt', line: 12, column: 7, byte: 0x81 }],
    message: (p: { file: string; line: number; column: number; byte: number }) =>
      `${p.file}:${p.line}:${p.column}: invalid UTF-8 (byte 0x${p.byte.toString(16)}) and not Windows-1252 text either`,
  }),
  'TEI-IN-006': code({
    area: 'convert', name: 'tooLarge', severity: 'error', kind: 'error',
    meaning: 'An input is larger than `--max-size` (64 MB by default): one input is converted in memory.',
    fix: 'Split the source, or raise the limit with `--max-size`.',
    examples: [
      { path: 'sources/volume.txt', bytes: 3072, limit: 1000 },
      { path: 'sources/volume.txt', bytes: 80 * 1048576, limit: 64 * 1048576 },
    ],
    message: (p: { path: string; bytes: number; limit: number }) =>
      `${p.path}: ${formatSize(p.bytes)} is above the limit of ${formatSize(p.limit)} (raise it with --max-size)`,
  }),
  'TEI-IN-007': code({
    area: 'convert', name: 'decodedAsWindows1252', severity: 'info', kind: 'finding',
    meaning: 'An input is not valid UTF-8 but reads as Windows-1252, and was decoded so.',
    fix: 'Nothing, if the text reads right; saving the source as UTF-8 removes the note.',
    examples: [{ line: 40 }],
    message: (p: { line: number }) => `not valid UTF-8 from line ${p.line}; decoded as Windows-1252`,
  }),
  'TEI-IN-008': code({
    area: 'convert', name: 'strayBytes', severity: 'warning', kind: 'finding',
    meaning:
      'An input is UTF-8 but for a few bytes that are not (a quotation mark pasted from a Windows-1252 text, a damaged byte): they were read as Windows-1252, or as U+FFFD where Windows-1252 has no character. The place is the first of them.',
    fix: 'Check the characters at the place given; saving the source as UTF-8 from the program that made it removes the warning.',
    examples: [
      { count: 1, byte: 0x92, read: '’' },
      { count: 3, byte: 0x81, read: undefined },
    ],
    message: (p: { count: number; byte: number; read: string | undefined }) =>
      `${p.count === 1 ? 'a byte' : `${p.count.toLocaleString('en')} bytes`} not valid UTF-8 in a UTF-8 text, the first 0x${p.byte.toString(16).toUpperCase()} here: read as Windows-1252 (${p.read === undefined ? 'which has no character for it: U+FFFD "\uFFFD"' : `"${p.read}"`})`,
  }),
  'TEI-IN-009': code({
    area: 'convert', name: 'forbiddenCharacters', severity: 'warning', kind: 'finding',
    meaning:
      'An input holds characters XML does not allow (control characters such as NUL, BEL or ESC; U+FFFE and U+FFFF; a surrogate without its pair): the TEI has U+FFFD "\uFFFD" in their place. One finding for each kind, at its first place.',
    fix: 'Look at the place given: usually debris of a scanner or a word processor, to be deleted from the source.',
    examples: [
      { count: 1, kind: 'control', char: 0x1b },
      { count: 12, kind: 'noncharacter', char: 0xfffe },
      { count: 2, kind: 'surrogate', char: 0xd800 },
    ],
    message: (p: { count: number; kind: 'control' | 'noncharacter' | 'surrogate'; char: number }) => {
      const what = { control: 'control character', noncharacter: 'noncharacter', surrogate: 'unpaired surrogate' }[p.kind];
      const code = `U+${p.char.toString(16).toUpperCase().padStart(4, '0')}`;
      return `${p.count === 1 ? `${p.kind === 'surrogate' ? 'an' : 'a'} ${what}` : `${p.count.toLocaleString('en')} ${what}s`} XML does not allow (the first ${code} here): written as U+FFFD "\uFFFD"`;
    },
  }),

  // ── Conversion: findings in the conversion report; the TEI is written ────────────────────────────────
  'TEI-CONV-001': code({
    area: 'convert', name: 'footnoteRefWithoutNote', severity: 'warning', kind: 'finding',
    meaning: 'A footnote reference in the text has no note text with its number.',
    fix: 'Check the source for the missing note (a page lost in scanning?); the number is kept as a superscript.',
    examples: [{ n: '3' }],
    message: (p: { n: string }) => `footnote reference ${p.n} has no note text; kept as a superscript number`,
  }),
  'TEI-CONV-002': code({
    area: 'convert', name: 'noteWithoutRef', severity: 'warning', kind: 'finding',
    meaning: 'A note text has no reference with its number in the text before it.',
    fix: 'Check the source for the reference (OCR often loses superscripts); the note is kept where it stands.',
    examples: [{ n: '12' }],
    message: (p: { n: string }) => `note ${p.n} has no reference in the text; kept where it stands`,
  }),
  'TEI-CONV-003': code({
    area: 'convert', name: 'undatedLetter', severity: 'warning', kind: 'finding',
    meaning: 'A letter or telegram has no date line the converter recognises.',
    fix: 'If the source prints a date, check its form (docs/encoding.md lists the datelines read); otherwise nothing.',
    examples: [{ kind: 'telegram', title: 'PERSONAL AND SECRET MESSAGE FROM PREMIER J. V. STALIN TO THE PRESIDENT' }],
    message: (p: { kind: string; title: string }) => `${p.kind} "${p.title.slice(0, 60)}" has no date line`,
  }),
  'TEI-CONV-004': code({
    area: 'convert', name: 'headingNotParsed', severity: 'info', kind: 'finding',
    meaning: 'A heading names neither sender nor addressee in a form the converter reads.',
    fix: 'Nothing, if the document has no correspondents; otherwise see docs/encoding.md for the headings read.',
    examples: [{ heading: 'MEMORANDUM ON THE CONFERENCE' }],
    message: (p: { heading: string }) => `heading names no sender or addressee: "${p.heading.slice(0, 80)}"`,
  }),
  'TEI-CONV-005': code({
    area: 'convert', name: 'duplicatePassage', severity: 'info', kind: 'finding',
    meaning: 'A passage repeats another of the same document (a second OCR pass); it is kept as a duplicate witness.',
    fix: 'Nothing: the duplicate stays in the TEI as a note of type "duplicate" and is left out of reading texts.',
    examples: [{ line: 120, endLine: 134, originalLine: 80, originalEndLine: 94 }],
    message: (p: { line: number; endLine: number; originalLine: number; originalEndLine: number }) =>
      `lines ${p.line}-${p.endLine} repeat lines ${p.originalLine}-${p.originalEndLine} (a second OCR pass); kept as a duplicate witness`,
  }),
  'TEI-CONV-006': code({
    area: 'convert', name: 'senderInferred', severity: 'info', kind: 'finding',
    meaning: "A heading names no sender; the volume's principal writer is assumed, and the TEI marks it as inferred.",
    fix: 'Check the sender; the TEI carries @cert and @evidence on it (docs/encoding.md, "What the converter infers").',
    examples: [{ name: 'Stalin', written: 371, messages: 602 }],
    message: (p: { name: string; written: number; messages: number }) =>
      `heading names no sender; ${p.name} assumed, the writer of ${p.written} of the volume's ${p.messages} messages`,
  }),
  'TEI-CONV-007': code({
    area: 'convert', name: 'noteLanguageTwin', severity: 'info', kind: 'finding',
    meaning: 'A note is printed again in another language; both are kept in one note.',
    fix: 'Nothing: the note holds one paragraph per language.',
    examples: [{ line: 300, endLine: 303, n: '4', lang: 'ru' }],
    message: (p: { line: number; endLine: number; n: string; lang: string }) =>
      `lines ${p.line}-${p.endLine} give note ${p.n} again in another language (${p.lang}); both kept in one note`,
  }),
  'TEI-CONV-008': code({
    area: 'convert', name: 'dateNotParsed', severity: 'info', kind: 'finding',
    meaning: 'A date line that could not be read.',
    fix: '—',
    examples: [{ text: 'the 3rd inst.' }],
    message: (p: { text: string }) => `date not read: "${p.text}"`,
    retired: 'never reported: an unread date line is TEI-CONV-003 on its document',
  }),
  'TEI-CONV-009': code({
    area: 'convert', name: 'notLaidOut', severity: 'error', kind: 'error',
    meaning: 'A program gave `serializeTei` a document that has not been through the whole pipeline.',
    fix: 'A misuse of the library: serialize the documents `convert()` returns.',
    examples: [{ document: 'letter-001' }],
    message: (p: { document: string }) => `${p.document} has not been through the layout pass: run the whole pipeline before serializing`,
  }),
  'TEI-CONV-010': code({
    area: 'convert', name: 'documentTooLarge', severity: 'warning', kind: 'finding',
    meaning: 'One document of the segmentation is past the size guard: the segmentation most likely found no boundaries in a long stretch. It is converted, without the passes that would take too long on it.',
    fix: 'Look at the lines given: if they hold several documents, their headings are in a form the segmentation does not read (docs/encoding.md).',
    examples: [
      { problem: '2.4 MB of text', line: 1200, endLine: 30500, skipped: ['entities'] },
      { problem: '2.1 MB of text in 12,040 blocks', line: 1, endLine: 41000, skipped: [] },
    ],
    message: (p: { problem: string; line: number; endLine: number; skipped: readonly string[] }) =>
      `one document of ${p.problem} (lines ${p.line}-${p.endLine}): the segmentation probably found no boundaries in this stretch; it is converted${p.skipped.length ? ` without the ${p.skipped.join(' and ')} pass${p.skipped.length > 1 ? 'es' : ''}` : ''}`,
  }),
  'TEI-CONV-011': code({
    area: 'convert', name: 'conversionFailed', severity: 'error', kind: 'error',
    meaning: "A file's conversion stopped half-way. Out of memory in a worker thread (`--jobs`), only that file is lost and the others go on (a finding); anything else is a bug, and the run stops.",
    fix: 'Out of memory: convert the file alone, or with fewer `--jobs`, or split it. Otherwise report the bug with the file.',
    examples: [{ path: 'sources/volume.txt', detail: 'the worker ran out of memory' }],
    message: (p: { path: string; detail: string }) => `${p.path}: the conversion stopped: ${p.detail}`,
  }),

  // ── Entities and the editor's persons file ──────────────────────────────────────────────────────────────
  'TEI-ENT-001': code({
    area: 'entities', name: 'editorFileUnreadable', severity: 'error', kind: 'error',
    meaning: "The editor's persons file could not be parsed.",
    fix: '—',
    examples: [{ path: 'sources/persons.json' }],
    message: (p: { path: string }) => `${p.path}: cannot be read`,
    retired: 'reported as TEI-ED-009',
  }),
  'TEI-ENT-002': code({
    area: 'entities', name: 'authorityUnchecked', severity: 'warning', kind: 'finding',
    meaning: "An authority id (Wikidata, VIAF) in the editor's persons file says nowhere where it was checked, so it is not used.",
    fix: 'Add `"checked"` to the idno entry: where you verified the id (a URL, a catalogue).',
    examples: [{ file: 'sources/persons.json', type: 'wikidata', value: 'Q855', person: 'stalin' }],
    message: (p: { file: string; type: string; value: string; person: string }) =>
      `${p.file}: ${p.type} id ${p.value} for "${p.person}" says nowhere where it was checked; not used`,
  }),
  'TEI-ENT-003': code({
    area: 'entities', name: 'unknownPersonId', severity: 'warning', kind: 'finding',
    meaning: "An entry of the editor's persons file merges (`sameAs`) a person id the personography does not have.",
    fix: 'Correct the id (`chancery persons` lists them), or remove the `sameAs`.',
    examples: [{ file: 'sources/persons.json', id: 'churchil-w' }],
    message: (p: { file: string; id: string }) => `${p.file}: sameAs names unknown person "${p.id}"`,
  }),
  'TEI-ENT-004': code({
    area: 'entities', name: 'personographyUnreadable', severity: 'error', kind: 'error',
    meaning: 'persons.xml could not be parsed.',
    fix: '—',
    examples: [{ path: 'tei/persons.xml' }],
    message: (p: { path: string }) => `${p.path}: cannot be read`,
    retired: 'reported as TEI-ED-008',
  }),
  'TEI-ENT-005': code({
    area: 'entities', name: 'correspondentWithoutAuthority', severity: 'info', kind: 'finding',
    meaning: 'A correspondent has no authority id.',
    fix: '—',
    examples: [{ person: 'halifax' }],
    message: (p: { person: string }) => `${p.person} has no authority id`,
    retired: 'the build lists such correspondents in its summary, and `chancery persons` prints them',
  }),

  // ── Reading XML: every stage that reads TEI ─────────────────────────────────────────────────────────────
  'TEI-XML-001': code({
    area: 'xml', name: 'notWellFormed', severity: 'error', kind: 'finding',
    meaning: 'The file is not well-formed XML (the parser says where and why); it is not checked or transformed further.',
    fix: 'Correct the markup at the place given (an unclosed tag, a stray `&` or `<`).',
    examples: [{ detail: 'unclosed tag: p' }],
    message: (p: { detail: string }) => `not well-formed: ${p.detail}`,
  }),
  'TEI-XML-002': code({
    area: 'xml', name: 'badEncoding', severity: 'error', kind: 'finding',
    meaning: 'The bytes do not decode in the encoding the file declares or starts with, or the encoding is one Chancery does not read.',
    fix: 'Save the file as UTF-8 (and declare `encoding="UTF-8"` or none).',
    examples: [{ encoding: 'utf-8', unsupported: false }, { encoding: 'EBCDIC', unsupported: true }],
    message: (p: { encoding: string; unsupported: boolean }) =>
      p.unsupported
        ? `unsupported encoding "${p.encoding.slice(0, 40)}" in the XML declaration; save the file as UTF-8`
        : `bytes that are not valid ${p.encoding.toUpperCase()}; save the file as UTF-8 or declare its encoding`,
  }),
  'TEI-XML-007': code({
    area: 'xml', name: 'fileTooLarge', severity: 'error', kind: 'finding',
    meaning: 'The file is over the size limit (64 MiB by default) and is refused before it is read.',
    fix: 'Split the document, or raise the limit (`--max-size`).',
    examples: [{ detail: 'file is 80.0 MiB, over the limit of 64.0 MiB; refused unread' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-XML-008': code({
    area: 'xml', name: 'unreadable', severity: 'error', kind: 'finding',
    meaning: 'The file or folder cannot be read (permissions, vanished, an I/O error, a link that leads nowhere).',
    fix: 'Check the path and its permissions.',
    examples: [{ detail: 'cannot read: permission denied (EACCES)' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-XML-010': code({
    area: 'xml', name: 'tooDeep', severity: 'error', kind: 'finding',
    meaning: 'Elements nest deeper than the limit (1,000 levels); the file is not read further.',
    fix: 'A TEI document never needs this depth: the file is damaged or made to exhaust memory. `validate --max-depth` raises the limit.',
    examples: [{ limit: 1000 }],
    message: (p: { limit: number }) =>
      `elements nested more than ${p.limit.toLocaleString('en')} levels deep: the file is not read further (a limit against documents made to exhaust memory)`,
  }),
  'TEI-XML-011': code({
    area: 'xml', name: 'notRegularFile', severity: 'error', kind: 'finding',
    meaning: 'A device, FIFO, socket or folder stands where a file was expected, or a link leads out of the folders given: never read.',
    fix: 'Replace it with a regular file inside the edition, or leave it out of the paths.',
    examples: [{ detail: 'a FIFO (named pipe), not a regular file: never read' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-XML-012': code({
    area: 'xml', name: 'tooManyErrors', severity: 'error', kind: 'finding',
    meaning: 'More well-formedness errors than are worth listing (100); the rest are not reported.',
    fix: 'Check that the file is XML at all; correct the first errors and validate again.',
    examples: [{ limit: 100 }],
    message: (p: { limit: number }) => `more than ${p.limit} well-formedness errors: not read further (is this an XML file?)`,
  }),

  // ── Validation ──────────────────────────────────────────────────────────────────────────────────────────
  'TEI-XML-003': code({
    area: 'validate', name: 'entityDeclarationRefused', severity: 'error', kind: 'finding',
    meaning: 'A DOCTYPE declares an external entity (never loaded), or its entities expand beyond 10 MiB of text.',
    fix: 'Replace the entities by the characters themselves (or by TEI elements such as `<g>`).',
    examples: [{ detail: 'entity "ext" is external (SYSTEM or PUBLIC): external entities are never loaded' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-XML-004': code({
    area: 'validate', name: 'doctypeIgnored', severity: 'warning', kind: 'finding',
    meaning: 'A DOCTYPE names an external DTD, which is never loaded: the schema alone decides validity.',
    fix: 'Remove the DOCTYPE (TEI needs none).',
    examples: [{ dtd: 'tei_all.dtd' }],
    message: (p: { dtd: string }) => `external DTD "${p.dtd}" not loaded (DTDs outside the document never are); the schema decides validity`,
  }),
  'TEI-XML-005': code({
    area: 'validate', name: 'duplicateId', severity: 'error', kind: 'finding',
    meaning: 'Two elements of one file carry the same xml:id, or the same value of an attribute the schema types ID (the related place is the first).',
    fix: 'Give one of them another id, and update the pointers to it.',
    examples: [{ id: 'p3', firstLine: 12 }, { detail: 'ID "n1" is used twice in this document; first at line 20' }],
    message: (p: { id: string; firstLine: number } | { detail: string; guidelines?: string }) =>
      'detail' in p ? `${p.detail}${guidelinesLink(p.guidelines)}` : `xml:id "${p.id}" is used twice in this file; first at line ${p.firstLine}`,
  }),
  'TEI-XML-006': code({
    area: 'validate', name: 'badId', severity: 'error', kind: 'finding',
    meaning: 'An xml:id is not an XML name without colons (NCName): it may not start with a digit or hold spaces.',
    fix: 'Rename it (a letter first, then letters, digits, `-`, `_` or `.`), and update the pointers to it.',
    examples: [{ id: '3rd-para' }],
    message: (p: { id: string }) => `xml:id "${p.id}" is not a valid XML name without colons (NCName)`,
  }),
  'TEI-XML-009': code({
    area: 'validate', name: 'xincludeFailed', severity: 'error', kind: 'finding',
    meaning: 'An XInclude (with `--xinclude`) failed: a missing file, a recursion, no fallback.',
    fix: 'Correct the `href` of the `xi:include`, or add an `xi:fallback`.',
    examples: [{ detail: 'could not load notes.xml, and no fallback was found' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-XML-013': code({
    area: 'validate', name: 'checkAborted', severity: 'error', kind: 'finding',
    meaning: 'The check of a file ran out of memory or its worker died; the other files are checked.',
    fix: 'Validate the file alone (`--jobs 1`), with more memory (`NODE_OPTIONS=--max-old-space-size=…`), or split it.',
    examples: [{ reason: 'the worker ran out of memory' }],
    message: (p: { reason: string }) => `could not be checked to the end: ${p.reason}`,
  }),
  'TEI-RNG-001': code({
    area: 'validate', name: 'elementNotAllowed', severity: 'error', kind: 'finding',
    meaning: 'An element is not allowed where it stands; the message lists what the schema allows there.',
    fix: 'Move or rename the element as the schema allows; the link opens its page in the TEI Guidelines.',
    examples: [
      { detail: 'element head not allowed here; expected element p, div or closing tag of body', guidelines: 'body' },
    ],
    message: (p: { detail: string; guidelines?: string }) => `${p.detail}${guidelinesLink(p.guidelines)}`,
  }),
  'TEI-RNG-002': code({
    area: 'validate', name: 'badAttribute', severity: 'error', kind: 'finding',
    meaning: 'An attribute is not allowed on its element, or its value is not of the datatype the schema requires.',
    fix: 'Remove or rename the attribute, or correct its value (dates YYYY-MM-DD, pointers `#id`).',
    examples: [
      { detail: 'attribute when of element date: "23 December" is not a valid date (YYYY-MM-DD)', guidelines: 'date' },
    ],
    message: (p: { detail: string; guidelines?: string }) => `${p.detail}${guidelinesLink(p.guidelines)}`,
  }),
  'TEI-RNG-003': code({
    area: 'validate', name: 'textNotAllowed', severity: 'error', kind: 'finding',
    meaning: 'Text stands where the content model allows only elements, or text is not of its datatype.',
    fix: 'Wrap the text in the element the schema expects (often `<p>`).',
    examples: [
      { detail: 'text not allowed in element body; expected element p, div or closing tag of body', guidelines: 'body' },
    ],
    message: (p: { detail: string; guidelines?: string }) => `${p.detail}${guidelinesLink(p.guidelines)}`,
  }),
  'TEI-RNG-004': code({
    area: 'validate', name: 'incompleteContent', severity: 'error', kind: 'finding',
    meaning: 'An element ends before the content its model requires, or holds more than it allows.',
    fix: 'Add the missing child elements (the message names what was expected).',
    examples: [{ detail: 'element titleStmt incomplete; missing required element title', guidelines: 'titleStmt' }],
    message: (p: { detail: string; guidelines?: string }) => `${p.detail}${guidelinesLink(p.guidelines)}`,
  }),
  'TEI-RNG-005': code({
    area: 'validate', name: 'missingAttribute', severity: 'error', kind: 'finding',
    meaning: 'A required attribute is missing.',
    fix: 'Add the attribute the message names.',
    examples: [{ detail: 'element graphic missing required attribute url', guidelines: 'graphic' }],
    message: (p: { detail: string; guidelines?: string }) => `${p.detail}${guidelinesLink(p.guidelines)}`,
  }),
  'TEI-RNG-006': code({
    area: 'validate', name: 'idrefWithoutId', severity: 'error', kind: 'finding',
    meaning: 'An attribute the schema types IDREF or IDREFS names no ID of the document.',
    fix: 'Correct the reference, or give the target the id.',
    examples: [{ detail: 'IDREF "n4" without a matching ID in this document' }],
    message: (p: { detail: string; guidelines?: string }) => `${p.detail}${guidelinesLink(p.guidelines)}`,
  }),
  'TEI-RNG-099': code({
    area: 'validate', name: 'schemaOther', severity: 'error', kind: 'finding',
    meaning: "Any other message of the schema engine (XSD through libxml2), as the engine gives it.",
    fix: 'Read the engine\'s message; the place is that of the element it names.',
    examples: [{ detail: "Element 'foo': This element is not expected." }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-SCH-001': code({
    area: 'validate', name: 'schematronAssert', severity: 'error', kind: 'finding',
    meaning: "A Schematron assert failed; the message is the rule's own, with its id. A rule with `role=\"warning\"` reports a warning.",
    fix: 'Do what the rule says; schema/chancery.sch holds Chancery\'s rules.',
    examples: [{ text: 'a persName/@ref points into persons.xml', id: 'ref-persons' }],
    message: (p: { text: string; id?: string }) => (p.id ? `${p.text} (${p.id})` : p.text),
  }),
  'TEI-SCH-002': code({
    area: 'validate', name: 'schematronReport', severity: 'error', kind: 'finding',
    meaning: "A Schematron report fired; the message is the rule's own, with its id.",
    fix: 'Do what the rule says.',
    examples: [{ text: 'an empty paragraph', id: 'empty-p' }],
    message: (p: { text: string; id?: string }) => (p.id ? `${p.text} (${p.id})` : p.text),
  }),
  'TEI-SCH-003': code({
    area: 'validate', name: 'schematronError', severity: 'error', kind: 'finding',
    meaning: 'A Schematron rule could not be evaluated (an XPath error in the rule).',
    fix: 'Correct the rule in the Schematron file.',
    examples: [{ schema: 'schema/chancery.sch', detail: 'XPST0017: function foo() not found' }],
    message: (p: { schema: string; detail: string }) => `a Schematron rule of ${p.schema} could not be evaluated: ${p.detail}`,
  }),
  'TEI-SCH-004': code({
    area: 'validate', name: 'schematronSkipped', severity: 'warning', kind: 'finding',
    meaning: 'A file above 2 MiB is not checked by Schematron (its engine needs memory without bound); well-formedness, RELAX NG and references are.',
    fix: 'Split the document, or accept that its Schematron rules are not checked.',
    examples: [{ bytes: 3460300, limit: 2097152 }],
    message: (p: { bytes: number; limit: number }) =>
      `Schematron not run: the file is ${mb(p.bytes, 1)} MiB, above the ${mb(p.limit, 0)} MiB the Schematron engine checks within bounded memory (split the document); well-formedness, the schema and references were checked`,
  }),
  'TEI-REF-001': code({
    area: 'validate', name: 'refFileMissing', severity: 'error', kind: 'finding',
    meaning: 'A pointer into another file of the edition (`../persons.xml#stalin`, `003.xml#p2`) names a file that is missing or cannot be read.',
    fix: 'Correct the pointer, or restore the file.',
    examples: [
      { attribute: 'ref', pointer: '../persons.xml#stalin', file: '../persons.xml' },
      { attribute: 'target', pointer: '002.xml#p4', file: '002.xml', why: 'which is outside the edition or does not exist: not read' },
    ],
    message: (p: { attribute: string; pointer: string; file: string; why?: string }) =>
      `@${p.attribute} "${p.pointer}" points to ${p.file}, ${p.why ?? 'which does not exist'}`,
  }),
  'TEI-REF-002': code({
    area: 'validate', name: 'refIdMissing', severity: 'error', kind: 'finding',
    meaning: 'A pointer names an xml:id that its file does not have.',
    fix: 'Correct the id after `#`, or add the person or element to the target file.',
    examples: [{ attribute: 'ref', pointer: '../persons.xml#stalim', id: 'stalim', file: '../persons.xml' }],
    message: (p: { attribute: string; pointer: string; id: string; file: string }) => `@${p.attribute} "${p.pointer}": no xml:id "${p.id}" in ${p.file}`,
  }),
  'TEI-REF-003': code({
    area: 'validate', name: 'idNotUniqueAcrossEdition', severity: 'info', kind: 'finding',
    meaning: 'An xml:id is used by another file too: allowed (ids are unique per document), noted because pointers across files must name the file.',
    fix: 'Nothing, unless a pointer means the other file.',
    examples: [{ id: 'p1', other: 'tei/002.xml' }],
    message: (p: { id: string; other: string }) => `xml:id "${p.id}" is also used in ${p.other} (allowed: ids are unique per document; pointers across files name the file)`,
  }),
  'TEI-REF-004': code({
    area: 'validate', name: 'refNotAPerson', severity: 'error', kind: 'finding',
    meaning: 'A persName/@ref does not point into persons.xml, or points at something there that is not a person.',
    fix: 'Point it at a `<person>` of persons.xml (`../persons.xml#id`; `chancery persons` lists the ids).',
    examples: [
      { pointer: '#stalin', personography: 'persons.xml' },
      { pointer: '../persons.xml#moscow', personography: 'persons.xml', element: 'place' },
    ],
    message: (p: { pointer: string; personography: string; element?: string }) =>
      p.element === undefined ? `persName/@ref "${p.pointer}" must point into ${p.personography}` : `persName/@ref "${p.pointer}" points to a ${p.element}, not a person`,
  }),
  'TEI-VAL-001': code({
    area: 'validate', name: 'usage', severity: 'error', kind: 'error',
    meaning: 'The validation was asked for something it cannot do (no paths, no XML files in them, a bad option value).',
    fix: 'Do what the message says; `chancery validate --help` lists the options.',
    examples: [{ problem: 'no XML files found in drafts/' }],
    message: (p: { problem: string }) => p.problem,
  }),
  'TEI-VAL-002': code({
    area: 'validate', name: 'io', severity: 'error', kind: 'error',
    meaning: 'A worker thread failed with an error that was not one of ours.',
    fix: 'A bug: report it with the message.',
    examples: [{ detail: 'Maximum call stack size exceeded' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-VAL-003': code({
    area: 'validate', name: 'git', severity: 'error', kind: 'error',
    meaning: 'git failed while `--changed` looked for the files changed since a commit.',
    fix: 'Run it inside the git repository of the edition; git\'s message follows.',
    examples: [{ command: 'diff --name-only main', detail: 'not a git repository' }],
    message: (p: { command: string; detail: string }) => `git ${p.command} failed: ${p.detail}`,
  }),
  'TEI-RNG-100': code({
    area: 'validate', name: 'schemaUnreadable', severity: 'error', kind: 'error',
    meaning: 'The schema named cannot be found or read.',
    fix: 'Check the `--schema` path.',
    examples: [{ problem: 'schema schema/missing.rng: no such file' }],
    message: (p: { problem: string }) => p.problem,
  }),
  'TEI-RNG-101': code({
    area: 'validate', name: 'schemaNotCompiled', severity: 'error', kind: 'error',
    meaning: 'The schema is not a correct RELAX NG (or XSD) schema; every error of the first stage that found some is listed, with the rule of the specification.',
    fix: 'Correct the schema at the places given.',
    examples: [
      { problem: 'incorrect schema schema/draft.rng:14:5: element "elemnt" is not a RELAX NG element (section 3)' },
    ],
    message: (p: { problem: string }) => p.problem,
  }),
  'TEI-RNG-102': code({
    area: 'validate', name: 'engineFailed', severity: 'error', kind: 'error',
    meaning: 'The schema engine failed (not a finding about the document).',
    fix: 'A bug: report it with the message and the file.',
    examples: [{ problem: 'internal: checkFile called before prepare() for schema/chancery.rng' }],
    message: (p: { problem: string }) => p.problem,
  }),
  'TEI-SCH-100': code({
    area: 'validate', name: 'schematronUnreadable', severity: 'error', kind: 'error',
    meaning: 'The Schematron file named cannot be read.',
    fix: 'Check the `--schematron` path.',
    examples: [{ path: 'schema/rules.sch', detail: 'no such file (ENOENT)' }],
    message: (p: { path: string; detail: string }) => `cannot read Schematron ${p.path}: ${p.detail}`,
  }),
  'TEI-SCH-101': code({
    area: 'validate', name: 'schematronNotCompiled', severity: 'error', kind: 'error',
    meaning: 'The Schematron file is not a schema the engine can compile.',
    fix: 'Correct it (XPath 3.1 query binding; `<let>` is not evaluated in a rule\'s context).',
    examples: [{ path: 'schema/rules.sch', detail: 'not a Schematron schema' }],
    message: (p: { path: string; detail: string }) => `cannot read Schematron ${p.path}: ${p.detail}`,
  }),
  'TEI-SCH-102': code({
    area: 'validate', name: 'internal', severity: 'error', kind: 'error',
    meaning: 'An internal error of the Schematron check.',
    fix: 'A bug: report it with the message.',
    examples: [{ file: 'tei/001.xml' }],
    message: (p: { file: string }) => `internal: ${p.file} was parsed without a DOM for Schematron`,
  }),

  // ── Transform ───────────────────────────────────────────────────────────────────────────────────────────
  'TEI-TR-001': code({
    area: 'transform', name: 'notWellFormed', severity: 'error', kind: 'finding',
    meaning: 'A TEI file is not well-formed XML (or persons.xml is not); the document is left out of every output.',
    fix: 'Correct the markup at the place given; `chancery validate` says more.',
    examples: [{ detail: 'left out of the outputs: not well-formed XML, unclosed tag: p' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-TR-002': code({
    area: 'transform', name: 'unreadable', severity: 'error', kind: 'finding',
    meaning: 'A file given as input cannot be read (or is not a regular file, or too large); it is left out of every output.',
    fix: 'Check the path and its permissions.',
    examples: [{ detail: 'left out of the outputs: cannot read: permission denied (EACCES)' }],
    message: (p: { detail: string }) => p.detail,
  }),
  'TEI-TR-003': code({
    area: 'transform', name: 'unknownPerson', severity: 'warning', kind: 'finding',
    meaning: 'A persName/@ref points to no person of the personography: the name is not linked.',
    fix: 'Correct the ref or add the person to persons.xml (through the editor\'s persons file).',
    examples: [{ name: 'Molotov', document: 'stalin-1943-05-02', person: 'molotov-v' }],
    message: (p: { name: string; document: string; person: string }) => `persName "${p.name}" in ${p.document} points to no person (#${p.person})`,
  }),
  'TEI-TR-004': code({
    area: 'transform', name: 'personographyMissing', severity: 'warning', kind: 'finding',
    meaning: "The persons.xml the documents' references name does not exist, or lies outside the edition's folders.",
    fix: 'Transform the folder that holds persons.xml (`tei`, not `tei/<source>`), or build the edition.',
    examples: [{ file: 'tei/persons.xml', outside: false }, { file: '../persons.xml', outside: true }],
    message: (p: { file: string; outside: boolean }) => `personography ${p.file} not found${p.outside ? " in the edition's folders" : ''}`,
  }),
  'TEI-TR-005': code({
    area: 'transform', name: 'undated', severity: 'info', kind: 'finding',
    meaning: 'A document has no date the index could sort it by.',
    fix: '—',
    examples: [{ document: 'letter-001' }],
    message: (p: { document: string }) => `${p.document} has no date`,
    retired: 'never reported: undated documents are listed last, which the site shows',
  }),
  'TEI-TR-006': code({
    area: 'transform', name: 'notTei', severity: 'info', kind: 'finding',
    meaning: 'An XML file holds no `<TEI>` with a `<text>` (and is not the personography): skipped.',
    fix: 'Nothing, if it is not a document of the edition.',
    examples: [{}],
    message: (_: Record<never, never>) => 'not a TEI document with a <text>: skipped',
  }),
  'TEI-TR-007': code({
    area: 'transform', name: 'duplicateId', severity: 'error', kind: 'finding',
    meaning: 'Two documents would be written under one name; the second is left out.',
    fix: 'Give one of them another xml:id (or another place in tei/).',
    examples: [{ id: 'letter-001' }],
    message: (p: { id: string }) => `two documents would be written as ${p.id}; this one is left out`,
  }),
  'TEI-TR-010': code({
    area: 'transform', name: 'config', severity: 'error', kind: 'error',
    meaning: 'The edition config (chancery.config.json) is missing where CMIF needs it, not JSON, or a key has the wrong form.',
    fix: 'Correct the key the message names (`chancery init` writes a commented config).',
    examples: [{ file: 'chancery.config.json', problem: '"baseUrl" must be a URL (https://…)' }],
    message: (p: { file: string; problem: string }) => `${p.file}: ${p.problem}`,
  }),
  'TEI-TR-011': code({
    area: 'transform', name: 'badModule', severity: 'error', kind: 'error',
    meaning: 'A transform module of yours cannot be loaded, has the wrong shape, failed, or yielded an unsafe output path; or an unknown target was named.',
    fix: 'See docs/transforms.md for the shape of a module and its outputs.',
    examples: [{ problem: 'transforms/pdf.js: exports no transform function' }],
    message: (p: { problem: string }) => p.problem,
  }),
  'TEI-TR-012': code({
    area: 'transform', name: 'noInput', severity: 'error', kind: 'finding',
    meaning: 'The paths hold no TEI documents.',
    fix: 'Check the paths (the edition is in `tei/` after `chancery build`).',
    examples: [{ paths: ['drafts'] }],
    message: (p: { paths: readonly string[] }) => `no TEI documents found in ${p.paths.join(', ')}`,
  }),
  'TEI-TR-013': code({
    area: 'transform', name: 'writeFailed', severity: 'error', kind: 'finding',
    meaning: 'An output file cannot be written (permissions, a full disk, a file where a folder should be); the others are written.',
    fix: 'Free the path or the disk and run again.',
    examples: [{ file: 'site/index.html', cause: 'permission denied (EACCES)' }],
    message: (p: { file: string; cause: string }) => `cannot write ${p.file}: ${p.cause}`,
  }),
  'TEI-TR-014': code({
    area: 'transform', name: 'pruned', severity: 'info', kind: 'finding',
    meaning: 'Files an earlier run wrote for documents no longer in the edition were removed (only files whose content was still what that run wrote).',
    fix: 'Nothing.',
    examples: [{ count: 3, outDir: 'site' }],
    message: (p: { count: number; outDir: string }) => `${p.count} file(s) this transform wrote before and not now (withdrawn documents) removed from ${p.outDir}`,
  }),
  'TEI-TR-015': code({
    area: 'transform', name: 'teiNotPublished', severity: 'warning', kind: 'finding',
    meaning: "A document's TEI declares a namespace other than TEI's, so the site does not offer it for download (a browser would run script in XHTML or SVG).",
    fix: 'Remove the foreign namespace from the document, if it is not meant to be there.',
    examples: [{ permalink: 'letter-001' }],
    message: (p: { permalink: string }) =>
      `${p.permalink}: its TEI declares a namespace other than TEI's, so it is not published for download (a browser would run script in it)`,
  }),
  'TEI-TR-016': code({
    area: 'transform', name: 'transformFailed', severity: 'error', kind: 'error',
    meaning: "The transform stopped half-way: its worker thread ran out of memory, or failed. Files already written are whole; the others are not written.",
    fix: 'Out of memory: give Node more (`node --max-old-space-size=4096 …`), or transform a smaller part of the edition. Otherwise report the bug with the file.',
    examples: [{ path: 'tei', detail: 'it ran out of memory' }],
    message: (p: { path: string; detail: string }) => `${p.path}: the transform stopped: ${p.detail}`,
  }),
  'TEI-TR-100': code({
    area: 'transform', name: 'cmifHeader', severity: 'error', kind: 'finding',
    meaning: 'The CMIF header lacks a part correspSearch requires (title, editor with email, publisher, licence, date, URL).',
    fix: 'Fill `title`, `editor`, `publisher` and `baseUrl` in chancery.config.json.',
    examples: [{ element: 'editor', needs: 'an <email>' }],
    message: (p: { element: string; needs: string }) => `${p.element} needs ${p.needs}`,
  }),
  'TEI-TR-101': code({
    area: 'transform', name: 'cmifCorrespRef', severity: 'error', kind: 'finding',
    meaning: "A correspDesc has no @ref (the letter's URL), or its @source names no bibl of sourceDesc.",
    fix: 'Set `baseUrl` in chancery.config.json (a CMIF export of your own: give each correspDesc both).',
    examples: [{}, { source: '#volume-2' }],
    message: (p: { source?: string }) =>
      p.source === undefined ? 'correspDesc needs @ref with the URL of the letter in the edition' : `correspDesc/@source "${p.source}" names no bibl/@xml:id of sourceDesc`,
  }),
  'TEI-TR-102': code({
    area: 'transform', name: 'cmifBibl', severity: 'error', kind: 'finding',
    meaning: 'A bibl of sourceDesc has no xml:id, or a @type other than print or online.',
    fix: 'Give it an xml:id and `type="print"` or `"online"`.',
    examples: [{ type: 'manuscript' }, {}],
    message: (p: { type?: string }) => (p.type === undefined ? 'every <bibl> in sourceDesc needs an xml:id' : `bibl/@type must be "print" or "online", not "${p.type}"`),
  }),
  'TEI-TR-103': code({
    area: 'transform', name: 'cmifAction', severity: 'error', kind: 'finding',
    meaning: 'A correspDesc lacks a sent or a received correspAction.',
    fix: 'Add the missing correspAction (a correspondent unknown is `<persName>Unknown</persName>`).',
    examples: [{ type: 'received' }],
    message: (p: { type: string }) => `correspDesc lacks a correspAction of type "${p.type}"`,
  }),
  'TEI-TR-104': code({
    area: 'transform', name: 'cmifActionChild', severity: 'error', kind: 'finding',
    meaning: 'A correspAction holds an element CMIF does not allow there.',
    fix: 'Keep only persName, orgName, placeName and date in it.',
    examples: [{ element: 'note' }],
    message: (p: { element: string }) => `correspAction may hold only persName, orgName, placeName and date, not <${p.element}>`,
  }),
  'TEI-TR-105': code({
    area: 'transform', name: 'cmifDate', severity: 'error', kind: 'finding',
    meaning: 'A date of a correspAction has an attribute CMIF does not allow, a value not YYYY[-MM[-DD]], or no value at all.',
    fix: 'Use @when, @from, @to, @notBefore or @notAfter with ISO dates.',
    examples: [{ attribute: 'when', value: '23.12.1941' }, {}, { attribute: 'cert' }],
    message: (p: { attribute?: string; value?: string }) =>
      p.attribute === undefined
        ? 'date needs @when, @from, @to, @notBefore or @notAfter'
        : p.value === undefined
          ? `date/@${p.attribute} is not allowed: use when, from, to, notBefore or notAfter`
          : `date/@${p.attribute}="${p.value}" is not YYYY, YYYY-MM or YYYY-MM-DD`,
  }),
  'TEI-TR-106': code({
    area: 'transform', name: 'cmifAuthorityForm', severity: 'error', kind: 'finding',
    meaning: 'A persName or orgName @ref in CMIF is not a VIAF, GND or Wikidata URI.',
    fix: "Give the person a VIAF, GND or Wikidata id in the editor's persons file.",
    examples: [{ element: 'persName', ref: 'https://example.org/stalin' }],
    message: (p: { element: string; ref: string }) => `${p.element}/@ref "${p.ref}" is not a VIAF, GND or Wikidata URI`,
  }),
  'TEI-TR-107': code({
    area: 'transform', name: 'cmifNoAuthority', severity: 'warning', kind: 'finding',
    meaning: 'A correspondent has no authority id, so correspSearch can link the letters only by name.',
    fix: "Add a Wikidata or VIAF id (with `checked`) to the person in the editor's persons file.",
    examples: [{ name: 'Stalin', letters: 371 }],
    message: (p: { name: string; letters: number }) =>
      `correspondent "${p.name}" has no authority id (VIAF, GND or Wikidata) in ${p.letters} letter${p.letters === 1 ? '' : 's'}: add an idno to persons.xml`,
  }),
  'TEI-TR-108': code({
    area: 'transform', name: 'cmifPlaceRef', severity: 'error', kind: 'finding',
    meaning: 'A placeName @ref in CMIF is not a GeoNames URI.',
    fix: 'Use GeoNames URIs in the `places` of chancery.config.json.',
    examples: [{ ref: 'https://example.org/moscow' }],
    message: (p: { ref: string }) => `placeName/@ref "${p.ref}" is not a GeoNames URI`,
  }),
  'TEI-TR-109': code({
    area: 'transform', name: 'cmifPlaceholderUrl', severity: 'info', kind: 'finding',
    meaning: 'The CMIF URL is the placeholder `edition.invalid`.',
    fix: 'Set `baseUrl` in chancery.config.json before publishing.',
    examples: [{ url: 'https://edition.invalid/cmif.xml' }],
    message: (p: { url: string }) => `the CMIF URL ${p.url} is a placeholder: set baseUrl in chancery.config.json before publishing`,
  }),
  'TEI-TR-110': code({
    area: 'transform', name: 'cmifNotTei', severity: 'error', kind: 'finding',
    meaning: 'The CMIF export is not well-formed, or its root is not TEI.',
    fix: 'A CMIF export of your own: correct it at the place given.',
    examples: [{}],
    message: (p: { detail?: string }) => p.detail ?? 'the root must be <TEI> in the TEI namespace',
  }),

  // ── The edition on disk ─────────────────────────────────────────────────────────────────────────────────
  'TEI-ED-001': code({
    area: 'edition', name: 'keptEdited', severity: 'warning', kind: 'finding',
    meaning: 'A file Chancery generated was edited since: it is kept, not regenerated.',
    fix: 'Nothing, if the edit is meant; `--force` regenerates it (the edit is lost).',
    examples: [{ stale: false }, { stale: true }],
    message: (p: { stale: boolean }) =>
      `edited since it was generated${p.stale ? '; no longer generated from the sources, kept' : '; kept, not regenerated'} (--force regenerates it)`,
  }),
  'TEI-ED-002': code({
    area: 'edition', name: 'keptUnmarked', severity: 'warning', kind: 'finding',
    meaning: 'A file at a path Chancery generates carries no mark of Chancery (written by hand, or by a Chancery before marks): kept.',
    fix: 'Nothing, if it is yours; delete it or pass `--force` to have Chancery write it.',
    examples: [{ stale: true }],
    message: (p: { stale: boolean }) =>
      `not marked as generated by Chancery (written by hand, or by an older Chancery)${p.stale ? '; no longer generated from the sources, kept' : '; kept, not regenerated'} (--force regenerates it)`,
  }),
  'TEI-ED-003': code({
    area: 'edition', name: 'folderNumbered', severity: 'warning', kind: 'finding',
    meaning: "Two sources' file names give one folder name, or the folder holds files Chancery did not write: this source's documents go to a numbered folder.",
    fix: 'Rename one of the sources, if you want folders named after them.',
    examples: [
      { path: 'sources/letters.txt', folder: 'letters', takenBy: 'sources/Letters.txt', assigned: 'letters-2' },
      { path: 'sources/letters.txt', folder: 'letters', assigned: 'letters-2' },
    ],
    message: (p: { path: string; folder: string; takenBy?: string; assigned: string }) =>
      `${p.path}: folder ${p.folder}/ belongs to ${p.takenBy ?? 'files Chancery did not write'}; this source's documents are in ${p.assigned}/`,
  }),
  'TEI-ED-004': code({
    area: 'edition', name: 'removed', severity: 'info', kind: 'finding',
    meaning: 'A generated, unedited file that this run no longer generates (fewer documents, a withdrawn source) was removed.',
    fix: 'Nothing.',
    examples: [{}],
    message: (_: Record<never, never>) => 'no longer generated from the sources: removed',
  }),
  'TEI-ED-005': code({
    area: 'edition', name: 'config', severity: 'error', kind: 'error',
    meaning: '`chancery.config.json` is missing where named, not JSON, or a key has the wrong form.',
    fix: 'Correct the key the message names, or delete the file (every key has a default).',
    examples: [{ file: 'chancery.config.json', problem: '"date" must be YYYY-MM-DD' }],
    message: (p: { file: string; problem: string }) => `${p.file}: ${p.problem}`,
  }),
  'TEI-ED-006': code({
    area: 'edition', name: 'noSources', severity: 'error', kind: 'error',
    meaning: 'The sources folder is missing or holds no `.txt` file: nothing to build.',
    fix: 'Put the raw texts in `sources/` (`chancery init` creates the layout).',
    examples: [{ folder: 'sources', missing: false }, { folder: 'sources', missing: true }],
    message: (p: { folder: string; missing: boolean }) =>
      p.missing
        ? `${p.folder}: no such folder (the raw texts of the edition; chancery init creates the layout)`
        : `${p.folder}/ holds no .txt files: put the raw texts of the edition there (one text file per source)`,
  }),
  'TEI-ED-007': code({
    area: 'edition', name: 'cmifSkipped', severity: 'warning', kind: 'finding',
    meaning: "The build wrote no CMIF: the config does not name the edition's editor and address.",
    fix: 'Set `baseUrl` and `editor` {`name`, `email`} in chancery.config.json.',
    examples: [{ config: 'chancery.config.json' }, {}],
    message: (p: { config?: string }) =>
      `CMIF export skipped: ${p.config === undefined ? 'no chancery.config.json' : `${p.config} does not name the edition's editor and address`}; set "baseUrl" and "editor": {"name", "email"} in chancery.config.json (chancery init writes one)`,
  }),
  'TEI-ED-008': code({
    area: 'edition', name: 'personographyUnreadable', severity: 'error', kind: 'error',
    meaning: 'persons.xml is not well-formed (truncated, half-merged), cannot be read, or has no `<listPerson>`: the ids of earlier runs cannot be kept, so nothing is written.',
    fix: 'Restore persons.xml (git checkout, a backup), or delete it to start the ids afresh.',
    examples: [
      { reason: 'malformed', place: 'tei/persons.xml:120:3', detail: 'unclosed tag: listPerson' },
      { reason: 'unreadable', place: 'tei/persons.xml', detail: 'permission denied (EACCES)' },
      { reason: 'no-list' },
    ],
    message: (p: { reason: 'malformed' | 'unreadable'; place: string; detail: string } | { reason: 'no-list' }) =>
      p.reason === 'no-list'
        ? 'persons.xml has no <listPerson>: new persons cannot be added to it; restore it or delete it'
        : p.reason === 'malformed'
          ? `${p.place}: the personography is not well-formed XML (${p.detail}); restore it (git checkout, a backup) or delete it to start the ids afresh`
          : `${p.place}: the personography cannot be read: ${p.detail}`,
  }),
  'TEI-ED-009': code({
    area: 'edition', name: 'editorFileUnreadable', severity: 'error', kind: 'error',
    meaning: "The editor's persons file is not valid JSON or CSV, or an entry has no id, or one that is not an XML name (it becomes the person's xml:id and the name of a page): nothing is written.",
    fix: 'Correct the file at the place given (`chancery init` shows its form).',
    examples: [
      { path: 'sources/persons.json', entry: 4 },
      { path: 'sources/persons.json', entry: 2, id: '../../x' },
      { path: 'sources/persons.json', detail: 'Unexpected token } in JSON at position 120' },
    ],
    message: (p: { path: string; detail: string } | { path: string; entry: number; id?: string }) =>
      'entry' in p
        ? p.id !== undefined
          ? `${p.path}: entry ${p.entry} has the id "${p.id}", which is not an XML name (letters, digits, "-", "_" and ".", not starting with a digit, "-" or "."): it becomes the person's xml:id`
          : `${p.path}: entry ${p.entry} has no "id": every person of the editor's file needs one`
        : `${p.path}: the editor's persons file is not valid JSON (${p.detail}); fix it (chancery init shows the form)`,
  }),
  'TEI-ED-010': code({
    area: 'edition', name: 'personographyEdited', severity: 'warning', kind: 'finding',
    meaning: 'persons.xml was edited by hand since it was generated: its persons are kept as they are, new ones only added.',
    fix: "Make corrections in the editor's persons file instead; `--force` regenerates persons.xml.",
    examples: [{ added: 2, personsFile: 'sources/persons.json' }, { added: 0, personsFile: 'sources/persons.json' }],
    message: (p: { added: number; personsFile: string }) =>
      `edited by hand since it was generated: its persons are kept as they are${p.added ? `, ${p.added} new added` : ''}; make corrections in the editor's persons file (${p.personsFile}) instead, and --force regenerates it`,
  }),
  'TEI-ED-011': code({
    area: 'edition', name: 'personographyMissing', severity: 'warning', kind: 'finding',
    meaning: 'The TEI folder `chancery persons` lists has no persons.xml: no person is listed, and every persName/@ref into it points nowhere.',
    fix: 'Name the folder that holds persons.xml (`--tei tei`, not `tei/<source>`), or build the edition first.',
    examples: [{ file: 'persons.xml' }],
    message: (p: { file: string }) => `${p.file} not found: no person to list, and every persName/@ref into it points nowhere`,
  }),

  // ── Files and paths ─────────────────────────────────────────────────────────────────────────────────────
  'TEI-IO-001': code({
    area: 'io', name: 'packageMissing', severity: 'error', kind: 'error',
    meaning: "Chancery's own package.json was not found: the installation is broken.",
    fix: 'Reinstall chancery.',
    examples: [{ from: '/usr/lib/node_modules/chancery/dist/src' }],
    message: (p: { from: string }) => `Chancery's package.json not found above ${p.from}: reinstall chancery`,
  }),
  'TEI-IO-002': code({
    area: 'io', name: 'relativePathWithoutCwd', severity: 'error', kind: 'error',
    meaning: 'A program gave the library a relative path without the folder it is relative to.',
    fix: 'Pass `cwd` in the options (the CLI passes its working folder), or absolute paths.',
    examples: [{ path: 'tei/001.xml' }],
    message: (p: { path: string }) => `${p.path} is a relative path: give the folder it is relative to as the cwd option, or an absolute path`,
  }),
  'TEI-IO-003': code({
    area: 'io', name: 'writeFailed', severity: 'error', kind: 'finding',
    meaning:
      'A file of the edition or a report cannot be written, or a file no longer generated cannot be removed (permissions, a full disk, a file where a folder should be, a name too long). The other inputs are converted and written, and the report is written; the command exits 2.',
    fix: 'Free the path or the disk (or choose another `--out`) and run again: what was written is whole, and a new run regenerates the rest.',
    examples: [
      { file: 'tei/letter/000.xml', cause: 'permission denied (EACCES)' },
      { file: 'tei/volume/000.xml', cause: 'no space left on the device (ENOSPC)', more: 41, source: 'sources/volume.txt' },
      { file: 'tei/old/003.xml', cause: 'read-only file system (EROFS)', remove: true },
    ],
    message: (p: { file: string; cause: string; more?: number; source?: string; remove?: boolean }) =>
      `cannot ${p.remove ? 'remove' : 'write'} ${p.file}: ${p.cause}` +
      (p.more ? `; nor ${p.more.toLocaleString('en')} more document${p.more === 1 ? '' : 's'} of ${p.source ?? 'the same source'}` : ''),
  }),
  'TEI-IO-004': code({
    area: 'io', name: 'fileSystemFailed', severity: 'error', kind: 'error',
    meaning: 'The file system refused a file or folder a command needed, where no finding of its own covers it: the command stops.',
    fix: 'Check the path and its permissions, or the disk, as the cause says.',
    examples: [{ path: 'tei/persons-review.json', cause: 'permission denied (EACCES)' }],
    message: (p: { path: string; cause: string }) => `${p.path}: ${p.cause}`,
  }),
} as const;

type Table = typeof DIAGNOSTIC_CODES;

/** A code of the table, such as `'TEI-CONV-003'`. */
export type DiagnosticCode = keyof Table;

/** What the message template of `C` needs. */
export type MessageParams<C extends DiagnosticCode> = Parameters<Table[C]['message']>[0];

/** The message of `code` for `params`: the one place messages are written. */
export function messageOf<C extends DiagnosticCode>(code: C, params: MessageParams<C>): string {
  return (DIAGNOSTIC_CODES[code].message as (p: MessageParams<C>) => string)(params);
}

/** A code's entry as plain data, its example made into the message it gives: what docs and reporters read. */
export interface CodeInfo {
  code: DiagnosticCode;
  area: Area;
  name: string;
  severity: Severity;
  kind: 'finding' | 'error';
  meaning: string;
  fix: string;
  /** The messages of the entry's examples. */
  examples: string[];
  retired?: string;
}

/** The table's entry for a code, or undefined for a string that is none of ours. */
export function codeInfo(code: string): CodeInfo | undefined {
  if (!Object.hasOwn(DIAGNOSTIC_CODES, code)) return undefined;
  const spec = DIAGNOSTIC_CODES[code as DiagnosticCode] as CodeSpec<Area, string, unknown>;
  return {
    code: code as DiagnosticCode,
    area: spec.area,
    name: spec.name,
    severity: spec.severity,
    kind: spec.kind,
    meaning: spec.meaning,
    fix: spec.fix,
    examples: spec.examples.map((p) => spec.message(p)),
    ...(spec.retired !== undefined ? { retired: spec.retired } : {}),
  };
}

/** Every code of the table, in its order (grouped by area). */
export function allCodes(): CodeInfo[] {
  return Object.keys(DIAGNOSTIC_CODES).map((c) => codeInfo(c)!);
}

/** `{ name: code }` of one area: `ConvertCodes.noteWithoutRef` is `'TEI-CONV-002'`. */
type NamesOf<A extends Area> = { readonly [C in DiagnosticCode as Table[C]['area'] extends A ? Table[C]['name'] : never]: C };

function namesOf<A extends Area>(area: A): NamesOf<A> {
  const names: Record<string, string> = {};
  for (const [c, spec] of Object.entries(DIAGNOSTIC_CODES)) if (spec.area === area) names[spec.name] = c;
  return Object.freeze(names) as NamesOf<A>;
}

/** Codes of conversion: its inputs (TEI-IN) and findings (TEI-CONV). */
export const ConvertCodes = namesOf('convert');
/** Codes of the entities area (persons, dates) and the editor's persons file. */
export const EntityCodes = namesOf('entities');
/** Codes of reading XML, shared by every stage that reads it. */
export const XmlCodes = namesOf('xml');
/** Codes of validation: those of reading XML, and its own (TEI-XML from 003, RNG, SCH, REF, VAL). */
export const ValidateCodes = Object.freeze({ ...XmlCodes, ...namesOf('validate') });
/** Codes of the transforms (TEI-TR). */
export const TransformCodes = namesOf('transform');
/** Codes of the edition on disk (TEI-ED). */
export const EditionCodes = namesOf('edition');
/** Codes of files and paths (TEI-IO). */
export const IoCodes = namesOf('io');
