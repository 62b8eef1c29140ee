/**
 * The html transform renders a document's page, its search text and its places from the kept tree (a small file)
 * or from the file as it streams (a large file, a large edition; src/transform/text-events.ts): the same bytes
 * either way. Each edition is loaded twice, once keeping every tree and once keeping none, and every file the
 * transform yields is compared.
 */
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/transform/config.js';
import { loadEdition, type LoadEditionOptions } from '../../src/transform/edition.js';
import { htmlTransform } from '../../src/transform/formats/html.js';
import { assetsDirectory, wholeContent, type TransformContext } from '../../src/transform/module.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cleanup, EDITION_TEI, FIXTURE_CONFIG, FIXTURE_TEI, skipBecause, tempDir } from './helpers.js';

const KEEP_EVERY_TREE: LoadEditionOptions = { keepTreeBytes: Number.MAX_SAFE_INTEGER };
const KEEP_NO_TREE: LoadEditionOptions = { keepTreeBytes: 0 };

/** Every file the html transform yields for the edition in `dir`, path → content, and its findings. */
function renderHtml(dir: string, options: LoadEditionOptions, outDir: string): { files: Map<string, string>; diagnostics: Diagnostic[]; streamed: number } {
  const edition = loadEdition([dir], undefined, options);
  const diagnostics: Diagnostic[] = [];
  const ctx: TransformContext = { config: loadConfig(FIXTURE_CONFIG, false), assets: assetsDirectory(), now: new Date(0), report: (d) => diagnostics.push(d), outDir };
  const files = new Map<string, string>();
  for (const f of htmlTransform.render(edition, ctx) as Iterable<{ path: string; content: Parameters<typeof wholeContent>[0] }>) files.set(f.path, wholeContent(f.content));
  return { files, diagnostics, streamed: edition.documents.filter((d) => edition.streamed(d)).length };
}

function assertSameFiles(kept: Map<string, string>, streamed: Map<string, string>): void {
  assert.deepEqual([...streamed.keys()], [...kept.keys()], 'the files, in order');
  for (const [path, content] of kept) assert.equal(streamed.get(path), content, `${path} differs when rendered as its file streams`);
}

const PERSONS = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Personography</title></titleStmt><publicationStmt><publisher>Test</publisher></publicationStmt><sourceDesc><p>Made by a test.</p></sourceDesc></fileDesc></teiHeader>
<text><body><listPerson>
<person xml:id="eden"><persName type="main"><surname>Eden</surname></persName></person>
</listPerson></body></text></TEI>
`;

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title>A report in sections</title></titleStmt><publicationStmt><publisher>Test</publisher></publicationStmt><sourceDesc><bibl type="digital"><title>A report</title><idno type="source">report.txt#L1-L9</idno></bibl></sourceDesc></fileDesc>
<profileDesc><correspDesc><correspAction type="sent"><persName ref="../persons.xml#eden">Eden</persName><placeName>London</placeName><date when="1944-10-09">9 October 1944</date></correspAction></correspDesc><textClass><keywords><term type="kind">memorandum</term></keywords></textClass></profileDesc></teiHeader>
<text xml:id="report"><front><head>Preface</head><p>Written in <placeName>London</placeName> for the <hi rend="italic">Cabinet</hi>.</p></front>
<body><head>The report</head>
`;

/**
 * One section of the rich document: a heading, a numbered paragraph with a printer's hyphen, a name, a footnote
 * naming a place, a correction, line ends; page furniture pointing at the section (a link) and a marginal note
 * pointing nowhere; a subsection with a real hyphen across a line end; a section that is itself a container.
 */
function section(k: number): string {
  return (
    `<div type="section" xml:id="s${k}"><head>Section ${k}</head>\n` +
    `<p n="${k}">It is a neces-<lb break="no"/>sary step, said <persName ref="../persons.xml#eden">Mr. Eden</persName>,` +
    `<note place="foot" n="${k}">Reported from <placeName ref="http://www.geonames.org/${k % 7}">Yalta</placeName> (section ${k}).</note> ` +
    `to go <choice><sic>teh</sic><corr>the</corr></choice> whole way.<lb/>A second line.</p>\n` +
    `<fw type="pageNum" corresp="#s${k}">${k}</fw><note type="marginal" corresp="#nowhere">noted ${k}</note>\n` +
    `<div><head>Part ${k}.1</head><p>An Anglo-<lb break="no"/>Soviet treaty, <placeName>Moscow</placeName>.</p></div>\n` +
    `</div>\n`
  );
}

const TAIL = `</body><back><div><head>Appendix</head><p>The end, in <placeName>Paris</placeName>.</p></div></back></text></TEI>\n`;

/** `<dir>/persons.xml` and `<dir>/vol/001.xml` of sections up to about `bytes`. */
function writeRichTei(dir: string, bytes: number): void {
  mkdirSync(join(dir, 'vol'), { recursive: true });
  writeFileSync(join(dir, 'persons.xml'), PERSONS);
  const fd = openSync(join(dir, 'vol', '001.xml'), 'w');
  try {
    let written = writeSync(fd, HEAD);
    for (let k = 1; written < bytes; k++) written += writeSync(fd, section(k));
    writeSync(fd, TAIL);
  } finally {
    closeSync(fd);
  }
}

describe('html rendered as the file streams', function () {
  this.timeout(120000);
  after(() => cleanup());

  it('the fixtures: every page, the search index and the person and place pages as from kept trees', () => {
    const kept = renderHtml(FIXTURE_TEI, KEEP_EVERY_TREE, tempDir());
    const streamed = renderHtml(FIXTURE_TEI, KEEP_NO_TREE, tempDir());
    assert.equal(streamed.streamed, 5);
    assert.equal(kept.streamed, 0);
    assertSameFiles(kept.files, streamed.files);
    assert.deepEqual(streamed.diagnostics, kept.diagnostics);
  });

  it('the edition in tei/ (notes, debris, line ends, tables of the real texts): every file as from kept trees', function () {
    if (!existsSync(join(EDITION_TEI, 'persons.xml'))) return skipBecause(this, 'tei/ has not been built (npm start)');
    const kept = renderHtml(EDITION_TEI, KEEP_EVERY_TREE, tempDir());
    const streamed = renderHtml(EDITION_TEI, KEEP_NO_TREE, tempDir());
    assert.ok(streamed.streamed > 100, String(streamed.streamed));
    assertSameFiles(kept.files, streamed.files);
  });

  it('a 5 MB document of sections, notes, debris pointing at ids, broken words and places: the same page, whose reading waited in a temporary file, then removed', () => {
    const dir = tempDir();
    writeRichTei(dir, 5 * 1048576);
    const keptOut = tempDir();
    const streamedOut = tempDir();
    const kept = renderHtml(dir, KEEP_EVERY_TREE, keptOut);
    // the default: a file above 4 MiB is not kept
    const streamed = renderHtml(dir, {}, streamedOut);
    assert.equal(streamed.streamed, 1);
    assertSameFiles(kept.files, streamed.files);
    const page = streamed.files.get('documents/1944-10-09-eden.html')!;
    // what the page needed to know before the text was read: the body's head (section heads one level deeper),
    // the ids debris points to (a link for #s1, none for #nowhere), the debris (the diplomatic view's switch)
    assert.match(page, /<h3 class="head">Section 1<\/h3>/);
    assert.match(page, /Page number of <a href="#t-s1">the passage above<\/a>/);
    assert.doesNotMatch(page, /href="#t-nowhere"/);
    assert.match(page, /<p class="view-toggle">/);
    assert.match(page, /neces<span class="dipl hyph">-<\/span>sary step/);
    assert.match(page, /Anglo-Soviet/);
    assert.match(streamed.files.get('places.html')!, /Yalta/);
    assert.deepEqual(readdirSync(streamedOut), [], 'the temporary files are gone');
  });
});
