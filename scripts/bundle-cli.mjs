// The CLI as a few files (dist/cli/chancery.js and its chunks, the package's `bin`), built after tsc from its
// output: Node 20 loads ES modules one by one (resolve, read, compile, link), and `chancery validate` loaded ~120 of
// them, yargs' 44 included, before its first file. Measured and explained in docs/decisions.md, "Validation
// start-up". The conversion's worker threads are bundled beside it (WORKERS below; docs/decisions.md, "The fixed
// cost of a conversion run"). dist/src stays as it is: the library, the tests and the other worker threads use it.
//
// What a bundle would otherwise change, kept as it was:
// - `import.meta.url` in our modules names the module's own file in dist/src (worker scripts beside it, the
//   package root above it, the RELAX NG engine's code it hashes), not the chunk it was bundled into; only a worker
//   script that is itself bundled (WORKERS) is started from the bundle's folder;
// - yargs' own `import.meta.url` (its locales, the folder it reports) is where yargs is installed, found at run time;
// - string-width (yargs' and cliui's) is evaluated on its first call, not at start-up: its Intl.Segmenter and
//   Unicode-property regexes cost ~20 ms, and only help and usage text measure widths.
// usage: node scripts/bundle-cli.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}dist/cli`;
const OURS = [`${ROOT}dist${sep}src${sep}`, `${ROOT}dist${sep}packages${sep}`];
const YARGS_SHIM = `${sep}yargs${sep}lib${sep}platform-shims${sep}esm.mjs`;
/**
 * Worker scripts bundled beside the CLI (entry name → script in dist/src): a conversion's worker loaded ~190
 * modules one by one (the converter, chrono-node's English and French locales), ~100 ms of CPU in every run and
 * in every worker of `--jobs N`. The bundled CLI starts these; dist/src still starts its own.
 */
const WORKERS = {
  'call-worker': `${ROOT}dist/src/build/stoppable/call-worker.js`,
  'convert-worker': `${ROOT}dist/src/build/convert-worker.js`,
};
/**
 * chrono-setup's date pipelines as the bundle has them, for test/cli/bin.test.ts to compare with dist/src's (the
 * conversion's workers import the same chunk; nothing starts or imports this entry at run time).
 */
const DATE_PIPELINES = { 'date-pipelines': `${ROOT}dist/src/convert/entities/dates/chrono-setup.js` };
const WORKER_ENTRY = new Map(Object.entries(WORKERS).map(([name, file]) => [file.split('/').join(sep), name]));
/** `new URL('./x.js', import.meta.url)` in our modules: a script started as a worker. */
const WORKER_URL = /new URL\((['"])\.\/([\w.-]+\.js)\1, import\.meta\.url\)/g;

/** A path from the bundle's folder to `file`, as a relative URL. */
const fromBundle = (file) => relative(OUT, file).split(sep).join('/');

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.(js|mjs)$/ }, (args) => {
      const ours = OURS.some((dir) => args.path.startsWith(dir));
      const yargsShim = args.path.endsWith(YARGS_SHIM);
      if (!ours && !yargsShim) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const url = ours
        ? `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`
        : `__yargsShimUrl()`;
      // a worker script that is bundled too is started from the bundle's folder, where its entry is written
      const workersBundled = ours
        ? text.replace(WORKER_URL, (whole, _quote, script) => {
            const entry = WORKER_ENTRY.get(join(dirname(args.path), script));
            return entry ? `new URL('./${entry}.js', __bundleUrl)` : whole;
          })
        : text;
      let contents = workersBundled.replaceAll('import.meta.url', url).replaceAll('__bundleUrl', 'import.meta.url');
      if (yargsShim) {
        contents =
          `import { createRequire as __createRequire } from 'node:module';\n` +
          `import { pathToFileURL as __pathToFileURL } from 'node:url';\n` +
          `function __yargsShimUrl() { return new URL('lib/platform-shims/esm.mjs', __pathToFileURL(__createRequire(import.meta.url).resolve('yargs/package.json'))).href; }\n` +
          contents;
      }
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve('string-width', { kind: args.kind, resolveDir: args.resolveDir, pluginData: { real: true } });
      if (real.errors.length) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      // require() of an ES module in a bundle is evaluated when first called: that is the point
      contents: `let width;\nexport default function stringWidth(text, options) {\n  width ??= require(${JSON.stringify(args.path)}).default;\n  return width(text, options);\n}\n`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

rmSync(OUT, { recursive: true, force: true });
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // A worktree installed before esbuild joined the devDependencies still builds: the same CLI, unbundled.
  console.warn('bundle-cli: esbuild is not installed (npm ci installs it); dist/cli/chancery.js runs dist/src unbundled, slower to start');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/chancery.js`, "#!/usr/bin/env node\nimport '../src/cli/bin.js';\n", { mode: 0o755 });
  process.exit(0);
}
await esbuild.build({
  entryPoints: { chancery: `${ROOT}dist/src/cli/bin.js`, ...WORKERS, ...DATE_PIPELINES },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // packages with code or data loaded from files at run time stay where they are installed
  // (chrono-node is plain code: bundled, its 64 modules are one chunk of the conversion's worker)
  external: ['libxml2-wasm', 'node-schematron', 'slimdom', 'marked', 'cli-progress'],
  banner: { js: `import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);` },
  plugins: [keepModuleUrls, lazyStringWidth],
  logLevel: 'warning',
  legalComments: 'none',
  // No `keepNames`: esbuild renames a class or function whose name another module of the bundle uses too (chrono-node
  // has two classes called FRTimeUnitAgoFormatParser), and nothing of ours reads such a name any more (chrono-setup.ts
  // picks parsers by what they call, errors cross threads by their literal `kind`); keeping every name cost each run
  // of the CLI ~10 ms (docs/decisions.md, "The fixed cost of a conversion run").
});
