/** Shared by the transform tests: where the fixtures are, temp dirs, a site crawler. */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run compiled, from dist/test/transform). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/transform');
export const FIXTURE_TEI = join(FIXTURES, 'tei');
export const GOLDEN = join(FIXTURES, 'golden');
export const FIXTURE_CONFIG = join(FIXTURES, 'chancery.config.json');
/** The edition, once the converter has written it. */
export const EDITION_TEI = join(ROOT, 'tei');

/** A fresh directory under the OS temp dir; removed by {@link cleanup}. */
const made: string[] = [];
export function tempDir(prefix = 'chancery-transform-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Removes every directory {@link tempDir} made. */
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Every file below a directory, as `/`-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const e of readdirSync(d)) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  visit(dir);
  return out.sort();
}

/** Skips a test with a line saying why, so that a skip is never silent. */
export function skipBecause(ctx: Mocha.Context, reason: string): void {
  console.log(`      (skipped: ${reason})`);
  ctx.skip();
}
