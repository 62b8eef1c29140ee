import assert from 'node:assert/strict';
import { commandNamed } from '../../src/cli/command-named.js';

describe('cli/command-named: the command word, read as yargs reads it', () => {
  it('skips options and the values they take before the command', () => {
    assert.equal(commandNamed(['convert', 'a.txt']), 'convert');
    assert.equal(commandNamed(['--jobs', '2', 'convert', 'a.txt']), 'convert');
    assert.equal(commandNamed(['--jobs=2', 'convert']), 'convert');
    assert.equal(commandNamed(['-j', '2', 'validate', 'tei']), 'validate');
    assert.equal(commandNamed(['--out', 'tei', '--jobs', '2', 'build']), 'build');
  });

  it('an option negated or declared boolean (--no-x, --help, --version) takes no value', () => {
    assert.equal(commandNamed(['--no-references', 'validate', 'tei']), 'validate');
    assert.equal(commandNamed(['--help', 'convert']), 'convert');
    assert.equal(commandNamed(['--version', 'convert']), 'convert');
  });

  it('none where an option takes the only word for its value, or there is no word', () => {
    assert.equal(commandNamed(['--quiet', 'build']), undefined);
    assert.equal(commandNamed(['--version']), undefined);
    assert.equal(commandNamed([]), undefined);
  });

  it('a number is the word as written', () => {
    assert.equal(commandNamed(['2']), '2');
  });
});
