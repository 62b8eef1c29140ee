/** Well-formedness, encoding, safety, Schematron and cross-file references, each asserted on codes and spans. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { validate, ValidateCodes, type FileResult } from '../../src/validate/index.js';
import { decodeXml, parseXml } from '../../src/validate/parse.js';
import { FIXTURES, ROOT, tempDir } from './helpers.js';
import { checkInProcess, checkSideBySide, MIN_FILES_PER_THREAD, threadCount } from '../../src/validate/pool.js';
import { walkXml } from '../../src/validate/files.js';
import { writeLargeTei } from '../helpers/large-tei.js';

const MINI = join(FIXTURES, 'mini.rng');

function codesAt(result: FileResult): string[] {
  return result.diagnostics.map((d) => `${d.code}@${d.span?.line}:${d.span?.column}`);
}

describe('well-formedness (saxes)', function () {
  it('reports 1-based line and column of the error', function () {
    const parsed = parseXml('x.xml', '<a>\n  <b></a>');
    assert.equal(parsed.wellFormed, false);
    assert.deepEqual(
      parsed.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column]),
      [[ValidateCodes.notWellFormed, 2, 9], [ValidateCodes.notWellFormed, 2, 9]].slice(0, parsed.diagnostics.length),
    );
  });

  it('gives element start tags 1-based spans from < to >', function () {
    const parsed = parseXml('x.xml', '<a>\n  <b\n   x="1"/></a>');
    const b = parsed.elements[1]!;
    assert.deepEqual(parsed.spanAt(b.start), { file: 'x.xml', line: 2, column: 3 });
    assert.deepEqual([b.tagEndLine, b.tagEndColumn], [3, 10]);
  });

  it('reports undecodable bytes at their line', function () {
    const result = decodeXml(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<TEI>\n<p>caf\xe9</p>', 'latin1'), 'l.xml');
    assert.ok('diagnostic' in result);
    assert.equal(result.diagnostic.code, ValidateCodes.badEncoding);
    assert.equal(result.diagnostic.span?.line, 3);
  });

  it('decodes a declared ISO-8859-1 file', function () {
    const result = decodeXml(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><p>caf\xe9</p>', 'latin1'), 'l.xml');
    assert.ok('text' in result && result.text.includes('café'));
  });
});

describe('safety', function () {
  it('refuses an entity-expansion bomb with a clear error, without expanding it', async function () {
    const report = await validate([join(FIXTURES, 'bomb.xml')], { schema: MINI, references: false, jobs: 1 });
    const codes = report.files[0]!.diagnostics.map((d) => d.code);
    assert.ok(codes.includes(ValidateCodes.entityDeclarationRefused), codes.join());
    assert.equal(report.files[0]!.valid, false);
  });

  it('refuses external entities (XXE): nothing is read from the system', async function () {
    const report = await validate([join(FIXTURES, 'xxe.xml')], { schema: MINI, references: false, jobs: 1 });
    const d = report.files[0]!.diagnostics;
    assert.ok(d.some((x) => x.code === ValidateCodes.entityDeclarationRefused && x.span?.line === 2));
    assert.ok(!JSON.stringify(d).includes('root:'));
  });

  it('refuses a file over the size limit before reading it', async function () {
    const report = await validate([join(FIXTURES, 'mini-valid.xml')], { schema: MINI, references: false, jobs: 1, maxFileBytes: 100 });
    assert.deepEqual(codesAt(report.files[0]!), [`${ValidateCodes.fileTooLarge}@1:1`]);
  });

  it('reports an encoding error instead of validating garbage', async function () {
    const report = await validate([join(FIXTURES, 'latin1-as-utf8.xml')], { schema: MINI, references: false, jobs: 1 });
    assert.deepEqual(codesAt(report.files[0]!), [`${ValidateCodes.badEncoding}@3:7`]);
  });
});

describe('Schematron (schema/chancery.sch)', function () {
  it('finds each rule at its element', async function () {
    const report = await validate([join(FIXTURES, 'schematron-bad.xml')], {
      schematron: join(ROOT, 'schema/chancery.sch'),
      references: false,
      jobs: 1,
    });
    const found = report.files[0]!.diagnostics.map((d) => `${/\(([a-zA-Z-]+)\)$/.exec(d.message)?.[1] ?? d.code}@${d.span?.line}`);
    assert.deepEqual(found.sort(), [
      'TEI-XML-005@13',
      'corresp-resolves@12',
      'date-iso@9',
      'date-order@9',
      'footnote-anchor@10',
      'letter-correspDesc@2',
      'persName-ref-form@8',
      'xml-id-unique@2',
    ]);
  });
});

describe('references across the edition', function () {
  it('resolves persName/@ref into persons.xml and pointers between documents', async function () {
    const report = await validate([join(FIXTURES, 'edition')], { schema: MINI, jobs: 1, cwd: FIXTURES });
    const refs = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.code.startsWith('TEI-REF')).map((d) => `${f.file} ${d.code}@${d.span?.line}`),
    );
    assert.deepEqual(refs, [
      `edition/src/000.xml ${ValidateCodes.refIdMissing}@6`,
      `edition/src/000.xml ${ValidateCodes.refNotAPerson}@7`,
      `edition/src/001.xml ${ValidateCodes.idNotUniqueAcrossEdition}@5`,
      `edition/src/001.xml ${ValidateCodes.refFileMissing}@6`,
      `edition/src/001.xml ${ValidateCodes.refNotAPerson}@7`,
    ]);
  });

  it('reads persons.xml for ids when only a document is validated', async function () {
    const report = await validate([join(FIXTURES, 'edition/src/000.xml')], { schema: MINI, jobs: 1, cwd: FIXTURES });
    const refs = report.files[0]!.diagnostics.filter((d) => d.code.startsWith('TEI-REF')).map((d) => d.code);
    assert.deepEqual(refs, [ValidateCodes.refIdMissing, ValidateCodes.refNotAPerson]);
  });

  it('can be turned off', async function () {
    const report = await validate([join(FIXTURES, 'edition')], { schema: MINI, jobs: 1, references: false });
    assert.ok(report.files.every((f) => f.diagnostics.every((d) => !d.code.startsWith('TEI-REF'))));
  });
});

describe('threads side by side', function () {
  const writeDocs = (dir: string, count: number): void => {
    for (let i = 0; i < count; i++) {
      const bad = i % 3 === 0 ? '<foo/>' : '';
      writeFileSync(join(dir, `f${String(i).padStart(3, '0')}.xml`), `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title>t</title></teiHeader><text><body><p>x${bad}</p></body></text></TEI>`);
    }
  };

  it('give the same results, in the same order, as one thread', async function () {
    const dir = tempDir('workers');
    writeDocs(dir, 12);
    const one = await validate([dir], { schema: MINI, jobs: 1, references: false });
    const two = await validate([dir], { schema: MINI, jobs: 2, references: false });
    assert.deepEqual(two.files, one.files);
    assert.equal(one.summary.invalid, 4);
  });

  it('share the files from one counter, each file checked once, unreadable ones kept in their place', async function () {
    const dir = tempDir('side-by-side');
    writeDocs(dir, 40);
    mkdirSync(join(dir, 'f005b.xml'));
    writeFileSync(join(dir, 'f020b.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><unclosed>');
    symlinkSync('/nonexistent/target.xml', join(dir, 'f030b.xml'));
    const config = { schema: MINI, facts: true };
    const one = await checkInProcess(walkXml([dir]), config);
    const many = await checkSideBySide(walkXml([dir]), config, 64, 1);
    assert.deepEqual(many, one);
    assert.equal(many.length, 42);
    assert.ok(many.some((o) => o.unread !== undefined));
  });

  it('hand a large file Schematron reads whole to a helper, with the same findings as one thread', async function () {
    const dir = tempDir('hand-off');
    writeLargeTei(dir, 6000);
    writeFileSync(join(dir, 'vol/bad.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><oops/></TEI>');
    writeFileSync(join(dir, 'vol/bad-rule.xml'), readFileSync(join(dir, 'vol/big.xml'), 'utf8').replace('<date when="1944-09-24">', '<date notBefore="1944-09-30" notAfter="1944-09-01">'));
    // a document of 6 kB counts as large here: the helper takes every file but bad.xml
    const config = { schema: join(ROOT, 'schema/chancery.rng'), schematron: join(ROOT, 'schema/chancery.sch'), facts: true, handOffBytes: 1024 };
    const one = await checkInProcess(walkXml([dir]), config);
    const two = await checkSideBySide(walkXml([dir]), config, 2, 1);
    assert.deepEqual(two, one);
    // persons.xml, vol/bad-rule.xml (Schematron: a range that ends before it starts), vol/bad.xml, vol/big.xml
    assert.deepEqual(
      one.map((o) => o.diagnostics.map((d) => d.code)),
      [[], [ValidateCodes.schematronAssert], [ValidateCodes.elementNotAllowed, ValidateCodes.incompleteContent], []],
    );
  });

  it('are one per 64 files by default, at most the cores with Schematron and one fewer without; --jobs at most the cores and files', function () {
    const cores = availableParallelism();
    const schematron = { schematron: true };
    assert.equal(threadCount(10, undefined, schematron), 1);
    assert.equal(threadCount(MIN_FILES_PER_THREAD * 2, undefined, schematron), Math.min(2, cores));
    assert.equal(threadCount(100_000, undefined, schematron), cores);
    assert.equal(threadCount(100_000, undefined), Math.max(1, cores - 1));
    assert.equal(threadCount(100, undefined, { schematron: true, minFilesPerThread: 10 }), Math.min(10, cores));
    assert.equal(threadCount(3, 64), Math.min(3, cores));
    assert.equal(threadCount(3, 1), 1);
    assert.equal(threadCount(0, 4), 1);
  });
});
