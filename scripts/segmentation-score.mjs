// Segmentation of frus-dev volumes by rules/documentary-volume, scored like score.py's `segments`.
// usage: npm run build && node scripts/segmentation-score.mjs [volume|print] [-v N] [--divs]
// Reads ../shared/frus-dev beside the repository.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBlocks } from '../dist/src/convert/readers/blocks.js';
import { splitLines } from '../dist/src/convert/readers/decode.js';
import { segmentDocumentaryVolume } from '../dist/src/convert/rules/documentary-volume.js';
import { reflowPrint } from '../dist/src/convert/readers/print-layout.js';
const set = process.argv[2] ?? 'volume';
const vi = process.argv.indexOf('-v');
const verbose = vi > 0 ? Number(process.argv[vi + 1]) : 0;
const F = fileURLToPath(new URL('../../shared/frus-dev', import.meta.url));
let TP = 0, FN = 0, FP = 0;
for (const v of ['frus1918Russiav03', 'frus1934v04', 'frus1901China']) {
  const text = readFileSync(`${F}/${set}/${v}.txt`, 'utf8');
  const lines = splitLines(text);
  const gold = JSON.parse(readFileSync(`${F}/gold-${set}/${v}.json`, 'utf8'));
  const printed = reflowPrint(lines);
  const source = { file: v, encoding: 'utf-8', hadBom: false, byteLength: text.length, lines: printed ? printed.lines : lines };
  const blocks = readBlocks(source);
  // Logical line numbers back to the source's physical lines.
  const first = (n) => (printed ? printed.pieces[n - 1][0].line : n);
  const last = (n) => (printed ? printed.pieces[n - 1].at(-1).line : n);
  for (const b of blocks) { b.line = first(b.line); b.endLine = last(b.endLine); }
  const t0 = performance.now();
  const units = segmentDocumentaryVolume(blocks) ?? [];
  const ms = performance.now() - t0;
  const docs = units.filter((u) => u.kind === 'document').map((u) => ({ s: blocks[u.from].line, e: blocks[u.to - 1].endLine, head: u.head }));
  const divs = units.filter((u) => u.kind === 'divisions').map((u) => ({ s: blocks[u.from].line, e: blocks[u.to - 1].endLine }));
  const starts = gold.map((g) => g.start_line);
  const lo = Math.min(...starts), hi = Math.max(...gold.map((g) => g.end_line));
  const inRange = docs.filter((d) => d.s <= hi && d.e >= lo);
  const matched = new Set();
  const miss = [];
  gold.forEach((g, i) => {
    const hits = inRange.filter((d) => d.s <= g.start_line && g.start_line <= d.e);
    if (hits.length === 1 && !starts.some((o, k) => k !== i && hits[0].s <= o && o <= hits[0].e)) matched.add(hits[0]);
    else miss.push({ g, hits });
  });
  const fps = inRange.filter((d) => !matched.has(d));
  TP += matched.size; FN += gold.length - matched.size; FP += fps.length;
  console.log(`${v}: gold ${gold.length} docs ${docs.length} divs ${divs.length} tp ${matched.size} fn ${gold.length - matched.size} fp ${fps.length} (${ms.toFixed(0)} ms)`);
  for (const { g, hits } of miss.slice(0, verbose)) {
    const h = hits.map((d) => `${d.s}-${d.e}`).join(',');
    console.log(`  MISS ${g.id} start ${g.start_line} head ${g.head_line} in [${h}] | ${lines[g.start_line - 1].slice(0, 70)}`);
  }
  for (const d of fps.slice(0, verbose)) console.log(`  FP ${d.s}-${d.e} | ${lines[d.s - 1].slice(0, 80)}`);
  if (process.argv.includes('--divs')) for (const d of divs) console.log(`  DIV ${d.s}-${d.e} | ${lines[d.s - 1].slice(0, 100)}`);
}
const p = TP / (TP + FP), r = TP / (TP + FN);
console.log(`segments P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${(2 * p * r / (p + r)).toFixed(4)}`);
