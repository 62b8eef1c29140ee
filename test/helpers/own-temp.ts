/**
 * Mocha's global fixture (.mocharc.json `require`): the whole run uses a temporary folder of its own, removed
 * after, as the OS temp dir (TMPDIR, which os.tmpdir() reads at each call and child processes inherit). Above all
 * the compiled-schema cache lives there: tests compile hundreds of throw-away schemas, and none of them belongs
 * in the cache of the user who runs the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let own: string | undefined;
let previous: string | undefined;

export function mochaGlobalSetup(): void {
  previous = process.env.TMPDIR;
  own = mkdtempSync(join(tmpdir(), 'chancery-tests-'));
  process.env.TMPDIR = own;
}

export function mochaGlobalTeardown(): void {
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
  if (own) rmSync(own, { recursive: true, force: true });
}
