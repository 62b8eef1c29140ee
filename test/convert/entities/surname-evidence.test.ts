/**
 * The rule the registry (one thread) and the recorder (a worker of `--jobs`) share for whether a surname is a
 * known person's, and what makes a mention strong evidence of one.
 */
import assert from 'node:assert/strict';
import { MentionRecorder } from '../../../src/convert/entities/person-mentions.js';
import { PersonRegistry } from '../../../src/convert/entities/personography.js';
import { isStrongMention, knowsSurname } from '../../../src/convert/entities/surname-evidence.js';

describe('surname evidence', () => {
  const none = new Set<string>();

  it('takes forenames, initials, a title or a correspondent for strong evidence, a bare surname not', () => {
    assert.equal(isStrongMention({ text: 'Eden', surname: 'Eden' }, {}), false);
    assert.equal(isStrongMention({ text: 'Eden', surname: 'Eden', forenames: [] }, {}), false);
    assert.equal(isStrongMention({ text: 'Anthony Eden', surname: 'Eden', forenames: ['Anthony'] }, {}), true);
    assert.equal(isStrongMention({ text: 'A. Eden', surname: 'Eden', initials: ['A'] }, {}), true);
    assert.equal(isStrongMention({ text: 'Mr. Eden', surname: 'Eden', title: 'Mr.' }, {}), true);
    assert.equal(isStrongMention({ text: 'Eden', surname: 'Eden' }, { correspondent: true }), true);
  });

  it("knows the editor's surnames and the sources' in any spelling that folds to them; strong mentions only before the sources were learnt", () => {
    const knowledge = { surnames: new Set(['molotov']) };
    assert.equal(knowsSurname('MOLOTOV', none, knowledge, true, none), true);
    assert.equal(knowsSurname('Eden', new Set(['eden']), { surnames: none }, true, none), true);
    assert.equal(knowsSurname('Eden', none, { surnames: none }, false, new Set(['eden'])), true);
    assert.equal(knowsSurname('Eden', none, { surnames: none }, true, new Set(['eden'])), false);
    assert.equal(knowsSurname('Eden', none, knowledge, false, none), false);
  });

  it('gives the registry and a recorder made from its facts the same answers, mention after mention', () => {
    const registry = new PersonRegistry();
    const recorder = new MentionRecorder(registry.editionNameFacts());
    const mentions = [
      { text: 'Eden', surname: 'Eden' },
      { text: 'Mr. Eden', surname: 'Eden', title: 'Mr.' },
      { text: 'Hopkins', surname: 'Hopkins' },
      { text: 'H. Hopkins', surname: 'Hopkins', initials: ['H'] },
    ];
    const asked = ['Eden', 'EDEN', 'Hopkins', 'Molotov'];
    for (const form of mentions) {
      registry.resolve(form, { document: 'd' });
      recorder.resolve(form, { document: 'd' });
      assert.deepEqual(
        asked.map((s) => recorder.knows(s)),
        asked.map((s) => registry.knows(s)),
        `after ${form.text}`,
      );
    }
    assert.deepEqual(asked.map((s) => registry.knows(s)), [true, true, true, false]);
  });
});
