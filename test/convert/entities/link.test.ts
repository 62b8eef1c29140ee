/**
 * The link step (src/convert/entities/persons/link.ts): which mentions name one person, decided for a whole
 * edition at once. Its rules on small cases, then the property of issue 9: any order of any set of sources gives
 * the same persons.xml, the same review list and the same @ref in every document.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { PersonRegistry, type DocumentMentions, type NameForm } from '../../../src/convert/entities/personography.js';
import { convertFiles } from '../../../src/build/convert-files.js';

const form = (text: string, surname: string, extra: Partial<NameForm> = {}): NameForm => ({ text, surname, ...extra });
const doc = (document: string, ...forms: NameForm[]): DocumentMentions => ({ document, source: document.split('/')[0]!, mentions: forms.map((f) => ({ form: f, options: {} })) });

describe('link step', () => {
  it('a bare surname before the full name in one document is that person ("Stevens’s³ … 3. John F. Stevens")', () => {
    const r = new PersonRegistry();
    const ids = r.link([
      doc('a/001', form('Stevens', 'Stevens'), form('John F. Stevens', 'Stevens', { forenames: ['John'], initials: ['F'] })),
      doc('b/001', form('R. R. Stevens', 'Stevens', { initials: ['R', 'R'] })),
    ]);
    assert.deepEqual(ids, [['stevens-j', 'stevens-j'], ['stevens-r']]);
  });

  it('a bare surname nowhere named in full in its document goes to the only person its source names, else the most named of the edition', () => {
    const r = new PersonRegistry();
    const john = form('John F. Stevens', 'Stevens', { forenames: ['John'], initials: ['F'] });
    const eugene = form('Eugene C. Stevens', 'Stevens', { forenames: ['Eugene'], initials: ['C'] });
    const bare = form('Stevens', 'Stevens');
    const ids = r.link([doc('vol/001', eugene), doc('vol/002', bare), doc('x/001', john), doc('x/002', john), doc('y/001', bare)]);
    assert.deepEqual(ids, [['stevens-e'], ['stevens-e'], ['stevens-j'], ['stevens-j'], ['stevens-j']]);
    const review = r.review();
    assert.deepEqual(review.ambiguous, [{ form: 'Stevens', chosen: 'stevens-e', others: ['stevens-j'] }, { form: 'Stevens', chosen: 'stevens-j', others: ['stevens-e'] }]);
  });

  it('a title of one sex goes to the person of that sex; a woman by her title alone is not the man named in full', () => {
    const r = new PersonRegistry();
    const ids = r.link([doc('a/001', form('Charles Lyell', 'Lyell', { forenames: ['Charles'] }), form('Mrs. Lyell', 'Lyell', { title: 'Mrs.' }), form('Mr. Lyell', 'Lyell', { title: 'Mr.' }), form('Lyell', 'Lyell'))]);
    assert.deepEqual(ids, [['lyell-c', 'lyell', 'lyell-c', 'lyell-c']]);
    assert.equal(r.get('lyell')!.sex, 'f');
    assert.equal(r.get('lyell-c')!.sex, 'm');
  });

  it('the editor’s forms decide before any rule', () => {
    const r = new PersonRegistry();
    r.applyEditor([{ id: 'stevens-eugene', surname: 'Stevens', forename: 'Eugene', forms: ['Mr. Stevens'] }]);
    const ids = r.link([doc('a/001', form('John F. Stevens', 'Stevens', { forenames: ['John'] }), form('Mr. Stevens', 'Stevens', { title: 'Mr.' }))]);
    assert.deepEqual(ids, [['stevens-j', 'stevens-eugene']]);
  });

  it('ids and records do not depend on the order of the batch (fast-check)', () => {
    const SURNAMES = ['Smith', 'Lyell', 'Stevens'];
    const GIVEN = ['John', 'James', 'Mary'];
    const TITLES = [undefined, 'Mr.', 'Mrs.', 'General', 'Professor'];
    const arbForm = fc.record({
      surname: fc.constantFrom(...SURNAMES), given: fc.option(fc.constantFrom(...GIVEN), { nil: undefined }), initialOnly: fc.boolean(), title: fc.constantFrom(...TITLES), cited: fc.boolean(),
    }).map(({ surname, given, initialOnly, title, cited }): NameForm => {
      const forenames = given && !initialOnly ? [given] : [];
      const initials = given && initialOnly ? [given[0]!] : [];
      return { text: [title, ...forenames, ...initials.map((i) => `${i}.`), surname].filter(Boolean).join(' '), surname, forenames, initials, ...(title ? { title } : {}), ...(cited ? { cited } : {}) };
    });
    const batch = fc.array(fc.array(arbForm, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }).chain((docs) =>
      fc.tuple(fc.constant(docs), fc.shuffledSubarray(docs.map((_, i) => i), { minLength: docs.length, maxLength: docs.length })));
    fc.assert(fc.property(batch, ([docs, order]) => {
      const asDocs = (indexes: number[]): DocumentMentions[] => indexes.map((i) => doc(`s${i % 2}/d${i}`, ...docs[i]!));
      const a = new PersonRegistry();
      const b = new PersonRegistry();
      const idsA = a.link(asDocs(docs.map((_, i) => i)));
      const idsB = b.link(asDocs(order));
      order.forEach((i, k) => assert.deepEqual(idsB[k], idsA[i]));
      assert.deepEqual(b.entries(), a.entries());
      assert.deepEqual(b.review(), a.review());
    }), { numRuns: 300 });
  });
});

/** Small sources that exercise every rule of identity: each one file of an edition. */
const SOURCES: Record<string, string> = {
  'stevens-full.txt': 'Mr. John F. Stevens arrived at Vladivostok.\n\nStevens expects to resume work at once.\n',
  'stevens-note.txt': 'Washington, March 3, 1918.\n\nStevens’s¹ report was received.\n\nLansing\n\n1. John F. Stevens, Chairman of the Advisory Commission of Railway Experts to Russia.\n',
  'stevens-clerk.txt': 'Eugene C. Stevens, clerk, signed the receipt.\n\nStevens left for Harbin the next day.\n',
  'stevens-bare.txt': 'Stevens and Lyell dined together at the club.\n',
  'stevens-firm.txt': 'R. R. Stevens, American member, met Mr. Stevens at the station.\n',
  'lyell.txt': 'Charles Lyell wrote to his brother about the rocks of the coast.\n\nMrs. Lyell answered him the next day.\n',
  'whewell.txt': 'Professor Whewell spoke at length. Mr. Lyell listened.\n\nA letter signed by W. Whewell was read to Mrs. Whewell.\n',
  'alexander.txt': 'The offensive under Field Marshal Alexander went on.¹\n\n¹ Martin Alexander, *The Republic in Danger* (Cambridge, 1992), 317.\n',
  'cadogan.txt': 'Sir Alexander Cagogan and R. A. Butler met. Later Sir Alexander Cadogan wrote to Butler.\n',
  'churchill.txt': 'Winston S. Churchill wrote to Mrs. Churchill from London. Churchill was tired.\n',
};

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) files.set(relative(dir, join(f.parentPath, f.name)), readFileSync(join(f.parentPath, f.name), 'utf8'));
  }
  return files;
}

describe('personography: independent of the order sources are converted in (issue 9)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-order-'));
    for (const [name, text] of Object.entries(SOURCES)) writeFileSync(join(dir, name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('any order of any set of sources gives the same persons.xml, review list and @ref in every document (fast-check)', async function () {
    this.timeout(120_000);
    const names = Object.keys(SOURCES);
    const sets = fc.subarray(names, { minLength: 2 }).chain((set) => fc.tuple(fc.constant(set), fc.shuffledSubarray(set, { minLength: set.length, maxLength: set.length })));
    let run = 0;
    await fc.assert(fc.asyncProperty(sets, async ([set, shuffled]) => {
      const out = (tag: string): string => join(dir, `out-${run}-${tag}`);
      const a = out('a');
      const b = out('b');
      run++;
      await convertFiles(set.map((n) => join(dir, n)), { outDir: a, generatedOn: '2024-01-01' });
      await convertFiles(shuffled.map((n) => join(dir, n)), { outDir: b, generatedOn: '2024-01-01' });
      const ta = tree(a);
      const tb = tree(b);
      assert.deepEqual([...tb.keys()].sort(), [...ta.keys()].sort());
      for (const [path, text] of ta) assert.equal(tb.get(path), text, `${path} differs between ${set.join(', ')} and ${shuffled.join(', ')}`);
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }), { numRuns: 25 });
  });

  it('the whole set in two orders: one Stevens named in full in several sources is one person, the clerk and R. R. Stevens two others', async () => {
    const names = Object.keys(SOURCES);
    await convertFiles(names.map((n) => join(dir, n)), { outDir: join(dir, 'all'), generatedOn: '2024-01-01' });
    const xml = readFileSync(join(dir, 'all', 'persons.xml'), 'utf8');
    const ids = [...xml.matchAll(/xml:id="(stevens[^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(ids.sort(), ['stevens-e', 'stevens-j', 'stevens-r']);
    const note = tree(join(dir, 'all'));
    const refs = [...[...note].filter(([p]) => p.startsWith('stevens-note')).map(([, t]) => t).join('').matchAll(/<persName ref="[^"]*#([^"]+)">([^<]*)</g)].map((m) => `${m[2]}→${m[1]}`);
    assert.ok(refs.includes('Stevens→stevens-j') || refs.includes('Stevens’s→stevens-j'), refs.join(', '));
    assert.ok(refs.includes('John F. Stevens→stevens-j'), refs.join(', '));
  });
});
