/**
 * The CMIF rules, checked by `checkCmif`: the export of the fixtures breaks none of them, and each rule
 * finds its own breach in a mutated export (asserted on codes, never on messages).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCmif, transform, TransformCodes } from '../../src/transform/index.js';
import { cleanup, FIXTURE_CONFIG, FIXTURE_TEI, tempDir } from './helpers.js';

describe('transform cmif check', () => {
  let cmif = '';
  before(async () => {
    const out = tempDir();
    const report = await transform([FIXTURE_TEI], { to: 'cmif', outDir: out, config: FIXTURE_CONFIG });
    cmif = readFileSync(join(out, 'cmif.xml'), 'utf8');
    assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error'), []);
  });
  after(cleanup);

  const codes = (xml: string) => checkCmif(xml, 'cmif.xml').filter((d) => d.severity === 'error').map((d) => d.code);

  it('the export keeps every rule, and warns by name about correspondents without authority ids', () => {
    const found = checkCmif(cmif, 'cmif.xml');
    assert.deepEqual(found.filter((d) => d.severity === 'error'), []);
    const warnings = found.filter((d) => d.code === TransformCodes.cmifNoAuthority);
    assert.equal(warnings.length, 3, 'Wilson, Eden, the Secretary of State; never Unknown');
    assert.ok(warnings.some((w) => w.message.includes('"G. Wilson"')) && warnings.some((w) => w.message.includes('"Anthony Eden"')));
    assert.ok(warnings.every((w) => w.span && w.span.line > 1));
  });

  it('every letter has sent and received actions, a URL and a source bibl', () => {
    assert.equal((cmif.match(/<correspDesc /g) ?? []).length, 4, 'the article has no correspDesc');
    assert.equal((cmif.match(/<correspAction type="sent">/g) ?? []).length, 4);
    assert.equal((cmif.match(/<correspAction type="received">/g) ?? []).length, 4);
    assert.match(cmif, /<correspAction type="sent">\s*<persName>Unknown<\/persName>\s*<date when="1944-10-02"\/>/);
    assert.match(cmif, /<persName>the Secretary of State<\/persName>/);
    assert.match(cmif, /<correspDesc ref="https:\/\/edition\.example\.test\/documents\/1941-07-18-stalin-to-churchill\.html" source="#source-1">/);
    assert.match(cmif, /<persName ref="http:\/\/viaf\.org\/viaf\/101787139">J\. V\. Stalin<\/persName>/);
    assert.match(cmif, /<placeName ref="https:\/\/www\.geonames\.org\/524901">Moscow<\/placeName>/);
    assert.match(cmif, /<date when="2023-11-14T22:13:20Z"\/>|<date when="\d{4}-\d{2}-\d{2}T[\d:]+Z"\/>/);
  });

  const mutations: [string, string, string | RegExp, string][] = [
    ['header without editor email', TransformCodes.cmifHeader, /<email>[^<]*<\/email>/, ''],
    ['licence other than CC-BY 4.0', TransformCodes.cmifHeader, 'licenses/by/4.0/', 'licenses/by-nc/4.0/'],
    ['no idno type=url', TransformCodes.cmifHeader, '<idno type="url">', '<idno type="other">'],
    ['bibl of another type', TransformCodes.cmifBibl, 'bibl type="print"', 'bibl type="archival"'],
    ['source naming no bibl', TransformCodes.cmifCorrespRef, 'source="#source-1"', 'source="#nowhere"'],
    ['correspDesc without URL', TransformCodes.cmifCorrespRef, /ref="https:\/\/edition\.example\.test\/documents\/1941-07-18-stalin-to-churchill\.html"/, ''],
    ['no received action', TransformCodes.cmifAction, /<correspAction type="received">[\s\S]*?<\/correspAction>/, ''],
    ['a note inside an action', TransformCodes.cmifActionChild, '<date when="1941-07-18"/>', '<date when="1941-07-18"/><note>x</note>'],
    ['a date with a time', TransformCodes.cmifDate, '<date when="1941-07-18"/>', '<date when="1941-07-18T10:00"/>'],
    ['a date with @cert', TransformCodes.cmifDate, '<date when="1941-07-18"/>', '<date when="1941-07-18" cert="low"/>'],
    ['a person ref that is no authority', TransformCodes.cmifAuthorityForm, 'http://viaf.org/viaf/101787139', 'https://example.org/stalin'],
    ['a place ref that is not GeoNames', TransformCodes.cmifPlaceRef, 'https://www.geonames.org/524901', 'https://www.openstreetmap.org/relation/1'],
  ];
  for (const [what, code, from, to] of mutations) {
    it(`finds ${what} (${code})`, () => {
      const mutated = cmif.replace(from, to);
      assert.notEqual(mutated, cmif, 'the mutation applies');
      assert.ok(codes(mutated).includes(code), `expected ${code}, got ${codes(mutated).join(', ') || 'nothing'}`);
    });
  }

  it('reports a broken file instead of throwing', () => {
    assert.deepEqual(codes('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'), [TransformCodes.cmifNotTei]);
  });
});
