import assert from 'node:assert/strict';
import { limitsHeapGrowth } from '../../src/cli/heap-growth.js';

describe('cli/heap-growth', () => {
  it('limits the heap\'s growth for every command but validate, wherever the options stand', () => {
    for (const args of [['convert', 'a.txt'], ['--jobs', '2', 'convert', 'a.txt'], ['build'], ['transform', 'tei', '--to', 'html', '--out', 'site'], ['persons'], ['--version'], []]) {
      assert.equal(limitsHeapGrowth(args), true, args.join(' '));
    }
  });

  it('leaves a validation V8\'s default growth: its heap stays small, and the limit only made it collect more often', () => {
    assert.equal(limitsHeapGrowth(['validate', 'tei']), false);
    assert.equal(limitsHeapGrowth(['--jobs', '2', 'validate', 'tei', '--no-references']), false);
  });
});
