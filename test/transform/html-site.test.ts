/**
 * The generated site: every page parses as HTML without a single parse5 error, no internal link or
 * fragment is broken, and each page keeps the accessibility structure (lang, landmarks, one h1, no skipped
 * heading level, labelled form controls). Runs on the fixtures, and on tei/ when the edition is there.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { transform } from '../../src/transform/index.js';
import { cleanup, EDITION_TEI, FIXTURE_CONFIG, FIXTURE_TEI, listFiles, ROOT, skipBecause, tempDir } from './helpers.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

interface Page {
  file: string;
  errors: string[];
  elements: Element[];
  ids: Set<string>;
}

function loadPage(site: string, file: string): Page {
  const errors: string[] = [];
  const doc = parse(readFileSync(join(site, file), 'utf8'), {
    onParseError: (e) => errors.push(`${file}:${e.startLine}:${e.startCol}: ${e.code}`),
  });
  const elements: Element[] = [];
  const visit = (n: Node): void => {
    if ('tagName' in n) elements.push(n);
    const kids = 'childNodes' in n ? n.childNodes : [];
    for (const c of kids) visit(c);
    if ('content' in n && n.content) visit(n.content as Node);
  };
  visit(doc);
  const ids = new Set(elements.map((e) => attr(e, 'id')).filter((x): x is string => x !== undefined));
  return { file, errors, elements, ids };
}

function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

function textContent(e: Node): string {
  if ('value' in e && e.nodeName === '#text') return (e as { value: string }).value;
  return 'childNodes' in e ? e.childNodes.map(textContent).join('') : '';
}

/** Checks a whole generated site; returns every problem found. */
function checkSite(site: string): string[] {
  const problems: string[] = [];
  const pages = new Map<string, Page>();
  const files = listFiles(site);
  for (const f of files.filter((x) => x.endsWith('.html'))) pages.set(f, loadPage(site, f));
  for (const page of pages.values()) {
    problems.push(...page.errors);
    const seen = new Set<string>();
    for (const id of page.elements.map((e) => attr(e, 'id')).filter((x): x is string => x !== undefined)) {
      if (seen.has(id)) problems.push(`${page.file}: duplicate id ${id}`);
      seen.add(id);
    }
    const html = page.elements.find((e) => e.tagName === 'html');
    if (!html || !attr(html, 'lang')) problems.push(`${page.file}: <html> without lang`);
    for (const landmark of ['header', 'nav', 'main', 'footer']) {
      if (!page.elements.some((e) => e.tagName === landmark)) problems.push(`${page.file}: no <${landmark}> landmark`);
    }
    const headings = page.elements.filter((e) => /^h[1-6]$/.test(e.tagName)).map((e) => Number(e.tagName[1]));
    if (headings.filter((h) => h === 1).length !== 1) problems.push(`${page.file}: ${headings.filter((h) => h === 1).length} h1 elements`);
    headings.reduce((prev, h) => {
      if (h > prev + 1) problems.push(`${page.file}: heading level jumps from h${prev} to h${h}`);
      return h;
    }, 0);
    for (const e of page.elements.filter((x) => ['input', 'select', 'textarea'].includes(x.tagName))) {
      const id = attr(e, 'id');
      const labelled = id && page.elements.some((l) => l.tagName === 'label' && attr(l, 'for') === id);
      if (!labelled && !attr(e, 'aria-label')) problems.push(`${page.file}: <${e.tagName}> without a label`);
    }
    for (const e of page.elements) {
      if (e.tagName === 'a' && !textContent(e).trim() && !attr(e, 'aria-label')) problems.push(`${page.file}: link without text`);
      for (const name of ['href', 'src']) {
        const value = attr(e, name);
        if (value === undefined || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
        const [pathPart, fragment] = value.split('#') as [string, string | undefined];
        const target = pathPart === '' ? page.file : resolve('/', dirname(page.file), decodeURIComponent(pathPart.split('?')[0]!)).slice(1);
        if (!existsSync(join(site, target))) {
          problems.push(`${page.file}: broken link ${value}`);
          continue;
        }
        if (fragment) {
          const other = pages.get(target);
          if (other && !other.ids.has(fragment)) problems.push(`${page.file}: link ${value} names no id in ${target}`);
        }
      }
    }
  }
  return problems;
}

describe('transform html site', function () {
  this.timeout(60000);
  after(cleanup);

  it('fixture site: valid HTML, no broken internal links, accessible structure', async () => {
    const site = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
    assert.deepEqual(checkSite(site), []);
  });

  it('fixture site: debris is hidden from the reading text and kept for the diplomatic view', async () => {
    const site = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
    const page = loadPage(site, 'documents/1944-09-24-wilson-to-eden.html');
    const dipl = page.elements.filter((e) => (attr(e, 'class') ?? '').split(' ').includes('dipl'));
    const kinds = dipl.map((e) => attr(e, 'class'));
    assert.ok(kinds.some((c) => c?.includes('duplicate')) && kinds.some((c) => c?.includes('fw-catch')) && kinds.some((c) => c?.includes('marginal')));
    assert.ok(page.elements.some((e) => e.tagName === 'input' && attr(e, 'id') === 'diplomatic'), 'the diplomatic view toggle');
    const css = readFileSync(join(site, 'assets/chancery.css'), 'utf8');
    assert.match(css, /\.dipl \{ display: none; \}/);
    assert.match(css, /#diplomatic:checked\) \.dipl/);
  });

  it('fixture site: footnotes are numbered references with the note at the foot and a back link', async () => {
    const site = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
    const page = loadPage(site, 'documents/a-situation-of-delicacy-and-danger-anglo-soviet-relations-august-1939-march-1940.html');
    const refs = page.elements.filter((e) => attr(e, 'class') === 'fnref');
    assert.deepEqual(refs.map((r) => attr(r, 'href')), ['#fn-1', '#fn-2']);
    for (const n of [1, 2]) {
      assert.ok(page.ids.has(`fn-${n}`) && page.ids.has(`fnref-${n}`) && page.ids.has(`fnpop-${n}`));
      assert.ok(page.elements.some((e) => attr(e, 'href') === `#fnref-${n}` && attr(e, 'class') === 'backref'));
    }
    const times = page.elements.filter((e) => e.tagName === 'time');
    assert.equal(times.length, 0, 'the article is undated: no time element claims a date');
    const letter = loadPage(site, 'documents/1941-07-18-stalin-to-churchill.html');
    assert.ok(letter.elements.some((e) => e.tagName === 'time' && attr(e, 'datetime') === '1941-07-18'));
    assert.ok(letter.elements.some((e) => e.tagName === 'a' && attr(e, 'href') === '../persons/churchill-w.html'));
  });

  it('fixture site: the About page gives the sources, the licence, how to cite, and the encoding guidelines', async () => {
    const site = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: join(ROOT, 'chancery.config.json') });
    const about = readFileSync(join(site, 'about.html'), 'utf8');
    assert.match(about, /<h2 id="h-sources">Sources<\/h2>/);
    // a source the config describes shows its description; one it does not, its title in title case
    const sources = /<ul class="sources">([\s\S]*?)<\/ul>/.exec(about)?.[1] ?? '';
    assert.match(sources, /J\. V\. Stalin, Works, vol\. 17: War Telegrams \(London: Red Star Press, 1986\)/);
    assert.doesNotMatch(sources, /STALIN WORKS/, 'not the volume title in capitals');
    assert.match(about, /Creative Commons Attribution 4\.0 International/);
    assert.match(about, /<h2 id="cite">How to cite<\/h2>/);
    assert.match(about, /<h2>Chancery encoding guidelines<\/h2>/, 'docs/encoding.md, its headings one level down');
  });

  it('fixture site: persons sorted by surname; the place index lists the places of the correspondence', async () => {
    const site = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
    const persons = loadPage(site, 'persons.html');
    const names = persons.elements.filter((e) => e.tagName === 'a' && (attr(e, 'href') ?? '').startsWith('persons/')).map((e) => textContent(e));
    assert.deepEqual(names, ['Churchill, Winston', 'Litvinov, Maksim M.', 'Roosevelt, Franklin D.', 'Stalin, J. V.', 'Wilson, G.']);
    const places = readFileSync(join(site, 'places.html'), 'utf8');
    assert.match(places, /<h2 class="place-name">Moscow<\/h2>/);
    assert.match(places, /href="https:\/\/www\.geonames\.org\/524901"/);
  });

  it('edition site (tei/): valid HTML and no broken internal links', async function () {
    if (!existsSync(join(EDITION_TEI, 'persons.xml'))) return skipBecause(this, 'tei/ not converted yet');
    const site = tempDir();
    const report = await transform([EDITION_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
    assert.ok(report.documents > 0);
    const problems = checkSite(site);
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });
});

describe('transform html: generated documents', function () {
  this.timeout(60000);
  after(cleanup);
  it('every generated document makes valid pages with no broken links (fast-check)', async () => {
    const { default: fc } = await import('fast-check');
    const { teiDoc } = await import('./arbitraries.js');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = tempDir();
    const src = join(dir, 'tei', 'gen');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(dir, 'tei', 'persons.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><listPerson><person xml:id="p1"><persName>P. One</persName></person></listPerson></body></text></TEI>');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(teiDoc, async (xml) => {
        writeFileSync(join(src, '000.xml'), xml);
        const site = join(dir, `site-${run++}`);
        await transform([src], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
        assert.deepEqual(checkSite(site), []);
      }),
      { numRuns: 30 },
    );
  });
});
