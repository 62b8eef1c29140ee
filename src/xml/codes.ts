/**
 * Diagnostic codes of reading XML (`TEI-XML-nnn`), shared by every stage that reads it: validate reports them
 * as they are, transform wraps the first in its own "left out of the outputs" finding. Codes are stable.
 */
export const XmlCodes = {
  /** Not well-formed XML (saxes' message follows). */
  notWellFormed: 'TEI-XML-001',
  /** Bytes that do not decode in the declared or detected encoding, or an encoding we do not read. */
  badEncoding: 'TEI-XML-002',
  /** A file over the size limit: refused before reading. */
  fileTooLarge: 'TEI-XML-007',
  /** A file that cannot be read (permissions, vanished, an I/O error). */
  unreadable: 'TEI-XML-008',
  /** Elements nested deeper than the limit ({@link DEFAULT_MAX_DEPTH}): the file is not read further. */
  tooDeep: 'TEI-XML-010',
  /** Not a regular file (a device, FIFO, socket, folder), or a link leading out of the paths given: never read. */
  notRegularFile: 'TEI-XML-011',
  /** More well-formedness errors than are worth listing: the rest are counted, not reported one by one. */
  tooManyErrors: 'TEI-XML-012',
} as const;

/**
 * How deep elements may nest (1,000 levels). TEI documents stay well under 100; libxml2 stops at 256 unless
 * told otherwise. Deeper documents are refused as a finding: every later step (schema derivatives, the
 * transforms' tree walks) then works within a known bound.
 */
export const DEFAULT_MAX_DEPTH = 1000;

/** Files larger than this are refused before reading (64 MiB): a TEI document is rarely a tenth of it. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** How many well-formedness errors one file reports before the rest are only counted (random bytes make millions). */
export const MAX_REPORTED_ERRORS = 100;
