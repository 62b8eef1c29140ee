/**
 * parties: sender and addressees from a heading — names as printed (initials and titles such as "Mr"
 * kept), role phrases when no name is printed.
 */
import assert from 'node:assert/strict';
import { namesIn, partiesFromHeading } from '../../../src/convert/rules/parties.js';

const names = (cs: { name: string }[]) => cs.map((c) => c.name);

describe('rules/parties', () => {
  describe('partiesFromHeading', () => {
    it('"J. V. STALIN TO F. ROOSEVELT"', () => {
      assert.deepEqual(partiesFromHeading('J. V. STALIN TO F. ROOSEVELT'), { sender: [{ name: 'J. V. STALIN' }], addressees: [{ name: 'F. ROOSEVELT' }], senderRole: undefined, addresseeRole: undefined });
    });

    it('"MESSAGE FOR THE PRIME MINISTER, Mr CHURCHILL, FROM J. V. STALIN": FOR names the addressee', () => {
      const p = partiesFromHeading('MESSAGE FOR THE PRIME MINISTER, Mr CHURCHILL, FROM J. V. STALIN')!;
      assert.deepEqual(names(p.sender), ['J. V. STALIN']);
      assert.deepEqual(names(p.addressees), ['Mr CHURCHILL']);
    });

    it('"REPLY FROM PREMIER STALIN TO MESSAGE FROM PRESIDENT ROOSEVELT": the replied-to writer is the addressee', () => {
      const p = partiesFromHeading('REPLY FROM PREMIER STALIN TO MESSAGE FROM PRESIDENT ROOSEVELT')!;
      assert.deepEqual(names(p.sender), ['STALIN']);
      assert.deepEqual(names(p.addressees), ['ROOSEVELT']);
    });

    it('"TO THE PRESIDENT, Mr F. D. ROOSEVELT, AND THE PRIME MINISTER, Mr W. CHURCHILL": two addressees, no sender', () => {
      const p = partiesFromHeading('TO THE PRESIDENT, Mr F. D. ROOSEVELT, AND THE PRIME MINISTER, Mr W. CHURCHILL')!;
      assert.deepEqual(p.sender, []);
      assert.deepEqual(names(p.addressees), ['Mr F. D. ROOSEVELT', 'Mr W. CHURCHILL']);
    });

    it('"PERSONAL AND SECRET MESSAGE FROM PREMIER J. V. STALIN TO THE PRIME MINISTER Mr W. CHURCHILL": lead words and offices dropped', () => {
      const p = partiesFromHeading('**PERSONAL AND SECRET MESSAGE FROM PREMIER J. V. STALIN TO THE PRIME MINISTER Mr W. CHURCHILL**')!;
      assert.deepEqual(names(p.sender), ['J. V. STALIN']);
      assert.deepEqual(names(p.addressees), ['Mr W. CHURCHILL']);
    });

    it('"The Ambassador in the Soviet Union (Harriman) to the Secretary of State": a name in brackets, a role without one', () => {
      const p = partiesFromHeading('The Ambassador in the Soviet Union (Harriman) to the Secretary of State')!;
      assert.deepEqual(p.sender, [{ name: 'Harriman', role: 'The Ambassador in the Soviet Union' }]);
      assert.deepEqual(p.addressees, []);
      assert.equal(p.senderRole, undefined);
      assert.equal(p.addresseeRole, 'the Secretary of State');
    });

    it('"The Secretary of State to the Ambassador in the United Kingdom (Winant)": senderRole', () => {
      const p = partiesFromHeading('The Secretary of State to the Ambassador in the United Kingdom (Winant)')!;
      assert.deepEqual(p.sender, []);
      assert.equal(p.senderRole, 'The Secretary of State');
      assert.deepEqual(names(p.addressees), ['Winant']);
    });

    it('"Note from G. Wilson, Foreign Office …": the clause after the comma names no one', () => {
      const p = partiesFromHeading('Note from G. Wilson, Foreign Office Northern Department, on relations with the Soviet Union')!;
      assert.deepEqual(names(p.sender), ['G. Wilson']);
      assert.deepEqual(p.addressees, []);
    });

    it('"J. V. STALIN AND W. CHURCHILL TO F. D. ROOSEVELT": two senders', () => {
      const p = partiesFromHeading('J. V. STALIN AND W. CHURCHILL TO F. D. ROOSEVELT')!;
      assert.deepEqual([names(p.sender), names(p.addressees)], [['J. V. STALIN', 'W. CHURCHILL'], ['F. D. ROOSEVELT']]);
    });

    it('"MESSAGE FROM THE PRIME MINISTER OF GREAT BRITAIN, Mr W. CHURCHILL, TO PREMIER STALIN": the country is no name', () => {
      const p = partiesFromHeading('MESSAGE FROM THE PRIME MINISTER OF GREAT BRITAIN, Mr W. CHURCHILL, TO PREMIER STALIN')!;
      assert.deepEqual([names(p.sender), names(p.addressees)], [['Mr W. CHURCHILL'], ['STALIN']]);
    });

    it('"Letter from Sir Stafford Cripps to Mr Eden": a described document with both parties', () => {
      const p = partiesFromHeading('Letter from Sir Stafford Cripps to Mr Eden')!;
      assert.deepEqual([names(p.sender), names(p.addressees)], [['Sir Stafford Cripps'], ['Mr Eden']]);
    });

    it('"TO Mr WINSTON CHURCHILL": an addressee only', () => {
      const p = partiesFromHeading('TO Mr WINSTON CHURCHILL')!;
      assert.deepEqual(p.sender, []);
      assert.deepEqual(names(p.addressees), ['Mr WINSTON CHURCHILL']);
    });

    for (const t of ['SELECTED TELEGRAMS', 'MEMORANDUM', 'The Soviet Government holds that a warning is needed', '']) {
      it(`"${t}" names no direction`, () => assert.equal(partiesFromHeading(t), undefined));
    }
  });

  describe('namesIn', () => {
    it('keeps a title and initials with the surname', () => {
      assert.deepEqual(namesIn('THE PRIME MINISTER, Mr W. CHURCHILL'), { names: [{ name: 'Mr W. CHURCHILL' }] });
    });

    it('skips places attached to an office ("OF GREAT BRITAIN")', () => {
      assert.deepEqual(names(namesIn('THE PRIME MINISTER OF GREAT BRITAIN, Mr CHURCHILL').names), ['Mr CHURCHILL']);
    });

    it('returns the phrase as a role when it holds no name', () => {
      assert.deepEqual(namesIn('the Secretary of State.'), { names: [], role: 'the Secretary of State' });
    });

    it('does not take initials alone for a name', () => {
      assert.deepEqual(namesIn('J. V.').names, []);
    });
  });
});
