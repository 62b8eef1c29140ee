/**
 * The table of diagnostic codes (src/diagnostics/codes.ts) is the one place codes and messages are written: every
 * code is well formed and documented, each area's view holds exactly that area's codes, docs/diagnostics.md is what
 * the table makes, the sources name no code the table does not hold and build no message by hand, and every code
 * not retired is reported somewhere.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  allCodes,
  codeInfo,
  ConvertCodes,
  DIAGNOSTIC_CODES,
  diagnostic,
  EditionCodes,
  EntityCodes,
  IoCodes,
  messageOf,
  TransformCodes,
  ValidateCodes,
  XmlCodes,
  ChanceryError,
  InputError,
  type Area,
} from '../../src/diagnostics/index.js';
import { diagnosticsReference } from '../../src/diagnostics/reference.js';
import { ROOT } from '../helpers/schema.js';
import { scanSource, tsFiles } from '../helpers/source-scan.js';

const CODE = /TEI-[A-Z]+-\d{3}/g;

/** Which prefixes each area's codes may have. */
const PREFIXES: Record<Area, string[]> = {
  convert: ['IN', 'CONV'],
  entities: ['ENT'],
  xml: ['XML'],
  validate: ['XML', 'RNG', 'SCH', 'REF', 'VAL'],
  transform: ['TR'],
  edition: ['ED'],
  io: ['IO'],
};

/** The view code reads an area's names through (`ConvertCodes.noteWithoutRef`). */
const VIEWS: Record<Area, { name: string; view: Readonly<Record<string, string>> }[]> = {
  convert: [{ name: 'ConvertCodes', view: ConvertCodes }],
  entities: [{ name: 'EntityCodes', view: EntityCodes }],
  xml: [
    { name: 'XmlCodes', view: XmlCodes },
    { name: 'ValidateCodes', view: ValidateCodes },
  ],
  validate: [{ name: 'ValidateCodes', view: ValidateCodes }],
  transform: [{ name: 'TransformCodes', view: TransformCodes }],
  edition: [{ name: 'EditionCodes', view: EditionCodes }],
  io: [{ name: 'IoCodes', view: IoCodes }],
};

const VIEW_NAMES = [...new Set(Object.values(VIEWS).flatMap((views) => views.map((v) => v.name)))].join('|');
/** A Diagnostic or an error of a code of the table given a message of its own, not the template's. */
const HAND_MADE = new RegExp(`\\bcode:\\s*(?:${VIEW_NAMES})\\.\\w+|\\bnew \\w*Error\\(\\s*(?:${VIEW_NAMES})\\.`, 'g');

const SOURCE_DIRS = [join(ROOT, 'src'), join(ROOT, 'packages', 'relaxng', 'src')];
const TABLE_FILE = join(ROOT, 'src', 'diagnostics', 'codes.ts');

/** Every source file but the table, with its code (comments blanked) and its comments alone. */
function sources(): { path: string; code: string; comments: string }[] {
  return SOURCE_DIRS.flatMap(tsFiles)
    .filter((path) => path !== TABLE_FILE)
    .map((path) => {
      const text = readFileSync(path, 'utf8');
      const { code } = scanSource(text);
      // what scanning blanked is the comments; line breaks stay where they were
      const comments = text.split('').map((c, i) => (c === '\n' || c !== code[i] ? c : ' ')).join('');
      return { path: relative(ROOT, path), code, comments };
    });
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('diagnostic codes', () => {
  const codes = allCodes();

  it('each code has the form of its area, a meaning, a fix and one-line examples', () => {
    assert.ok(codes.length > 50);
    for (const info of codes) {
      const [, prefix] = /^TEI-([A-Z]+)-\d{3}$/.exec(info.code) ?? [];
      assert.ok(prefix && PREFIXES[info.area].includes(prefix), `${info.code}: not a code of area ${info.area}`);
      assert.match(info.meaning, /^\S.*[.)]$/s, `${info.code}: its meaning is a sentence`);
      assert.ok(info.fix.trim().length > 0, `${info.code}: no fix`);
      if (!info.retired) assert.notEqual(info.fix, '—', `${info.code}: only a retired code may go without a fix`);
      for (const message of info.examples) {
        assert.ok(message.length > 0 && !/\n/.test(message), `${info.code}: its message is one line: ${JSON.stringify(message)}`);
        assert.doesNotMatch(message, /undefined|NaN|\[object /, `${info.code}: its template printed a missing value: ${message}`);
      }
      assert.equal(new Set(info.examples).size, info.examples.length, `${info.code}: two examples give the same message`);
    }
  });

  it("each area's view holds exactly the codes of its area, by names unique in it", () => {
    for (const area of Object.keys(PREFIXES) as Area[]) {
      const ofArea = codes.filter((c) => c.area === area);
      const names = new Set(ofArea.map((c) => c.name));
      assert.equal(names.size, ofArea.length, `${area}: two codes share a name`);
      const own = area === 'validate' ? Object.entries(ValidateCodes).filter(([, c]) => codeInfo(c)!.area === 'validate') : Object.entries(VIEWS[area][0]!.view);
      assert.deepEqual(new Map(own), new Map(ofArea.map((c) => [c.name, c.code])), `${area}: the view and the table differ`);
    }
    // validation reports the codes of reading XML as they are: its view holds both, without a clash of names
    assert.equal(Object.keys(ValidateCodes).length, codes.filter((c) => c.area === 'xml' || c.area === 'validate').length);
  });

  it('codeInfo answers for the codes of the table and no other', () => {
    assert.equal(codeInfo('TEI-CONV-003')?.name, 'undatedLetter');
    assert.equal(codeInfo('TEI-CONV-999'), undefined);
    assert.equal(codeInfo('toString'), undefined);
    assert.equal(Object.keys(DIAGNOSTIC_CODES).length, codes.length);
  });

  it('makes findings and errors from the templates, at the severity of the table unless told otherwise', () => {
    const span = { file: 'letter.txt', line: 3, column: 1 };
    assert.deepEqual(diagnostic(ConvertCodes.noteWithoutRef, { n: '4' }, span), {
      code: 'TEI-CONV-002',
      severity: 'warning',
      message: messageOf('TEI-CONV-002', { n: '4' }),
      span,
    });
    assert.equal(diagnostic(ValidateCodes.schematronAssert, { text: 't' }, span, { severity: 'warning' }).severity, 'warning');
    assert.deepEqual(diagnostic(EditionCodes.removed, {}).span, undefined);
    const e = InputError.of(ConvertCodes.emptyFile, { file: 'a.txt' }, { exitCode: 3 });
    assert.ok(e instanceof InputError && e instanceof ChanceryError);
    assert.equal(e.code, 'TEI-IN-003');
    assert.equal(e.exitCode, 3);
    assert.equal(e.message, messageOf('TEI-IN-003', { file: 'a.txt' }));
  });

  it('gives sizes as a person reads them: kB below a tenth of a MB, bytes below a kB', () => {
    const tooLarge = (bytes: number, limit: number): string => messageOf('TEI-IN-006', { path: 'a.txt', bytes, limit });
    assert.match(tooLarge(3072, 1000), /: 3 kB is above the limit of 1000 bytes /);
    assert.match(tooLarge(1.5 * 1048576, 1048576), /: 1\.5 MB is above the limit of 1 MB /);
    assert.match(tooLarge(65 * 1048576 + 1, 64 * 1048576), /: 65\.0 MB is above the limit of 64 MB /);
  });

  it('docs/diagnostics.md is the page the table makes (npm run docs:diagnostics writes it)', () => {
    const page = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    const expected = diagnosticsReference();
    if (page !== expected) {
      const a = page.split('\n');
      const b = expected.split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      assert.fail(`docs/diagnostics.md differs from the table from line ${at + 1} (${JSON.stringify(a[at])} ≠ ${JSON.stringify(b[at])}): run npm run docs:diagnostics`);
    }
    for (const info of codes) assert.ok(page.includes(`### ${info.code}\n`), `${info.code} has its section`);
  });

  it('no source but the table writes a code, and no message of a code of the table is made by hand', () => {
    const problems: string[] = [];
    for (const { path, code } of sources()) {
      for (const m of code.matchAll(CODE)) problems.push(`${path}:${lineOf(code, m.index)}: the code ${m[0]} written out: name it through its area's view`);
      // a Diagnostic or an error of a code of the table takes its message from the template: diagnostic(), Error.of()
      for (const m of code.matchAll(HAND_MADE)) {
        problems.push(`${path}:${lineOf(code, m.index)}: a message made by hand for ${m[0]}: make it with diagnostic() or SomeError.of()`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the codes that comments and docs name are in the table', () => {
    const problems: string[] = [];
    const named = (where: string, text: string): void => {
      for (const m of text.matchAll(CODE)) if (!codeInfo(m[0])) problems.push(`${where}:${lineOf(text, m.index)}: ${m[0]} is no code of the table`);
    };
    for (const { path, comments } of sources()) named(path, comments);
    const docs = join(ROOT, 'docs');
    for (const name of readdirSync(docs).filter((n) => n.endsWith('.md'))) named(`docs/${name}`, readFileSync(join(docs, name), 'utf8'));
    named('README.md', readFileSync(join(ROOT, 'README.md'), 'utf8'));
    assert.deepEqual(problems, []);
  });

  it('every code not retired is reported somewhere in src/', () => {
    const code = sources()
      .map((s) => s.code)
      .join('\n');
    const unused = codes
      .filter((info) => !info.retired)
      .filter((info) => !VIEWS[info.area].some(({ name }) => new RegExp(`\\b${name}\\.${info.name}\\b`).test(code)))
      .map((info) => `${info.code} (${info.name})`);
    assert.deepEqual(unused, [], 'report these, or mark them retired in the table');
  });
});
