/**
 * Report writers cannot produce malformed output (issue 15): whatever a file name or a message holds — control
 * characters, ESC sequences, line breaks, `#` and spaces, 50 MB values — JUnit parses, SARIF is valid against the
 * published SARIF 2.1.0 JSON schema (test/helpers/sarif-schema.ts) with percent-encoded URIs, the text format is
 * one line per finding with nothing a terminal would obey.
 */
import assert from 'node:assert/strict';
import libxmljs from 'libxmljs2';
import { formatReport, type ValidationReport } from '../../src/validate/index.js';
import fc from 'fast-check';
import { MAX_MESSAGE_LENGTH } from '../../src/diagnostics/printable.js';
import { sarifSchemaErrors, sarifSchemaId } from '../helpers/sarif-schema.js';

const NASTY_FILE = 'tei/odd name #1\n\u001b[31mred\u0007.xml';
const HUGE = 'x'.repeat(5_000_000);
const REPORT: ValidationReport = {
  files: [
    {
      file: NASTY_FILE,
      valid: false,
      diagnostics: [
        { code: 'TEI-RNG-002', severity: 'error', message: `value "${HUGE}" of attribute n is invalid`, span: { file: NASTY_FILE, line: 2, column: 3 } },
        { code: 'TEI-XML-001', severity: 'error', message: 'not well-formed: \u0000\u0001\u001b]0;pwned\u0007 \uFFFE\uD800 \u202Eevil', span: { file: NASTY_FILE, line: 4, column: 1 } },
      ],
    },
    { file: 'tei/fine.xml', valid: true, diagnostics: [{ code: 'TEI-REF-003', severity: 'info', message: 'note\u001b[2J', span: { file: 'tei/fine.xml', line: 1, column: 1 } }] },
  ],
  summary: { files: 2, valid: 1, invalid: 1, errors: 2, warnings: 0, ms: 10 },
};

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription?: { text: string } }[] } };
    results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
  }[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('reports of hostile names and messages', function () {
  it('text: one line per finding, no control character, long values cut with …', function () {
    const out = formatReport(REPORT, 'text');
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 4, 'three findings and the summary');
    for (const line of lines) {
      assert.doesNotMatch(line, CONTROL);
      assert.ok(line.length < MAX_MESSAGE_LENGTH + 200, `a line of ${line.length} characters`);
    }
    assert.match(lines[0]!, /^tei\/odd name #1\\x0A\\x1B\[31mred\\x07\.xml:2:3: error: value "x+… \[TEI-RNG-002\]$/);
    assert.match(lines[1]!, /\\x00\\x01\\x1B\]0;pwned\\x07 .*\\u202Eevil \[TEI-XML-001\]$/);
  });

  it('junit: well-formed XML whatever the names and messages hold', function () {
    const xml = formatReport(REPORT, 'junit');
    const doc = libxmljs.parseXml(xml);
    const cases = doc.find('//testcase');
    assert.equal(cases.length, 2);
    assert.equal((cases[0] as libxmljs.Element).attr('name')?.value(), 'tei/odd name #1\\x0A\\x1B[31mred\\x07.xml');
    assert.ok(xml.length < 20000, 'the 5 MB value is cut');
  });

  it('sarif: valid against the published SARIF 2.1.0 schema, artifact URIs percent-encoded, messages cut', function () {
    const sarif = JSON.parse(formatReport(REPORT, 'sarif')) as SarifLog;
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const run = sarif.runs[0]!;
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['TEI-REF-003', 'TEI-RNG-002', 'TEI-XML-001']);
    assert.equal(run.results.length, 3);
    for (const r of run.results) assert.ok(r.message.text.length <= MAX_MESSAGE_LENGTH);
    assert.equal(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'tei/odd%20name%20%231%0A%1B%5B31mred%07.xml');
    assert.equal(decodeURIComponent(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri), NASTY_FILE);
  });

  it('sarif: no findings is a valid log with one run and no results', function () {
    const empty: ValidationReport = { files: [{ file: 'tei/a.xml', valid: true, diagnostics: [] }], summary: { files: 1, valid: 1, invalid: 0, errors: 0, warnings: 0, ms: 1 } };
    const sarif = JSON.parse(formatReport(empty, 'sarif')) as SarifLog;
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    assert.deepEqual(sarif.runs[0]!.results, []);
    assert.deepEqual(sarif.runs[0]!.tool.driver.rules, []);
  });

  it('sarif: names the schema cannot take are made into URIs it takes (a lone surrogate, a drive path, spans out of range)', function () {
    const odd: ValidationReport = {
      files: [
        { file: 'tei/half \uD800 surrogate.xml', valid: false, diagnostics: [{ code: 'TEI-XML-001', severity: 'error', message: 'm', span: { file: 'x', line: 1, column: 1 } }] },
        { file: 'C:\\edition\\tei\\a b.xml', valid: false, diagnostics: [{ code: 'X-MINE-1', severity: 'warning', message: '', span: { file: 'x', line: 0, column: -3, endLine: 0.5, endColumn: 0 } }] },
        { file: '/srv/édition/100%.xml', valid: false, diagnostics: [{ code: 'TEI-XML-001', severity: 'info', message: 'n' }] },
      ],
      summary: { files: 3, valid: 0, invalid: 3, errors: 1, warnings: 1, ms: 1 },
    };
    const sarif = JSON.parse(formatReport(odd, 'sarif')) as SarifLog;
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const [half, drive, absolute] = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation);
    assert.equal(half!.artifactLocation.uri, 'tei/half%20%EF%BF%BD%20surrogate.xml');
    // A Windows path is the same URL on every system that writes the report (it was resolved against the folder).
    assert.equal(drive!.artifactLocation.uri, 'file:///C:/edition/tei/a%20b.xml');
    assert.deepEqual(drive!.region, { startLine: 1, startColumn: 1 });
    assert.equal(absolute!.artifactLocation.uri, 'file:///srv/%C3%A9dition/100%25.xml');
    // A code of the table carries its meaning; a module's own code only its id.
    const rules = sarif.runs[0]!.tool.driver.rules;
    assert.match(rules.find((r) => r.id === 'TEI-XML-001')!.shortDescription!.text, /\w/);
    assert.deepEqual(rules.find((r) => r.id === 'X-MINE-1'), { id: 'X-MINE-1' });
  });

  it('sarif: any report, any names and messages: valid against the schema (property)', function () {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', 'a', '/', '\\', ' ', '#', '%', ':', '?', '\u0000', '\u001b', 'é', '\n') }));
    const count = fc.oneof(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer(), fc.double());
    const span = fc.record({ file: text, line: count, column: count, endLine: fc.option(count, { nil: undefined }), endColumn: fc.option(count, { nil: undefined }) }, { requiredKeys: ['file', 'line', 'column'] });
    const finding = fc.record(
      { code: text, severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const), message: text, span: fc.option(span, { nil: undefined }) },
      { requiredKeys: ['code', 'severity', 'message'] },
    );
    const file = fc.oneof(text, text.map((t) => `/${t}`), text.map((t) => `C:\\${t}`), text.map((t) => `tei/${t}.xml`));
    fc.assert(
      fc.property(fc.array(fc.record({ file, valid: fc.boolean(), diagnostics: fc.array(finding, { maxLength: 4 }) }), { maxLength: 4 }), (files) => {
        const report: ValidationReport = { files, summary: { files: files.length, valid: 0, invalid: 0, errors: 0, warnings: 0, ms: 1 } };
        assert.deepEqual(sarifSchemaErrors(JSON.parse(formatReport(report, 'sarif'))), []);
      }),
      { numRuns: 300 },
    );
  });

  it('sarif: the schema is a real judge: it refuses a log with a raw space in a URI, a line 0 or a level of its own', function () {
    const good = JSON.parse(formatReport(REPORT, 'sarif')) as SarifLog;
    const location = good.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    const broken = structuredClone(good);
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation = { ...location, artifactLocation: { uri: 'tei/a b#c#d.xml' } };
    assert.match(sarifSchemaErrors(broken).join('\n'), /uri-reference/);
    const lineZero = structuredClone(good);
    lineZero.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    assert.match(sarifSchemaErrors(lineZero).join('\n'), /startLine/);
    const level = structuredClone(good);
    level.runs[0]!.results[0]!.level = 'info';
    assert.match(sarifSchemaErrors(level).join('\n'), /level/);
    assert.match(sarifSchemaId(), /sarif-schema-2\.1\.0\.json$/);
  });

  it('github: one workflow command per finding, no raw control character', function () {
    const lines = formatReport(REPORT, 'github').trimEnd().split('\n');
    assert.equal(lines.length, 4);
    for (const line of lines) assert.doesNotMatch(line, CONTROL);
  });
});
