// Print extraction → logical lines, compared line by line with the volume rendering of the same volume.
// usage: npm run build && node scripts/print-reflow-check.mjs (reads ../shared/frus-dev beside the repository)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reflowPrint } from '../dist/src/convert/readers/print-layout.js';
const F = fileURLToPath(new URL('../../shared/frus-dev', import.meta.url));
for (const v of ['frus1918Russiav03', 'frus1934v04', 'frus1901China']) {
  const print = readFileSync(`${F}/print/${v}.txt`, 'utf8').split('\n');
  const vol = readFileSync(`${F}/volume/${v}.txt`, 'utf8').split('\n');
  const t0 = performance.now();
  const r = reflowPrint(print);
  const ms = performance.now() - t0;
  let same = 0, diff = 0; const ex = [];
  // align by walking both; count mismatching lines
  let i = 0, j = 0;
  while (i < r.lines.length && j < vol.length) {
    if (r.lines[i] === vol[j]) { same++; i++; j++; continue; }
    diff++; if (ex.length < 4) ex.push([i, r.lines[i].slice(0, 60), vol[j].slice(0, 60)]);
    // resync: find next equal line within 5
    let found = false;
    for (let d = 1; d < 6 && !found; d++) for (const [a, b] of [[d, 0], [0, d], [d, d]]) if (!found && r.lines[i + a] === vol[j + b] && vol[j + b] !== '') { i += a; j += b; found = true; }
    if (!found) { i++; j++; }
  }
  console.log(v, 'width', r.width, 'pages', r.pageBreaks.length, 'lines', r.lines.length, 'vol', vol.length, 'same', same, 'diff', diff, `${ms.toFixed(0)} ms`);
  for (const e of ex) console.log('   ', e);
}
