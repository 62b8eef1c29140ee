/**
 * rules/turn-over: a direction to turn the page, printed alone.
 */
import assert from 'node:assert/strict';
import { isTurnOver } from '../../../src/convert/rules/turn-over.js';

describe('rules/turn-over', () => {
  it('recognises the printed forms of a direction to turn over', () => {
    for (const t of ['P.S. (over)', '(over)', '(Over)', 'P.T.O.', 'PTO', 'P. T. O.', '(P.T.O.)', 'Turn over', '[over]', '(see over)', 'over/', 'P.S. (over).']) {
      assert.ok(isTurnOver(t), t);
    }
  });

  it('leaves text that only contains the word alone', () => {
    for (const t of ['P.S. You know most of this already.', 'Over the next months', 'over', 'The war is over.', 'P.S.', '(over the border)']) {
      assert.ok(!isTurnOver(t), t);
    }
  });
});
