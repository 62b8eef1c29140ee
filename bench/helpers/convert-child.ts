/**
 * One conversion measured in a process of its own, for bench/convert-scale.bench.ts: `node convert-child.js
 * chancery|naive FILE OUTDIR` converts FILE into OUTDIR and prints one line of JSON with the CPU and wall time it
 * took, the documents written and the process's peak RSS (with the CLI's V8 flags: src/cli/heap-growth.ts, src/cli/optimisation-budget.ts) (which a parent cannot read of a child it spawned
 * synchronously). `chancery` is what `chancery convert FILE --out OUTDIR --jobs 1` does; `naive` the reference: the
 * floor any converter pays (read, cut at blank lines, build XML with xmlbuilder2, write), one document per 100
 * paragraphs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { convertFiles } from '../../src/build/convert-files.js';
import { limitHeapGrowth } from '../../src/cli/heap-growth.js';
import { raiseOptimisationBudget } from '../../src/cli/optimisation-budget.js';

export interface ChildMeasure {
  cpuSeconds: number;
  wallSeconds: number;
  documents: number;
  peakRssMB: number;
}

const PARAGRAPHS_PER_NAIVE_DOCUMENT = 100;

function naive(file: string, outDir: string): number {
  const paragraphs = readFileSync(file, 'utf8').split(/\n\s*\n/).filter((p) => p.trim());
  mkdirSync(outDir, { recursive: true });
  let documents = 0;
  for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_NAIVE_DOCUMENT) {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.tei-c.org/ns/1.0', 'TEI');
    root.ele('teiHeader').ele('fileDesc').ele('titleStmt').ele('title').txt(`${file} ${documents + 1}`);
    const body = root.ele('text').ele('body');
    for (const p of paragraphs.slice(i, i + PARAGRAPHS_PER_NAIVE_DOCUMENT)) body.ele('p').txt(p.trim());
    writeFileSync(join(outDir, `${String(++documents).padStart(5, '0')}.xml`), root.end());
  }
  return documents;
}

async function main(): Promise<void> {
  const [mode, file, outDir] = process.argv.slice(2);
  if (!file || !outDir || (mode !== 'chancery' && mode !== 'naive')) throw new Error('usage: convert-child.js chancery|naive FILE OUTDIR');
  // As the CLI does.
  if (mode === 'chancery') {
    limitHeapGrowth();
    raiseOptimisationBudget();
  }
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let documents: number;
  if (mode === 'naive') documents = naive(file, outDir);
  else {
    const result = await convertFiles([file], { outDir, jobs: 1, generatedOn: '2026-01-01' });
    documents = result.files.reduce((n, f) => n + f.documents, 0);
  }
  const cpu = process.cpuUsage(cpu0);
  const measure: ChildMeasure = {
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds: (performance.now() - wall0) / 1000,
    documents,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(measure) + '\n');
}

await main();
