/**
 * Diagnostic codes of the entities area (persons, dates, places), with what each means. Kept beside the area so
 * that it grows without touching the conversion's own code list.
 */
export const EntityCodes = {
  /** `sources/persons.json` (or .csv) cannot be parsed. */
  editorFileUnreadable: 'TEI-ENT-001',
  /** An authority id in the editor's file gives no place where it was checked: it is not used. */
  authorityUnchecked: 'TEI-ENT-002',
  /** An editor's entry refers to a person id the personography does not have. */
  unknownPersonId: 'TEI-ENT-003',
  /** `tei/persons.xml` exists but cannot be parsed: ids cannot be kept stable. */
  personographyUnreadable: 'TEI-ENT-004',
  /** A correspondent of a letter or telegram has no authority id yet. */
  correspondentWithoutAuthority: 'TEI-ENT-005',
} as const;
