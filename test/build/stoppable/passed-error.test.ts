import assert from 'node:assert/strict';
import { ChanceryError, ConvertError, InputError, TransformError, UsageError, ValidateError } from '../../../src/diagnostics/index.js';
import { passError, revive } from '../../../src/build/stoppable/passed-error.js';

const OURS = [ChanceryError, InputError, UsageError, ConvertError, ValidateError, TransformError];

/** `e` posted to another thread (the structured clone postMessage makes) and thrown there again. */
const acrossThreads = (e: unknown): Error => revive(structuredClone(passError(e)));

describe('build/stoppable/passed-error: an error as it crosses from the worker thread', () => {
  it('each of our classes comes back as itself, with its code, message, span and exit code', () => {
    const span = { file: 'a.txt', line: 3, column: 7 };
    for (const Class of OURS) {
      const back = acrossThreads(new Class('TEI-CONV-001', `a ${Class.kind}`, { exitCode: 3, span }));
      assert.equal(back.constructor, Class);
      assert.ok(back instanceof ChanceryError);
      assert.deepEqual([back.name, back.code, back.message, back.exitCode, back.span], [Class.kind, 'TEI-CONV-001', `a ${Class.kind}`, 3, span]);
    }
  });

  it('a class is named by its kind, the name it is written with, not by the name the build left it', () => {
    assert.deepEqual(OURS.map((c) => c.kind), ['ChanceryError', 'InputError', 'UsageError', 'ConvertError', 'ValidateError', 'TransformError']);
    // as esbuild leaves a class whose name another bundled module uses too
    const written = Object.getOwnPropertyDescriptor(InputError, 'name')!;
    Object.defineProperty(InputError, 'name', { value: 'InputError2' });
    try {
      const error = new InputError('TEI-CONV-001', 'an empty file');
      assert.equal(error.name, 'InputError');
      const back = acrossThreads(error);
      assert.equal(back.constructor, InputError);
      assert.equal(back.name, 'InputError');
    } finally {
      Object.defineProperty(InputError, 'name', written);
    }
  });

  it('a failure of the file system keeps its code, call and path; a bug its message and stack', () => {
    const system = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open', path: '/x/y.xml' });
    const back = acrossThreads(system) as NodeJS.ErrnoException;
    assert.ok(!(back instanceof ChanceryError));
    assert.deepEqual([back.message, back.code, back.syscall, back.path], ['EACCES: permission denied', 'EACCES', 'open', '/x/y.xml']);
    const bug = new TypeError('x is undefined');
    const again = acrossThreads(bug);
    assert.deepEqual([again.message, again.stack], ['x is undefined', bug.stack]);
    assert.equal(acrossThreads('a string thrown').message, 'a string thrown');
  });
});
