/**
 * Conversion at archive scale (issue 13): the FRUS volumes of ../shared/frus-dev/volume concatenated (again and
 * again) into one text of 1, 10 and 50 MB, each converted as `chancery convert FILE --jobs 1` does, in a process
 * of its own (bench/helpers/convert-child.ts), so that its peak RSS is its own. Prints CPU MB/s (the machine is
 * shared: wall time is given too), documents/s, peak RSS, and the 10 and 50 MB runs' MB/s as a ratio of the 1 MB
 * run's (linear time keeps it near 1). Reference in the same run: a naive converter (blank-line paragraphs,
 * xmlbuilder2, written to disk) on the same file. Skipped with a notice where ../shared/frus-dev is absent.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMeasure } from './helpers/convert-child.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VOLUMES = resolve(ROOT, '..', 'shared', 'frus-dev', 'volume');
const CHILD = join(ROOT, 'dist', 'bench', 'helpers', 'convert-child.js');
const MB = 1048576;
/** Sizes converted; `npm run bench -- convert-scale --sizes=1,10` for fewer. */
const SIZES = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number) ?? [1, 10, 50]).filter((n) => n > 0);

/**
 * Writes the volumes one after another, again and again, up to `bytes`, cut at the last blank line before the
 * limit (a volume's last document may end cut short, as in any stretch of an archive).
 */
export function writeFrusCorpus(file: string, bytes: number, volumes: readonly Buffer[]): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    for (let i = 0; written < bytes; i++) {
      const volume = volumes[i % volumes.length]!;
      let piece = volume;
      if (written + volume.length > bytes) {
        const cut = volume.lastIndexOf('\n\n', bytes - written);
        piece = volume.subarray(0, cut > 0 ? cut + 1 : bytes - written);
      }
      writeSync(fd, piece);
      written += piece.length;
      if (piece.length < volume.length) break;
      writeSync(fd, '\n');
      written += 1;
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

function measure(mode: 'chancery' | 'naive', file: string, out: string): ChildMeasure {
  const r = spawnSync(process.execPath, [CHILD, mode, file, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${mode} on ${file} failed (exit ${r.status}): ${r.stderr.slice(-600)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildMeasure;
}

export async function run(): Promise<void> {
  if (!existsSync(VOLUMES)) {
    console.log(`convert-scale: skipped (${VOLUMES} not found)`);
    return;
  }
  const volumes = readdirSync(VOLUMES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(VOLUMES, f)));
  let first: number | undefined;
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), `chancery-bench-scale-${size}-`));
    try {
      const file = join(dir, `frus-${size}MB.txt`);
      writeFrusCorpus(file, size * MB, volumes);
      const mb = statSync(file).size / MB;
      const naive = measure('naive', file, join(dir, 'naive'));
      const ours = measure('chancery', file, join(dir, 'tei'));
      const rate = mb / ours.cpuSeconds;
      first ??= rate;
      console.log(
        `frus ${mb.toFixed(1)} MB: ${ours.documents} documents, CPU ${ours.cpuSeconds.toFixed(1)} s (wall ${ours.wallSeconds.toFixed(1)} s): ` +
          `${rate.toFixed(2)} MB/s, ${(ours.documents / ours.cpuSeconds).toFixed(0)} documents/s, peak RSS ${ours.peakRssMB.toFixed(0)} MB` +
          (size === SIZES[0] ? '' : `; MB/s ${(rate / first).toFixed(2)}× the ${SIZES[0]} MB run's`),
      );
      console.log(
        `  naive converter (paragraphs + xmlbuilder2, reference): CPU ${naive.cpuSeconds.toFixed(1)} s, ${(mb / naive.cpuSeconds).toFixed(1)} MB/s, ` +
          `peak RSS ${naive.peakRssMB.toFixed(0)} MB; ours takes ${(ours.cpuSeconds / naive.cpuSeconds).toFixed(1)}× its CPU time`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
