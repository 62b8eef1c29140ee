/** superscript: footnote markers printed as superscript digits. */
import assert from 'node:assert/strict';
import { fromSuperscript } from '../../../src/convert/readers/superscript.js';

describe('readers/superscript', () => {
  it('reads superscript digits', () => {
    assert.equal(fromSuperscript('¹²⁰'), '120');
  });
});
