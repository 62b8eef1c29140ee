/** Shared by this package's tests: where the public test material is, and jing as the reference. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository holding this package (tests run compiled, from dist/packages/relaxng/test). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The shared folder beside the repository (public material, never copied into the project). */
export const SHARED = process.env.RELAXNG_SHARED ?? resolve(REPO, '../shared');
export const SPECTEST = join(SHARED, 'relaxng/spectest.xml');

/** Skips a test with a printed line saying why, so that a skip is never silent. */
export function skipBecause(ctx: Mocha.Context, reason: string): void {
  console.log(`      skipped: ${reason}`);
  ctx.skip();
}

let jing: boolean | undefined;
export function haveJing(): boolean {
  jing ??= spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;
  return jing;
}

/**
 * jing's verdicts on files: the set of files it reports errors for. `options`: jing flags (`-i`). jing stops at
 * a file that is not well-formed, so it is run again on the files after it.
 */
export function jingInvalid(schema: string, files: string[], options: string[] = []): Set<string> {
  const bad = new Set<string>();
  let rest = files.map((f) => resolve(f));
  while (rest.length > 0) {
    const r = spawnSync('jing', [...options, schema, ...rest], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    let fatal: string | undefined;
    for (const line of r.stdout.split('\n')) {
      const m = /^(.*?):(\d+):(\d+): (error|fatal)/.exec(line);
      if (!m) continue;
      bad.add(resolve(m[1]!));
      if (m[4] === 'fatal') fatal = resolve(m[1]!);
    }
    if (!fatal || !rest.includes(fatal)) break;
    rest = rest.slice(rest.indexOf(fatal) + 1);
  }
  return bad;
}

/** Whether jing accepts the schema itself (compiles it without error), by validating an empty-rooted document. */
export function jingCompiles(schema: string, options: string[] = []): boolean {
  const r = spawnSync('jing', [...options, schema], { encoding: 'utf8' });
  return r.status === 0;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `relaxng-${prefix}-`));
}

export const have = (path: string): boolean => existsSync(path);
