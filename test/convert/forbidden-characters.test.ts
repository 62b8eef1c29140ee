/**
 * Characters XML forbids in a source: each kind reported once, at its first place (TEI-IN-009), and the TEI
 * well-formed with U+FFFD where they stood.
 */
import assert from 'node:assert/strict';
import { convert, serializeTei } from '../../src/convert/index.js';
import { parseXmlTree } from '../../src/xml/index.js';

describe('convert: characters XML forbids', () => {
  it('one finding per kind at its first place, with the count; the TEI has U+FFFD in their place and parses', () => {
    const text = 'Dear Sir,\n\nA bell\u0007 rang, ESC \u001b and\u0007 again.\n\nNot a character: \uFFFE, nor \uFFFF.\n\nHalf a pair \uD800 here.\n\nYours,\nSMITH\n';
    const { documents, diagnostics } = convert(text, { fileName: 'ctl.txt' });
    const found = diagnostics.filter((d) => d.code === 'TEI-IN-009');
    assert.deepEqual(
      found.map((d) => [d.span, d.message]),
      [
        [{ file: 'ctl.txt', line: 3, column: 7 }, '3 control characters XML does not allow (the first U+0007 here): written as U+FFFD "\uFFFD"'],
        [{ file: 'ctl.txt', line: 5, column: 18 }, '2 noncharacters XML does not allow (the first U+FFFE here): written as U+FFFD "\uFFFD"'],
        [{ file: 'ctl.txt', line: 7, column: 13 }, 'an unpaired surrogate XML does not allow (the first U+D800 here): written as U+FFFD "\uFFFD"'],
      ],
    );
    assert.ok(found.every((d) => d.severity === 'warning'));
    const xml = documents.map((d) => serializeTei(d)).join('');
    assert.equal((xml.match(/\uFFFD/g) ?? []).length, 6);
    for (const d of documents) assert.deepEqual(parseXmlTree(serializeTei(d), 'x.xml').diagnostics, [], 'well-formed');
  });

  it('says nothing of tab, line ends and ordinary text', () => {
    const { diagnostics } = convert('Dear Sir,\r\n\r\n\tIndented — “quoted” 😀.\r\n', { fileName: 'ok.txt' });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'TEI-IN-009'), []);
  });
});
