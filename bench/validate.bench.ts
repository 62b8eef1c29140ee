/**
 * Validation speed through the CLI, start-up included, against jing in the same run (issue 10's three goals):
 * 1,000 edition documents against schema/chancery.rng (goal ≤ 0.5× jing) and against tei_all (≤ 1×), and one
 * 3 MB document against tei_all (≤ 0.5×). Both run as child processes under /usr/bin/time -v, so both pay their
 * start-up and schema compile, and peak memory is measured the same way. Each case alternates jing and ours,
 * BENCH_RUNS times (default 3), and prints medians, the ratio, documents/s or MB/s, and peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli/chancery.js');
const TEI_ALL = resolve(ROOT, '../shared/tei/tei_all.rng');
const CHANCERY_RNG = join(ROOT, 'schema/chancery.rng');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_DOCS = 1000;
const BIG_BYTES = 3 * 1024 * 1024;

interface Measure {
  seconds: number;
  peakMB: number;
}

function haveJing(): boolean {
  return spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;
}

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xmlFiles(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out;
}

/** The edition's documents copied, repeated, until there are `count`. */
function buildCorpus(source: string, dir: string, count: number): { files: string[]; bytes: number } {
  const seeds = xmlFiles(source).filter((f) => !f.endsWith('persons.xml'));
  const files: string[] = [];
  let bytes = 0;
  for (let rep = 0; files.length < count; rep++) {
    for (const f of seeds) {
      if (files.length >= count) break;
      const to = join(dir, 'corpus', `r${rep}`, relative(source, f));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(f, to);
      files.push(to);
      bytes += statSync(f).size;
    }
  }
  return { files, bytes };
}

/**
 * One TEI document of about 3 MB: the edition's largest, its body repeated, each copy's xml:ids (and the
 * pointers to them) given a suffix so the document stays valid.
 */
function buildBigDocument(source: string, dir: string): { file: string; bytes: number } {
  const largest = xmlFiles(source)
    .filter((f) => !f.endsWith('persons.xml'))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const text = readFileSync(largest, 'utf8');
  const open = text.indexOf('>', text.indexOf('<body')) + 1;
  const close = text.lastIndexOf('</body>');
  const body = text.slice(open, close);
  const copies: string[] = [];
  let size = text.length;
  for (let k = 1; size < BIG_BYTES; k++) {
    const copy = body.replace(/xml:id="([^"]+)"/g, `xml:id="$1-c${k}"`).replace(/"#([^"\s]+)"/g, `"#$1-c${k}"`);
    copies.push(`<div>${copy}</div>`);
    size += copy.length;
  }
  const file = join(dir, 'big.xml');
  writeFileSync(file, text.slice(0, close) + copies.join('') + text.slice(close));
  return { file, bytes: statSync(file).size };
}

/** Runs a command under /usr/bin/time -v: wall seconds and peak resident memory. */
function timed(cmd: string[]): Measure {
  const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  // Exit 0 (valid) is the only expected outcome: these corpora are valid, so any finding is a failed run.
  if (!wall || !rss || r.status !== 0) throw new Error(`could not time ${cmd.join(' ').slice(0, 200)} (exit ${r.status}): ${(r.stdout + r.stderr).slice(-800)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, peakMB: Number(rss[1]) / 1024 };
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)]!;
}

interface Case {
  label: string;
  schema: string;
  targets: string[];
  files: string[];
  docs: number;
  bytes: number;
  goal: number;
}

/** Our CLI as a user runs it, schema only (jing checks no Schematron and no cross-file references). */
function ours(c: Case): string[] {
  return ['node', CLI, 'validate', ...c.targets, '--schema', c.schema, '--no-references'];
}

export async function run(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log('skipped: build first (npm run build)');
    return;
  }
  const jing = haveJing();
  if (!jing) console.log('jing is not installed (apt-get install -y jing): ours only, no ratios');
  const source = join(ROOT, 'tei');
  if (!existsSync(source) || xmlFiles(source).length < 2) {
    console.log('skipped: tei/ holds no edition (npm start builds it)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-validate-'));
  try {
    const corpus = buildCorpus(source, dir, TARGET_DOCS);
    const big = buildBigDocument(source, dir);
    const cases: Case[] = [
      { label: `${corpus.files.length} edition documents against chancery.rng`, schema: CHANCERY_RNG, targets: [join(dir, 'corpus')], files: corpus.files, docs: corpus.files.length, bytes: corpus.bytes, goal: 0.5 },
    ];
    if (existsSync(TEI_ALL)) {
      cases.push({ label: `${corpus.files.length} edition documents against tei_all`, schema: TEI_ALL, targets: [join(dir, 'corpus')], files: corpus.files, docs: corpus.files.length, bytes: corpus.bytes, goal: 1 });
      cases.push({ label: `one ${(big.bytes / 1048576).toFixed(1)} MB document against tei_all`, schema: TEI_ALL, targets: [big.file], files: [big.file], docs: 1, bytes: big.bytes, goal: 0.5 });
    } else console.log(`tei_all cases skipped: ${TEI_ALL} is absent`);
    console.log(`${RUNS} runs per case, jing and ours alternating; medians; through the CLI, start-up included`);
    for (const c of cases) {
      const mine: Measure[] = [];
      const theirs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) {
        if (jing) theirs.push(timed(['jing', c.schema, ...c.files]));
        mine.push(timed(ours(c)));
      }
      const m = { seconds: median(mine.map((x) => x.seconds)), peakMB: median(mine.map((x) => x.peakMB)) };
      const rate = c.docs > 1 ? `${(c.docs / m.seconds).toFixed(0)} documents/s` : `${(c.bytes / 1048576 / m.seconds).toFixed(2)} MB/s`;
      let line = `${c.label}: ours ${m.seconds.toFixed(2)} s (${rate}, peak ${m.peakMB.toFixed(0)} MB)`;
      if (jing) {
        const j = { seconds: median(theirs.map((x) => x.seconds)), peakMB: median(theirs.map((x) => x.peakMB)) };
        const ratio = m.seconds / j.seconds;
        line += `; jing ${j.seconds.toFixed(2)} s (peak ${j.peakMB.toFixed(0)} MB); ratio ${ratio.toFixed(2)}× (goal ≤ ${c.goal}×: ${ratio <= c.goal ? 'met' : 'NOT met'})`;
      }
      console.log(line);
    }
    const startup = median(Array.from({ length: RUNS }, () => timed(['node', CLI, '--version']).seconds));
    console.log(`CLI start-up alone (chancery --version): ${startup.toFixed(2)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
