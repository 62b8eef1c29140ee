/** memo-header: TELEGRAM No. … / From: … / To: … / Date: … read as a header, not a title. */
import assert from 'node:assert/strict';
import { namesOfField, readMemoHeader } from '../../../src/convert/rules/memo-header.js';

describe('rules/memo-header', () => {
  it('a telegram form: kind line with its number, then From, To, Date', () => {
    const h = readMemoHeader(['TELEGRAM No. 1234', 'From: Harriman, Moscow', 'To: Secretary of State', 'Date: December 23, 1941', '', 'The Minister called.'])!;
    assert.equal(h.kind, 'telegram');
    assert.equal(h.number, '1234');
    assert.deepEqual(
      h.lines.map((l) => [l.field, l.value]),
      [
        ['kind', 'TELEGRAM No. 1234'],
        ['from', 'Harriman, Moscow'],
        ['to', 'Secretary of State'],
        ['date', 'December 23, 1941'],
      ],
    );
  });

  it('an e-mail-like memo without a kind line, with subject and copies', () => {
    const h = readMemoHeader(['From: J. Smith', 'To: Director', 'Cc: Archive', 'Subject: Shipments to Murmansk'])!;
    assert.equal(h.kind, undefined);
    assert.deepEqual(h.lines.map((l) => l.field), ['from', 'to', 'copy', 'subject']);
  });

  it('stops at the first line that is not a header line', () => {
    assert.equal(readMemoHeader(['MEMORANDUM', 'To: The Ambassador', 'From: Counselor', 'I saw him today.', 'Date: later'])!.lines.length, 3);
  });

  it('one labelled line, or labels without From/To/Date, are not a header', () => {
    assert.equal(readMemoHeader(['To: the Minister', 'He said no.']), undefined);
    assert.equal(readMemoHeader(['Subject: wheat', 'Re: your note']), undefined);
    assert.equal(readMemoHeader(['TELEGRAM No. 12', 'The situation is grave.']), undefined);
    assert.equal(readMemoHeader(['Sir: I have the honor to report', 'To: nobody']), undefined);
  });

  it('namesOfField splits on semicolons and "and"', () => {
    assert.deepEqual(namesOfField('Hopkins; Harriman'), ['Hopkins', 'Harriman']);
    assert.deepEqual(namesOfField('Mr. Eden, Foreign Office'), ['Mr. Eden, Foreign Office']);
  });
});
