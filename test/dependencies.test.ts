/**
 * Dependencies (issue 12, point 11): runtime `dependencies` are exactly what `src/` and the RELAX NG package's
 * sources import; every devDependency is used by a test, a bench or the toolchain; docs/decisions.md
 * ("Dependencies") has a row for each, and for each package of the design card, with the measure where we departed
 * from it. The table is read from the page, so package.json, the code and the decisions cannot drift apart.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/schema.js';
import { importsOf, packageOf, tsFiles } from './helpers/source-scan.js';

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const relaxngPkg = JSON.parse(readFileSync(join(ROOT, 'packages', 'relaxng', 'package.json'), 'utf8')) as PackageJson;

/** The design card: the packages the project started from; a departure needs its measured reason. */
const DESIGN_CARD = ['fast-xml-parser', 'xmlbuilder2', 'saxes', 'libxmljs2', 'yargs', 'mocha'];

/** Packages imported by the `.ts` files below the given folders. */
function importedPackages(...dirs: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of dirs) {
    if (!existsSync(join(ROOT, dir))) continue;
    for (const file of tsFiles(join(ROOT, dir))) {
      for (const i of importsOf(readFileSync(file, 'utf8'))) {
        const name = packageOf(i.specifier);
        if (name) found.set(name, [...(found.get(name) ?? []), file.slice(ROOT.length + 1)]);
      }
    }
  }
  return found;
}

interface Row {
  name: string;
  dependency: string;
  why: string;
}

/** The table under "### Dependencies" in docs/decisions.md; a cell may name several packages. */
function decisionRows(): Row[] {
  const page = readFileSync(join(ROOT, 'docs', 'decisions.md'), 'utf8');
  const section = page.split(/^### /m).find((s) => s.startsWith('Dependencies\n'));
  assert.ok(section, 'docs/decisions.md has a "### Dependencies" section');
  return section
    .split('\n')
    .filter((l) => /^\|/.test(l) && !/^\|\s*(package|---)/.test(l))
    .flatMap((l) => {
      const [names, dependency, , why] = l.split('|').slice(1, 5).map((c) => c.trim());
      return names!.split(',').map((name) => ({ name: name.trim(), dependency: dependency!, why: why! }));
    });
}

const runtimeImports = importedPackages('src', 'packages/relaxng/src');
const toolImports = importedPackages('test', 'bench', 'packages/relaxng/test');

describe('dependencies (package.json, docs/decisions.md)', () => {
  it('declares as runtime dependencies exactly what src/ and packages/relaxng/src import', () => {
    const declared = Object.keys(pkg.dependencies).sort();
    const imported = [...runtimeImports.keys()].sort();
    assert.deepEqual(
      imported.filter((p) => !declared.includes(p)).map((p) => `${p} (imported by ${runtimeImports.get(p)![0]}) is not a runtime dependency`),
      [],
    );
    assert.deepEqual(declared.filter((p) => !imported.includes(p)).map((p) => `${p} is a runtime dependency that nothing in src/ imports`), []);
  });

  it('ships the RELAX NG package with its dependencies among ours', () => {
    assert.deepEqual(Object.keys(relaxngPkg.dependencies).filter((p) => pkg.dependencies[p] === undefined), []);
  });

  it('uses every devDependency: imported by tests or benches, run by a script, or the types of a package in use', () => {
    const scripts = Object.values(pkg.scripts).join(' ') + readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const tools: Record<string, string> = { typescript: 'tsc', mocha: 'mocha', c8: 'c8', esbuild: 'bundle-cli' };
    const unused = Object.keys(pkg.devDependencies).filter((p) => {
      if (toolImports.has(p) || runtimeImports.has(p)) return false;
      if (tools[p]) return !new RegExp(`\\b${tools[p]}\\b`).test(scripts);
      const typed = /^@types\/(.+)$/.exec(p)?.[1];
      if (typed) return !(typed === 'node' || pkg.dependencies[typed] || pkg.devDependencies[typed]);
      // read as a file by a test (axe-core's script is injected into the browser)
      return !tsFiles(join(ROOT, 'test')).some((f) => readFileSync(f, 'utf8').includes(`'${p}/`));
    });
    assert.deepEqual(unused, []);
  });

  it('records each dependency in docs/decisions.md, with its kind', () => {
    const rows = decisionRows();
    const listed = new Map(rows.map((r) => [r.name, r.dependency]));
    const expected = new Map<string, string>([
      ...Object.keys(pkg.dependencies).map((p): [string, string] => [p, 'runtime']),
      ...Object.keys(pkg.devDependencies).map((p): [string, string] => [p, 'dev']),
    ]);
    assert.deepEqual([...expected].filter(([p, kind]) => listed.get(p) !== kind).map(([p, kind]) => `${p}: ${kind}, the table says ${listed.get(p) ?? 'nothing'}`), []);
    assert.deepEqual(rows.filter((r) => !expected.has(r.name)).map((r) => `${r.name} is in the table but not in package.json`), []);
  });

  it('gives each departure from the design card its measured reason', () => {
    const rows = new Map(decisionRows().map((r) => [r.name, r]));
    for (const name of DESIGN_CARD) {
      const row = rows.get(name);
      assert.ok(row, `${name} (design card) has a row`);
      assert.match(row.why, /design card/, `${name}: the row says it is of the design card`);
      const used = runtimeImports.has(name) || name === 'mocha';
      if (used) continue;
      assert.match(row.why, /departed/, `${name} is not used at runtime: its row says we departed from it`);
      assert.match(row.why, /\d(?:[.,]\d+)?\s?(?:×|ms|s\b|MB|%|\/385)/, `${name}: the departure gives a measure`);
    }
  });
});
