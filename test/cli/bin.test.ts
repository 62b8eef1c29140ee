/**
 * The bundled CLI (`dist/cli/chancery.js`, built by scripts/bundle-cli.mjs from `src/cli/bin.ts`; the package's
 * `bin`) is the same command line as `dist/src/cli/main.js`: the same output and exit code for help, usage
 * mistakes, a validation in one thread and with a helper thread (whose script stays in dist/src), and a conversion
 * (which runs in a worker thread). Each run as a child process, both ways.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as DatePipelines from '../../src/convert/entities/dates/chrono-setup.js';
import { CLI, filesUnder } from '../helpers/cli.js';
import { ROOT } from '../helpers/schema.js';

const BUNDLE = join(ROOT, 'dist/cli/chancery.js');

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runWith(script: string, args: string[], cwd: string, node: string[] = []): Outcome {
  const r = spawnSync(process.execPath, [...node, script, ...args], { cwd, encoding: 'utf8', timeout: 120000, env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A run's output with the figures that differ from run to run (elapsed times) taken out. */
function steady(o: Outcome): Outcome {
  const clean = (t: string): string => t.replace(/"ms":[\d.]+/g, '"ms":0').replace(/\d+(?:\.\d+)? s\b/g, 'N s');
  return { status: o.status, stdout: clean(o.stdout), stderr: clean(o.stderr) };
}

function both(args: string[], cwd: string): { unbundled: Outcome; bundled: Outcome } {
  return { unbundled: steady(runWith(CLI, args, cwd)), bundled: steady(runWith(BUNDLE, args, cwd)) };
}

const BROKEN_TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Broken</title></titleStmt></fileDesc></teiHeader><text><body><p>An unknown <frob/> element.</p></body></text></TEI>
`;

describe('cli/bin: the bundled CLI is the same command line', function () {
  let dir: string;
  before(function () {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is built by npm run build (scripts/bundle-cli.mjs)`);
    dir = mkdtempSync(join(tmpdir(), 'chancery-bin-'));
    mkdirSync(join(dir, 'tei'));
    const edition = filesUnder(join(ROOT, 'tei')).filter((f) => f.endsWith('.xml') && !f.endsWith('persons.xml'));
    for (const f of edition.slice(0, 3)) copyFileSync(join(ROOT, 'tei', f), join(dir, 'tei', f.replaceAll('/', '-')));
    writeFileSync(join(dir, 'tei', 'broken.xml'), BROKEN_TEI);
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'letter.txt'), 'Moscow, July 18, 1941.\n\nDear Mr. Eden,\n\nThank you for your letter of July 10.\n\nJ. STALIN\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [['--help'], ['--version'], ['validate', '--help'], ['frobnicate'], ['validate', '--schma', 'x.rng', 'tei'], ['validate']]) {
    it(`chancery ${args.join(' ')}: same output and exit code`, () => {
      const { unbundled, bundled } = both(args, dir);
      assert.deepEqual(bundled, unbundled);
    });
  }

  it('validate, one thread and two (the helper runs dist/src/validate/worker.js): the same report, exit 1 for the broken file', () => {
    for (const jobs of ['1', '2']) {
      const { unbundled, bundled } = both(['validate', 'tei', '--schema', join(ROOT, 'schema/chancery.rng'), '--no-references', '--jobs', jobs, '--format', 'json'], dir);
      assert.equal(unbundled.status, 1);
      const report = JSON.parse(unbundled.stdout) as { summary: { files: number; invalid: number } };
      assert.deepEqual([report.summary.files, report.summary.invalid], [4, 1]);
      assert.deepEqual(bundled, unbundled);
    }
  });

  it('convert (in a worker thread): the same TEI, byte for byte', () => {
    const outcomes = [CLI, BUNDLE].map((script, k) => {
      const out = `out${k}`;
      const r = steady(runWith(script, ['convert', 'sources/letter.txt', '--out', out], dir));
      r.stdout = r.stdout.replaceAll(out, 'OUT');
      return { r, files: filesUnder(join(dir, out)).map((f) => [f, readFileSync(join(dir, out, f), 'utf8')]) };
    });
    assert.equal(outcomes[0]!.r.status, 0, outcomes[0]!.r.stderr);
    assert.ok(outcomes[0]!.files.length > 0);
    assert.deepEqual(outcomes[1], outcomes[0]);
  });

  it('convert with --jobs 2 (a worker per file): the same TEI, byte for byte', () => {
    writeFileSync(join(dir, 'sources', 'note.txt'), 'Washington, August 2, 1941.\n\nMr. Welles to Mr. Hull.\n\nSUMNER WELLES\n');
    const outcomes = [CLI, BUNDLE].map((script, k) => {
      const out = `jobs${k}`;
      const r = steady(runWith(script, ['convert', 'sources/letter.txt', 'sources/note.txt', '--out', out, '--jobs', '2'], dir));
      r.stdout = r.stdout.replaceAll(out, 'OUT');
      return { r, files: filesUnder(join(dir, out)).map((f) => [f, readFileSync(join(dir, out, f), 'utf8')]) };
    });
    assert.equal(outcomes[0]!.r.status, 0, outcomes[0]!.r.stderr);
    assert.ok(outcomes[0]!.files.some(([f]) => f!.startsWith('note/')));
    assert.deepEqual(outcomes[1], outcomes[0]);
  });

  it('convert loads its worker threads from the bundle: no module of dist/src, nor chrono-node\'s ~60 files, in any thread', function () {
    if (readFileSync(BUNDLE, 'utf8').includes("import '../src/cli/bin.js'")) {
      console.log('      skipped: dist/cli/chancery.js is the unbundled stand-in: esbuild is not installed (npm ci installs it)');
      this.skip();
    }
    // a module hook (Node's --import, passed on to worker threads) writes down every module any thread loads
    const log = join(dir, 'loaded.txt');
    const hooks = `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`;
    const probe = join(dir, 'record-modules.mjs');
    writeFileSync(probe, `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});\n`);
    for (const jobs of ['1', '2']) {
      rmSync(log, { force: true });
      const r = runWith(BUNDLE, ['convert', 'sources/letter.txt', 'sources/note.txt', '--out', `loaded${jobs}`, '--jobs', jobs], dir, ['--import', probe]);
      assert.equal(r.status, 0, r.stderr);
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      // the worker's own entry is among them: the hook saw the worker threads
      assert.ok(loaded.some((u) => u.endsWith('/dist/cli/call-worker.js')), loaded.join('\n'));
      if (jobs === '2') assert.ok(loaded.some((u) => u.endsWith('/dist/cli/convert-worker.js')), loaded.join('\n'));
      assert.deepEqual(loaded.filter((u) => u.includes('/dist/src/') || u.includes('/node_modules/')), []);
    }
  });

  it('keeps exactly the date parsers dist/src keeps (chrono-setup picks them by what they call, not by a class name esbuild may change)', async function () {
    if (readFileSync(BUNDLE, 'utf8').includes("import '../src/cli/bin.js'")) {
      console.log('      skipped: dist/cli/chancery.js is the unbundled stand-in: esbuild is not installed (npm ci installs it)');
      this.skip();
    }
    const bundled = (await import(pathToFileURL(join(ROOT, 'dist/cli/date-pipelines.js')).href)) as typeof DatePipelines;
    // esbuild renames a class whose name another bundled module uses (FRTimeUnitAgoFormatParser2) or that names
    // itself (_FRSpecificTimeExpressionParser)
    const names = (dates: typeof DatePipelines.englishDates): string[] => dates.parsers.map((p) => p.constructor.name.replace(/^_|\d+$/g, ''));
    for (const locale of ['englishDates', 'frenchDates'] as const) {
      assert.ok(bundled[locale].parsers.length > 5, locale);
      assert.deepEqual(names(bundled[locale]), names(DatePipelines[locale]), locale);
    }
    // and these are the worker's: the chunk the entry re-exports is one the conversion's workers import
    const imports = (file: string): string[] => [...readFileSync(join(ROOT, 'dist/cli', file), 'utf8').matchAll(/(?:\bfrom|\bimport\(?)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
    const reachable = (entry: string): Set<string> => {
      const seen = new Set([entry]);
      for (const file of seen) for (const next of imports(file)) seen.add(next);
      return seen;
    };
    const pipelines = imports('date-pipelines.js');
    assert.ok(pipelines.length > 0);
    for (const worker of ['call-worker.js', 'convert-worker.js']) {
      const loads = reachable(worker);
      for (const chunk of pipelines) assert.ok(loads.has(chunk), `${worker} does not load ${chunk}`);
    }
  });

  it('string-width (help layout) is evaluated on first use: a validation builds no Intl.Segmenter (and loads no child_process), --help does', function () {
    // a worktree installed before esbuild joined the devDependencies builds the unbundled stand-in (scripts/bundle-cli.mjs)
    if (readFileSync(BUNDLE, 'utf8').includes("import '../src/cli/bin.js'")) {
      console.log('      skipped: dist/cli/chancery.js is the unbundled stand-in: esbuild is not installed (npm ci installs it)');
      this.skip();
    }
    // counts the segmenters string-width makes when it is evaluated
    const probe = join(dir, 'count-segmenters.cjs');
    writeFileSync(probe, "const S = Intl.Segmenter; let n = 0; Intl.Segmenter = class extends S { constructor(...a) { super(...a); n++; } };\nprocess.on('exit', () => process.stderr.write(`segmenters: ${n}\\nbuilt-ins: ${['child_process', 'worker_threads'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m))}\\n`));\n");
    const validate = runWith(BUNDLE, ['validate', 'tei', '--schema', join(ROOT, 'schema/chancery.rng'), '--no-references'], dir, ['-r', probe]);
    assert.match(validate.stderr, /segmenters: 0\n/);
    // nor git's child_process, nor worker_threads (src/io/builtins.ts): four files are checked in this thread alone
    assert.match(validate.stderr, /built-ins: \n/);
    const help = runWith(BUNDLE, ['validate', '--help'], dir, ['-r', probe]);
    assert.match(help.stderr, /segmenters: [1-9]/);
  });
});
