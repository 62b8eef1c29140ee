import type { DocumentPass } from '../pass.js';
import { parseBlock } from '../readers/inline.js';

/**
 * Inline: every block's lines read once into inline nodes (readers/inline.ts), before anything else looks at
 * what the block says: the passes after it ask the nodes, never the raw characters, where the footnote
 * references, note texts and emphasis are.
 */
export const inlinePass: DocumentPass = {
  name: 'inline',
  scope: 'document',
  requires: ['segment'],
  run(doc) {
    for (const block of doc.blocks) parseBlock(block);
  },
};
