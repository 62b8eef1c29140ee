/**
 * XML bench: reading the edition's TEI files (tei/, in memory) with src/xml (saxes, a tree with 1-based positions)
 * against fast-xml-parser (the design card's reader, no positions) and saxes alone (no tree), in the same run;
 * writing them again with src/xml's writer against xmlbuilder2 (the design card's writer). These are the measured
 * reasons for src/xml's choices (docs/decisions.md, "Dependencies").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { create } from 'xmlbuilder2';
import { parseXmlTree, XmlWriter, type XmlElement, type XmlWriterElement } from '../src/xml/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = 5;

function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? xmlFiles(p) : n.endsWith('.xml') ? [p] : [];
    });
}

/** Median of `ROUNDS` timings of `work` over every text, in ms. */
function median(texts: readonly string[], work: (text: string) => void): number {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (const t of texts) work(t);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

function writeOurs(el: XmlElement, e: XmlWriterElement): void {
  for (const [k, v] of Object.entries(el.attrs)) if (k !== 'xmlns') e.att(k, v);
  for (const c of el.children) {
    if (c.type === 'text') e.txt(c.text);
    else writeOurs(c, e.ele(c.name));
  }
}

type BuilderNode = ReturnType<typeof create>;

function writeXmlbuilder2(el: XmlElement, parent: BuilderNode): void {
  const e = parent.ele(el.name, el.attrs);
  for (const c of el.children) {
    if (c.type === 'text') e.txt(c.text);
    else writeXmlbuilder2(c, e);
  }
}

export async function run(): Promise<void> {
  const texts = xmlFiles(join(ROOT, 'tei')).map((f) => readFileSync(f, 'utf8'));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1048576;
  const fxp = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false });
  // warm-up: the JIT, and every module loaded
  for (const t of texts.slice(0, 20)) {
    parseXmlTree(t, 'x.xml');
    fxp.parse(t);
  }
  const ours = median(texts, (t) => void parseXmlTree(t, 'x.xml'));
  const fast = median(texts, (t) => void fxp.parse(t));
  const saxesOnly = median(texts, (t) => {
    const p = new SaxesParser({ xmlns: true, position: true });
    p.on('opentag', () => {});
    p.write(t).close();
  });
  const row = (name: string, ms: number, note: string): void =>
    console.log(`  ${name.padEnd(46)} ${ms.toFixed(0).padStart(5)} ms  ${(mb / (ms / 1000)).toFixed(1).padStart(5)} MB/s  ${(ms / fast).toFixed(2)}× fast-xml-parser  ${note}`);
  console.log(`read ${texts.length} TEI files of tei/ (${mb.toFixed(2)} MB), median of ${ROUNDS}:`);
  row('fast-xml-parser, order kept (reference)', fast, 'no positions');
  row('saxes alone, namespaces and positions', saxesOnly, 'events only, no tree');
  row('src/xml parseXmlTree (saxes → tree)', ours, 'line and column on every element');

  const trees = texts.map((t) => parseXmlTree(t, 'x.xml').root!);
  const ourWrite = median(texts, (() => {
    let i = 0;
    return () => {
      const root = trees[i++ % trees.length]!;
      const doc = new XmlWriter();
      writeOurs(root, doc.ele(root.attrs.xmlns ?? '', root.name));
      doc.end();
    };
  })());
  const builderWrite = median(texts, (() => {
    let i = 0;
    return () => {
      const doc = create({ version: '1.0', encoding: 'UTF-8' });
      writeXmlbuilder2(trees[i++ % trees.length]!, doc);
      doc.end({ prettyPrint: false });
    };
  })());
  console.log(`write the same trees again, median of ${ROUNDS}:`);
  console.log(`  xmlbuilder2 (reference)                        ${builderWrite.toFixed(0).padStart(5)} ms  ${(mb / (builderWrite / 1000)).toFixed(1).padStart(5)} MB/s`);
  console.log(`  src/xml XmlWriter                              ${ourWrite.toFixed(0).padStart(5)} ms  ${(mb / (ourWrite / 1000)).toFixed(1).padStart(5)} MB/s  ${(ourWrite / builderWrite).toFixed(2)}× xmlbuilder2`);
}
