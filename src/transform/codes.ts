/**
 * Every diagnostic code of the transform area (`TEI-TR-NNN`). Tests assert on these codes, never on the
 * messages, so a message can be reworded without breaking anything.
 */
export const TransformCodes = {
  /** A TEI file is not well-formed XML; the document is left out of every output. */
  notWellFormed: 'TEI-TR-001',
  /** A file given as input cannot be read. */
  unreadable: 'TEI-TR-002',
  /** A persName/@ref points to no person of the personography. */
  unknownPerson: 'TEI-TR-003',
  /** A `persons.xml` named by the edition's references does not exist. */
  personographyMissing: 'TEI-TR-004',
  /** A document has no date the index could sort it by. */
  undated: 'TEI-TR-005',
  /** A TEI file holds no `<TEI>` root (and is not the personography): skipped. */
  notTei: 'TEI-TR-006',
  /** Two documents share one output name. */
  duplicateId: 'TEI-TR-007',
  /** The config file is missing or malformed. */
  config: 'TEI-TR-010',
  /** A user transform module cannot be loaded or has the wrong shape. */
  badModule: 'TEI-TR-011',
  /** No input: the paths hold no TEI documents. */
  noInput: 'TEI-TR-012',
  /** An output file cannot be written (permissions, disk full). */
  writeFailed: 'TEI-TR-013',
  /** Files written by an earlier run for documents no longer in the edition were removed (info). */
  pruned: 'TEI-TR-014',
  /** A document's TEI is not published for download: it declares a namespace other than TEI's. */
  teiNotPublished: 'TEI-TR-015',

  // CMIF rules, checked on the export itself (see `cmif-check.ts`).
  /** CMIF header lacks a required part (title, editor+email, publisher, licence, date, idno url). */
  cmifHeader: 'TEI-TR-100',
  /** correspDesc without @ref (the letter's URL) or whose @source names no bibl/@xml:id. */
  cmifCorrespRef: 'TEI-TR-101',
  /** bibl without @xml:id or with a @type other than print/online. */
  cmifBibl: 'TEI-TR-102',
  /** correspDesc lacks a sent or a received correspAction. */
  cmifAction: 'TEI-TR-103',
  /** correspAction holds an element other than persName/orgName/placeName/date. */
  cmifActionChild: 'TEI-TR-104',
  /** A date attribute other than when/from/to/notBefore/notAfter, or a value not YYYY[-MM[-DD]]. */
  cmifDate: 'TEI-TR-105',
  /** persName/orgName @ref that is not a VIAF, GND or Wikidata URI. */
  cmifAuthorityForm: 'TEI-TR-106',
  /** A correspondent without an authority id (a warning: correspSearch can only link it by name). */
  cmifNoAuthority: 'TEI-TR-107',
  /** placeName @ref that is not a GeoNames URI. */
  cmifPlaceRef: 'TEI-TR-108',
  /** The base URL of the config is the placeholder `edition.invalid`: set it before publishing. */
  cmifPlaceholderUrl: 'TEI-TR-109',
  /** The CMIF export is not well-formed or not a TEI file. */
  cmifNotTei: 'TEI-TR-110',
} as const;
