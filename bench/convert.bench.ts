/**
 * Conversion throughput: the seeds, and a corpus of ≥ 50 MB made by repeating them, converted and
 * serialized in memory (no disk writes), on one core. Reference runs in the same process:
 * - a naive converter (blank-line paragraphs, XML-escaped, xmlbuilder2), the floor any converter pays;
 * - xmlbuilder2 serializing our own documents, beside the small writer we use (docs/decisions.md).
 * Memory: heap after each 10 MB of input, to show it stays flat as input grows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { create } from 'xmlbuilder2';
import { convert, serializeTei } from '../src/convert/index.js';
import { PersonRegistry } from '../src/convert/entities/personography.js';
import type { Inline, TeiDocument } from '../src/model/document.js';

const SOURCES = resolve(import.meta.dirname, '..', '..', 'sources');
const MB = 1048576;

function seeds(): { name: string; bytes: Buffer }[] {
  return readdirSync(SOURCES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(SOURCES, f)) }));
}

function naive(text: string, name: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.tei-c.org/ns/1.0', 'TEI');
  root.ele('teiHeader').ele('fileDesc').ele('titleStmt').ele('title').txt(name);
  const body = root.ele('text').ele('body');
  for (const para of text.split(/\n\s*\n/)) if (para.trim()) body.ele('p').txt(para.trim());
  return root.end();
}

/** Our documents through xmlbuilder2: the body's text only, which is most of the work. */
function viaXmlbuilder2(doc: TeiDocument): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.tei-c.org/ns/1.0', 'TEI');
  const body = root.ele('text').ele('body');
  const write = (el: ReturnType<typeof root.ele>, inlines: Inline[]) => {
    for (const i of inlines) {
      if (i.type === 'text') el.txt(i.text);
      else if (i.type === 'hi' || i.type === 'entity') write(el.ele(i.type === 'hi' ? 'hi' : i.tag), i.children);
      else if (i.type === 'note') for (const p of i.parts) write(el.ele('note'), p.inlines);
    }
  };
  for (const b of doc.blocks) write(body.ele('p'), b.inlines);
  return root.end();
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

export async function run(): Promise<void> {
  const files = seeds();
  const seedBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  // Warm up the JIT on one pass over the seeds.
  for (const f of files) convert(f.bytes, { fileName: f.name, persons: new PersonRegistry() }).documents.forEach((d) => serializeTei(d));

  const [seedDocs, seedMs] = time(() => {
    let n = 0;
    const persons = new PersonRegistry();
    for (const f of files) for (const d of convert(f.bytes, { fileName: f.name, persons }).documents) {
      serializeTei(d);
      n++;
    }
    return n;
  });
  const [, naiveMs] = time(() => files.forEach((f) => naive(f.bytes.toString('utf8'), f.name)));
  console.log(`seeds: ${(seedBytes / MB).toFixed(2)} MB, ${seedDocs} documents in ${seedMs.toFixed(0)} ms: ${(seedBytes / MB / (seedMs / 1000)).toFixed(2)} MB/s, ${(seedDocs / (seedMs / 1000)).toFixed(0)} documents/s`);
  console.log(`  naive converter (paragraphs + xmlbuilder2) on the same input: ${naiveMs.toFixed(0)} ms; ours is ${(seedMs / naiveMs).toFixed(1)}× its time`);

  const allDocs = files.flatMap((f) => convert(f.bytes, { fileName: f.name, persons: new PersonRegistry() }).documents);
  const [, oursSer] = time(() => allDocs.forEach((d) => serializeTei(d)));
  const [, xb2Ser] = time(() => allDocs.forEach((d) => viaXmlbuilder2(d)));
  console.log(`serialize ${allDocs.length} documents: our writer ${oursSer.toFixed(0)} ms, xmlbuilder2 (body only) ${xb2Ser.toFixed(0)} ms: ratio ${(oursSer / xb2Ser).toFixed(2)}`);

  // ≥ 50 MB corpus: the seeds again and again, one input at a time as `chancery convert` reads them.
  const target = 50 * MB;
  let done = 0;
  let docs = 0;
  let nextMark = 10 * MB;
  const heaps: string[] = [];
  const persons = new PersonRegistry();
  const t0 = performance.now();
  for (let round = 0; done < target; round++) {
    for (const f of files) {
      for (const d of convert(f.bytes, { fileName: `r${round}-${f.name}`, persons }).documents) {
        serializeTei(d);
        docs++;
      }
      done += f.bytes.length;
      if (done >= nextMark) {
        globalThis.gc?.();
        heaps.push(`${(done / MB).toFixed(0)} MB: heap ${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB`);
        nextMark += 10 * MB;
      }
    }
  }
  const ms = performance.now() - t0;
  console.log(`corpus: ${(done / MB).toFixed(1)} MB, ${docs} documents in ${(ms / 1000).toFixed(1)} s: ${(done / MB / (ms / 1000)).toFixed(2)} MB/s, ${(docs / (ms / 1000)).toFixed(0)} documents/s (one core; goal ≥ 10 MB/s)`);
  console.log(`  memory as input grows: ${heaps.join('; ')}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
