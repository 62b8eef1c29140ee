/**
 * A file checked as it is read, a chunk at a time, gets exactly the findings and facts of the same file read
 * whole: the positions of elements, attributes, ids and references are taken from a window of the text that
 * moves with the chunks, so chunks are cut here anywhere (inside names, attribute values, line ends, surrogate
 * pairs) and the results compared with a whole read.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkFile, prepare, type CheckConfig } from '../../src/validate/check-file.js';
import { idsOf, referencesOf } from '../../src/validate/facts.js';
import { parseXml, parseXmlChunks, type ReadFacts } from '../../src/validate/parse.js';
import { compileSchema } from '../../src/validate/relaxng.js';
import { FIXTURES, ROOT, tempDir } from './helpers.js';

const RNG = join(ROOT, 'schema/chancery.rng');

function xmlFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const full = join(dir, e);
    if (statSync(full).isDirectory()) out.push(...xmlFilesIn(full));
    else if (e.endsWith('.xml')) out.push(full);
  }
  return out;
}

function* cut(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Everything a read gives that a check uses: findings, the schema's findings, ids and references. */
function summary(file: string, read: ReadFacts, schemaFindings: unknown[]): unknown {
  return {
    diagnostics: read.diagnostics,
    wellFormed: read.wellFormed,
    ids: [...idsOf(read.facts, file)],
    references: [...referencesOf(read.facts, file)],
    schemaFindings,
  };
}

/** Documents made to go wrong in every way a position can: bad attributes, tags across lines, CRLF, astral characters. */
function variants(text: string): string[] {
  return [
    text,
    text.replace(/\n/g, '\r\n'),
    text.replace(/<p( |>)/g, '<p\n   bogus="1"$1'),
    text.replace(/<persName /g, '<persName\n\tcert="oops" '),
    text.replace(/ n="(\d+)"/g, ' n="$1" xml:id="dup"'),
    text.replace(/\.(\s)/g, '.\u{1F600}$1'),
    text.replace(/<\/p>/, '</q>'),
  ];
}

describe('validate: a file read in chunks', function () {
  let schema: Awaited<ReturnType<typeof compileSchema>>;
  before(async function () {
    schema = await compileSchema(RNG);
  });

  function both(file: string, text: string, size: number): [unknown, unknown] {
    const wholeStream = schema.stream!();
    const whole = parseXml(file, text, { listener: wholeStream.listener, checkXmlIds: false });
    const chunkedStream = schema.stream!();
    const chunked = parseXmlChunks(file, cut(text, size), { listener: chunkedStream.listener, checkXmlIds: false });
    assert.ok(chunked, 'no DOCTYPE: read in chunks to the end');
    return [summary(file, chunked, chunkedStream.finish()), summary(file, whole, wholeStream.finish())];
  }

  it('gives the findings, ids and references of a whole read, cut anywhere (edition documents and their mutants)', function () {
    const files = [...xmlFilesIn(join(ROOT, 'tei')).slice(0, 6), ...xmlFilesIn(join(FIXTURES, 'edition'))];
    let findings = 0;
    for (const file of files) {
      for (const text of variants(readFileSync(file, 'utf8'))) {
        for (const size of [1, 3, 61, 4096]) {
          const [chunked, whole] = both(file, text, size);
          assert.deepEqual(chunked, whole, `${file}, chunks of ${size}`);
          findings += (whole as { schemaFindings: unknown[] }).schemaFindings.length;
        }
      }
    }
    assert.ok(findings > 100, `the mutants gave findings to compare (${findings})`);
  });

  it('gives the same on any XML-ish text (fast-check)', function () {
    const piece = fc.constantFrom('<TEI xmlns="http://www.tei-c.org/ns/1.0">', '</TEI>', '<p n="1">', '</p>', '<persName ref="../persons.xml#x">', '</persName>', '\n', '\r\n', ' ', 'text', '&amp;', '<lb/>', '<b\n a="1"\n xml:id="i1"/>', '\u{1F600}', '<!-- c -->', '<', '>', '"', '<![CDATA[x<y]]>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (parts, size) => {
        const text = parts.join('');
        const [chunked, whole] = both('x.xml', text, size) as { diagnostics: Diagnostic[]; schemaFindings: Diagnostic[]; wellFormed: boolean }[];
        if (whole!.wellFormed) assert.deepEqual(chunked, whole);
        else {
          // saxes itself places some errors of a malformed text (text outside the root, a tag left open before
          // the next: '<😀\r\n<TEI') where a chunk ends: the same findings, its and the schema's, not always at the
          // same column
          const withoutSpans = (r: { diagnostics: Diagnostic[]; schemaFindings: Diagnostic[] }): unknown => ({
            ...r,
            diagnostics: r.diagnostics.map((d) => [d.code, d.message]),
            schemaFindings: r.schemaFindings.map((d) => [d.code, d.message]),
          });
          assert.deepEqual(withoutSpans(chunked!), withoutSpans(whole!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a document with a DOCTYPE to a whole read', function () {
    assert.equal(parseXmlChunks('d.xml', cut('<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', 5)), undefined);
  });

  it('checkFile: findings of a file read in chunks of 3 bytes are those read in 1 MiB chunks, encoding problems placed as before', async function () {
    const dir = tempDir('chunks');
    const latin = join(dir, 'latin.xml');
    writeFileSync(latin, Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<TEI>\n'), Buffer.from('x'.repeat(5000)), Buffer.from('<p>caf\xe9</p></TEI>', 'latin1')]));
    const utf16 = join(dir, 'utf16.xml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p n="1">é\u{1F600}</p></TEI>', 'utf16le')]));
    const files = [latin, utf16, ...xmlFilesIn(join(FIXTURES, 'edition')), join(FIXTURES, 'bomb.xml'), join(FIXTURES, 'xxe.xml')];
    const config: CheckConfig = { schema: RNG };
    await prepare(config);
    for (const file of files) {
      assert.deepEqual(checkFile(file, { ...config, chunkBytes: 3 }), checkFile(file, config), file);
    }
    const bad = checkFile(latin, { ...config, chunkBytes: 3 });
    assert.deepEqual(bad.diagnostics.map((d) => [d.code, d.span?.line]), [['TEI-XML-002', 3]]);
  });
});
