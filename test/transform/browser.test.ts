/**
 * The HTML edition in a real browser: Playwright (playwright-core) driving Debian's chromium, headless,
 * over file:// URLs. Opens the index, searches, filters, follows a person link, opens a footnote by
 * keyboard focus, turns on the diplomatic view, measures text contrast, and takes screenshots.
 * Screenshots go to the OS temp dir; with UPDATE_SCREENSHOTS=1 they go to docs/screenshots/ (committed).
 * Where chromium is absent, the tests say that they skipped.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { transform } from '../../src/transform/index.js';
import { cleanup, EDITION_TEI, FIXTURE_CONFIG, FIXTURE_TEI, ROOT, skipBecause, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

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
      if (el.closest('.visually-hidden')) continue;
      const fg = lum(parse(style.color).slice(0, 3));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)}`);
    }
    return bad;
  });
}

describe('transform html in a browser', function () {
  this.timeout(90000);
  let context: BrowserContext | undefined;
  let site = '';
  let shots = '';
  const url = (rel: string) => pathToFileURL(join(site, rel)).href;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, name), fullPage: false });

  before(async function () {
    if (!existsSync(CHROMIUM)) return skipBecause(this, `no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    site = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
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

  it('index: full-text search and filters narrow the list', async () => {
    const page = await context!.newPage();
    await page.goto(url('index.html'));
    assert.equal(await page.locator('.doc-list tbody tr:visible').count(), 5);
    await page.fill('#q', 'Harriman');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('match'));
    assert.equal(await page.textContent('#status'), '1 document matches “Harriman”');
    assert.deepEqual(await page.locator('.doc-list tbody tr:visible').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id'))), ['war-telegrams-005']);
    await shot(page, 'index-search.png');
    await page.fill('#q', '');
    await page.selectOption('#f-corr', 'stalin-j');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('2 '));
    await page.selectOption('#f-year', '1944');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('0 '));
    await page.selectOption('#f-corr', '');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('2 '));
    assert.deepEqual(await lowContrast(page), []);
    await page.close();
  });

  it('document: a person link leads to the person page with every mention', async () => {
    const page = await context!.newPage();
    await page.goto(url('documents/war-telegrams-004.html'));
    await page.click('.reading a.persName >> text=Mr CHURCHILL');
    await page.waitForURL(/persons\/churchill-w\.html$/, { timeout: 5000 }).catch(() => {});
    assert.match(page.url(), /persons\/churchill-w\.html$/);
    assert.equal(await page.textContent('h1'), 'Winston Churchill');
    assert.equal(await page.locator('.mentions li').count(), 1);
    assert.ok(await page.locator('a[href="https://www.wikidata.org/wiki/Q8016"]').isVisible());
    await shot(page, 'person.png');
    assert.deepEqual(await lowContrast(page), []);
    await page.close();
  });

  it('document: a footnote opens on keyboard focus, and its number leads to the note and back', async () => {
    const page = await context!.newPage();
    await page.goto(url('documents/war-telegrams-004.html'));
    assert.equal(await page.isVisible('#fnpop-1'), false);
    await page.focus('#fnref-1');
    assert.equal(await page.isVisible('#fnpop-1'), true);
    assert.match((await page.textContent('#fnpop-1')) ?? '', /12 July 1941/);
    await shot(page, 'footnote.png');
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

  it('document: the diplomatic view shows the debris the reading text hides', async () => {
    const page = await context!.newPage();
    await page.goto(url('documents/fo-letters-003.html'));
    const debris = page.locator('.dipl.duplicate');
    assert.equal(await debris.isVisible(), false);
    assert.equal(await page.locator('.fw-catch').isVisible(), false);
    await page.check('#diplomatic');
    assert.equal(await debris.isVisible(), true);
    assert.equal(await page.locator('.fw-catch').isVisible(), true);
    await shot(page, 'diplomatic-view.png');
    assert.deepEqual(await lowContrast(page), []);
    await page.close();
  });

  it('reads on a phone: no horizontal scrolling', async () => {
    const page = await context!.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    for (const p of ['index.html', 'documents/fo-letters-003.html']) {
      await page.goto(url(p));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px`);
    }
    await shot(page, 'phone-document.png');
    await page.close();
  });

  it('on a phone a footnote opens as a sheet inside the screen', async () => {
    const page = await context!.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(url('documents/journal-article-000.html'));
    await page.focus('#fnref-1');
    const box = (await page.locator('#fnpop-1').boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 375 && box.y >= 0 && box.y + box.height <= 740, JSON.stringify(box));
    await shot(page, 'phone-footnote.png');
    await page.close();
  });

  it('prints the text, its metadata and notes, without navigation or debris', async () => {
    const page = await context!.newPage();
    await page.goto(url('documents/fo-letters-003.html'));
    await page.check('#diplomatic');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-nav', '.view-toggle', '.prev-next', '.dipl.duplicate']) assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
    for (const shown of ['h1', '.doc-meta', '.reading', '.footnotes']) assert.equal(await page.locator(shown).first().isVisible(), true, shown);
    await page.close();
  });

  it('the whole edition (tei/): search and a document page', async function () {
    if (!existsSync(join(EDITION_TEI, 'persons.xml'))) return skipBecause(this, 'tei/ not converted yet');
    const edition = tempDir();
    await transform([EDITION_TEI], { to: 'html', outDir: edition });
    const page = await context!.newPage();
    await page.goto(pathToFileURL(join(edition, 'index.html')).href);
    await shot(page, 'edition-index.png');
    await page.fill('#q', 'Finland');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('match'));
    const shown = await page.locator('.doc-list tbody tr:visible').count();
    assert.ok(shown > 0 && shown < (await page.locator('.doc-list tbody tr').count()));
    await shot(page, 'edition-search.png');
    await page.locator('.doc-list tbody tr:visible a').first().click();
    assert.ok(await page.locator('article.document h1').isVisible());
    await shot(page, 'edition-document.png');
    await page.close();
  });
});
