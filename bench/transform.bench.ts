/**
 * Transform bench: the whole edition (tei/) to HTML and to text; 1,000 documents (the edition repeated in
 * a temp dir) to HTML; 10,000 to HTML to show that memory stays flat. Each run is a child process of its
 * own, so that its peak memory (max RSS) is its own. Figures are printed as documents/s and as ratios
 * against a reference run in the same bench: a naive pass of fast-xml-parser parsing and re-serialising
 * the same files (no transform at all), the floor any XML tool pays.
 *
 * For scale (issue 5): the TEI Consortium's HTML5 stylesheets under Saxon-HE take 87–100 s for 1,000
 * documents in one JVM here; goals are < 2 s for the ~375-document edition and ≤ 5 s for 1,000.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import MiniSearch from 'minisearch';
import { loadEdition, readingText, transform, transformEdition } from '../src/transform/index.js';
import { child as childElement } from '../src/transform/tei-tree.js';
import type { TransformTarget } from '../src/transform/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/bench → the repository root. */
const ROOT = resolve(here, '../..');

interface Measure {
  documents: number;
  ms: number;
  maxRssMb: number;
}

/** Every .xml below a directory. */
function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const full = join(dir, e);
    if (statSync(full).isDirectory()) out.push(...xmlFiles(full));
    else if (e.endsWith('.xml')) out.push(full);
  }
  return out;
}

/** Copies the edition's documents into `dest` until it holds `count` of them (plus the personography). */
function repeatEdition(src: string, dest: string, count: number): void {
  const docs = xmlFiles(src).filter((f) => dirname(f) !== src);
  mkdirSync(dest, { recursive: true });
  copyFileSync(join(src, 'persons.xml'), join(dest, 'persons.xml'));
  for (let i = 0; i < count; i++) {
    const f = docs[i % docs.length]!;
    const round = Math.floor(i / docs.length);
    const dir = join(dest, `${dirname(f).split(/[\\/]/).pop()}-r${round}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(f, join(dir, f.split(/[\\/]/).pop()!));
  }
}

/** One measured run, in a child process (`node transform.bench.js --phase …`). */
function child(phase: string, src: string, out: string): Measure {
  const json = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', phase, src, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(json.trim().split('\n').pop()!) as Measure;
}

/** The reference: parse every file with fast-xml-parser (order kept) and serialise it again. */
function naive(src: string): number {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false });
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false });
  let n = 0;
  for (const f of xmlFiles(src)) {
    builder.build(parser.parse(readFileSync(f, 'utf8')));
    n++;
  }
  return n;
}

async function phase(kind: string, src: string, out: string): Promise<void> {
  const started = performance.now();
  let documents: number;
  if (kind === 'naive') documents = naive(src);
  else if (kind === 'all') documents = (await transformEdition([src], { site: join(out, 'site'), exports: join(out, 'exports'), config: join(ROOT, 'chancery.config.json') }))[0]!.documents;
  else documents = (await transform([src], { to: kind as TransformTarget, outDir: out, config: join(ROOT, 'chancery.config.json') })).documents;
  const ms = performance.now() - started;
  console.log(JSON.stringify({ documents, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** Total bytes of the files of a directory whose names match. */
function bytes(dir: string, test: (name: string) => boolean): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter(test).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

const kb = (n: number): string => `${Math.round(n / 1024).toLocaleString('en')} kB`;

/**
 * The site's search files against two references over the same documents: what the site shipped before
 * the prebuilt index (every reading text as search data, the index built in the browser on the first
 * search: MiniSearch.addAll timed here, in Node), and a MiniSearch index serialised at build time.
 */
function searchSizes(src: string, site: string): string {
  const documents = xmlFiles(src).length - 1;
  const per1000 = (n: number): string => kb((n / documents) * 1000);
  const index = bytes(join(site, 'assets'), (f) => f === 'search-index.js');
  const texts = bytes(join(site, 'assets'), (f) => f.startsWith('search-text-'));
  const edition = loadEdition([src]);
  const entries = edition.documents.map((d) => {
    const text = childElement(edition.tree(d), 'text');
    return { id: d.id, t: d.title, n: '', x: text ? readingText(text) : '' };
  });
  const before = JSON.stringify(entries).length;
  const started = performance.now();
  const mini = new MiniSearch({ fields: ['t', 'n', 'x'], storeFields: [] });
  mini.addAll(entries);
  const addMs = performance.now() - started;
  const serialised = JSON.stringify(mini).length;
  return (
    `  search: index ${kb(index)} (${per1000(index)} per 1,000 documents) + texts ${kb(texts)}, loaded only for snippets and phrases; ` +
    `before: ${per1000(before)} of texts per 1,000 documents and MiniSearch built in the browser on the first search (${(addMs / 1000).toFixed(2)} s for these in Node); ` +
    `MiniSearch serialised: ${per1000(serialised)} per 1,000 documents (×${(serialised / index).toFixed(1)} ours)`
  );
}

/** Wall-time goals of issue 5, in ms. */
const GOALS: Record<string, number> = { 'edition → html': 2000, 'edition → text': 2000, '1000 docs → html': 5000 };

const fmt = (m: Measure, ref: Measure): string =>
  `${String(m.documents).padStart(6)} docs  ${(m.ms / 1000).toFixed(2).padStart(6)} s  ${Math.round((m.documents / m.ms) * 1000).toString().padStart(5)} docs/s  ` +
  `peak ${Math.round(m.maxRssMb).toString().padStart(4)} MB  ×${(m.ms / ref.ms).toFixed(1)} the naive parse+serialise (${(ref.ms / 1000).toFixed(2)} s)`;

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'chancery-bench-transform-'));
  try {
    let edition = join(ROOT, 'tei');
    if (!existsSync(join(edition, 'persons.xml'))) {
      console.log('tei/ not converted yet: benching the test fixtures repeated to 375 documents');
      edition = join(tmp, 'edition');
      repeatEdition(join(ROOT, 'test/fixtures/transform/tei'), edition, 375);
    }
    const runs: [string, string, string][] = [
      ['edition → html', 'html', edition],
      ['edition → text', 'text', edition],
      ['edition → all 5', 'all', edition],
    ];
    const sizes = (process.env.CHANCERY_BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
    for (const n of sizes) {
      const dir = join(tmp, `x${n}`);
      repeatEdition(edition, dir, n);
      runs.push([`${n} docs → html`, 'html', dir]);
    }
    for (const [label, kind, src] of runs) {
      const ref = child('naive', src, '');
      const m = child(kind, src, join(tmp, `out-${kind}-${label.replace(/\W+/g, '')}`));
      const goal = GOALS[label];
      console.log(`${label.padEnd(18)} ${fmt(m, ref)}${goal ? `  goal < ${goal / 1000} s: ${m.ms < goal ? 'met' : 'MISSED'}` : ''}`);
      if (kind === 'html') console.log(searchSizes(src, join(tmp, `out-${kind}-${label.replace(/\W+/g, '')}`)));
      rmSync(join(tmp, `out-${kind}-${label.replace(/\W+/g, '')}`), { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--phase' && process.argv[1] === fileURLToPath(import.meta.url)) {
  await phase(process.argv[3]!, process.argv[4]!, process.argv[5]!);
}
