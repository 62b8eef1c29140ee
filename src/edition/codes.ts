/**
 * Diagnostic codes of the edition on disk (what is generated, kept, removed; folders of sources), each with what
 * it means and what to do.
 */
export const EditionCodes = {
  /** A file Chancery generated was edited since: it is kept, not regenerated (`--force` regenerates it). */
  keptEdited: 'TEI-ED-001',
  /** A file at a path Chancery generates carries no mark (written by hand, or by a Chancery before marks): kept. */
  keptUnmarked: 'TEI-ED-002',
  /** Two sources' file names give one folder name, or the folder holds files Chancery did not write: numbered. */
  folderNumbered: 'TEI-ED-003',
  /** A generated, unedited file that this run no longer generates (fewer documents, a withdrawn source): removed. */
  removed: 'TEI-ED-004',
  /** `chancery.config.json` is not JSON, or a key has the wrong form. */
  config: 'TEI-ED-005',
  /** The sources folder is missing or holds no `.txt` file: nothing to build. */
  noSources: 'TEI-ED-006',
  /** The build wrote no CMIF: the config does not name the editor and the edition's address. */
  cmifSkipped: 'TEI-ED-007',
  /** persons.xml is not well-formed (truncated, half-merged): ids of earlier runs cannot be read. Exit 2. */
  personographyUnreadable: 'TEI-ED-008',
  /** The editor's persons file is not valid JSON/CSV, or an entry has no id. Exit 2. */
  editorFileUnreadable: 'TEI-ED-009',
  /** persons.xml was edited by hand: its persons are kept as they are, new ones only added. */
  personographyEdited: 'TEI-ED-010',
} as const;
