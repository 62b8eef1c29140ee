/** source-note: file numbers above a head and the editors' bracketed lines below it. */
import assert from 'node:assert/strict';
import { readSourceLine } from '../../../src/convert/rules/source-note.js';
import { frusDocuments } from '../../helpers/frus.js';

describe('rules/source-note', () => {
  it('"[Telegram]", "[Telegram.—Paraphrase.]", "[Translation]", "[Telegram—Extract]¹"', () => {
    assert.deepEqual(readSourceLine('[Telegram]'), { kinds: ['telegram'], enclosure: false });
    assert.deepEqual(readSourceLine('[Telegram.—Paraphrase.]'), { kinds: ['telegram', 'paraphrase'], enclosure: false });
    assert.deepEqual(readSourceLine('[Translation]'), { kinds: ['translation'], enclosure: false });
    assert.deepEqual(readSourceLine('[Telegram—Extract]¹'), { kinds: ['telegram', 'extract'], enclosure: false });
  });

  it('an editor\'s description that opens with a kind of document is a source line of that kind', () => {
    assert.deepEqual(readSourceLine('[Telegram from the council of state.]'), { kinds: ['telegram'], enclosure: false });
    assert.deepEqual(readSourceLine('[Memorandum in response to the inquiries made of the Secretary of State, October 2, 1900.]')?.kinds, ['memorandum']);
  });

  it('enclosures, without the covering despatch as their kind', () => {
    assert.deepEqual(readSourceLine('[Enclosure]'), { kinds: [], enclosure: true });
    assert.deepEqual(readSourceLine('[Inclosure 1 in No. 536—Translation.]'), { kinds: ['translation'], enclosure: true });
    assert.deepEqual(readSourceLine('[Inclosure No. 2 with dispatch No. 69.]'), { kinds: [], enclosure: true });
    assert.deepEqual(readSourceLine('[Subenclosure]'), { kinds: [], enclosure: true });
  });

  it('file numbers above a head', () => {
    assert.deepEqual(readSourceLine('File No. 861.51/142'), { kinds: [], enclosure: false, fileNumber: '861.51/142' });
    assert.deepEqual(readSourceLine('710.G Peace/22: Telegram'), { kinds: ['telegram'], enclosure: false, fileNumber: '710.G Peace/22' });
    assert.deepEqual(readSourceLine('740.0011 European War 1939/17775: Telegram')?.fileNumber, '740.0011 European War 1939/17775');
  });

  it('other bracketed lines are not source lines', () => {
    for (const t of ['[Washington,] December 9, 1934.', '[Francis]', '[From Stevens:]', '[Received April 8, 7.45 p.m.]', 'Telegram']) {
      assert.equal(readSourceLine(t), undefined, t);
    }
  });

  it('reads every source note of the FRUS development volumes printed in brackets or as a file number', function () {
    const docs = frusDocuments();
    if (!docs) {
      console.log('      skipped: ../shared/frus-dev is not available');
      this.skip();
    }
    const notes = docs.flatMap((d) => d.gold.source_notes ?? (d.gold.source_note ? [d.gold.source_note] : []));
    const shaped = notes.filter((n) => /^\[[^\]]*\]$/.test(n) || /^(?:File No\. )?\d{3}/.test(n));
    const unread = shaped.filter((n) => !readSourceLine(n));
    assert.ok(shaped.length > 1000, String(shaped.length));
    assert.ok(unread.length <= 0.01 * shaped.length, `${unread.length} of ${shaped.length}: ${unread.slice(0, 20).join(' | ')}`);
  });
});
