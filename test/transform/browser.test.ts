/**
 * The HTML edition in a real browser: Playwright (playwright-core) driving Debian's chromium, headless,
 * over file:// URLs. Searches (phrases, snippets, facets, the hit in the document), quick filters, person
 * links, footnotes by keyboard and by tap on a phone, the diplomatic view, page numbers, citation tags,
 * TEI downloads, axe on every page type, hostile TEI, and search on 10,000 documents (its speed: bench/search.bench.ts).
 * Screenshots go to the OS temp dir; with UPDATE_SCREENSHOTS=1 they go to docs/screenshots/ (committed).
 * Where chromium is absent, the tests say that they skipped.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { loadEdition, transform } from '../../src/transform/index.js';
import { buildSearchSite } from '../../bench/helpers/search-site.js';
import { cleanup, EDITION_TEI, FIXTURE_CONFIG, FIXTURE_TEI, ROOT, skipBecause, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every element with its own text whose contrast against its effective background is under 4.5:1. */
async function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
      if (!own) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || (el as HTMLElement).offsetParent === null) continue;
      if (el.closest('.visually-hidden') || Number(style.opacity) < 1) continue;
      const fg = lum(parse(style.color).slice(0, 3));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)}`);
    }
    return bad;
  });
}

/** A file URL for a page of a site, keeping its `?query` and `#fragment`. */
function fileUrl(site: string, rel: string): string {
  const at = rel.search(/[?#]/);
  return at < 0 ? pathToFileURL(join(site, rel)).href : pathToFileURL(join(site, rel.slice(0, at))).href + rel.slice(at);
}

/** axe-core's serious and critical violations on the page as it stands. */
async function axeSerious(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Runs a search on search.html and waits until its results (and snippets) are on the page. */
/**
 * Waits until a search begun after `before` (the form's data-ready then) has finished and none is under way: the
 * status is then the search's last word, not the 'Checking phrases…' of a run still loading texts.
 */
async function searchSettled(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction((b) => {
    const form = document.querySelector('form.search-form')!;
    const ready = form.getAttribute('data-ready');
    return ready !== null && ready !== b && ready === form.getAttribute('data-run');
  }, before);
}

async function search(page: Page, query: string): Promise<void> {
  const before = await page.getAttribute('form.search-form', 'data-ready');
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await searchSettled(page, before);
}

describe('transform html in a browser', function () {
  this.timeout(180000);
  let context: BrowserContext | undefined;
  let site = '';
  let shots = '';
  const permalink = new Map<string, string>();
  const url = (rel: string) => fileUrl(site, rel);
  const doc = (id: string) => `documents/${permalink.get(id)}.html`;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, name), fullPage: false });

  before(async function () {
    if (!existsSync(CHROMIUM)) return skipBecause(this, `no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    site = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
    for (const d of loadEdition([FIXTURE_TEI]).documents) permalink.set(d.id, d.permalink);
    shots = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : tempDir();
    mkdirSync(shots, { recursive: true });
    context = await chromium.launchPersistentContext(tempDir('chancery-chromium-'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1100, height: 800 },
    });
  });
  after(async () => {
    await context?.close();
    cleanup();
  });

  it('search: Enter runs the search once; the search that typing had scheduled does not run it again', async () => {
    // a browser of its own: the clock below is the whole context's, and the other tests need time to pass
    const own = await chromium.launchPersistentContext(tempDir('chancery-chromium-clock-'), { executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await own.newPage();
      // the page's clock is the test's, stopped: the typing's 150 ms debounce fires only when the test moves it on
      await page.clock.install({ time: 0 });
      await page.goto(url('search.html'));
      await page.clock.pauseAt(1000);
      await search(page, '"handed to me"');
      const run = await page.getAttribute('form.search-form', 'data-run');
      await page.clock.runFor(1000);
      assert.equal(await page.getAttribute('form.search-form', 'data-run'), run, 'no search after the one Enter ran');
      assert.equal(await page.textContent('#status'), '1 document matches “"handed to me"”');
    } finally {
      await own.close();
    }
  });

  it('search: a phrase shows snippets with the hit marked, and opens the document with the hit highlighted', async () => {
    const page = await context!.newPage();
    await page.goto(url('search.html'));
    await search(page, '"handed to me"');
    assert.equal(await page.textContent('#status'), '1 document matches “"handed to me"”');
    assert.deepEqual(await page.locator('#results mark').allTextContents(), ['handed to me']);
    assert.match((await page.textContent('#results .kwic')) ?? '', /message handed to me by Mr Harriman/);
    // the words of the phrase apart do not make the phrase
    await search(page, '"me handed"');
    assert.match((await page.textContent('#status')) ?? '', /^0 documents match/);
    await search(page, '"handed to me"');
    await page.click('#results a');
    await page.waitForURL(/1941-08-04-stalin-to-roosevelt\.html\?q=/);
    const hit = page.locator('.reading mark.hit');
    assert.equal(await hit.count(), 1);
    assert.equal(await hit.textContent(), 'handed to me');
    assert.ok(await hit.isVisible());
    assert.match((await page.textContent('.hit-bar')) ?? '', /^1 hit for/);
    await page.close();
  });

  it('search: prefix search, relevance or date order, and a facet with counts that narrows the results', async () => {
    const page = await context!.newPage();
    await page.goto(url('search.html'));
    await search(page, 'sov');
    const all = await page.locator('#results li').count();
    assert.ok(all >= 3, `sov* finds Soviet in ${all} documents`);
    // counts beside each value, summing to the results for a single-valued facet
    const kinds = await page.locator('#facet-kind li').evaluateAll((lis) => lis.map((li) => li.textContent!.trim()));
    const total = kinds.map((k) => Number(/\((\d+)\)$/.exec(k)![1])).reduce((a, b) => a + b, 0);
    assert.equal(total, all);
    const letter = kinds.find((k) => k.startsWith('Letter'));
    assert.ok(letter, kinds.join(' | '));
    const count = Number(/\((\d+)\)$/.exec(letter)![1]);
    const before = await page.getAttribute('form.search-form', 'data-ready');
    await page.locator('#facet-kind label', { hasText: 'Letter' }).click();
    await searchSettled(page, before);
    assert.equal(await page.locator('#results li').count(), count);
    assert.ok(count < all);
    assert.match(page.url(), /kind=letter/);
    // date order: the results' dates ascend
    await page.selectOption('#sort', 'date');
    await page.waitForFunction(() => /date order/.test(document.getElementById('status')!.textContent!) || /^1 /.test(document.getElementById('status')!.textContent!));
    // a date range leaves out what lies outside it
    await page.fill('#from', '1944');
    await page.press('#from', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#results li').length > 0);
    const metas = await page.locator('#results .r-meta').allTextContents();
    assert.ok(metas.every((m) => /1944/.test(m)), metas.join(' | '));
    await page.close();
  });

  it('index: the quick filters narrow the list', async () => {
    const page = await context!.newPage();
    await page.goto(url('index.html'));
    assert.equal(await page.locator('.doc-list tbody tr:visible').count(), 5);
    await page.selectOption('#f-corr', 'stalin-j');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('2 '));
    await page.selectOption('#f-year', '1944');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('0 '));
    await page.selectOption('#f-corr', '');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('2 '));
    assert.deepEqual(await lowContrast(page), []);
    await page.close();
  });

  it('document: a person link leads to the person page, its documents grouped by year', async () => {
    const page = await context!.newPage();
    await page.goto(url(doc('war-telegrams-004')));
    await page.click('.reading a.persName >> text=Mr CHURCHILL');
    await page.waitForURL(/persons\/churchill-w\.html$/, { timeout: 5000 }).catch(() => {});
    assert.match(page.url(), /persons\/churchill-w\.html$/);
    assert.equal(await page.textContent('h1'), 'Winston Churchill');
    assert.deepEqual(await page.locator('.mentions h3').allTextContents(), ['1941 (1)']);
    assert.ok(await page.locator('a[href="https://www.wikidata.org/wiki/Q8016"]').isVisible());
    assert.deepEqual(await lowContrast(page), []);
    await page.close();
  });

  it('document: a footnote opens on keyboard focus, and its number leads to the note and back', async () => {
    const page = await context!.newPage();
    await page.goto(url(doc('war-telegrams-004')));
    assert.equal(await page.isVisible('#fnpop-1'), false);
    await page.focus('#fnref-1');
    assert.equal(await page.isVisible('#fnpop-1'), true);
    assert.match((await page.textContent('#fnpop-1')) ?? '', /12 July 1941/);
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#fnpop-1'), false, 'Escape dismisses the note');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'fnref-1', 'without moving focus');
    // Following an in-page link updates the URL a moment after the key or click: wait for it, then check.
    await page.keyboard.press('Enter');
    await page.waitForURL(/#fn-1$/, { timeout: 5000 }).catch(() => {});
    assert.match(page.url(), /#fn-1$/);
    await page.click('#fn-1 .backref');
    await page.waitForURL(/#fnref-1$/, { timeout: 5000 }).catch(() => {});
    assert.match(page.url(), /#fnref-1$/);
    await page.close();
  });

  it('document: the printed page number stands where the page broke, in the view and in the text export', async () => {
    const page = await context!.newPage();
    await page.goto(url(doc('fo-letters-003')));
    const pb = page.locator('.reading .pb').first();
    assert.ok(await pb.isVisible());
    assert.match((await pb.textContent()) ?? '', /^\[p\.\s2\]$/);
    await page.close();
    const out = tempDir();
    await transform([FIXTURE_TEI], { to: 'text', outDir: out, config: FIXTURE_CONFIG });
    assert.match(readFileSync(join(out, 'text', `${permalink.get('fo-letters-003')}.txt`), 'utf8'), /\[p\. 2\]/);
  });

  it('document: the diplomatic view shows the debris the reading text hides', async () => {
    const page = await context!.newPage();
    await page.goto(url(doc('fo-letters-003')));
    const debris = page.locator('.dipl.duplicate');
    assert.equal(await debris.isVisible(), false);
    assert.equal(await page.locator('.fw-catch').isVisible(), false);
    await page.check('#diplomatic');
    assert.equal(await debris.isVisible(), true);
    assert.equal(await page.locator('.fw-catch').isVisible(), true);
    assert.deepEqual(await lowContrast(page), []);
    await page.close();
  });

  it('every document page carries correct citation tags, a permalink, paragraph anchors and its TEI', async () => {
    const page = await context!.newPage();
    for (const d of loadEdition([FIXTURE_TEI]).documents) {
      await page.goto(url(`documents/${d.permalink}.html`));
      const meta = await page.evaluate(() => {
        const all: Record<string, string[]> = {};
        for (const m of Array.from(document.querySelectorAll('meta[name^="citation_"], meta[name^="DC."]'))) {
          (all[m.getAttribute('name')!] ??= []).push(m.getAttribute('content')!);
        }
        return all;
      });
      assert.deepEqual(meta.citation_title, [d.title], d.permalink);
      assert.deepEqual(meta.citation_publisher, ['Test publisher']);
      assert.deepEqual(meta.citation_inbook_title, ['Test edition']);
      const permalinkUrl = `https://edition.example.test/documents/${d.permalink}.html`;
      assert.deepEqual(meta.citation_public_url, [permalinkUrl]);
      assert.equal(await page.getAttribute('link[rel=canonical]', 'href'), permalinkUrl);
      if (d.date?.when) assert.deepEqual(meta.citation_date, [d.date.when.replace(/-/g, '/')]);
      const senders = (d.sent?.persons ?? []).filter((p) => !p.role && p.name !== 'Unknown').length;
      assert.equal(meta.citation_author?.length ?? 0, senders, `${d.permalink}: one citation_author per sender`);
      assert.match((await page.textContent('.citation')) ?? '', /accessed \d{1,2} \w+ \d{4}\)/, 'the accessed date is filled in');
      const tei = await page.getAttribute('a.download-tei', 'href');
      assert.ok(tei, `${d.permalink} links its TEI`);
      const teiFile = resolve(dirname(fileURLToPath(page.url())), tei);
      assert.ok(readFileSync(teiFile).equals(readFileSync(d.file)), `${d.permalink}: the TEI link leads to the document's TEI`);
      const anchors = await page.locator('.reading .para-anchor').count();
      if (anchors) {
        await page.goto(url(`documents/${d.permalink}.html#p1`));
        assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'p1');
      }
    }
    await page.close();
  });

  it('axe: no serious or critical violation on any page type', async () => {
    const page = await context!.newPage();
    const pages = ['index.html', 'search.html?q=soviet', doc('fo-letters-003'), doc('journal-article-000'), 'persons.html', 'persons/churchill-w.html', 'places.html', 'chronology.html', 'about.html'];
    const found: string[] = [];
    for (const p of pages) {
      await page.goto(url(p));
      if (p.startsWith('search')) await page.waitForFunction(() => document.querySelector('form.search-form')!.getAttribute('data-ready'));
      found.push(...(await axeSerious(page)).map((v) => `${p}: ${v}`));
      if (p.startsWith('documents/') && (await page.locator('#diplomatic').count()) > 0) {
        await page.check('#diplomatic');
        found.push(...(await axeSerious(page)).map((v) => `${p} (diplomatic view): ${v}`));
      }
    }
    assert.deepEqual(found, []);
    await page.close();
  });

  it('reads on a phone: no horizontal scrolling', async () => {
    const page = await context!.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    for (const p of ['index.html', 'search.html?q=soviet', doc('fo-letters-003'), 'chronology.html', 'about.html']) {
      await page.goto(url(p));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px`);
    }
    await page.close();
  });

  it('on a phone, tapping a footnote opens it as a sheet and the reader keeps their place', async () => {
    const page = await context!.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    const article = doc('journal-article-000');
    await page.goto(url(article));
    await page.locator('#fnref-1').scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.click('#fnref-1');
    assert.ok(await page.isVisible('#fnpop-1'), 'the note is open');
    const box = (await page.locator('#fnpop-1').boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 375 && box.y >= 0 && box.y + box.height <= 740, JSON.stringify(box));
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page did not move');
    assert.ok(!page.url().includes('#fn-1'), 'no jump to the foot of the page');
    await page.click('h1');
    assert.equal(await page.isVisible('#fnpop-1'), false, 'a tap elsewhere closes it');
    await page.close();
  });

  it('prints the text, its metadata and notes, without navigation or debris', async () => {
    const page = await context!.newPage();
    await page.goto(url(doc('fo-letters-003')));
    await page.check('#diplomatic');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-nav', '.view-toggle', '.prev-next', '.dipl.duplicate']) assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
    for (const shown of ['h1', '.doc-meta', '.reading', '.footnotes']) assert.equal(await page.locator(shown).first().isVisible(), true, shown);
    await page.close();
  });

  it('hostile TEI: script planted in every field runs nowhere on the site', async () => {
    const tei = join(tempDir(), 'tei');
    const evil = (tag: string) => `"><script>window.__pwned=(window.__pwned||[]).concat('${tag}')</script><img src=x onerror="window.__pwned=(window.__pwned||[]).concat('${tag}-img')">`;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    mkdirSync(join(tei, `x${esc('"><b>')}`), { recursive: true });
    writeFileSync(
      join(tei, 'persons.xml'),
      `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><listPerson>` +
        `<person xml:id="${esc(`a/b${evil('pid')}`)}"><persName>${esc(evil('pname'))}</persName><idno type="wikidata">${esc(`javascript:alert(1)${evil('idno')}`)}</idno><idno type="url">javascript:window.__pwned=1</idno></person>` +
        `</listPerson></body></text></TEI>`,
    );
    const ref = esc(`../persons.xml#a/b${evil('pid')}`);
    writeFileSync(
      join(tei, `x${esc('"><b>')}`, '001.xml'),
      `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${esc(evil('docid'))}"><teiHeader><fileDesc><titleStmt><title>${esc(evil('title'))}</title></titleStmt>` +
        `<publicationStmt><publisher>P</publisher></publicationStmt><sourceDesc><bibl type="${esc(evil('btype'))}"><title>${esc(evil('source'))}</title><idno type="source">${esc(evil('idno'))}</idno></bibl></sourceDesc></fileDesc>` +
        `<profileDesc><correspDesc><correspAction type="sent"><persName ref="${ref}">${esc(evil('sender'))}</persName><placeName ref="${esc('javascript:alert(1)')}">${esc(evil('place'))}</placeName><date when="${esc(evil('when'))}">${esc(evil('date'))}</date></correspAction>` +
        `<correspAction type="received"><persName ref="${esc('javascript:alert(1)')}">${esc(evil('addressee'))}</persName></correspAction></correspDesc>` +
        `<textClass><keywords><term type="kind">${esc(evil('kind'))}</term><term type="classification">${esc(evil('class'))}</term></keywords></textClass></profileDesc></teiHeader>` +
        `<text xml:lang="${esc(evil('lang'))}"><body><head>${esc(evil('head'))}</head><p xml:id="${esc(evil('pid2'))}" n="${esc(evil('n'))}">Text <persName ref="${ref}">${esc(evil('mention'))}</persName> ` +
        `<ref target="${esc('javascript:window.__pwned=1')}">link</ref> <ref target="${esc(evil('target'))}">link2</ref> <placeName>${esc(evil('place2'))}</placeName>` +
        `<note place="foot" n="${esc(evil('noten'))}">${esc(evil('note'))}</note><pb n="${esc(evil('pb'))}"/> end.</p>` +
        `<note type="duplicate" corresp="${esc(`#${evil('corresp')}`)}">${esc(evil('dup'))}</note></body></text></TEI>`,
    );
    const out = tempDir();
    const report = await transform([tei], { to: 'html', outDir: out, config: FIXTURE_CONFIG });
    assert.equal(report.documents, 1);
    const pages = report.written.filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 8, pages.join(' '));
    for (const f of report.written) assert.ok(f.startsWith(out + '/') && /^[a-z0-9._/-]+$/i.test(f.slice(out.length)), `unsafe output path ${f}`);
    const page = await context!.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const f of pages) {
      const rel = f.slice(out.length + 1);
      await page.goto(pathToFileURL(f).href + (rel === 'search.html' ? '?q=text' : rel.startsWith('documents/') ? '?q=text' : ''));
      if (rel === 'search.html') await page.waitForFunction(() => document.querySelector('form.search-form')!.getAttribute('data-ready'));
      // click every link that stays on the page's own origin and is not a download
      for (const a of await page.locator('a[href^="javascript:"]').all()) assert.fail(`javascript: link on ${rel}: ${await a.getAttribute('href')}`);
      if ((await page.locator('#diplomatic').count()) > 0) await page.check('#diplomatic');
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, `script ran on ${rel}`);
    }
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  it('search on 10,000 documents finds what each query names, and only that', async function () {
    // the search files of a 10,000-document edition, built by the site's own builder from the fixture
    // documents (each copy with words of its own, so that the index grows as a real edition's does);
    // its speed is measured by bench/search.bench.ts (npm run bench -- search), not here
    const out = tempDir();
    const { perRound } = buildSearchSite(out, 2000);
    const page = await context!.newPage();
    await page.goto(pathToFileURL(join(out, 'search.html')).href);
    const matched: Record<string, string> = {};
    for (const q of ['soviet', 'sov', '"handed to me"', 'z42', 'w1234x3', 'churchill government']) {
      await search(page, q);
      const n = (await page.textContent('#status')) ?? '';
      assert.ok(/^\d+ documents? match/.test(n), `${q}: ${n}`);
      matched[q] = n.match(/^\d+/)![0];
    }
    // words of one copy: 'w1234x3' is in one document; 'z42' in every document of the 21 rounds i with i % 97 = 42
    assert.equal(matched['w1234x3'], '1');
    assert.equal(matched['z42'], String(21 * perRound));
    // a word of the fixtures is in every copy of the documents that hold it, so its count is a multiple of the rounds
    assert.equal(Number(matched['soviet']) % 2000, 0, `soviet: ${matched['soviet']}`);
    assert.ok(Number(matched['sov']) >= Number(matched['soviet']), 'a prefix finds at least what its word finds');
    await page.close();
  });

  it('screenshots of the edition (tei/): index, search, document, person, place, timeline, about', async function () {
    const real = existsSync(join(EDITION_TEI, 'persons.xml'));
    const edition = real ? tempDir() : site;
    if (real) await transform([EDITION_TEI], { to: 'html', outDir: edition, config: join(ROOT, 'chancery.config.json') });
    const at = (rel: string) => fileUrl(edition, rel);
    const page = await context!.newPage();
    await page.goto(at('index.html'));
    await shot(page, 'index.png');
    await page.goto(at('search.html'));
    await search(page, real ? '"Soviet Government" Finland' : 'soviet');
    assert.ok((await page.locator('#results li').count()) > 0);
    await shot(page, 'search.png');
    await page.click('#results a');
    await page.waitForSelector('.reading mark.hit');
    await shot(page, 'document.png');
    await page.goto(at('persons/churchill-w.html'));
    await shot(page, 'person.png');
    await page.goto(at('places.html'));
    await shot(page, 'place.png');
    await page.goto(at('chronology.html'));
    await shot(page, 'timeline.png');
    await page.goto(at('about.html'));
    await shot(page, 'about.png');
    await page.setViewportSize({ width: 375, height: 740 });
    const article = real ? loadEdition([EDITION_TEI]).documents.find((d) => d.kind === 'article') : undefined;
    await page.goto(at(article ? `documents/${article.permalink}.html` : doc('journal-article-000')));
    await page.locator('#fnref-1').scrollIntoViewIfNeeded();
    await page.click('#fnref-1');
    await shot(page, 'phone-footnote.png');
    await page.close();
  });
});
