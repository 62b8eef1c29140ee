/**
 * Report writers cannot produce malformed output (issue 15): whatever a file name or a message holds — control
 * characters, ESC sequences, line breaks, `#` and spaces, 50 MB values — JUnit parses, SARIF keeps its shape with
 * percent-encoded URIs, the text format is one line per finding with nothing a terminal would obey.
 */
import assert from 'node:assert/strict';
import libxmljs from 'libxmljs2';
import { formatReport, type ValidationReport } from '../../src/validate/index.js';
import { MAX_MESSAGE_LENGTH } from '../../src/diagnostics/printable.js';

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

  it('sarif: the shape of SARIF 2.1.0, artifact URIs percent-encoded, messages cut', function () {
    const sarif = JSON.parse(formatReport(REPORT, 'sarif')) as {
      version: string;
      $schema: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
    };
    // The checks of the SARIF 2.1.0 schema that bear on what we write.
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0]!;
    assert.equal(typeof run.tool.driver.name, 'string');
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['TEI-REF-003', 'TEI-RNG-002', 'TEI-XML-001']);
    for (const r of run.results) {
      assert.ok(['none', 'note', 'warning', 'error'].includes(r.level));
      assert.equal(typeof r.message.text, 'string');
      assert.ok(r.message.text.length <= MAX_MESSAGE_LENGTH);
      const { uri } = r.locations[0]!.physicalLocation.artifactLocation;
      // A URI reference (RFC 3986): unreserved and reserved characters and %XX only.
      assert.match(uri, /^([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-F]{2})+$/, uri);
      assert.doesNotMatch(uri, /#|\s/);
      const region = r.locations[0]!.physicalLocation.region;
      assert.ok(Number.isInteger(region.startLine) && region.startLine! >= 1 && region.startColumn! >= 1);
    }
    assert.equal(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'tei/odd%20name%20%231%0A%1B%5B31mred%07.xml');
    assert.equal(decodeURIComponent(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri), NASTY_FILE);
  });

  it('github: one workflow command per finding, no raw control character', function () {
    const lines = formatReport(REPORT, 'github').trimEnd().split('\n');
    assert.equal(lines.length, 4);
    for (const line of lines) assert.doesNotMatch(line, CONTROL);
  });
});
