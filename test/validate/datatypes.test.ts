/**
 * Our XSD datatypes judge values as jing does: every (type, value) pair below is validated by jing in one run
 * (a generated schema with one element per type) and must get the same verdict from makeDatatype().
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDatatype, translateXsdRegex, XSD_LIBRARY } from '../../src/validate/rng/datatypes.js';
import { haveJing, runJing, skipBecause, tempDir } from './helpers.js';

const CASES: Record<string, string[]> = {
  anyURI: ['', 'a b', 'a]b', 'a[b', 'a>b', 'http://[::1]/x', '//[x]/y', 'a/[b]', 'a?b]', '#a]', 'a%20b', 'a%2', ':a', 'a:', 'mailto:', 'http://[x]/y', '//[::1]/y', 'http://a]b/', 'a:b]', 'http://[::1', 'http://h/[x]', 'a:[x]', '%4g', 'a#b#c', '1a:b', 'a+b:c', 'http:x', '../persons.xml#stalin-j', ' spaced '],
  date: ['1941-07-18', '1941-7-18', '1941-02-29', '1940-02-29', '0000-01-01', '-0532-03-01', '12345-01-01', '01941-01-01', '1941-07-18Z', '1941-07-18+14:00', '1941-07-18+14:01', '1941-13-01', ' 1941-07-18 '],
  gYearMonth: ['1941-07', '-532-03', '-0532-03', '1941-00', '1941-7'],
  gYear: ['1941', '194', '-0001', '0000', '+1941'],
  gMonthDay: ['--02-29', '--02-30', '--06-04', '--6-4'],
  gMonth: ['--11', '--13', '--11--'],
  gDay: ['---31', '---32', '---1'],
  dateTime: ['1941-07-18T10:00:00', '1941-07-18T24:00:00', '1941-07-18T24:00:01', '1941-07-18T10:00', '1941-07-18T10:00:00.5Z'],
  time: ['10:00:00', '25:00:00', '10:60:00', '10:00', '24:00:00', '23:59:60', '10:00:60', '10:00:61'],
  duration: ['P1Y', 'P', 'PT', 'P1YT', 'PT1H', '-P1D', 'P1.5Y', 'PT1.5S'],
  boolean: ['true', 'false', '1', '0', 'TRUE', ' true '],
  decimal: ['1', '-1.5', '.5', '5.', '+.5', '1e3', ''],
  double: ['1e3', 'INF', '-INF', '+INF', 'NaN', '1.', '.e1'],
  nonNegativeInteger: ['0', '-0', '+5', '-1', '1.0'],
  positiveInteger: ['1', '0', '+0', '007'],
  NCName: ['a', 'a:b', '1a', '_a', 'é', 'a-b.c', 'http://x'],
  Name: ['a:b', ':a', '1a', 'a b'],
  language: ['en', 'en-GB', 'x-klingon', 'english-language', 'e1', ''],
  token: ['', 'a  b'],
};

describe('XSD datatypes against jing', function () {
  it('gives jing’s verdict on every case', function () {
    if (!haveJing()) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    const dir = tempDir('datatypes');
    const types = Object.keys(CASES);
    const rng = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="${XSD_LIBRARY}"><start><choice>${types
      .map((t) => `<element name="${t}"><data type="${t}"/></element>`)
      .join('')}</choice></start></grammar>`;
    const schema = join(dir, 'types.rng');
    writeFileSync(schema, rng);
    const files: { file: string; type: string; value: string }[] = [];
    for (const [type, values] of Object.entries(CASES)) {
      values.forEach((value, i) => {
        const file = join(dir, `${type}-${i}.xml`);
        const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        writeFileSync(file, `<${type}>${escaped}</${type}>`);
        files.push({ file, type, value });
      });
    }
    const jing = runJing(schema, files.map((f) => f.file));
    const wrong = files
      .filter((f) => makeDatatype(XSD_LIBRARY, f.type).allows(f.value) !== (jing.get(f.file)!.size === 0))
      .map((f) => `${f.type} ${JSON.stringify(f.value)}: jing ${jing.get(f.file)!.size === 0 ? 'accepts' : 'rejects'}`);
    assert.deepEqual(wrong, []);
  });

  it('translates XSD regular expressions (\\d is any digit, \\s the XML spaces, \\- an escape anywhere)', function () {
    assert.ok(translateXsdRegex('(\\-?[\\d]+/\\-?[\\d]+)').test('-12/٣'));
    assert.ok(!translateXsdRegex('\\S+').test('a b'));
    assert.ok(translateXsdRegex('[^\\p{C}\\p{Z}]+').test('abc'));
    assert.ok(!translateXsdRegex('a$').test('a$x'));
  });
});
