/**
 * `npm run score`: converts the whole development material — the seeds and ../shared/frus-dev in its three renderings (doc, volume, print) — with the
 * CLI as built in dist/, scores each with ../shared/tools/score.py, and prints the figures beside those of
 * the last saved run (bench/scores.json). `npm run score -- --save` records this run as the new reference.
 *
 * A benchmark, not a test: the figures say where conversion stands on real texts, including texts no rule
 * was written for. Skipped with a notice when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = resolve(root, '..', 'shared');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const savedPath = join(root, 'bench', 'scores.json');

/** The measures printed per set; a set shows those its gold has. */
const MEASURES = ['segments', 'documents', 'sender', 'addressees', 'from', 'to', 'when', 'when_date', 'signed', 'notes', 'persons', 'coref', 'dates_found', 'dates_value'] as const;

interface ScoreSet {
  name: string;
  inputs: string[];
  gold?: string;
}

type Scores = Record<string, Record<string, number>>;

function txtFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

function f1(entry: Record<string, number> | undefined): number | undefined {
  if (!entry) return undefined;
  if (typeof entry.pairwise_f1 === 'number') return entry.mentions ? entry.pairwise_f1 : undefined;
  if (typeof entry.f1 !== 'number') return undefined;
  return entry.tp || entry.fn || entry.fp ? entry.f1 : undefined;
}

function scoreSet(set: ScoreSet, work: string): { scores: Record<string, number>; seconds: number; words?: number } {
  const out = join(work, set.name);
  const started = performance.now();
  execFileSync(process.execPath, [cli, 'convert', ...set.inputs, '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const args = [join(shared, 'tools', 'score.py'), '--tei', out, '--json'];
  if (set.gold) args.push('--frus', set.gold);
  const raw = JSON.parse(execFileSync('python3', args, { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, Record<string, number>>;
  const scores: Record<string, number> = {};
  for (const m of MEASURES) {
    // FRUS tags no running-text dates: there, any date found counts as a false positive (frus-dev/README.md).
    if (set.gold && m.startsWith('dates_')) continue;
    const v = f1(raw[m]);
    if (v !== undefined) scores[m] = v;
  }
  const kept = raw.words_kept as unknown as Record<string, number> | undefined;
  if (kept) scores.words_kept_min = Math.min(...Object.values(kept));
  return { scores, seconds };
}

export async function run(): Promise<void> {
  if (!existsSync(join(shared, 'tools', 'score.py')) || !existsSync(join(shared, 'frus-dev'))) {
    console.log('score: skipped (../shared/tools/score.py or ../shared/frus-dev not found)');
    return;
  }
  const frus = join(shared, 'frus-dev');
  const sets: ScoreSet[] = [
    { name: 'seeds', inputs: txtFiles(join(root, 'sources')) },
    { name: 'frus-doc', inputs: txtFiles(join(frus, 'doc')), gold: join(frus, 'gold') },
    { name: 'frus-volume', inputs: txtFiles(join(frus, 'volume')), gold: join(frus, 'gold-volume') },
    { name: 'frus-print', inputs: txtFiles(join(frus, 'print')), gold: join(frus, 'gold-print') },
  ];
  const saved: Scores = existsSync(savedPath) ? (JSON.parse(readFileSync(savedPath, 'utf8')) as Scores) : {};
  const now: Scores = {};
  const work = mkdtempSync(join(tmpdir(), 'chancery-score-'));
  try {
    for (const set of sets) {
      const { scores, seconds } = scoreSet(set, work);
      now[set.name] = scores;
      const bytes = set.inputs.reduce((n, f) => n + readFileSync(f).length, 0);
      console.log(`${set.name}: ${set.inputs.length} files, ${(bytes / 1048576).toFixed(2)} MB converted in ${seconds.toFixed(2)} s (CLI, ${(bytes / 1048576 / seconds).toFixed(2)} MB/s)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const rows = [...MEASURES, 'words_kept_min'];
  const head = ['measure', ...sets.map((s) => s.name)];
  const table: string[][] = [head];
  for (const m of rows) {
    if (!sets.some((s) => now[s.name]![m] !== undefined)) continue;
    table.push([
      m,
      ...sets.map((s) => {
        const v = now[s.name]![m];
        if (v === undefined) return '–';
        const before = saved[s.name]?.[m];
        const delta = before === undefined || Math.abs(v - before) < 0.0005 ? '' : ` (${v > before ? '+' : ''}${(v - before).toFixed(3)})`;
        return v.toFixed(3) + delta;
      }),
    ]);
  }
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log('\nF1 (in brackets: change against bench/scores.json)');
  for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  if (process.argv.includes('--save')) {
    writeFileSync(savedPath, JSON.stringify(now, null, 1) + '\n');
    console.log(`\nsaved as the reference: ${savedPath}`);
  }
}
