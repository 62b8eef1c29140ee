import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonRegistry } from '../../../src/convert/entities/personography.js';
import { parseEditorCsv, personographyXml, readEditorFile, readPersonographyFile } from '../../../src/edition/personography.js';
import { findPersons } from '../../../src/convert/entities/persons/find-persons.js';

/** Resolves the one name of `text`. */
function resolve(registry: PersonRegistry, text: string, doc = 'seed/000'): string {
  const m = findPersons(text, { nameLine: true })[0];
  assert.ok(m, `a name in ${text}`);
  return registry.resolve({ text: m.text, surname: m.surname, forenames: m.forenames, initials: m.initials, title: m.title }, { document: doc });
}

/** persons.xml in `dir`, as convertFiles writes it. */
function write(registry: PersonRegistry, dir: string): string {
  const path = join(dir, 'persons.xml');
  writeFileSync(path, personographyXml(registry.entries()));
  return path;
}

/** A registry from `dir`'s persons.xml and, when asked, the editor's persons.json beside it. */
function load(dir: string, editor = false): PersonRegistry {
  const registry = PersonRegistry.fromEntries(readPersonographyFile(join(dir, 'persons.xml'))?.persons ?? []);
  const entries = editor ? readEditorFile(join(dir, 'persons.json')) : undefined;
  if (entries) registry.applyEditor(entries);
  return registry;
}

describe('PersonRegistry', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-persons-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('can be built without arguments', () => {
    assert.deepEqual(new PersonRegistry().list(), []);
  });

  it('makes "J. V. STALIN", "Stalin", "Premier Stalin" and "M. Stalin" one person', () => {
    const r = new PersonRegistry();
    const ids = ['J. V. STALIN', 'Stalin', 'PREMIER STALIN', 'M. Stalin', 'I. V. Stalin'].map((t) => resolve(r, t));
    assert.equal(new Set(ids).size, 1);
    assert.equal(r.get(ids[0]!)?.surname, 'Stalin');
    assert.deepEqual(r.get(ids[0]!)?.roles, ['PREMIER']);
  });

  it('folds the spelling variants Maiskii and Maisky', () => {
    const r = new PersonRegistry();
    assert.equal(resolve(r, 'I. M. Maiskii'), resolve(r, 'Mr. Maisky'));
    assert.deepEqual(r.list()[0]?.variants, ['Maisky']);
  });

  it('keeps two people of one surname apart by their given names', () => {
    const r = new PersonRegistry();
    const frank = resolve(r, 'Frank Roberts');
    const geoffrey = resolve(r, 'Geoffrey Roberts');
    assert.notEqual(frank, geoffrey);
    // a bare surname goes to the one named last
    assert.equal(resolve(r, 'Roberts'), geoffrey);
  });

  it('counts as known only surnames named with evidence in this run, so that a second build tags what the first did', () => {
    const first = new PersonRegistry();
    resolve(first, 'Jules Léger');
    write(first, dir);
    const second = load(dir);
    assert.equal(second.knows('Léger'), false);
    resolve(second, 'Léger');
    assert.equal(second.knows('Leger'), false, 'a bare surname is no evidence of its own');
    resolve(second, 'M. Léger');
    assert.equal(second.knows('Leger'), true);
  });

  it('once the sources were read, knows what they establish and nothing this run adds', () => {
    const r = new PersonRegistry();
    r.learnSource(['1434. For Willard [from Stevens]:', '', 'Mr. Stevens arrived; the War Trade Board met.']);
    assert.equal(r.knows('Stevens'), true);
    assert.equal(r.knows('Willard'), true);
    assert.equal(r.knows('Board'), false);
    resolve(r, 'General Graves');
    assert.equal(r.knows('Graves'), false, 'what a source establishes, not the order of conversion, decides');
  });

  it('keeps "Mrs Churchill" apart from Mr Churchill, across a write and a load', () => {
    const r = new PersonRegistry();
    const winston = resolve(r, 'Mr CHURCHILL');
    const clementine = resolve(r, 'Mrs Churchill');
    assert.notEqual(winston, clementine);
    write(r, dir);
    const again = load(dir);
    assert.equal(resolve(again, 'Mrs Churchill'), clementine);
    assert.equal(resolve(again, 'Mr. Churchill'), winston);
  });

  it('keeps ids stable across a write and a load, whatever the order of new mentions', () => {
    const first = new PersonRegistry();
    const stalin = resolve(first, 'J. V. STALIN');
    const eden = resolve(first, 'Mr. Eden');
    write(first, dir);
    const second = load(dir);
    assert.equal(resolve(second, 'Anthony Eden'), eden);
    assert.equal(resolve(second, 'Stalin'), stalin);
    write(second, dir);
    const third = load(dir);
    assert.deepEqual(third.list().map((p) => p.id).sort(), [eden, stalin].sort());
  });

  it('writes a listPerson with forms and roles (no mention counts: a convert of one source would falsify them)', () => {
    const r = new PersonRegistry();
    resolve(r, 'Ambassador Cripps', '004/003');
    resolve(r, 'Sir Stafford Cripps', '002/000');
    const path = write(r, dir);
    const xml = readFileSync(path, 'utf8');
    assert.match(xml, /<listPerson>/);
    assert.match(xml, /<person xml:id="cripps">/);
    assert.match(xml, /<persName type="main"><forename>Stafford<\/forename><surname>Cripps<\/surname><\/persName>/);
    assert.match(xml, /<persName type="form">Ambassador Cripps<\/persName>/);
    assert.match(xml, /<occupation>Ambassador<\/occupation>/);
    assert.doesNotMatch(xml, /type="mentions"/);
    assert.match(xml, /^<\?xml[^>]*\?>\n<\?chancery-generated sha256="[0-9a-f]+"\?>\n<!-- Generated by Chancery from the edition's documents and the editor's persons file \(sources\/persons\.json\)/);
  });

  describe("the editor's file", () => {
    it('fixes a name, adds checked authority ids and refuses unchecked ones', () => {
      const r = new PersonRegistry();
      const id = resolve(r, 'J. V. STALIN');
      r.applyEditor([
        {
          id, surname: 'Stalin', forename: 'Joseph',
          idno: [
            { type: 'wikidata', value: 'Q855', checked: 'https://www.wikidata.org/wiki/Q855' },
            { type: 'viaf', value: '12345' },
          ],
        },
      ]);
      const p = r.get(id)!;
      assert.deepEqual(p.forenames, ['Joseph']);
      assert.deepEqual(p.authority.map((a) => a.type), ['wikidata']);
      assert.deepEqual(r.diagnostics.map((d) => d.code), ['TEI-ENT-002']);
      assert.match(personographyXml(r.entries()), /<idno type="wikidata" source="https:\/\/www.wikidata.org\/wiki\/Q855">Q855<\/idno>/);
    });

    it('merges two persons (sameAs) and splits by printed form', () => {
      const r = new PersonRegistry();
      const a = resolve(r, 'Lord Halifax');
      const b = resolve(r, 'E. Wood');
      r.applyEditor([{ id: a, sameAs: [b], variants: ['Wood'] }]);
      assert.equal(r.get(b)?.id, a);
      assert.equal(resolve(r, 'Wood'), a);
      r.applyEditor([{ id: 'wilson-horace', surname: 'Wilson', forename: 'Horace', forms: ['Sir Horace Wilson'] }]);
      assert.equal(resolve(r, 'Sir Horace Wilson'), 'wilson-horace');
      assert.notEqual(resolve(r, 'G. Wilson'), 'wilson-horace');
    });

    it('is read from sources/persons.json on load, and a CSV form is accepted', () => {
      writeFileSync(join(dir, 'persons.json'), JSON.stringify({ persons: [{ id: 'eden-anthony', surname: 'Eden', forename: 'Anthony' }] }));
      const r = load(dir, true);
      assert.equal(resolve(r, 'Mr. Eden'), 'eden-anthony');
      const rows = parseEditorCsv('id,surname,forename,variants,wikidata,wikidata_checked\neden-anthony,Eden,Anthony,"Eden|Idn",Q182,"https://www.wikidata.org/wiki/Q182"\n');
      assert.deepEqual(rows[0]?.variants, ['Eden', 'Idn']);
      assert.deepEqual(rows[0]?.idno, [{ type: 'wikidata', value: 'Q182', checked: 'https://www.wikidata.org/wiki/Q182' }]);
    });

    it('refuses a corrupt editor file with an error naming it (its corrections must not be dropped silently)', () => {
      writeFileSync(join(dir, 'persons.json'), '{ not json');
      assert.throws(() => load(dir, true), (e: Error & { code?: string }) => e.code === 'TEI-ED-009' && /persons\.json: the editor's persons file is not valid JSON/.test(e.message));
    });

    it('refuses a truncated persons.xml with its line and column', () => {
      const r = new PersonRegistry();
      resolve(r, 'J. V. STALIN');
      const path = write(r, dir);
      writeFileSync(path, readFileSync(path, 'utf8').slice(0, -40));
      assert.throws(() => load(dir), (e: Error & { code?: string }) => e.code === 'TEI-ED-008' && /persons\.xml:\d+:\d+: the personography is not well-formed/.test(e.message));
    });
  });

  it('lists correspondents still without an authority id', () => {
    const r = new PersonRegistry();
    r.resolve({ text: 'J. V. STALIN', surname: 'STALIN', initials: ['J', 'V'] }, { document: 'x' }, { correspondent: true });
    r.resolve({ text: 'Mr. Eden', surname: 'Eden', title: 'Mr.' }, { document: 'x' });
    assert.deepEqual(r.correspondentsWithoutAuthority().map((p) => p.id), ['stalin-j']);
  });
});
