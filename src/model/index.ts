/** The document model convert builds and serializes: documents, blocks, inlines, parties, inferences. */
export type * from './document.js';
export { teiId } from './document.js';
