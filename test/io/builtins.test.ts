/**
 * node:child_process and node:worker_threads are loaded when first used: a process that loads the validation (and
 * the bundled CLI's validate command) loads neither until git or a helper thread is asked for.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { childProcess, workerThreads } from '../../src/io/builtins.js';
import { ROOT } from '../helpers/schema.js';

/** Which of the two built-ins a fresh process has loaded after running `script` (an ES module body). */
function loadedAfter(script: string): string[] {
  const probe = `${script}\nconsole.log(JSON.stringify(['child_process', 'worker_threads'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m))));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as string[];
}

const module = (path: string): string => JSON.stringify(pathToFileURL(join(ROOT, 'dist', path)).href);

describe('io/builtins: child_process and worker_threads on first use', () => {
  it('loading the validation, and validating a file in this thread, loads neither', () => {
    const validate = `const { validate } = await import(${module('src/validate/index.js')});
const report = await validate([${JSON.stringify(join(ROOT, 'tei', 'persons.xml'))}], { schema: ${JSON.stringify(join(ROOT, 'schema', 'chancery.rng'))}, references: false, jobs: 1 });
if (report.summary.files !== 1) throw new Error('no file validated');`;
    assert.deepEqual(loadedAfter(validate), []);
  });

  it('each is loaded when asked for, and is the module itself', () => {
    const asked = `const b = await import(${module('src/io/builtins.js')}); b.childProcess(); b.workerThreads();`;
    assert.deepEqual(loadedAfter(asked), ['child_process', 'worker_threads']);
    assert.equal(typeof childProcess().execFileSync, 'function');
    assert.equal(typeof workerThreads().Worker, 'function');
  });
});
