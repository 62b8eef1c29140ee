/**
 * Hostile input to convert (issue 15), through the CLI in child processes, each figure beside a reference in the
 * same run:
 * - start-up: one small file converted in a worker thread (`convertFilesInWorker`, what `chancery convert` does so
 *   that a signal can stop it) against the same `convertFiles` call on a child's main thread; medians, alternated;
 * - a signal: how long after SIGTERM a conversion of a 6 MB source ends, against how long that conversion takes;
 *   the same for `transform --to html` of a 6 MB TEI document (test/helpers/large-tei.ts);
 * - memory per line: peak RSS converting 1,000,000 short lines (3 MB), in bytes per line, and MB/s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeLargeTei } from '../test/helpers/large-tei.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const BUILD = pathToFileURL(join(ROOT, 'dist/src/build/index.js')).href;
const STOPPABLE = pathToFileURL(join(ROOT, 'dist/src/build/stoppable/index.js')).href;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function timed(args: string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}`);
  return performance.now() - t;
}

/** Peak RSS (MB) and wall seconds of a child, read from its own resource usage at exit. */
function measured(args: string[], cwd: string): { rssMb: number; seconds: number } {
  const probe = `process.on('exit', () => process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + '\\n'))`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, ...args], { cwd, encoding: 'utf8' });
  const rss = /RSS (\d+)/.exec(r.stderr)?.[1];
  return { rssMb: Number(rss) / 1024, seconds: (performance.now() - t) / 1000 };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-interrupt-'));
  try {
    writeFileSync(join(dir, 'small.txt'), 'Dear Sir,\n\nI write to say that the letter came.\n\nYours,\nSMITH\n');
    const inWorker: number[] = [];
    const onMain: number[] = [];
    const direct = `const { convertFiles } = await import(${JSON.stringify(BUILD)}); await convertFiles(['small.txt'], { outDir: 'tei-main', jobs: 1 });`;
    const stoppable = `const { convertFilesInWorker } = await import(${JSON.stringify(STOPPABLE)}); await convertFilesInWorker(['small.txt'], { outDir: 'tei-worker', jobs: 1 }).result;`;
    for (let i = 0; i < 11; i++) {
      inWorker.push(timed(['--input-type=module', '-e', stoppable], dir));
      onMain.push(timed(['--input-type=module', '-e', direct], dir));
    }
    const w = median(inWorker);
    const m = median(onMain);
    const cli = median(Array.from({ length: 5 }, () => timed([CLI, 'convert', 'small.txt', '--out', 'tei-cli', '--quiet'], dir)));
    console.log(
      `start-up, one small file: convertFilesInWorker ${w.toFixed(0)} ms, convertFiles on the main thread ${m.toFixed(0)} ms: ${(w / m).toFixed(2)}× (+${(w - m).toFixed(0)} ms; medians of 11, alternated); chancery convert ${cli.toFixed(0)} ms`,
    );

    const seeds = readdirSync(join(ROOT, 'sources')).filter((f) => f.endsWith('.txt')).sort();
    const text = seeds.map((f) => readFileSync(join(ROOT, 'sources', f), 'utf8')).join('\n\n');
    writeFileSync(join(dir, 'big.txt'), `${text}\n\n`.repeat(12));
    const whole = measured([CLI, 'convert', 'big.txt', '--out', 'tei-big', '--quiet'], dir);
    const child = spawn(process.execPath, [CLI, 'convert', 'big.txt', '--out', 'tei-signal', '--quiet'], { cwd: dir, stdio: 'ignore' });
    const ended = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await new Promise((r) => setTimeout(r, Math.min(3000, (whole.seconds * 1000) / 3)));
    const sent = performance.now();
    child.kill('SIGTERM');
    const code = await ended;
    const after = performance.now() - sent;
    console.log(`SIGTERM during a 6 MB source: exit ${code} ${after.toFixed(0)} ms after the signal; converting it takes ${whole.seconds.toFixed(1)} s (${(after / (whole.seconds * 1000)).toFixed(3)}×)`);

    // transform renders in a worker thread too: the signal is heard while a large page is being made
    const tei = join(dir, 'tei-large');
    writeLargeTei(tei, 6 * 1048576);
    const rendered = measured([CLI, 'transform', tei, '--to', 'html', '--out', 'site-whole', '--quiet'], dir);
    const transformChild = spawn(process.execPath, [CLI, 'transform', tei, '--to', 'html', '--out', 'site-signal', '--quiet'], { cwd: dir, stdio: 'ignore' });
    const transformEnded = new Promise<number | null>((r) => transformChild.on('exit', (code) => r(code)));
    await new Promise((r) => setTimeout(r, (rendered.seconds * 1000) / 2));
    const transformSent = performance.now();
    transformChild.kill('SIGTERM');
    const transformCode = await transformEnded;
    const transformAfter = performance.now() - transformSent;
    console.log(
      `SIGTERM during transform --to html of a 6 MB document: exit ${transformCode} ${transformAfter.toFixed(0)} ms after the signal; the transform takes ${rendered.seconds.toFixed(1)} s (${(transformAfter / (rendered.seconds * 1000)).toFixed(3)}×; on the main thread it was heard 2-4 s late)`,
    );

    writeFileSync(join(dir, 'lines.txt'), 'ab\n'.repeat(1000000));
    const lines = measured([CLI, 'convert', 'lines.txt', '--out', 'tei-lines', '--quiet'], dir);
    console.log(
      `1,000,000 lines (3 MB): peak RSS ${lines.rssMb.toFixed(0)} MB, ${((lines.rssMb * 1048576) / 1e6).toFixed(0)} bytes a line, ${(3 / lines.seconds).toFixed(2)} MB/s (before issue 15's fixes: 1,170 MB, 1.3 KB a line)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
