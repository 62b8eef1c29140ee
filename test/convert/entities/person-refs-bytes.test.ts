/** entities/person-mentions: placeholder ids filled in a document's bytes as in its text. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fillPersonRefsInBytes, fillPersonRefsInXml } from '../../../src/convert/entities/person-mentions.js';
import { PersonRegistry } from '../../../src/convert/entities/personography.js';

describe('entities/person-mentions: ids filled in bytes', () => {
  it('fills a document’s bytes as its text, ids outside ASCII included (property)', () => {
    const prefix = PersonRegistry.ref('');
    const piece = fc.constantFrom('ref="', prefix, '&#9;', '&#9', '0', '7', '12', '"', 'ü', '𝔄', ' ', `ref="${prefix}&#9;1"`, `<persName ref="${prefix}&#9;0">`);
    const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
    const ids = fc.array(fc.string({ unit: fc.constantFrom('a', '-', 'ß', 'Ж', '𝔄', '$&', '1'), maxLength: 5 }), { maxLength: 14 });
    fc.assert(
      fc.property(text, ids, (xml, list) => {
        const bytes = Buffer.from(xml, 'utf8');
        const filled = fillPersonRefsInBytes(bytes, list);
        assert.equal(Buffer.from(filled).toString('utf8'), fillPersonRefsInXml(xml, list));
        if (fillPersonRefsInXml(xml, list) === xml) assert.equal(filled, bytes, 'the same bytes when nothing is filled');
      }),
      { numRuns: 1000 },
    );
  });
});
