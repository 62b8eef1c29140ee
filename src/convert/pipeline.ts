/**
 * The conversion pipeline: the order of the passes, in one place. Each pass is one concern in its own
 * module (src/convert/passes/); each reads what earlier passes left in the document model.
 */
import type { DocumentPass } from './pass.js';
import { structurePass } from './passes/structure.js';
import { inlinePass } from './passes/inline.js';
import { duplicatesPass } from './passes/duplicates.js';
import { joinPass } from './passes/join.js';
import { notesPass } from './passes/notes.js';
import { headerPass } from './passes/header.js';
import { entitiesPass } from './passes/entities.js';
import { volumePass, type VolumePass } from './passes/volume.js';

/**
 * Per-document passes, in order: what each block is; its text parsed into inline nodes; second OCR passes
 * set aside; paragraphs re-joined across page breaks; footnotes moved to their references; header facts;
 * persons, dates and places.
 */
export const DOCUMENT_PASSES: readonly DocumentPass[] = [structurePass, inlinePass, duplicatesPass, joinPass, notesPass, headerPass];

/** Passes over all documents of one source, after the per-document passes. */
export const SOURCE_PASSES: readonly VolumePass[] = [volumePass];

/** Last: entities need the document's date (year inference) and its correspondents. */
export const ENTITY_PASSES: readonly DocumentPass[] = [entitiesPass];
