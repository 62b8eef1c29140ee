/**
 * The search files of a large edition, built by the site's own builder from the transform fixtures, each copy
 * of the fixture documents with words of its own ('Register entry w<round>x<document> z<round % 97>') so that
 * the index grows as a real edition's does. Shared by bench/search.bench.ts (its speed) and the browser test
 * (what each query finds).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COPIED_ASSETS } from '../../src/transform/formats/html.js';
import { loadConfig } from '../../src/transform/config.js';
import { loadEdition, readingText } from '../../src/transform/index.js';
import type { TeiElement } from '../../src/transform/index.js';
import { searchPage } from '../../src/transform/site/list-pages.js';
import { SearchIndexBuilder } from '../../src/transform/site/search-index.js';
import { wholeContent, type OutputFile } from '../../src/transform/module.js';

/** dist/bench/helpers → the repository root. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/transform');

export interface SearchSite {
  /** The reading text of every document indexed, in order. */
  texts: string[];
  /** Fixture documents in each round. */
  perRound: number;
}

/** Writes search.html, its assets and the index of `rounds` copies of the fixture documents into `out`. */
export function buildSearchSite(out: string, rounds: number): SearchSite {
  const edition = loadEdition([join(FIXTURES, 'tei')]);
  const builder = new SearchIndexBuilder();
  const texts: string[] = [];
  const write = (f: OutputFile): void => {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), wholeContent(f.content));
  };
  for (let i = 0; i < rounds; i++) {
    edition.documents.forEach((d, j) => {
      const body = edition.tree(d).children.find((c): c is TeiElement => c.type === 'element' && c.name === 'text')!;
      const text = `${readingText(body)}\nRegister entry w${i}x${j} z${i % 97}.`;
      texts.push(text);
      const chunk = builder.add({
        permalink: `${d.permalink}-${i}`,
        title: d.title,
        date: d.sortKey,
        dateLabel: d.sortKey,
        kind: d.kind,
        year: d.sortKey.slice(0, 4),
        senders: (d.sent?.persons ?? []).map((p) => p.id ?? p.name),
        addressees: (d.received?.persons ?? []).map((p) => p.id ?? p.name),
        names: '',
        text,
      });
      if (chunk) write(chunk);
    });
  }
  builder.finish().forEach(write);
  write({ path: 'search.html', content: searchPage(readFileSync(join(ROOT, 'assets/html/page.html'), 'utf8'), loadConfig(join(FIXTURES, 'chancery.config.json'), false)) });
  for (const a of COPIED_ASSETS) write({ path: `assets/${a}`, content: readFileSync(join(ROOT, 'assets/html', a), 'utf8') });
  return { texts, perRound: edition.documents.length };
}
