/**
 * One large TEI file (10 MB, then 50 MB, generated on the fly by test/helpers/large-tei.ts): validate and
 * transform as child processes under /usr/bin/time -v, wall time, MB/s and peak RSS as a multiple of the file's
 * size (the goal of issue 15: ≤ 4×), and what it takes above the same command on a 4 kB document (the program's
 * own floor: Node, the modules, the compiled schema — about 70 MB, so 4× a 10 MB file is below it). References in
 * the same run: jing on the same file (validate), and a parse and re-serialisation with fast-xml-parser (transform).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLargeTei } from '../test/helpers/large-tei.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// the package's bin, as `chancery` runs it (the bundle: src/cli/bin.ts)
const CLI = join(ROOT, 'dist/cli/chancery.js');
const RNG = join(ROOT, 'schema/chancery.rng');

interface Measure {
  seconds: number;
  peakMB: number;
  status: number | null;
}

function timed(cmd: string[]): Measure {
  const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!wall || !rss) throw new Error(`could not time ${cmd.join(' ')}: ${r.stderr.slice(-400)}`);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), peakMB: Number(rss[1]) / 1024, status: r.status };
}

const NAIVE = `import { readFileSync } from 'node:fs'; import { XMLParser, XMLBuilder } from 'fast-xml-parser';
const o = { ignoreAttributes: false, preserveOrder: true }; const t = new XMLParser(o).parse(readFileSync(process.argv[1], 'utf8'));
process.stdout.write(String(new XMLBuilder(o).build(t).length));`;

export async function run(): Promise<void> {
  const haveJing = spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;
  const small = mkdtempSync(join(tmpdir(), 'chancery-bench-large-floor-'));
  const smallOut = mkdtempSync(join(tmpdir(), 'chancery-bench-large-floor-out-'));
  writeLargeTei(small, 4000);
  // Each command on a 4 kB document: what it needs whatever the file.
  const commands = {
    validateRng: (file: string): string[] => [process.execPath, CLI, 'validate', file, '--schema', RNG, '--no-references'],
    validateDefault: (dir: string): string[] => [process.execPath, CLI, 'validate', dir],
    transform: (to: string) => (dir: string, out: string): string[] => [process.execPath, CLI, 'transform', dir, '--to', to, '--out', join(out, to)],
  };
  const floor = {
    validateRng: timed(commands.validateRng(join(small, 'vol', 'big.xml'))),
    validateDefault: timed(commands.validateDefault(small)),
    text: timed(commands.transform('text')(small, smallOut)),
    html: timed(commands.transform('html')(small, smallOut)),
  };
  try {
    for (const mb of [10, 50]) {
      const dir = mkdtempSync(join(tmpdir(), `chancery-bench-large-${mb}-`));
      const out = mkdtempSync(join(tmpdir(), `chancery-bench-large-out-${mb}-`));
      try {
        const file = writeLargeTei(dir, mb * 1048576);
        const size = statSync(file).size / 1048576;
        const line = (label: string, m: Measure, ref?: Measure, base?: Measure): void => {
          const ratio = ref ? ` = ${(m.seconds / ref.seconds).toFixed(2)}× the reference` : '';
          const above = base ? `; ${(m.peakMB - base.peakMB).toFixed(0)} MB above a 4 kB document (${base.peakMB.toFixed(0)} MB)` : '';
          console.log(
            `${mb} MB ${label.padEnd(40)} ${m.seconds.toFixed(2)} s${ratio}, ${(size / m.seconds).toFixed(1)} MB/s, peak RSS ${m.peakMB.toFixed(0)} MB (${(m.peakMB / size).toFixed(1)}× the file${above})${m.status === 0 ? '' : ` [exit ${m.status}]`}`,
          );
        };
        const jing = haveJing ? timed(['jing', RNG, file]) : undefined;
        if (jing) line('jing, chancery.rng (reference)', jing);
        line('validate, chancery.rng', timed(commands.validateRng(file)), jing, floor.validateRng);
        line('validate, default (Schematron refused)', timed(commands.validateDefault(dir)), jing, floor.validateDefault);
        const naive = timed([process.execPath, '--input-type=module', '-e', NAIVE, file]);
        line('fast-xml-parser parse + build (reference)', naive);
        for (const to of ['text', 'html'] as const) line(`transform --to ${to}`, timed(commands.transform(to)(dir, out)), naive, floor[to]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(small, { recursive: true, force: true });
    rmSync(smallOut, { recursive: true, force: true });
  }
}
