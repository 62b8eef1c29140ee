/**
 * The edition on disk, shared by convert, validate, transform and build: what Chancery generated (marks in
 * the files), which folder holds which source.
 */
export { EditionCodes } from '../diagnostics/codes.js';
export { generatedState, markGenerated, type GeneratedState } from './generated-mark.js';
export { FolderAssigner, folderOwners, readHead, xmlFilesIn, type FolderAssignment, type FolderClaim, type FolderOwners } from './source-folders.js';
export { CONFIG_FILE, editionDate, readProjectConfig, type ProjectConfig } from './project-config.js';
export {
  PERSONOGRAPHY,
  addToEditedPersonography,
  parseEditorCsv,
  parseEditorJson,
  parsePersonography,
  personIdOf,
  personRef,
  personographyXml,
  readEditorFile,
  readPersonographyFile,
  type AuthorityId,
  type EditorEntry,
  type PersonEntry,
  type PersonographyFile,
} from './personography.js';
export { indexPersons, type IndexedPerson, type PersonIndex, type UnresolvedRef } from './person-index.js';
export { PERSON_REVIEW, formatPersonReview, personReviewJson, readPersonReview, type Conflict, type JoinRule, type KeptApart, type MergeEvidence, type PersonReview } from './person-review.js';
