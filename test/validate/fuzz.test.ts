/**
 * Fuzzing (fontoxpath's oracle): random bytes and random XML-ish text fed to validate and transform give only our
 * own findings (codes TEI-…), never an exception, whatever the input holds.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { transform } from '../../src/transform/index.js';
import { validate } from '../../src/validate/index.js';
import { ROOT } from './helpers.js';

const PIECES = [
  '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.0" encoding="x-nope"?>',
  '<TEI xmlns="http://www.tei-c.org/ns/1.0">', '</TEI>', '<teiHeader>', '</teiHeader>', '<text>', '</text>', '<body>', '</body>',
  '<p>', '</p>', '<p n="1" xml:id="p1">', '<persName ref="../persons.xml#x">', '<persName ref="/dev/zero#x">', '</persName>',
  '<ref target="../../../../etc/passwd.xml#a"/>', '<date when="1941-13-45">', '</date>', '<a:b xmlns:a="urn:a">', '</a:b>', '<q:r/>',
  '&amp;', '&bogus;', '&#0;', '&#x1F600;', '<!DOCTYPE TEI [<!ENTITY e "x&e;">]>', '<!DOCTYPE TEI SYSTEM "http://example.org/x.dtd">',
  '<![CDATA[', ']]>', '<?pi body?>', '<!--', '-->', '\u0000', '\u001b[31m', '\uFFFE', '\uD800', '"', "'", '<', '>', '=', ' ', '\n',
  'xml:id="a"', 'xml:id="a"', '<hi>', '</hi>', '<lb/>', '<note place="foot">', '</note>',
];

const xmlish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));

function edition(content: Uint8Array | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-fuzz-'));
  mkdirSync(join(dir, 'vol'));
  writeFileSync(join(dir, 'persons.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson><person xml:id="x"><persName>X</persName></person></listPerson></body></text></TEI>');
  writeFileSync(join(dir, 'vol/001.xml'), content);
  return dir;
}

function onlyOurs(codes: string[]): void {
  for (const c of codes) assert.match(c, /^TEI-[A-Z]+-\d{3}$/);
}

describe('fuzz: only our own diagnostics come out of validate and transform', function () {
  this.timeout(240000);
  const schema = join(ROOT, 'schema/chancery.rng');
  const schematron = join(ROOT, 'schema/chancery.sch');

  for (const [name, input] of [
    ['random bytes', fc.uint8Array({ maxLength: 400 })],
    ['random XML-ish text', xmlish],
    ['random XML-ish text in UTF-16', xmlish.map((s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))],
  ] as const) {
    it(`validate, ${name}`, async function () {
      await fc.assert(
        fc.asyncProperty(input as fc.Arbitrary<string | Uint8Array>, fc.boolean(), async (content, withSchematron) => {
          const dir = edition(content);
          try {
            const report = await validate([dir], { schema, ...(withSchematron ? { schematron } : {}), cwd: dir });
            onlyOurs(report.files.flatMap((f) => f.diagnostics.map((d) => d.code)));
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: 60 },
      );
    });

    it(`transform, ${name}`, async function () {
      await fc.assert(
        fc.asyncProperty(input as fc.Arbitrary<string | Uint8Array>, fc.constantFrom('html', 'text', 'csv'), async (content, to) => {
          const dir = edition(content);
          try {
            const report = await transform([join(dir, 'vol'), join(dir, 'persons.xml')], { to: to as 'html', outDir: join(dir, 'out') });
            onlyOurs(report.diagnostics.map((d) => d.code));
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
