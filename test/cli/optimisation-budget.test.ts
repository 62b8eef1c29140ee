import assert from 'node:assert/strict';
import { convertsSources } from '../../src/cli/optimisation-budget.js';

describe('cli/optimisation-budget', () => {
  it('raises the budget for the commands that convert, wherever the options stand', () => {
    assert.equal(convertsSources(['convert', 'a.txt', '--jobs', '1']), true);
    assert.equal(convertsSources(['--quiet', 'build']), true);
    assert.equal(convertsSources(['build', '--force']), true);
  });

  it('leaves it for validation, transforms and no command at all', () => {
    assert.equal(convertsSources(['validate', 'tei', '--schema', 'schema/chancery.rng']), false);
    assert.equal(convertsSources(['transform', 'tei', '--to', 'html']), false);
    assert.equal(convertsSources(['--version']), false);
    assert.equal(convertsSources([]), false);
  });
});
