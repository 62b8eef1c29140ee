/**
 * Every diagnostic code of the conversion, with the template of its message. Validation and transform
 * declare theirs in `src/validate/codes.ts` and `src/transform/codes.ts`, so that each area can grow
 * without touching the others; the prefix says the area (CONV, IN, RNG, SCH, REF, XML, TR).
 */
export const ConvertCodes = {
  /** Input problems: exit code 3 from the CLI. */
  fileMissing: 'TEI-IN-001',
  notAFile: 'TEI-IN-002',
  emptyFile: 'TEI-IN-003',
  binaryFile: 'TEI-IN-004',
  invalidEncoding: 'TEI-IN-005',
  tooLarge: 'TEI-IN-006',
  decodedAsWindows1252: 'TEI-IN-007',

  footnoteRefWithoutNote: 'TEI-CONV-001',
  noteWithoutRef: 'TEI-CONV-002',
  undatedLetter: 'TEI-CONV-003',
  headingNotParsed: 'TEI-CONV-004',
  duplicatePassage: 'TEI-CONV-005',
  senderInferred: 'TEI-CONV-006',
  noteLanguageTwin: 'TEI-CONV-007',
  dateNotParsed: 'TEI-CONV-008',
  /** A document given to the serializer without the layout pass: a misuse of the library, not bad input. */
  notLaidOut: 'TEI-CONV-009',
  /** A document past the size guard: the segmentation most likely found no boundaries in a long stretch. */
  documentTooLarge: 'TEI-CONV-010',
  /** A file whose conversion stopped half-way (a worker out of memory). */
  conversionFailed: 'TEI-CONV-011',
} as const;
