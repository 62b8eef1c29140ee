/** letter-parties: the addressee a salutation or an address at the foot names. */
import assert from 'node:assert/strict';
import { addresseeOfSalutation, readFootAddress } from '../../../src/convert/rules/letter-parties.js';

describe('rules/letter-parties', () => {
  describe('addresseeOfSalutation', () => {
    it('names a person: "Dear Mr. Hopkins," "My dear Welles," "My Dear Mr. Van Sinderen:" "Dear Harry,"', () => {
      assert.deepEqual(addresseeOfSalutation('Dear Mr. Hopkins,'), { kind: 'person', name: 'Mr. Hopkins' });
      assert.deepEqual(addresseeOfSalutation('My dear Welles,'), { kind: 'person', name: 'Welles' });
      assert.deepEqual(addresseeOfSalutation('My Dear Mr. Van Sinderen:'), { kind: 'person', name: 'Mr. Van Sinderen' });
      assert.deepEqual(addresseeOfSalutation('Dear Harry,'), { kind: 'person', name: 'Harry' });
      assert.deepEqual(addresseeOfSalutation('Dear General Deane,'), { kind: 'person', name: 'General Deane' });
    });

    it('names an office: "Mr. Secretary:", "My Dear Mr. Secretary:", "Mr. Secretary of State:"', () => {
      assert.deepEqual(addresseeOfSalutation('Mr. Secretary:'), { kind: 'office', office: 'Secretary' });
      assert.deepEqual(addresseeOfSalutation('My Dear Mr. Secretary:'), { kind: 'office', office: 'Secretary' });
      assert.deepEqual(addresseeOfSalutation('Mr. Secretary of State:'), { kind: 'office', office: 'Secretary of State' });
    });

    it('names nobody: "Sir:", "Dear Sir,", "Gentlemen:", "Your Excellency:", "My dear friend,"', () => {
      for (const s of ['Sir:', 'Dear Sir,', 'Gentlemen:', 'Your Excellency:', 'Excellency:', 'My dear friend,', 'Your Highness and Your Excellency:']) {
        assert.equal(addresseeOfSalutation(s), undefined, s);
      }
    });
  });

  describe('readFootAddress', () => {
    it('"His Excellency M. Ivan Maisky."', () => {
      assert.deepEqual(readFootAddress(['His Excellency M. Ivan Maisky.']), { kind: 'person', name: 'M. Ivan Maisky' });
    });

    it('"The Honorable Cordell Hull," over "Secretary of State," and the city', () => {
      assert.deepEqual(readFootAddress(['The Honorable Cordell Hull,', 'Secretary of State,', 'Washington.']), { kind: 'person', name: 'Cordell Hull', office: 'Secretary of State' });
      assert.deepEqual(readFootAddress(['Señor Don Carlos Saavedra Lamas,', 'Minister for Foreign Affairs.']), { kind: 'person', name: 'Señor Don Carlos Saavedra Lamas', office: 'Minister for Foreign Affairs' });
    });

    it('is not a sentence that begins with a title', () => {
      assert.equal(readFootAddress(['Mr. Lansing called on me today and said that the matter was settled.']), undefined);
      assert.equal(readFootAddress(['His Excellency will arrive tomorrow; the Minister agrees.']), undefined);
    });
  });
});
