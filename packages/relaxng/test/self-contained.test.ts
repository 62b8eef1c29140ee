/**
 * The package stands alone: its sources import only each other, node: built-ins and the dependencies its
 * package.json declares, so it can be built, tested and published without the project around it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../packages/relaxng');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : n.endsWith('.ts') ? [p] : [];
  });
}

describe('packages/relaxng stands alone', function () {
  it('imports nothing outside the package but node: built-ins and its declared dependencies', function () {
    const declared = Object.keys((JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const stray: string[] = [];
    const files = sources(join(PACKAGE, 'src'));
    assert.ok(files.length > 10);
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('node:') || declared.includes(spec)) continue;
        if (spec.startsWith('.') && !relative(join(PACKAGE, 'src'), resolve(dirname(file), spec)).startsWith('..')) continue;
        stray.push(`${relative(PACKAGE, file)}: ${spec}`);
      }
    }
    assert.deepEqual(stray, []);
  });
});
