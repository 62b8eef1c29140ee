// Coverage by stage and layer, held above the thresholds of scripts/coverage-thresholds.json: `npm test` runs the
// tests under c8 (.c8rc.json), then this. `--save` raises the thresholds to just below today's figures (never lowers
// them): run it when you land more tests, and commit the file.
// usage: node scripts/check-coverage.mjs [--save]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUMMARY = `${ROOT}coverage/coverage-summary.json`;
const THRESHOLDS = `${ROOT}scripts/coverage-thresholds.json`;
const MEASURES = ['lines', 'branches', 'functions'];
// How far below today's figure a saved threshold sits: runs differ a little (tests that need jing, chromium or
// ../shared skip where they are absent; worker and signal paths depend on timing).
const MARGIN = 0.5;

/** The stage or layer a source file belongs to: `src/convert`, `packages/relaxng`, `src` for the top-level files. */
function groupOf(file) {
  const rel = file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
  const parts = rel.split('/');
  if (parts[0] === 'packages') return `packages/${parts[1]}`;
  return parts.length === 2 ? 'src' : `src/${parts[1]}`;
}

const summary = JSON.parse(readFileSync(SUMMARY, 'utf8'));
const groups = new Map();
for (const [file, figures] of Object.entries(summary)) {
  if (file === 'total') continue;
  const name = groupOf(file);
  const g = groups.get(name) ?? Object.fromEntries(MEASURES.map((m) => [m, { covered: 0, total: 0 }]));
  for (const m of MEASURES) {
    g[m].covered += figures[m].covered;
    g[m].total += figures[m].total;
  }
  groups.set(name, g);
}
groups.set('total', Object.fromEntries(MEASURES.map((m) => [m, summary.total[m]])));
const pct = (c) => (c.total === 0 ? 100 : (100 * c.covered) / c.total);

const thresholds = JSON.parse(readFileSync(THRESHOLDS, 'utf8'));
const below = [];
const lines = [];
for (const [name, g] of [...groups].sort(([a], [b]) => (a === 'total') - (b === 'total') || a.localeCompare(b))) {
  const cells = MEASURES.map((m) => {
    const value = pct(g[m]);
    const floor = thresholds[name]?.[m];
    if (floor !== undefined && value < floor) below.push(`${name} ${m} ${value.toFixed(1)} % < ${floor} %`);
    return `${value.toFixed(1).padStart(5)}${floor === undefined ? '      ' : ` (${String(floor).padStart(4)})`}`;
  });
  lines.push(`  ${name.padEnd(18)} ${cells.join('  ')}`);
}
console.log(`coverage in %, by stage and layer (threshold):\n  ${''.padEnd(18)} ${MEASURES.map((m) => m.padEnd(12)).join(' ')}\n${lines.join('\n')}`);
const unknown = [...groups.keys()].filter((name) => !thresholds[name]);
if (unknown.length > 0 && !process.argv.includes('--save')) console.log(`no threshold yet for ${unknown.join(', ')}: node scripts/check-coverage.mjs --save`);

if (process.argv.includes('--save')) {
  const next = {};
  for (const [name, g] of groups) {
    next[name] = Object.fromEntries(MEASURES.map((m) => [m, Math.max(thresholds[name]?.[m] ?? 0, Math.floor(2 * (pct(g[m]) - MARGIN)) / 2)]));
  }
  writeFileSync(THRESHOLDS, `${JSON.stringify(Object.fromEntries(Object.entries(next).sort()), null, 1)}\n`);
  console.log(`thresholds saved in ${THRESHOLDS.slice(ROOT.length)}`);
} else if (below.length > 0) {
  console.error(`coverage fell below its threshold:\n  ${below.join('\n  ')}\n(add tests for what changed; scripts/coverage-thresholds.json holds the thresholds)`);
  process.exitCode = 1;
}
