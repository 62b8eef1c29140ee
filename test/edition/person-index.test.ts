import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexPersons } from '../../src/edition/person-index.js';
import { personographyXml } from '../../src/edition/personography.js';
import { PersonRegistry } from '../../src/convert/entities/personography.js';
import { run } from '../helpers/cli.js';

const tei = (body: string): string =>
  `<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>\n${body}\n</body></text></TEI>\n`;

describe('chancery persons', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'chancery-persons-cli-'));
    dir = join(root, 'tei');
    mkdirSync(dir);
    const r = new PersonRegistry();
    r.resolve({ text: 'J. V. STALIN', surname: 'STALIN', initials: ['J', 'V'] }, { document: 'a/000' }, { correspondent: true });
    r.resolve({ text: 'Mr. Eden', surname: 'Eden', title: 'Mr.' }, { document: 'a/000' });
    writeFileSync(join(dir, 'persons.xml'), personographyXml(r.entries()));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', '000.xml'), tei('<p><persName ref="../persons.xml#stalin-j">Stalin</persName> met <persName ref="../persons.xml#eden">Mr. Eden</persName>.</p>'));
    writeFileSync(join(dir, 'a', '001.xml'), tei('<p><persName ref="../persons.xml#stalin-j">STALIN</persName></p>'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

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

  it('--check exits 1 on a persName whose ref does not resolve: the line validate prints for it, with its code', async () => {
    writeFileSync(join(dir, 'a', '002.xml'), tei('<p>\n  <persName ref="../persons.xml#molotov">Molotov</persName></p>'));
    const out = await run(['persons', '--tei', 'tei', '--check'], root);
    assert.equal(out.code, 1);
    const lines = out.stderr.trimEnd().split('\n');
    assert.deepEqual(lines, [
      'tei/a/002.xml:4:3: error: @ref "../persons.xml#molotov": no xml:id "molotov" in ../persons.xml [TEI-REF-002]',
      'persons --check: 1 unresolved persName reference; 1 error, 0 warnings',
    ]);
  });

  it('the same finding, code and place as validate for each kind of unresolved ref', async () => {
    writeFileSync(join(dir, 'a', '002.xml'), tei('<p><persName ref="other.xml#x">E</persName> <persName ref="../persons.xml#nobody">D</persName></p>'));
    writeReferenceOnlySchemas(root);
    const persons = await run(['persons', '--tei', 'tei', '--check'], root);
    const validate = await run(['validate', 'tei', '--no-ids', '--schematron', 'empty.sch', '--schema', 'any.rng'], root);
    const refLines = (text: string): string[] => text.split('\n').filter((l) => /\[TEI-REF-00[124]\]$/.test(l)).map((l) => l.replace(/^(\S+?:\d+):\d+:/, '$1:'));
    assert.deepEqual(refLines(persons.stderr), refLines(validate.stdout));
    assert.equal(refLines(persons.stderr).length, 2, persons.stderr);
  });

  it('a ref to a personGrp resolves (as in validate): counted by neither list, and no finding', async () => {
    writeFileSync(join(dir, 'persons.xml'), readFileSync(join(dir, 'persons.xml'), 'utf8').replace('</listPerson>', '<personGrp xml:id="big-three"><name>The Big Three</name></personGrp></listPerson>'));
    writeFileSync(join(dir, 'a', '002.xml'), tei('<p><persName ref="../persons.xml#big-three">the Big Three</persName></p>'));
    const out = await run(['persons', '--tei', dir, '--check']);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stderr, 'persons --check: every persName reference resolves; 0 warnings\n');
  });

  it('--check: a file that cannot be read is an error finding with its own code, exit 1 (its refs were never checked)', async () => {
    writeFileSync(join(dir, 'a', '002.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>\n<persName ref="../persons.xml#molotov">');
    const out = await run(['persons', '--tei', dir, '--check']);
    assert.equal(out.code, 1);
    const lines = out.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, out.stderr);
    assert.match(lines[0]!, new RegExp(`^${escape(join(dir, 'a', '002.xml'))}:\\d+:\\d+: error: not well-formed.* \\[TEI-XML-001\\]$`));
    assert.equal(lines[1], 'persons --check: 0 unresolved persName references; 1 error, 0 warnings');
  });

  it('no persons.xml: a warning with its code; --check fails on the refs that point into it, not on the warning', async () => {
    rmSync(join(dir, 'persons.xml'));
    const out = await run(['persons', '--tei', dir, '--check']);
    assert.equal(out.code, 1);
    const lines = out.stderr.trimEnd().split('\n');
    assert.equal(lines[0], `${join(dir, 'persons.xml')}:1:1: warning: persons.xml not found: no person to list, and every persName/@ref into it points nowhere [TEI-ED-011]`);
    const relative = await run(['persons', '--tei', 'tei'], root);
    assert.match(relative.stderr, /^tei\/persons\.xml:1:1: warning: persons\.xml not found: .* \[TEI-ED-011\]$/m, 'the place as typed, nothing absolute');
    assert.equal(lines.filter((l) => / error: @ref "\.\.\/persons\.xml#stalin-j" points to \.\.\/persons\.xml, which does not exist \[TEI-REF-001\]$/.test(l)).length, 2, out.stderr);
    assert.equal(lines.at(-1), 'persons --check: 3 unresolved persName references; 3 errors, 1 warning');
    rmSync(join(dir, 'a'), { recursive: true });
    const empty = await run(['persons', '--tei', dir, '--check']);
    assert.equal(empty.code, 0, 'a warning alone does not fail the check, as in validate');
    assert.match(empty.stderr, /\[TEI-ED-011\]\npersons --check: every persName reference resolves; 1 warning\n$/);
  });

  it('without --check the findings are printed and the exit is 0; --json carries them with their codes', async () => {
    writeFileSync(join(dir, 'a', '002.xml'), tei('<p><persName ref="#molotov">Molotov</persName></p>'));
    const out = await run(['persons', '--tei', dir]);
    assert.equal(out.code, 0);
    assert.match(out.stderr, /002\.xml:3:4: error: persName\/@ref "#molotov" must point into persons\.xml \[TEI-REF-004\]\n$/);
    const json = await run(['persons', '--tei', dir, '--json']);
    const index = JSON.parse(json.stdout) as { unresolved: { ref: string; line: number; column: number }[]; diagnostics: { code: string; span: { line: number; column: number } }[] };
    assert.deepEqual(index.unresolved.map((u) => [u.ref, u.line, u.column]), [['#molotov', 3, 4]]);
    assert.deepEqual(index.diagnostics.map((d) => [d.code, d.span.line, d.span.column]), [['TEI-REF-004', 3, 4]]);
  });

  it('--check exits 0 when every ref resolves, and 2 (usage) for a missing folder', async () => {
    assert.equal((await run(['persons', '--tei', dir, '--check'])).code, 0);
    assert.equal((await run(['persons', '--tei', join(dir, 'nope'), '--check'])).code, 2);
  });
});

/** An empty Schematron and a schema that takes any element in `cwd`: validate with them reports only references. */
function writeReferenceOnlySchemas(cwd: string): void {
  writeFileSync(join(cwd, 'empty.sch'), '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"/>');
  writeFileSync(
    join(cwd, 'any.rng'),
    '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="any"/></start><define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element></define></grammar>',
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
