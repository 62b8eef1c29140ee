/** edition/generated-mark: the mark made from a document's bytes is the mark made from its text. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generatedState, markGenerated, markGeneratedBytes } from '../../src/edition/generated-mark.js';

describe('edition/generated-mark', () => {
  it('marks bytes as it marks the text they encode, with or without a declaration (property)', () => {
    const piece = fc.constantFrom('<?xml version="1.0" encoding="UTF-8"?>', '<?xml', '?>', '?', '>', '\n', '<TEI>', 'ü', '𝔄', 'é?>', ' ', 'x');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const fields = fc.record({ source: fc.string({ unit: fc.constantFrom('a', '/', 'ü', '"', '<', '&', ' '), maxLength: 8 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(text, fields, (xml, f) => {
        const bytes = markGeneratedBytes(Buffer.from(xml, 'utf8'), f);
        assert.equal(bytes.toString('utf8'), markGenerated(xml, f));
        assert.equal(generatedState(bytes.toString('utf8')).kind, 'unedited');
      }),
      { numRuns: 500 },
    );
  });
});
