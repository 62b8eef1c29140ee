/**
 * Print extractions: running heads found and set aside at their place, hard-wrapped lines joined into the
 * logical lines they were cut from, hyphens at line ends resolved from the text's own words.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isWrap, joinHyphenated, reflowPrint, runningHead, vocabularyOf, wrapWidth } from '../../../src/convert/readers/print-layout.js';

/** Hard-wraps one logical line at `width`, as a print extraction does. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

const PARAGRAPH =
  'The Minister for Foreign Affairs informed me this morning that his Government would accept the proposal of the commission ' +
  'without reservation, provided that the boundary line were drawn along the river as far as its junction with the ' +
  'tributary marked on the map of 1899, and that the question of navigation be left to a later agreement between the ' +
  'two Governments concerned.';

describe('readers/print-layout', () => {
  it('reads running heads with the page number at either edge', () => {
    assert.deepEqual(runningHead('12  FOREIGN RELATIONS, 1922, VOLUME I'), { page: '12', text: '12  FOREIGN RELATIONS, 1922, VOLUME I' });
    assert.deepEqual(runningHead('CHILE  13'), { page: '13', text: 'CHILE  13' });
    assert.equal(runningHead('1922  the year of the treaty'), undefined);
    assert.equal(runningHead('Total  12'), undefined);
  });

  it('finds the wrap width of hard-wrapped text and none in running text', () => {
    const lines = [...wrap(PARAGRAPH, 60), '', ...wrap(PARAGRAPH, 60)];
    assert.equal(wrapWidth(lines), Math.max(...lines.map((l) => l.length)));
    assert.equal(wrapWidth([PARAGRAPH, '', PARAGRAPH]), undefined);
  });

  it('the wrap width is what the reading of every line gives (it stops at the first line too long to be printed)', () => {
    // The definition as first written: the longest line, read whole, and the lines of four words or more by `split`.
    const byDefinition = (lines: string[]) => {
      const max = Math.max(0, ...lines.map((l) => l.length));
      if (max < 40 || max > 100) return undefined;
      const wordy = lines.filter((l) => l.split(' ').length >= 4);
      return wordy.length > 0 && wordy.filter((l) => l.length >= max - 12).length >= wordy.length / 3 ? max : undefined;
    };
    const word = fc.constantFrom('a', 'word', 'Minister', 'x'.repeat(30), '', '  ');
    const line = fc.array(word, { maxLength: 24 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        assert.equal(wrapWidth(lines), byDefinition(lines));
      }),
      { numRuns: 3000 },
    );
  });

  it('a break is a wrap when the next word would not have fitted, except before a numbered note after a sentence', () => {
    assert.ok(isWrap('a'.repeat(55) + ' long', 'sentence', 60));
    assert.ok(!isWrap('short line', 'Next', 60));
    assert.ok(!isWrap('a'.repeat(55) + ' p. 4.', '2. Not printed.', 60));
    assert.ok(!isWrap('a'.repeat(50) + ' as follows:', 'Immediately order', 60));
    assert.ok(isWrap('a'.repeat(50) + ' as follows:', 'that the', 60));
    // A note marked with a symbol, after a note that ends in an editor's bracket.
    assert.ok(!isWrap('a'.repeat(40) + ' [Footnote in the original.]', '§. These views', 60));
    assert.ok(!isWrap('a'.repeat(50) + ' p. 4.', '†. Not printed.', 60));
    // A bracket that closes no sentence, or a symbol that is no marker, is a wrap as before.
    assert.ok(isWrap('a'.repeat(45) + ' [the original]', '§. These views', 60));
    assert.ok(isWrap('a'.repeat(55) + ' p. 4.]', '§ 12 of the act', 60));
  });

  it('joins a hyphenated word as the text writes it elsewhere', () => {
    const vocabulary = vocabularyOf(['an acceptable answer', 'a well-known man', 'the frontier']);
    assert.equal(joinHyphenated('accept-', 'able', vocabulary), 'acceptable');
    assert.equal(joinHyphenated('well-', 'known', vocabulary), 'well-known');
    assert.equal(joinHyphenated('fron-', 'tier', vocabulary), 'frontier');
    assert.equal(joinHyphenated('self-', 'governing', vocabulary), 'selfgoverning'); // neither form nor both parts known
  });

  it('joins wrapped lines across a running head in mid-paragraph and keeps the page break at its place', () => {
    const body = wrap(PARAGRAPH, 60);
    const source = ['File No. 711.42/17', '', ...body.slice(0, 2), '', '12  FOREIGN RELATIONS, 1922', '', ...body.slice(2), '', 'Hughes', '', '', 'CHILE  13', '', 'Next document', '', 'End'];
    const r = reflowPrint(source)!;
    assert.deepEqual(r.lines, ['File No. 711.42/17', '', PARAGRAPH, '', 'Hughes', '', 'Next document', '', 'End']);
    const cut = body.slice(0, 2).join(' ').length + 1;
    assert.deepEqual(r.pageBreaks, [
      { page: '12', text: '12  FOREIGN RELATIONS, 1922', line: 6, at: 2, offset: cut },
      { page: '13', text: 'CHILE  13', line: source.indexOf('CHILE  13') + 1, at: 6, offset: 0 },
    ]);
    // Every piece points back to its physical line.
    for (const piece of r.pieces[2]!) assert.equal(PARAGRAPH.slice(piece.offset).startsWith(source[piece.line - 1]!), true);
  });

  it('is not a print extraction without running heads', () => {
    assert.equal(reflowPrint([...wrap(PARAGRAPH, 60), '', ...wrap(PARAGRAPH, 60)]), undefined);
  });
});
