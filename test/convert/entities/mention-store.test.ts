/**
 * The mentions kept for the link step: given back as they were added (fields set to `undefined` left out), each
 * distinct form and options held once, and linked to the same persons as the same mentions in an array.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { MentionStore } from '../../../src/convert/entities/mention-store.js';
import { PersonRegistry, type DocumentMentions, type NameForm } from '../../../src/convert/entities/personography.js';
import type { RecordedMention } from '../../../src/convert/entities/person-mentions.js';

/** What JSON keeps of a value: the fields the store promises to give back. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const SURNAMES = ['Smith', 'Lyell', 'Stevens', 'Молотов'];
const arbMention: fc.Arbitrary<RecordedMention> = fc
  .record({
    surname: fc.constantFrom(...SURNAMES),
    forenames: fc.option(fc.array(fc.constantFrom('John', 'Mary', ''), { maxLength: 2 }), { nil: undefined }),
    initials: fc.option(fc.array(fc.constantFrom('J', 'F'), { maxLength: 2 }), { nil: undefined }),
    title: fc.option(fc.constantFrom('Mr.', 'General', 'Mrs.'), { nil: undefined }),
    cited: fc.option(fc.boolean(), { nil: undefined }),
    role: fc.option(fc.constantFrom('Ambassador', 'Secretary of State'), { nil: undefined }),
    correspondent: fc.boolean(),
    place: fc.option(fc.record({ document: fc.constantFrom('a/001', 'a/002', 'b/001'), line: fc.option(fc.nat(5000), { nil: undefined }) }), { nil: undefined }),
  })
  .map(({ surname, forenames, initials, title, cited, role, correspondent, place }): RecordedMention => {
    const form: NameForm = { text: [title, ...(forenames ?? []), surname].filter(Boolean).join(' '), surname, forenames, initials, title, cited };
    const mention: RecordedMention = { form, options: correspondent ? { correspondent: true, role } : role ? { role } : {} };
    if (place) mention.place = place;
    return mention;
  });
const arbDocument: fc.Arbitrary<DocumentMentions> = fc.record({
  document: fc.constantFrom('a/001', 'a/002', 'b/001', 'b/002'),
  source: fc.constantFrom('a.txt', 'sources/b.txt'),
  mentions: fc.array(arbMention, { maxLength: 6 }),
});

describe('MentionStore', () => {
  it('gives back every document and mention in order, as added (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(arbDocument, { maxLength: 8 }), (docs) => {
        const store = new MentionStore();
        for (const d of docs) store.add(d);
        assert.equal(store.size, docs.length);
        assert.equal(store.mentionCount, docs.reduce((n, d) => n + d.mentions.length, 0));
        assert.deepEqual([...store], plain(docs));
        // read twice, the same
        assert.deepEqual([...store], [...store]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each distinct form and options once, however often it is mentioned', () => {
    const store = new MentionStore();
    const hull = (): RecordedMention => ({ form: { text: 'Mr. Hull', surname: 'Hull', forenames: [], initials: [], title: 'Mr.' }, options: {}, place: { document: 'v/001', line: 4 } });
    for (let d = 0; d < 100; d++) store.add({ document: `v/${d}`, source: 'v.txt', mentions: [hull(), hull(), { form: { text: 'Welles', surname: 'Welles' }, options: { role: 'Under Secretary' } }] });
    assert.equal(store.mentionCount, 300);
    assert.equal(store.formCount, 2);
    const [first, second] = [...store];
    assert.equal(first!.mentions[0]!.form, second!.mentions[1]!.form, 'one object for one form');
    assert.equal(first!.mentions[2]!.options, second!.mentions[2]!.options);
    assert.deepEqual(second!.mentions[0]!.place, { document: 'v/001', line: 4 });
    assert.equal(second!.mentions[2]!.place, undefined);
  });

  it('links to the same persons, records and review as the same mentions given as an array (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(arbDocument, { minLength: 1, maxLength: 8 }), (docs) => {
        // the link step needs documents named apart
        const named = docs.map((d, i) => ({ ...d, document: `${d.document}-${i}` }));
        const store = new MentionStore();
        for (const d of named) store.add(d);
        const fromArray = new PersonRegistry();
        const fromStore = new PersonRegistry();
        assert.deepEqual(fromStore.link(store), fromArray.link(named));
        assert.deepEqual(fromStore.entries(), fromArray.entries());
        assert.deepEqual(fromStore.list(), fromArray.list());
        assert.deepEqual(fromStore.review(), fromArray.review());
      }),
      { numRuns: 200 },
    );
  });
});
