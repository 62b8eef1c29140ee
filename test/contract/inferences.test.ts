/**
 * Contract between convert and transform: what the converter infers reaches the edition's readers. A volume
 * whose last message names only its addressee is converted through the public API, its TEI written as
 * `chancery convert` writes it, and transformed: the reading view and the text export say the sender was
 * inferred, and the TEI says how (cert, evidence, resp) for the sender and for a year the text leaves out.
 * No fixture stands between the two stages.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chancery from '../../src/index.js';
import { ROOT, chanceryErrors } from '../helpers/schema.js';

const para = (s: string): string => `${s}\n\n`;
const VOLUME =
  para('J. V. STALIN TO W. CHURCHILL') + para('I have received your message of July 8.') + para('July 18, 1941') +
  para('J. V. STALIN TO F. ROOSEVELT') + para('Your letter has reached me.') + para('August 4, 1941') +
  para('TO Mr WINSTON CHURCHILL') + para('Your message of August 1 has reached me.') + 'August 5, 1941\n';

describe('contract: convert → transform shows what the converter inferred', () => {
  let dir: string;
  let third: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-inferences-'));
    const { documents } = chancery.convert(VOLUME, { fileName: 'telegrams.txt', generatedOn: '2026-01-01' });
    assert.equal(documents.length, 3);
    mkdirSync(join(dir, 'tei', 'telegrams'), { recursive: true });
    for (const doc of documents) {
      writeFileSync(join(dir, 'tei', 'telegrams', `${doc.id}.xml`), chancery.serializeTei(doc, { generatedOn: '2026-01-01' }));
    }
    third = readFileSync(join(dir, 'tei', 'telegrams', '002.xml'), 'utf8');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('marks the inferred sender in the TEI: cert, internal evidence, and the converter as resp', () => {
    assert.match(third, /<correspAction type="sent"><persName ref="[^"]*" cert="medium" evidence="internal" resp="#doc-telegrams-002-chancery">J\. V\. STALIN<\/persName>/);
    assert.match(third, /<respStmt xml:id="doc-telegrams-002-chancery">/);
    assert.deepEqual(chanceryErrors(third), []);
  });

  it('marks a year the text leaves out, and only that date', () => {
    assert.match(third, /<date when="1941-08-01" cert="high" evidence="internal" resp="#doc-telegrams-002-chancery">August 1<\/date>/);
    assert.match(third, /<date when="1941-08-05">August 5, 1941<\/date><\/dateline>/);
    const first = readFileSync(join(dir, 'tei', 'telegrams', '000.xml'), 'utf8');
    assert.doesNotMatch(first, /<persName [^>]*cert=/, 'the first message prints its sender');
  });

  it('keeps xml:ids unique across the edition', () => {
    const ids = readdirSync(join(dir, 'tei', 'telegrams')).flatMap((f) =>
      [...readFileSync(join(dir, 'tei', 'telegrams', f), 'utf8').matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]!));
    assert.ok(ids.some((id) => id.endsWith('-chancery')));
    assert.equal(new Set(ids).size, ids.length, ids.join(' '));
  });

  it('passes the edition’s own validation (the Schematron checks that @resp resolves)', async () => {
    const report = await chancery.validate([join(dir, 'tei')], {
      schema: join(ROOT, 'schema', 'chancery.rng'),
      schematron: join(ROOT, 'schema', 'chancery.sch'),
      references: false,
    });
    assert.equal(report.summary.invalid, 0, chancery.formatReport(report, 'text'));
  });

  it('says "inferred" beside the sender in the reading view and the text export', async () => {
    const html = join(dir, 'site');
    await chancery.transform([join(dir, 'tei')], { to: 'html', outDir: html });
    // Which page is the third message's is the site's business (its permalinks): look at every document page.
    const pages = readdirSync(join(html, 'documents')).filter((f) => f.endsWith('.html'));
    assert.equal(pages.length, 3);
    const senders = pages.map((f) => /<dt>From<\/dt><dd>(.*?)<\/dd>/.exec(readFileSync(join(html, 'documents', f), 'utf8'))?.[1] ?? '');
    const inferred = senders.filter((from) => /<span class="cert">\(inferred\)<\/span>/.test(from));
    assert.equal(inferred.length, 1, senders.join('\n'));
    assert.match(inferred[0]!, /STALIN/);

    const text = join(dir, 'text');
    await chancery.transform([join(dir, 'tei')], { to: 'text', outDir: text });
    const files = readdirSync(text, { recursive: true }).map(String).filter((f) => f.endsWith('.txt'));
    const exported = files.map((f) => readFileSync(join(text, f), 'utf8'));
    assert.deepEqual(exported.filter((t) => /^From: .*\(inferred\)$/m.test(t)).length, 1);
    assert.ok(exported.some((t) => /^From: J\. V\. STALIN \(inferred\)$/m.test(t)), exported.join('\n---\n'));
  });
});
