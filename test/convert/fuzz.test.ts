/**
 * Fuzzing convert (issue 15; fontoxpath's oracle): random bytes and random text — stray bytes, byte order marks,
 * UTF-16, controls, noncharacters, lone surrogates, among the pieces of real letters — fed to `convert()` and to the
 * CLI's `convert` give only our own diagnostics (TEI-…) and our own errors, never an internal error, and TEI that is
 * valid against chancery.rng. (test/convert/properties.test.ts holds the properties of well-made text: words kept,
 * determinism.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { convert, serializeTei } from '../../src/convert/index.js';
import { ChanceryError } from '../../src/diagnostics/diagnostic.js';
import { chanceryErrors } from '../helpers/schema.js';
import { run } from '../helpers/cli.js';

const TEXT_PIECES = ['Dear Sir,\n\n', 'My dear Welles,\n\n', 'Herr Müller came — twice.\n', 'December 23, 1941.\n\n', 'Yours very sincerely,\nSTALIN\n', '¹ ', '[footnoteRef:1]', '*', '\r\n', '\n\n', '\t'];
const ODD_BYTES = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x92], [0x81], [0xe9], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0x00], [0x07], [0x1b], [0x0c], [0xef, 0xbf, 0xbe]];

const bytes = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TEXT_PIECES).map((s) => Buffer.from(s)) },
      { weight: 2, arbitrary: fc.constantFrom(...ODD_BYTES).map((b) => Buffer.from(b)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b)) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => Buffer.concat(parts));

const text = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TEXT_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { maxLength: 40 })
  .map((parts) => parts.join(''));

const inputs = fc.oneof(
  bytes,
  text,
  text.map((s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])),
  text.map((s) => Buffer.from(s, 'utf16le').swap16()),
);

/** Only our own codes; every document valid against chancery.rng (so well-formed). */
function checkConversion(input: string | Uint8Array): void {
  let result: ReturnType<typeof convert>;
  try {
    result = convert(input, { fileName: 'fuzz.txt', generatedOn: '2026-01-01' });
  } catch (e) {
    assert.ok(e instanceof ChanceryError, `not our error: ${String(e)}`);
    assert.match(e.code, /^TEI-IN-00[345]$/);
    return;
  }
  for (const d of result.diagnostics) assert.match(d.code, /^TEI-[A-Z]+-\d{3}$/);
  for (const doc of result.documents) {
    const xml = serializeTei(doc, { generatedOn: '2026-01-01' });
    assert.deepEqual(chanceryErrors(xml), [], xml);
  }
}

describe('fuzz: only our own diagnostics come out of convert', function () {
  this.timeout(300000);

  it('convert(), random bytes and text in UTF-8, Windows-1252 and UTF-16: our codes, valid TEI', () => {
    fc.assert(fc.property(inputs, checkConversion), { numRuns: 250 });
  });

  it('convert() of a string with any characters at all: our codes, valid TEI', () => {
    fc.assert(fc.property(text, checkConversion), { numRuns: 150 });
  });

  it("the CLI's convert, random bytes: exit 0 or 3, each error one line of ours, never an internal error", async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (content) => {
        const dir = mkdtempSync(join(tmpdir(), 'chancery-fuzz-convert-'));
        try {
          writeFileSync(join(dir, 'in.txt'), content);
          const r = await run(['convert', join(dir, 'in.txt'), '--out', join(dir, 'tei'), '--quiet'], dir);
          assert.ok(r.code === 0 || r.code === 3, `exit ${r.code}: ${r.stderr}`);
          assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
          for (const line of r.stderr.split('\n').filter(Boolean)) assert.match(line, /^chancery convert: error: .*in\.txt.* \[TEI-IN-\d{3}\]$/);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 12 },
    );
  });
});
