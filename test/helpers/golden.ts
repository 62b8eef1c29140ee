/**
 * Golden files: an expected output kept beside its input. `UPDATE_GOLDEN=1` is the only way to write one; a
 * missing file fails, so that a new case cannot bless its own first output.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Whether this run rewrites golden files (`UPDATE_GOLDEN=1`). */
export const updatingGolden = (env: NodeJS.ProcessEnv = process.env): boolean => env.UPDATE_GOLDEN === '1';

/** Asserts that `actual` equals the golden file; with `update`, writes it first. */
export function assertGolden(file: string, actual: string, update = updatingGolden()): void {
  if (update) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${file} does not exist: run UPDATE_GOLDEN=1 npm test to write it, and review it like code`);
  assert.equal(actual, readFileSync(file, 'utf8'), file);
}
