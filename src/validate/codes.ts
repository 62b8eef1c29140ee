/**
 * Every diagnostic code of validation. The prefix says which check found the problem: XML
 * (well-formedness, encoding, safety limits), RNG (RELAX NG or XSD), SCH (Schematron), REF (references
 * across the files of an edition). Codes are stable: baselines and CI suppressions refer to them.
 */
import { XmlCodes } from '../xml/codes.js';

export const ValidateCodes = {
  /** Not well-formed XML (saxes' message follows). */
  notWellFormed: XmlCodes.notWellFormed,
  /** Bytes that do not decode in the declared or detected encoding. */
  badEncoding: XmlCodes.badEncoding,
  /** A DOCTYPE declaring an external entity (never loaded), or entities that expand beyond the limits. */
  entityDeclarationRefused: 'TEI-XML-003',
  /** A DOCTYPE naming an external DTD, which is never loaded: a warning. */
  doctypeIgnored: 'TEI-XML-004',
  /** Two elements of one file carry the same xml:id. */
  duplicateId: 'TEI-XML-005',
  /** An xml:id that is not an NCName. */
  badId: 'TEI-XML-006',
  /** A file over the size limit: refused before parsing. */
  fileTooLarge: XmlCodes.fileTooLarge,
  /** A file that cannot be read at all. */
  unreadable: XmlCodes.unreadable,
  /** An XInclude that failed (with --xinclude): missing file, recursion, no fallback. */
  xincludeFailed: 'TEI-XML-009',
  /** Elements nested deeper than the reader's limit (1,000 levels): not read further. */
  tooDeep: XmlCodes.tooDeep,
  /** A device, FIFO, socket or folder where a file was expected, or a link out of the folders given: never read. */
  notRegularFile: XmlCodes.notRegularFile,
  /** More well-formedness errors than are worth listing. */
  tooManyErrors: XmlCodes.tooManyErrors,
  /** The check of a file ran out of memory or its worker died: the file gets this finding, the run goes on. */
  checkAborted: 'TEI-XML-013',

  /** An element not allowed where it stands. */
  elementNotAllowed: 'TEI-RNG-001',
  /** An attribute not allowed, or with a value its datatype rejects. */
  badAttribute: 'TEI-RNG-002',
  /** Text where the content model allows none. */
  textNotAllowed: 'TEI-RNG-003',
  /** Content missing or extra at the end of an element. */
  incompleteContent: 'TEI-RNG-004',
  /** A required attribute missing. */
  missingAttribute: 'TEI-RNG-005',
  /** An IDREF (an attribute the schema types IDREF or IDREFS) naming no ID of the document. */
  idrefWithoutId: 'TEI-RNG-006',
  /** Any other message of the RELAX NG or XSD engine. */
  schemaOther: 'TEI-RNG-099',

  /** A Schematron assert failed. */
  schematronAssert: 'TEI-SCH-001',
  /** A Schematron report fired. */
  schematronReport: 'TEI-SCH-002',
  /** A Schematron rule could not be evaluated (XPath error in the rule). */
  schematronError: 'TEI-SCH-003',
  /** A file above the Schematron size limit (2 MiB): Schematron not run on it, everything else checked. A warning. */
  schematronSkipped: 'TEI-SCH-004',

  /** A reference to another file of the edition (persons.xml#id, other.xml#id) whose file is missing. */
  refFileMissing: 'TEI-REF-001',
  /** A reference whose target id does not exist in the target file. */
  refIdMissing: 'TEI-REF-002',
  /** An xml:id used by more than one file of the edition: a note only (xml:id is unique per document). */
  idNotUniqueAcrossEdition: 'TEI-REF-003',
  /** A persName/@ref that does not point into persons.xml or at a person there. */
  refNotAPerson: 'TEI-REF-004',

  /** Tool failures (exit 2), carried by ChanceryErrors, never by findings. */
  usage: 'TEI-VAL-001',
  io: 'TEI-VAL-002',
  git: 'TEI-VAL-003',
  schemaUnreadable: 'TEI-RNG-100',
  schemaNotCompiled: 'TEI-RNG-101',
  engineFailed: 'TEI-RNG-102',
  schematronUnreadable: 'TEI-SCH-100',
  schematronNotCompiled: 'TEI-SCH-101',
  internal: 'TEI-SCH-102',
} as const;

export type ValidateCode = (typeof ValidateCodes)[keyof typeof ValidateCodes];

export { DEFAULT_MAX_FILE_BYTES } from '../xml/codes.js';

/** Where the TEI Guidelines document an element; content-model messages link it. */
export function guidelinesUrl(element: string): string {
  return `https://tei-c.org/release/doc/tei-p5-doc/en/html/ref-${element}.html`;
}
