/**
 * The identity failures of issue 9, each as a small text converted through the library, with the personography
 * entries expected; then the properties of the personography (fast-check).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { convert } from '../../../src/convert/index.js';
import { PersonRegistry, type NameForm } from '../../../src/convert/entities/personography.js';
import { conflictOf } from '../../../src/convert/entities/persons/identity.js';
import { convertFiles } from '../../../src/build/convert-files.js';
import { PERSON_REVIEW, formatPersonReview, readPersonReview } from '../../../src/edition/person-review.js';

/** Converts texts (one source each) with one registry, as `convert` does for several inputs. */
function edition(...texts: string[]): PersonRegistry {
  const persons = new PersonRegistry();
  texts.forEach((t) => persons.learnSource(t.split('\n')));
  texts.forEach((t, i) => convert(t, { fileName: `s${i}.txt`, persons }));
  return persons;
}

const entry = (r: PersonRegistry, id: string) => {
  const e = r.entries().find((p) => p.id === id);
  assert.ok(e, `a person ${id} in ${r.entries().map((p) => p.id).join(', ')}`);
  return e;
};
const idsOf = (r: PersonRegistry, surname: string): string[] => r.entries().filter((p) => p.surname === surname).map((p) => p.id).sort();

describe('personography: identity (issue 9)', () => {
  it('"Mrs. Lyell" is not Charles Lyell, who gets no sex from her', () => {
    const r = edition('Charles Lyell wrote to his brother about the rocks of the coast.\n\nMrs. Lyell answered him the next day.');
    assert.deepEqual(idsOf(r, 'Lyell'), ['lyell', 'lyell-c']);
    const charles = entry(r, 'lyell-c');
    assert.deepEqual([charles.forenames, charles.sex], [['Charles'], undefined]);
    assert.equal(entry(r, 'lyell').sex, 'f');
    assert.deepEqual(r.review().keptApart.map((k) => k.reason), ['woman-by-title-only']);
  });

  it('joins "Professor Whewell", "W. Whewell" and "William Whewell", and keeps "Mrs. Whewell" apart', () => {
    const r = edition('Professor Whewell spoke at length.', 'A letter signed by W. Whewell was read.', 'William Whewell replied to Mrs. Whewell.');
    assert.deepEqual(idsOf(r, 'Whewell'), ['whewell', 'whewell-2']);
    const prof = entry(r, 'whewell');
    assert.deepEqual([prof.forenames, prof.initials, prof.roles], [['William'], ['W'], ['Professor']]);
    assert.equal(entry(r, 'whewell-2').sex, 'f');
    const merges = r.review().merges.filter((m) => m.id === 'whewell').map((m) => [m.form, m.rule]);
    assert.deepEqual(merges, [['Professor Whewell', 'given-name-added'], ['W. Whewell', 'same-given-name']]);
  });

  it('an author cited in a note is not the Field Marshal of the same surname', () => {
    const r = edition([
      'The offensive under Field Marshal Alexander went on.¹',
      '',
      '¹ Martin Alexander, *The Republic in Danger* (Cambridge, 1992), 317.',
    ].join('\n'));
    assert.deepEqual(idsOf(r, 'Alexander'), ['alexander', 'alexander-m']);
    assert.deepEqual(entry(r, 'alexander').roles, ['Field Marshal']);
    assert.deepEqual(entry(r, 'alexander-m').forenames, ['Martin']);
  });

  it('lists "Cagogan" beside "Cadogan" for review instead of deciding', () => {
    const r = edition('Sir Alexander Cagogan and R. A. Butler met. Later Sir Alexander Cadogan wrote.');
    assert.deepEqual(r.review().similar, [{ ids: ['cadogan-a', 'cagogan-a'], surnames: ['Cadogan', 'Cagogan'] }]);
  });

  it('takes a bare surname in one source because another names the person in full, in either order', () => {
    const full = 'Mr. John F. Stevens arrived at Vladivostok.';
    const bare = 'Stevens expects to resume work at once.';
    for (const texts of [[full, bare], [bare, full]]) {
      const r = edition(...texts);
      assert.deepEqual(idsOf(r, 'Stevens').length, 1);
      assert.equal(r.entries().find((p) => p.surname === 'Stevens')!.forenames[0], 'John');
    }
  });

  it('creates nobody from a garbled second OCR pass', () => {
    const source = readFileSync(join('sources', '001_58888229c10c191a.txt'), 'utf8');
    const r = new PersonRegistry();
    r.learnSource(source.split('\n'));
    const { documents } = convert(source, { fileName: '001_58888229c10c191a.txt', persons: r });
    assert.ok(documents.length > 0);
    assert.deepEqual(r.entries().filter((p) => /halliday/i.test(p.surname)), []);
    assert.ok(r.entries().some((p) => p.id === 'halifax'), 'the signature of the reading text names Halifax');
  });

  it('convert writes the review list beside persons.xml; it reads back as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-review-'));
    try {
      const input = join(dir, 'letters.txt');
      writeFileSync(input, 'Charles Lyell wrote.\n\nMrs. Lyell answered.\n');
      await convertFiles([input], { outDir: join(dir, 'tei') });
      assert.ok(existsSync(join(dir, 'tei', PERSON_REVIEW)));
      const review = readPersonReview(join(dir, 'tei'))!;
      assert.deepEqual(review.keptApart.map((k) => k.ids), [['lyell', 'lyell-c']]);
      assert.match(formatPersonReview(review), /lyell "Mrs\. Lyell" \/ lyell-c "Charles Lyell": a woman named by her title/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('identity rules', () => {
  it('conflicts', () => {
    assert.equal(conflictOf({ forenames: ['John'], initials: [] }, { forenames: ['James'] }), 'other-given-name');
    assert.equal(conflictOf({ forenames: ['Vyacheslav'], initials: [] }, { forenames: ['Viacheslav'] }), undefined);
    assert.equal(conflictOf({ forenames: [], initials: ['I'] }, { initials: ['J'] }), undefined);
    assert.equal(conflictOf({ sex: 'm', forenames: [], initials: [] }, { sex: 'f' }), 'other-sex');
    assert.equal(conflictOf({ forenames: [], initials: [] }, {}), undefined);
  });
});

describe('personography properties', () => {
  const SURNAMES = ['Smith', 'Lyell', 'Whewell', 'Stevens'];
  const GIVEN = ['John', 'James', 'Charles', 'William', 'Mary'];
  const TITLES = [undefined, 'Mr.', 'Mrs.', 'Miss', 'Sir', 'Lady', 'General', 'Professor'];
  const FEMALE = new Set(['Mrs.', 'Miss', 'Lady']);
  const MALE = new Set(['Mr.', 'Sir']);
  const form = fc.record({
    surname: fc.constantFrom(...SURNAMES),
    given: fc.option(fc.constantFrom(...GIVEN), { nil: undefined }),
    initialOnly: fc.boolean(),
    title: fc.constantFrom(...TITLES),
  }).map(({ surname, given, initialOnly, title }): NameForm => {
    const forenames = given && !initialOnly ? [given] : [];
    const initials = given && initialOnly ? [given[0]!] : [];
    const words = [title, ...forenames, ...initials.map((i) => `${i}.`), surname].filter(Boolean);
    return { text: words.join(' '), surname, forenames, initials, ...(title ? { title } : {}) };
  });
  const documents = fc.array(fc.array(form, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });

  function resolveAll(docs: NameForm[][]): { registry: PersonRegistry; refs: Map<NameForm, string> } {
    const registry = new PersonRegistry();
    const refs = new Map<NameForm, string>();
    docs.forEach((d, i) => d.forEach((f) => refs.set(f, registry.resolve(f, { document: `d${i}` }))));
    return { registry, refs };
  }

  /** The same, the edition's way: every document linked at once (PersonRegistry.link). */
  function linkAll(docs: NameForm[][]): { registry: PersonRegistry; refs: Map<NameForm, string> } {
    const registry = new PersonRegistry();
    const ids = registry.link(docs.map((d, i) => ({ document: `s/d${i}`, source: 's', mentions: d.map((form) => ({ form, options: {} })) })));
    const refs = new Map<NameForm, string>();
    docs.forEach((d, i) => d.forEach((f, k) => refs.set(f, ids[i]![k]!)));
    return { registry, refs };
  }

  for (const [how, run] of [['one mention at a time', resolveAll], ['linked at once', linkAll]] as const) it(`never holds two persons of one full name, never merges different given names or titles of sex (${how})`, () => {
    fc.assert(fc.property(documents, (docs) => {
      const { registry, refs } = run(docs);
      const full = registry.entries().filter((p) => p.forenames.length > 0).map((p) => `${p.forenames.join(' ')} ${p.surname}|${p.sex ?? ''}`);
      assert.equal(new Set(full).size, full.length, `one person per full name: ${full.join('; ')}`);
      const byPerson = new Map<string, NameForm[]>();
      for (const [f, id] of refs) byPerson.set(id, [...(byPerson.get(id) ?? []), f]);
      for (const [id, forms] of byPerson) {
        const given = new Set(forms.flatMap((f) => f.forenames ?? []));
        assert.ok(given.size <= 1, `${id} merges given names ${[...given].join(', ')}`);
        const sexes = new Set(forms.map((f) => (FEMALE.has(f.title ?? '') ? 'f' : MALE.has(f.title ?? '') ? 'm' : '')).filter(Boolean));
        assert.ok(sexes.size <= 1, `${id} merges titles of both sexes: ${forms.map((f) => f.text).join(', ')}`);
      }
    }), { numRuns: 300 });
  });
});

describe('personography order', () => {
  it('lists persons by surname, then given names, whatever their ids', async () => {
    const { personographyXml } = await import('../../../src/edition/personography.js');
    const person = (id: string, surname: string, forenames: string[]) => ({
      id, surname, forenames, initials: [], forms: [], variants: [], roles: [], authority: [], correspondent: false,
    });
    const xml = personographyXml([person('a-zorn', 'Zorn', []), person('z-adams', 'Adams', ['John']), person('b-adams', 'Adams', ['Abigail']), person('c', 'Ädler', [])]);
    assert.deepEqual([...xml.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]), ['b-adams', 'z-adams', 'c', 'a-zorn']);
  });
});
