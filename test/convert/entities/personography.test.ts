import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonRegistry, parseEditorCsv } from '../../../src/convert/entities/personography.js';
import { findPersons } from '../../../src/convert/entities/persons/find-persons.js';

/** Resolves the one name of `text`. */
function resolve(registry: PersonRegistry, text: string, doc = 'seed/000'): string {
  const m = findPersons(text, { nameLine: true })[0];
  assert.ok(m, `a name in ${text}`);
  return registry.resolve({ text: m.text, surname: m.surname, forenames: m.forenames, initials: m.initials, title: m.title }, { document: doc });
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

  it('counts as known only surnames seen in this run, so that a second build tags what the first did', () => {
    const first = new PersonRegistry();
    resolve(first, 'Jules Léger');
    first.write(dir);
    const second = PersonRegistry.load(dir);
    assert.equal(second.knows('Léger'), false);
    resolve(second, 'Léger');
    assert.equal(second.knows('Leger'), true);
  });

  it('keeps "Mrs Churchill" apart from Mr Churchill, across a write and a load', () => {
    const r = new PersonRegistry();
    const winston = resolve(r, 'Mr CHURCHILL');
    const clementine = resolve(r, 'Mrs Churchill');
    assert.notEqual(winston, clementine);
    r.write(dir);
    const again = PersonRegistry.load(dir);
    assert.equal(resolve(again, 'Mrs Churchill'), clementine);
    assert.equal(resolve(again, 'Mr. Churchill'), winston);
  });

  it('keeps ids stable across a write and a load, whatever the order of new mentions', () => {
    const first = new PersonRegistry();
    const stalin = resolve(first, 'J. V. STALIN');
    const eden = resolve(first, 'Mr. Eden');
    first.write(dir);
    const second = PersonRegistry.load(dir);
    assert.equal(resolve(second, 'Anthony Eden'), eden);
    assert.equal(resolve(second, 'Stalin'), stalin);
    second.write(dir);
    const third = PersonRegistry.load(dir);
    assert.deepEqual(third.list().map((p) => p.id).sort(), [eden, stalin].sort());
  });

  it('writes a listPerson with forms, roles, mentions and no stray temporary file', () => {
    const r = new PersonRegistry();
    resolve(r, 'Ambassador Cripps', '004/003');
    resolve(r, 'Sir Stafford Cripps', '002/000');
    const path = r.write(dir);
    const xml = readFileSync(path, 'utf8');
    assert.match(xml, /<listPerson>/);
    assert.match(xml, /<person xml:id="cripps">/);
    assert.match(xml, /<persName type="main"><forename>Stafford<\/forename><surname>Cripps<\/surname><\/persName>/);
    assert.match(xml, /<persName type="form">Ambassador Cripps<\/persName>/);
    assert.match(xml, /<occupation>Ambassador<\/occupation>/);
    assert.match(xml, /<note type="mentions" n="2">2 document\(s\); first 004\/003; last 002\/000<\/note>/);
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
      assert.match(r.toXml(), /<idno type="wikidata" source="https:\/\/www.wikidata.org\/wiki\/Q855">Q855<\/idno>/);
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
      const r = PersonRegistry.load(dir, dir);
      assert.equal(resolve(r, 'Mr. Eden'), 'eden-anthony');
      const rows = parseEditorCsv('id,surname,forename,variants,wikidata,wikidata_checked\neden-anthony,Eden,Anthony,"Eden|Idn",Q182,"https://www.wikidata.org/wiki/Q182"\n');
      assert.deepEqual(rows[0]?.variants, ['Eden', 'Idn']);
      assert.deepEqual(rows[0]?.idno, [{ type: 'wikidata', value: 'Q182', checked: 'https://www.wikidata.org/wiki/Q182' }]);
    });

    it('reports an unreadable editor file instead of throwing', () => {
      writeFileSync(join(dir, 'persons.json'), '{ not json');
      const r = PersonRegistry.load(dir, dir);
      assert.deepEqual(r.diagnostics.map((d) => d.code), ['TEI-ENT-001']);
    });
  });

  it('lists correspondents still without an authority id', () => {
    const r = new PersonRegistry();
    r.resolve({ text: 'J. V. STALIN', surname: 'STALIN', initials: ['J', 'V'] }, { document: 'x' }, { correspondent: true });
    r.resolve({ text: 'Mr. Eden', surname: 'Eden', title: 'Mr.' }, { document: 'x' });
    assert.deepEqual(r.correspondentsWithoutAuthority().map((p) => p.id), ['stalin-j']);
    assert.equal(r.summary('tei'), 'persons: 2 in tei/persons.xml; 1 correspondents without an authority id (wikidata/viaf): stalin-j');
  });
});
