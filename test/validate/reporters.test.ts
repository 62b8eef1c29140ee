/** Each report format, asserted on structure. */
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { formatReport, type ValidationReport } from '../../src/validate/index.js';

const REPORT: ValidationReport = {
  files: [
    { file: 'tei/a/000.xml', valid: true, diagnostics: [] },
    {
      file: 'tei/a/001.xml',
      valid: false,
      diagnostics: [
        {
          code: 'TEI-RNG-001',
          severity: 'error',
          message: 'element foo not allowed here in p; expected one of hi, persName',
          span: { file: 'tei/a/001.xml', line: 12, column: 5, endLine: 12, endColumn: 10 },
        },
        { code: 'TEI-SCH-001', severity: 'warning', message: 'a, b: <odd> "quotes"\nand 100%', span: { file: 'tei/a/001.xml', line: 3, column: 1 } },
      ],
    },
  ],
  summary: { files: 2, valid: 1, invalid: 1, errors: 1, warnings: 1, ms: 1234 },
};

describe('reporters', function () {
  it('text: file:line:column: severity: message [code], then a summary with counts and time', function () {
    const lines = formatReport(REPORT, 'text').trimEnd().split('\n');
    assert.equal(lines[0], 'tei/a/001.xml:12:5: error: element foo not allowed here in p; expected one of hi, persName [TEI-RNG-001]');
    assert.match(lines[1]!, /^tei\/a\/001\.xml:3:1: warning: .* \[TEI-SCH-001\]$/);
    assert.equal(lines.at(-1), '2 files: 1 valid, 1 invalid; 1 error, 1 warning (1.23 s)');
  });

  it('json: the shape the issue specifies', function () {
    const data = JSON.parse(formatReport(REPORT, 'json'));
    assert.deepEqual(Object.keys(data), ['files', 'summary']);
    assert.deepEqual(data.files[1].diagnostics[0], {
      line: 12,
      column: 5,
      severity: 'error',
      code: 'TEI-RNG-001',
      message: 'element foo not allowed here in p; expected one of hi, persName',
    });
    assert.deepEqual(data.files[0], { file: 'tei/a/000.xml', valid: true, diagnostics: [] });
    assert.deepEqual(data.summary, REPORT.summary);
  });

  it('junit: well-formed XML, one testcase per file, a failure for the invalid one', function () {
    const xml = formatReport(REPORT, 'junit');
    const parser = new SaxesParser();
    const names: string[] = [];
    let failures = 0;
    parser.on('opentag', (t) => {
      if (t.name === 'testcase') names.push(String(t.attributes.name));
      if (t.name === 'failure') failures++;
    });
    parser.write(xml).close();
    assert.deepEqual(names, ['tei/a/000.xml', 'tei/a/001.xml']);
    assert.equal(failures, 1);
  });

  it('sarif: version 2.1.0, one result per finding with 1-based regions', function () {
    const sarif = JSON.parse(formatReport(REPORT, 'sarif'));
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'chancery');
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['TEI-RNG-001', 'TEI-SCH-001']);
    assert.equal(run.results.length, 2);
    assert.deepEqual(run.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'tei/a/001.xml' },
      region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 11 },
    });
    assert.equal(run.results[1].level, 'warning');
  });

  it('github: workflow annotations with escaped data and properties', function () {
    const lines = formatReport(REPORT, 'github').trimEnd().split('\n');
    assert.equal(
      lines[0],
      '::error file=tei/a/001.xml,line=12,col=5,title=TEI-RNG-001::element foo not allowed here in p; expected one of hi, persName',
    );
    assert.equal(lines[1], '::warning file=tei/a/001.xml,line=3,col=1,title=TEI-SCH-001::a, b: <odd> "quotes"%0Aand 100%25');
  });
});
