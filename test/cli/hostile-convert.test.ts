/**
 * Hostile, broken and huge input to `chancery convert` (issue 15, the convert side): each case a fixture made on
 * the fly and the CLI run as a child process, asserting the exit code, one clear line, nothing hung (a generous
 * ceiling), no temporary file left, and bounded memory where it matters.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, type ChildRun } from '../helpers/cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI in a child process from the project's folder (see {@link runChild}). */
function chancery(args: string[], options: { cwd?: string; node?: string[]; ceiling?: number } = {}): ChildRun {
  return runChild(args, { ...options, cwd: options.cwd ?? ROOT });
}

const temp = (name: string): string => mkdtempSync(join(tmpdir(), `chancery-hostile-convert-${name}-`));

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('hostile input to convert', function () {
  this.timeout(180000);

  it('500,000 short lines convert in a heap of 230 MB (a line cost ~500 bytes of heap at the peak: 260 MB were too few)', function () {
    const dir = temp('lines');
    writeFileSync(join(dir, 'lines.txt'), 'ab\n'.repeat(500000));
    const out = join(dir, 'tei');
    const r = chancery(['convert', join(dir, 'lines.txt'), '--out', out, '--quiet'], { node: ['--max-old-space-size=230'], ceiling: 150000 });
    assert.equal(r.signal, null, 'not hung');
    assert.equal(r.status, 0, r.stderr.split('\n').slice(0, 5).join('\n'));
    const xml = readFileSync(join(out, 'lines', '000.xml'), 'utf8');
    assert.equal(xml.split('<lb/>').length - 1, 499999);
    assert.equal(filesUnder(out).filter((f) => f.endsWith('.tmp')).length, 0);
  });
});
