/**
 * Validation speed, ours against jing in the same run: one document and 1,000+ documents (the edition in
 * tei/ repeated, else the cwrc corpus), against tei_all and against schema/chancery.rng. Both run as
 * child processes under /usr/bin/time -v, so both pay their start-up and schema compile, and peak memory
 * is measured the same way. Prints medians, ratios to jing, documents/s and peak RSS.
 * BENCH_RUNS sets the runs per case (default 3).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const TEI_ALL = resolve(ROOT, '../shared/tei/tei_all.rng');
const CHANCERY_RNG = join(ROOT, 'schema/chancery.rng');
const CWRC = resolve(ROOT, '../shared/corpus/cwrc');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_DOCS = 1000;

interface Measure {
  seconds: number;
  peakMB: number;
}

function ensureJing(): boolean {
  if (spawnSync('jing', [], { stdio: 'ignore' }).error === undefined) return true;
  console.log('jing missing: apt-get install -y jing');
  spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq jing'], { stdio: 'ignore' });
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

/** Copies the source folder's documents, repeated, until there are at least `count`. */
function buildCorpus(source: string, count: number): { dir: string; files: string[]; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-'));
  const seeds = xmlFiles(source).filter((f) => !f.endsWith('persons.xml'));
  const files: string[] = [];
  let bytes = 0;
  for (let rep = 0; files.length < count; rep++) {
    for (const f of seeds) {
      if (files.length >= count) break;
      const to = join(dir, `r${rep}`, relative(source, f));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(f, to);
      files.push(to);
      bytes += statSync(f).size;
    }
  }
  return { dir, files, bytes };
}

/** Runs a command under /usr/bin/time -v: wall seconds and peak resident memory. */
function timed(cmd: string[]): Measure {
  const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  // Exit 0 (valid) or 1 (findings) are both runs; anything else is a failed run and must not be timed.
  if (!wall || !rss || (r.status ?? 2) > 1) throw new Error(`could not time ${cmd.join(' ').slice(0, 200)}: ${r.stderr.slice(-800)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, peakMB: Number(rss[1]) / 1024 };
}

function median(runs: Measure[]): Measure {
  const by = <K extends keyof Measure>(k: K): number => {
    const v = runs.map((r) => r[k]).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)]!;
  };
  return { seconds: by('seconds'), peakMB: by('peakMB') };
}

function repeat(cmd: string[]): Measure {
  return median(Array.from({ length: RUNS }, () => timed(cmd)));
}

const LIBRARY = join(ROOT, 'dist/src/validate/index.js');

/**
 * Our validator as a process: node, the library entry, the report printed as JSON. The CLI adds the start-up
 * of every other command's modules (convert, transform), which is not the validator's; it is printed apart.
 */
function oursCommand(targets: string[], schema: string, extra: string[]): string[] {
  const jobs = extra.includes('--jobs') ? Number(extra[extra.indexOf('--jobs') + 1]) : undefined;
  const options = JSON.stringify({ schema, references: false, jobs });
  const script = `import { validate, formatReport } from ${JSON.stringify(LIBRARY)};
const report = await validate(${JSON.stringify(targets)}, ${options});
process.stdout.write(formatReport(report, 'json'));`;
  return ['node', '--input-type=module', '-e', script];
}

export async function run(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log('skipped: build first (npm run build)');
    return;
  }
  const haveJing = ensureJing();
  if (!haveJing) console.log('jing could not be installed: ours only, no ratios');
  const source = existsSync(join(ROOT, 'tei')) && xmlFiles(join(ROOT, 'tei')).length > 1 ? join(ROOT, 'tei') : CWRC;
  if (!existsSync(source)) {
    console.log('skipped: neither tei/ nor ../shared/corpus/cwrc exists');
    return;
  }
  const corpus = buildCorpus(source, TARGET_DOCS);
  const one = corpus.files[0]!;
  console.log(`corpus: ${corpus.files.length} documents (${(corpus.bytes / 1048576).toFixed(1)} MB) from ${relative(ROOT, source) || source}; ${RUNS} runs per case, medians`);
  const schemas = [
    ['tei_all', TEI_ALL],
    ['chancery.rng', CHANCERY_RNG],
  ].filter(([, p]) => existsSync(p!)) as [string, string][];
  try {
    for (const [label, schema] of schemas) {
      for (const [what, targets, docs] of [
        ['1 document', [one], 1],
        [`${corpus.files.length} documents`, [corpus.dir], corpus.files.length],
      ] as [string, string[], number][]) {
        const jing = haveJing ? repeat(['jing', schema, ...(targets[0] === corpus.dir ? corpus.files : targets)]) : undefined;
        const variants: [string, string[]][] = [['ours', []]];
        if (docs > 1) variants.push(['ours --jobs 2', ['--jobs', '2']]);
        if (jing) {
          console.log(`${label}, ${what}: jing ${jing.seconds.toFixed(2)} s, ${(docs / jing.seconds).toFixed(0)} docs/s, peak ${jing.peakMB.toFixed(0)} MB`);
        }
        for (const [name, extra] of variants) {
          const ours = repeat(oursCommand(targets, schema, extra));
          const ratio = jing ? ` = ${(ours.seconds / jing.seconds).toFixed(2)}× jing` : '';
          console.log(
            `${label}, ${what}: ${name} ${ours.seconds.toFixed(2)} s${ratio}, ${(docs / ours.seconds).toFixed(0)} docs/s, peak ${ours.peakMB.toFixed(0)} MB`,
          );
        }
      }
    }
    const cli = repeat(['node', CLI, '--version']);
    console.log(`CLI start-up alone (chancery --version, all commands' modules): ${cli.seconds.toFixed(2)} s, peak ${cli.peakMB.toFixed(0)} MB`);
    // The whole check as CI runs it (RELAX NG + Schematron + references), for the record; jing has no equivalent.
    if (existsSync(CHANCERY_RNG) && existsSync(join(ROOT, 'schema/chancery.sch')) && source === join(ROOT, 'tei')) {
      const full = repeat(['node', CLI, 'validate', join(ROOT, 'tei'), '--format', 'json']);
      if (full.seconds === 0) console.log('(the CLI did not run)');
      console.log(`full check of tei/ (chancery.rng + chancery.sch + references): ${full.seconds.toFixed(2)} s, peak ${full.peakMB.toFixed(0)} MB`);
    }
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}
