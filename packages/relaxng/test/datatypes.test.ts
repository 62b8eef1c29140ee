/**
 * Datatypes and facets against jing's verdicts: every (type, parameters, value) below is validated by jing in
 * one run (a generated schema with one element per case) and must get the same verdict from our engine;
 * `<value>` patterns are compared in value space the same way; and schemas with wrong parameters must be
 * refused (or accepted) by both. Without jing, the cases still run against the verdicts written beside them.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSchema, SchemaError, translateXsdRegex, validateText, XSD_LIBRARY, XsdRegexError } from '../src/index.js';
import { haveJing, jingInvalid, skipBecause, tempDir } from './helpers.js';

interface Case {
  type: string;
  params?: Record<string, string>;
  /** Values and whether they are valid (as jing judges them: checked below when jing is there). */
  values: [string, boolean][];
}

const LEXICAL: Case[] = [
  { type: 'byte', values: [['127', true], ['128', false], ['-128', true], ['-129', false], ['+1', true], ['01', true], [' 5 ', true], ['1.0', false]] },
  { type: 'unsignedByte', values: [['255', true], ['256', false], ['-0', true], ['-1', false]] },
  { type: 'short', values: [['32767', true], ['32768', false], ['-32768', true]] },
  { type: 'unsignedShort', values: [['65535', true], ['65536', false]] },
  { type: 'int', values: [['2147483647', true], ['2147483648', false], ['-2147483648', true], ['-2147483649', false]] },
  { type: 'unsignedInt', values: [['4294967295', true], ['4294967296', false]] },
  { type: 'long', values: [['9223372036854775807', true], ['9223372036854775808', false], ['-9223372036854775808', true]] },
  { type: 'unsignedLong', values: [['18446744073709551615', true], ['18446744073709551616', false]] },
  { type: 'integer', values: [['123456789012345678901234567890', true], ['1e3', false], ['', false]] },
  { type: 'negativeInteger', values: [['-1', true], ['0', false], ['-0', false]] },
  { type: 'nonPositiveInteger', values: [['0', true], ['-0', true], ['+0', true], ['1', false]] },
  { type: 'hexBinary', values: [['', true], ['0F', true], ['0f', true], ['F', false], ['0G', false], [' 00ff ', true]] },
  { type: 'base64Binary', values: [['', true], ['AQID', true], ['AQI=', true], ['AQ==', true], ['A Q I D', true], ['AQ=', false], ['AR==', false], ['AQID====', false]] },
  { type: 'NMTOKENS', values: [['a b', true], ['', false], ['  a  ', true], ['a,b', false], ['a b!', false]] },
  { type: 'QName', values: [['a', true], ['x:a', false], ['xml:lang', true], [':a', false]] },
  { type: 'ENTITY', values: [['a', false]] },
  { type: 'decimal', values: [['1', true], ['-1.5', true], ['.5', true], ['5.', true], ['+.5', true], ['1e3', false], ['', false], ['.', false]] },
  { type: 'float', values: [['1e3', true], ['INF', true], ['-INF', true], ['NaN', true], ['1.5E-3', true], ['1,5', false]] },
  { type: 'boolean', values: [['true', true], ['1', true], ['TRUE', false], [' false ', true]] },
  {
    type: 'anyURI',
    values: [
      ['', true], ['a b', true], ['a]b', false], ['a[b', false], ['a>b', true], ['http://[::1]/x', true], ['//[x]/y', false], ['a/[b]', false],
      ['a?b]', true], ['#a]', true], ['a%20b', true], ['a%2', false], [':a', false], ['a:', false], ['mailto:', false], ['http://a]b/', false],
      ['a:b]', true], ['http://h/[x]', false], ['%4g', false], ['a#b#c', false], ['1a:b', false], ['a+b:c', true], ['http:x', true],
      ['../persons.xml#stalin-j', true], ['../]]>persons.xml#x', false], [' spaced ', true],
    ],
  },
  { type: 'language', values: [['en-GB', true], ['x-klingon', true], ['english-language', true], ['', false]] },
  { type: 'duration', values: [['P1Y', true], ['P', false], ['PT', false], ['-P1D', true], ['P1.5Y', false], ['PT1.5S', true]] },
  { type: 'gYear', values: [['1941', true], ['0000', false], ['-0001', true], ['+1941', false], ['19410', true], ['01941', false]] },
  { type: 'time', values: [['10:00:00', true], ['24:00:00', false], ['23:59:60', true], ['10:00:00.123Z', true], ['10:00:00+14:01', false]] },
  { type: 'date', values: [['1941-02-29', false], ['1940-02-29', true], ['2000-02-29', true], ['1900-02-29', false]] },
  { type: 'NCName', values: [['a', true], ['a:b', false], ['é', true], ['\u0e35a', false], ['a\u0e35', true]] },
];

const FACETS: Case[] = [
  { type: 'integer', params: { minInclusive: '1', maxExclusive: '10' }, values: [['0', false], ['1', true], ['9', true], ['10', false], ['09', true]] },
  { type: 'integer', params: { minExclusive: '-1', maxInclusive: '1' }, values: [['-1', false], ['0', true], ['1', true], ['2', false]] },
  { type: 'decimal', params: { totalDigits: '3', fractionDigits: '1' }, values: [['12.3', true], ['1.23', false], ['123', true], ['1234', false], ['012.30', false], ['012.3', true], ['1.00', false], ['0.1', true]] },
  { type: 'decimal', params: { minInclusive: '0.5', maxInclusive: '1.5' }, values: [['0.49', false], ['0.50', true], ['1.5', true], ['1.51', false]] },
  { type: 'string', params: { length: '3' }, values: [['abc', true], ['ab', false], ['a\u{1F600}c', true], [' ab', true]] },
  { type: 'token', params: { minLength: '2', maxLength: '3' }, values: [['a', false], ['ab', true], [' ab ', true], ['abcd', false]] },
  { type: 'NMTOKENS', params: { length: '2' }, values: [['a b', true], ['a b c', false], ['a', false]] },
  { type: 'hexBinary', params: { length: '2' }, values: [['0F0F', true], ['0F', false]] },
  { type: 'base64Binary', params: { minLength: '2' }, values: [['AQID', true], ['AQ==', false]] },
  { type: 'date', params: { minInclusive: '1941-01-01' }, values: [['1940-12-31', false], ['1941-01-01', true], ['1941-06-01', true]] },
  { type: 'dateTime', params: { maxExclusive: '1941-07-18T10:00:00Z' }, values: [['1941-07-18T09:59:59Z', true], ['1941-07-18T11:00:00+01:00', false], ['1941-07-18T10:30:00+01:00', true]] },
  { type: 'duration', params: { maxInclusive: 'P1Y' }, values: [['P1Y', true], ['P11M', true], ['P12M', false], ['P1Y0M', true], ['P13M', false], ['P365D', false], ['P364D', true], ['PT1H', true], ['P1Y1D', false]] },
  { type: 'double', params: { minExclusive: '0' }, values: [['0', false], ['-0', false], ['1e-300', true], ['INF', true], ['-INF', false]] },
  { type: 'gYear', params: { maxInclusive: '1945' }, values: [['1945', true], ['1946', false]] },
  { type: 'token', params: { pattern: '[A-Z]{2}-\\d+' }, values: [['AB-12', true], ['ab-12', false], ['AB-١٢', true]] },
  { type: 'token', params: { pattern: '[a-z-[aeiou]]+' }, values: [['bcd', true], ['bad', false]] },
  { type: 'token', params: { pattern: '\\p{IsBasicLatin}+' }, values: [['abc', true], ['é', false]] },
  { type: 'token', params: { pattern: '\\p{Lu}\\P{Lu}' }, values: [['Ab', true], ['AB', false]] },
  { type: 'token', params: { pattern: '\\i\\c*' }, values: [['a1', true], ['1a', false], ['a:b', true]] },
  { type: 'token', params: { pattern: '[^\\s]+' }, values: [['ab', true], ['a b', false]] },
  { type: 'token', params: { pattern: '\\w+' }, values: [['abc', true], ['a.b', false]] },
  { type: 'token', params: { pattern: 'a|b*' }, values: [['a', true], ['bbb', true], ['', true], ['ab', false]] },
  { type: 'token', params: { pattern: '[\\-a]+' }, values: [['-a-', true], ['b', false]] },
  { type: 'token', params: { pattern: '\\^\\.\\{\\}' }, values: [['^.{}', true], ['^x{}', false]] },
  { type: 'token', params: { pattern: '^a$' }, values: [['^a$', true], ['a', false]] },
];

/** Schemas whose parameters are wrong (or look wrong but are not): both engines must agree whether to compile them. */
const PARAMETER_SCHEMAS: { type: string; params: [string, string][]; library?: string }[] = [
  { type: 'byte', params: [['maxInclusive', '200']] },
  { type: 'byte', params: [['maxInclusive', '100']] },
  { type: 'string', params: [['minLength', '5'], ['maxLength', '2']] },
  { type: 'integer', params: [['fractionDigits', '1']] },
  { type: 'integer', params: [['fractionDigits', '0']] },
  { type: 'decimal', params: [['totalDigits', '0']] },
  { type: 'string', params: [['length', '3'], ['minLength', '2']] },
  { type: 'integer', params: [['minInclusive', '1'], ['minExclusive', '0']] },
  { type: 'decimal', params: [['fractionDigits', '3'], ['totalDigits', '2']] },
  { type: 'string', params: [['pattern', '\\b']] },
  { type: 'string', params: [['pattern', '[a-']] },
  { type: 'string', params: [['pattern', 'a{2,1}']] },
  { type: 'string', params: [['pattern', '\\p{IsNoSuchBlock}']] },
  { type: 'string', params: [['pattern', '\\p{IsGreek}']] },
  { type: 'string', params: [['pattern', 'a{']] },
  { type: 'string', params: [['pattern', '\\$']] },
  { type: 'string', params: [['pattern', '[a-z-[aeiou]x]']] },
  { type: 'string', params: [['pattern', '[--a]']] },
  { type: 'token', params: [['enumeration', 'a']] },
  { type: 'token', params: [['whiteSpace', 'collapse']] },
  { type: 'string', params: [['totalDigits', '2']] },
  { type: 'date', params: [['minInclusive', 'yesterday']] },
  { type: 'double', params: [['minInclusive', '2'], ['maxInclusive', '1']] },
  { type: 'string', params: [['maxLength', '2'], ['maxLength', '3']] },
  { type: 'string', params: [['pattern', 'a'], ['pattern', 'b']] },
  { type: 'token', params: [['length', '-1']] },
  { type: 'boolean', params: [['minInclusive', 'true']] },
  { type: 'token', params: [['minLength', '1']], library: '' },
  { type: 'integer', params: [], library: '' },
  { type: 'noSuchType', params: [] },
];

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
const paramXml = (params: [string, string][]): string => params.map(([n, v]) => `<param name="${n}">${escape(v)}</param>`).join('');

/** One schema with an element per case; files named by case and value. */
function lexicalSuite(cases: Case[], dir: string): { schema: string; files: { file: string; text: string; expected: boolean; what: string }[] } {
  const elements = cases.map((c, i) => `<element name="c${i}"><data type="${c.type}">${paramXml(Object.entries(c.params ?? {}))}</data></element>`);
  const schema = join(dir, 'types.rng');
  writeFileSync(schema, `<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="${XSD_LIBRARY}"><start><choice>${elements.join('')}</choice></start></grammar>`);
  const files = cases.flatMap((c, i) =>
    c.values.map(([value, expected], k) => {
      const file = join(dir, `c${i}-${k}.xml`);
      const text = `<c${i}>${escape(value)}</c${i}>`;
      writeFileSync(file, text);
      return { file, text, expected, what: `${c.type}${c.params ? ' ' + JSON.stringify(c.params) : ''} ${JSON.stringify(value)}` };
    }),
  );
  return { schema, files };
}

function compareWithJing(ctx: Mocha.Context, cases: Case[], label: string): void {
  const dir = tempDir(label);
  const { schema, files } = lexicalSuite(cases, dir);
  const ours = compileSchema(schema, { checkIds: false });
  const wrong: string[] = [];
  const jing = haveJing() ? jingInvalid(schema, files.map((f) => f.file), ['-i']) : undefined;
  for (const f of files) {
    const mine = validateText(ours, f.text, { file: f.file }).valid;
    if (mine !== f.expected) wrong.push(`${f.what}: ours ${mine ? 'valid' : 'invalid'}, written ${f.expected ? 'valid' : 'invalid'}`);
    if (jing && jing.has(f.file) === f.expected) wrong.push(`${f.what}: jing ${f.expected ? 'rejects' : 'accepts'}, written ${f.expected ? 'valid' : 'invalid'}`);
  }
  if (!jing) console.log('      (jing absent: compared with the verdicts written in the test)');
  assert.deepEqual(wrong, []);
  void ctx;
}

describe('XSD datatypes against jing', function () {
  it('lexical spaces of every built-in type give jing’s verdicts', function () {
    compareWithJing(this, LEXICAL, 'lexical');
  });

  it('facets (length, min/max, digits, patterns) give jing’s verdicts', function () {
    compareWithJing(this, FACETS, 'facets');
  });

  it('<value> compares in value space as jing does (01 = 1, QNames by namespace, instants across timezones)', function () {
    const dir = tempDir('values');
    const cases: [string, string, string, string, boolean][] = [
      // type, schema value, instance value, instance namespace declarations, equal?
      ['integer', '1', '01', '', true],
      ['integer', '1', '+1', '', true],
      ['integer', '1', '1.0', '', false],
      ['decimal', '1.0', '1', '', true],
      ['decimal', '1.0', '01.00', '', true],
      ['double', '1e2', '100', '', true],
      ['double', '1e2', 'INF', '', false],
      ['boolean', 'true', '1', '', true],
      ['boolean', 'true', 'TRUE', '', false],
      ['QName', 'x:a', 'y:a', 'xmlns:y="urn:x"', true],
      ['QName', 'x:a', 'x:a', 'xmlns:x="urn:other"', false],
      ['date', '1941-07-18', '1941-07-18Z', '', false],
      ['dateTime', '1941-07-18T10:00:00Z', '1941-07-18T12:00:00+02:00', '', true],
      ['hexBinary', '0f', '0F', '', true],
      ['base64Binary', 'AQID', 'A Q I D', '', true],
      ['string', 'a b', 'a  b', '', false],
      ['token', 'a b', ' a  b ', '', true],
      ['NMTOKENS', 'a b', ' a   b ', '', true],
      ['duration', 'P1D', 'PT24H', '', false],
      ['duration', 'P1D', 'P1DT0H', '', true],
      ['duration', 'PT1.0S', 'PT1S', '', true],
      ['duration', 'P1M', 'P30D', '', false],
      ['float', '0.1', '0.100000001', '', true],
    ];
    const elements = cases.map(([type, value], i) => `<element name="v${i}"><value type="${type}">${escape(value)}</value></element>`);
    const schema = join(dir, 'values.rng');
    writeFileSync(schema, `<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:x="urn:x" datatypeLibrary="${XSD_LIBRARY}"><start><choice>${elements.join('')}</choice></start></grammar>`);
    const files = cases.map(([, , instance, ns], i) => {
      const file = join(dir, `v${i}.xml`);
      const text = `<v${i}${ns ? ' ' + ns : ''}>${escape(instance)}</v${i}>`;
      writeFileSync(file, text);
      return { file, text };
    });
    const ours = compileSchema(schema, { checkIds: false });
    const jing = haveJing() ? jingInvalid(schema, files.map((f) => f.file), ['-i']) : undefined;
    const wrong: string[] = [];
    cases.forEach(([type, value, instance, ns, equal], i) => {
      const mine = validateText(ours, files[i]!.text, { file: files[i]!.file }).valid;
      const what = `${type} ${value} vs ${instance}${ns ? ` (${ns})` : ''}`;
      if (mine !== equal) wrong.push(`${what}: ours ${mine ? 'equal' : 'different'}`);
      if (jing && jing.has(files[i]!.file) === equal) wrong.push(`${what}: jing ${equal ? 'different' : 'equal'}`);
    });
    assert.deepEqual(wrong, []);
  });

  it('refuses the schemas jing refuses for their parameters, and compiles the others', async function () {
    if (!haveJing()) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    const dir = tempDir('params');
    const schemas = PARAMETER_SCHEMAS.map((c, i) => {
      const file = join(dir, `p${i}.rng`);
      const library = c.library ?? XSD_LIBRARY;
      writeFileSync(file, `<element name="a" xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="${library}"><data type="${c.type}">${paramXml(c.params)}</data></element>`);
      return { file, what: `${library === '' ? 'built-in ' : ''}${c.type} ${JSON.stringify(c.params)}` };
    });
    const jingCompiles = async (file: string): Promise<boolean> =>
      new Promise((resolve) => spawn('jing', [file], { stdio: 'ignore' }).on('close', (code) => resolve(code === 0)));
    const verdicts: boolean[] = [];
    for (let i = 0; i < schemas.length; i += 2) verdicts.push(...(await Promise.all(schemas.slice(i, i + 2).map((s) => jingCompiles(s.file)))));
    const wrong: string[] = [];
    schemas.forEach((s, i) => {
      let ours = true;
      try {
        compileSchema(s.file);
      } catch (e) {
        if (!(e instanceof SchemaError)) throw e;
        ours = false;
      }
      if (ours !== verdicts[i]) wrong.push(`${s.what}: jing ${verdicts[i] ? 'compiles' : 'refuses'}, ours ${ours ? 'compiles' : 'refuses'}`);
    });
    assert.deepEqual(wrong, []);
  });

  it('translates XSD regular expressions exactly: anchored, XSD escapes, illegal escapes refused', function () {
    assert.ok(translateXsdRegex('(\\-?[\\d]+/\\-?[\\d]+)').test('-12/٣'));
    assert.ok(!translateXsdRegex('\\S+').test('a b'));
    assert.ok(translateXsdRegex('[^\\p{C}\\p{Z}]+').test('abc'));
    assert.ok(!translateXsdRegex('a$').test('a$x'));
    assert.ok(translateXsdRegex('[a-z-[aeiou]]+').test('xyz'));
    assert.ok(!translateXsdRegex('[a-z-[aeiou]]+').test('xaz'));
    assert.ok(translateXsdRegex('\\p{IsGreek}+').test('αβγ'));
    assert.ok(!translateXsdRegex('.').test('\n'));
    for (const bad of ['\\b', '\\x41', 'a{', '(a', '[a', 'a**', '\\p{Foo}', '[z-a]', '\\p{IsKlingon}']) {
      assert.throws(() => translateXsdRegex(bad), XsdRegexError, bad);
    }
  });
});
