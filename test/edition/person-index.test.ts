import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexPersons } from '../../src/edition/person-index.js';
import { personographyXml } from '../../src/edition/personography.js';
import { PersonRegistry } from '../../src/convert/entities/personography.js';
import { run } from '../helpers/cli.js';

const tei = (body: string): string =>
  `<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>\n${body}\n</body></text></TEI>\n`;

describe('chancery persons', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-persons-cli-'));
    const r = new PersonRegistry();
    r.resolve({ text: 'J. V. STALIN', surname: 'STALIN', initials: ['J', 'V'] }, { document: 'a/000' }, { correspondent: true });
    r.resolve({ text: 'Mr. Eden', surname: 'Eden', title: 'Mr.' }, { document: 'a/000' });
    writeFileSync(join(dir, 'persons.xml'), personographyXml(r.entries()));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', '000.xml'), tei('<p><persName ref="../persons.xml#stalin-j">Stalin</persName> met <persName ref="../persons.xml#eden">Mr. Eden</persName>.</p>'));
    writeFileSync(join(dir, 'a', '001.xml'), tei('<p><persName ref="../persons.xml#stalin-j">STALIN</persName></p>'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes mentions and documents per person', () => {
    const index = indexPersons(dir);
    const stalin = index.persons.find((p) => p.id === 'stalin-j')!;
    assert.equal(stalin.mentions, 2);
    assert.deepEqual(stalin.documents, [join('a', '000.xml'), join('a', '001.xml')]);
    assert.deepEqual(index.unresolved, []);
  });

  it('lists the personography and the correspondents without an authority id, exit 0', async () => {
    const out = await run(['persons', '--tei', dir]);
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^stalin-j\s+2\s+Stalin/m);
    assert.match(out.stdout, /^eden\s+1\s+Eden/m);
    assert.match(out.stdout, /correspondents without an authority id \(wikidata\/viaf\): stalin-j/);
  });

  it('--check exits 1 on a persName whose ref does not resolve, naming file and line', async () => {
    writeFileSync(join(dir, 'a', '002.xml'), tei('<p>\n<persName ref="../persons.xml#molotov">Molotov</persName></p>'));
    const out = await run(['persons', '--tei', dir, '--check']);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /a\/002\.xml:4: persName ref "\.\.\/persons\.xml#molotov" \(Molotov\) does not resolve/);
  });

  it('--check exits 0 when every ref resolves, and 2 (usage) for a missing folder', async () => {
    assert.equal((await run(['persons', '--tei', dir, '--check'])).code, 0);
    assert.equal((await run(['persons', '--tei', join(dir, 'nope'), '--check'])).code, 2);
  });
});
