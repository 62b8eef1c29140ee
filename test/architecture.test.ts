/**
 * The layout of docs/architecture.md, enforced: every import of `src/` and `packages/relaxng/src/` is an arrow
 * the page's table of layers allows (the table is read from the page, so the two cannot drift), and the
 * never-arrows it lists beside the table hold: stages never import each other, passes never import passes, the
 * CLI uses entries only, one adapter imports the RELAX NG package, only main.ts touches `process`, nothing prints.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/schema.js';
import { importsOf, scanSource, tsFiles } from './helpers/source-scan.js';

interface Layer {
  name: string;
  /** Folder or file, relative to the repository root, without a trailing slash. */
  path: string;
  /** Layer names this one may import; `x (entry)` allows x's index.ts only; `x/*` every layer under x. */
  mayImport: string[];
  /** Only entries of other layers (src/index.ts, src/version.ts, src/<layer>/index.ts). */
  entriesOnly: boolean;
}

/** The table under "## Layers" in docs/architecture.md. */
function layersOfArchitecturePage(): Layer[] {
  const page = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const section = page.split(/^## /m).find((s) => s.startsWith('Layers'));
  assert.ok(section, 'docs/architecture.md has a "## Layers" section');
  const rows = section.split('\n').filter((l) => /^\|/.test(l) && !/^\|\s*(layer|---)/.test(l));
  return rows.map((row) => {
    const [name, path, may] = row.split('|').slice(1, 4).map((c) => c.trim());
    const entriesOnly = may === 'entries only';
    return { name: name!, path: path!, entriesOnly, mayImport: entriesOnly || may === '—' ? [] : may!.split(',').map((s) => s.trim()) };
  });
}

const LAYERS = layersOfArchitecturePage();

function rel(path: string): string {
  return relative(ROOT, path).replace(/\\/g, '/');
}

/** The most specific layer a repository path lies in. */
function layerOf(path: string): Layer | undefined {
  let best: Layer | undefined;
  for (const l of LAYERS) {
    if ((path === l.path || path.startsWith(`${l.path}/`)) && (!best || l.path.length > best.path.length)) best = l;
  }
  return best;
}

/** An entry: the public API, the version, or a layer's own index.ts. */
function isEntry(path: string): boolean {
  if (path === 'src/index.ts' || path === 'src/version.ts') return true;
  const layer = layerOf(path);
  return layer !== undefined && path === `${layer.path}/index.ts`;
}

function allows(from: Layer, to: Layer, target: string): boolean {
  if (from === to) return true;
  if (from.entriesOnly) return isEntry(target);
  return from.mayImport.some((m) => {
    const entry = /^(\S+) \(entry\)$/.exec(m);
    if (entry) return entry[1] === to.name && target === `${to.path}/index.ts`;
    if (m.endsWith('/*')) return to.name.startsWith(m.slice(0, -1));
    return m === to.name;
  });
}

interface Edge {
  from: string;
  to: string;
  line: number;
}

/** Every import of one of our own modules, as repository paths (`.js` specifiers mapped to their `.ts`). */
function internalEdges(): Edge[] {
  const files = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'packages', 'relaxng', 'src'))];
  return files.flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((i) => i.specifier.startsWith('.'))
      .map((i) => ({ from: rel(file), to: rel(resolve(dirname(file), i.specifier)).replace(/\.js$/, '.ts'), line: i.line })),
  );
}

const EDGES = internalEdges();
const shown = (e: Edge): string => `${e.from}:${e.line} imports ${e.to}`;

/** Files that read the process itself, each for what only the process can say. */
const PROCESS_READERS: Record<string, string> = {
  'src/cli/main.ts': 'the command line: arguments, environment, working folder, streams, signals, exit code',
  'src/io/write-file-atomic.ts': "the process id in temporary names, and whether the process that left a temporary file is alive",
  'src/io/worker-start.ts': "worker threads start with this process's Node flags",
};

describe('architecture (docs/architecture.md)', () => {
  it('reads the table of layers from the page, one row a layer, every row a folder or file that exists', () => {
    assert.ok(LAYERS.length >= 15, `${LAYERS.length} layers read`);
    const names = LAYERS.map((l) => l.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], 'layer names are unique');
    for (const l of LAYERS) {
      for (const m of l.mayImport) {
        const name = m.replace(/ \(entry\)$/, '').replace(/\/\*$/, '');
        assert.ok(names.some((n) => n === name || n.startsWith(`${name}/`)), `${l.name} may import "${m}", which is no layer`);
      }
    }
    const files = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'packages', 'relaxng', 'src'))].map(rel);
    assert.deepEqual(files.filter((f) => !layerOf(f)), [], 'every source file lies in a layer');
    for (const l of LAYERS) assert.ok(files.some((f) => f === l.path || f.startsWith(`${l.path}/`)), `${l.path} holds sources`);
  });

  it('finds the imports it checks (import, export from, import type, dynamic import)', () => {
    assert.ok(EDGES.length > 500, `${EDGES.length} imports read`);
    const sample = importsOf(
      [
        "import a from './a.js';",
        "import type { B } from '../b.js';",
        'export {',
        '  c,',
        "} from './c.js';",
        "import './side-effect.js';",
        "// import x from './comment.js';",
        "/** import y from './doc-comment.js'; */",
        "const s = \"import z from './string.js'\";",
        "const m = await import('./lazy.js');",
        "const t = `${await import('./in-template.js')}`;",
      ].join('\n'),
    );
    assert.deepEqual(
      sample.map((i) => [i.specifier, i.line, i.typeOnly]),
      [['./a.js', 1, false], ['../b.js', 2, true], ['./c.js', 5, false], ['./side-effect.js', 6, false], ['./lazy.js', 10, false], ['./in-template.js', 11, false]],
    );
  });

  it('has only the arrows the table of layers allows', () => {
    const offending = EDGES.filter((e) => {
      const from = layerOf(e.from);
      const to = layerOf(e.to);
      return !from || !to || !allows(from, to, e.to);
    });
    assert.deepEqual(offending.map(shown), []);
  });

  it('keeps convert, validate and transform apart, and nothing but the CLI in src/cli', () => {
    const stage = (p: string): string | undefined => /^src\/(convert|validate|transform)\//.exec(p)?.[1];
    const across = EDGES.filter((e) => stage(e.from) && stage(e.to) && stage(e.from) !== stage(e.to));
    assert.deepEqual(across.map(shown), []);
    const intoCli = EDGES.filter((e) => e.to.startsWith('src/cli/') && !e.from.startsWith('src/cli/'));
    assert.deepEqual(intoCli.map(shown), []);
  });

  it('has passes that never import another pass', () => {
    const passes = EDGES.filter((e) => e.from.startsWith('src/convert/passes/') && e.to.startsWith('src/convert/passes/'));
    assert.deepEqual(passes.map(shown), []);
    assert.ok(EDGES.some((e) => e.from.startsWith('src/convert/passes/')), 'the passes were read');
  });

  it('has the CLI import the library through entries only', () => {
    const internal = EDGES.filter((e) => e.from.startsWith('src/cli/') && !e.to.startsWith('src/cli/') && !isEntry(e.to));
    assert.deepEqual(internal.map(shown), []);
  });

  it('has packages/relaxng import nothing from src/, and only the adapter import it', () => {
    const out = EDGES.filter((e) => e.from.startsWith('packages/relaxng/') && !e.to.startsWith('packages/relaxng/'));
    assert.deepEqual(out.map(shown), []);
    const users = new Set(EDGES.filter((e) => e.to.startsWith('packages/relaxng/') && !e.from.startsWith('packages/relaxng/')).map((e) => e.from));
    assert.deepEqual([...users], ['src/validate/relaxng.ts']);
  });

  it('has only src/cli/main.ts touch process (and the few files that ask it what only it can say)', () => {
    const touching: string[] = [];
    for (const file of tsFiles(join(ROOT, 'src'))) {
      const { code, bare } = scanSource(readFileSync(file, 'utf8'));
      if (/(?<![\w$.])process\b/.test(bare) || /['"]node:process['"]/.test(code)) touching.push(rel(file));
    }
    assert.deepEqual(touching, Object.keys(PROCESS_READERS).sort());
  });

  it('never prints from the library: no console in src/ or packages/relaxng/src/', () => {
    const printing: string[] = [];
    for (const file of [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'packages', 'relaxng', 'src'))]) {
      const { bare } = scanSource(readFileSync(file, 'utf8'));
      if (/(?<![\w$.])console\b/.test(bare)) printing.push(rel(file));
    }
    assert.deepEqual(printing, []);
  });
});
