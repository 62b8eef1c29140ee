import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { MONTH_PATTERN, monthMatches } from '../../../src/convert/entities/dates/month-scan.js';
import { endsWithGluedMonth } from '../../../src/convert/entities/dates/plain-date.js';

/** What the expression finds in `text`, as the scan gives it: [start, end) pairs. */
function byExpression(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(new RegExp(MONTH_PATTERN.source, 'g'))) found.push(m.index, m.index + m[0].length);
  return found;
}

/**
 * Texts dense in what the expression reads and in what it must not: months of both languages cut short, glued to
 * letters, digits and underscores on either side, accents, capitals in every place, and the first letters of each.
 */
const piece = fc.constantFrom(
  'Jan', 'JAN', 'JAn', 'jan', 'janv', 'janvier', 'Feb', 'FEB', 'févr', 'fevr', 'fév', 'février', 'Mar', 'MAR', 'mar', 'mars', 'Mars', 'May', 'MAY',
  'mai', 'maint', 'remain', 'mai_', 'mai1', 'maiñ', 'Apr', 'avril', 'avr', 'Aug', 'août', 'aout', 'aoû', 'Jun', 'Jul', 'juin', 'juil', 'jui', 'Sep',
  'sept', 'SEP', 'Oct', 'octob', 'octo', 'Nov', 'novemb', 'nove', 'Dec', 'DEC', 'décemb', 'decemb', 'déc', 'Marshal', 'Junovemb', 'Marsept',
  'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D', 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd', 'é', 'û',
  ' ', ' ', '\n', '.', ',', '-', '_', '1', '19', 'x', 'É', 'ñ', '’', '\u00a0',
);
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));

describe('the month scan of the date pass (dates/month-scan.ts)', () => {
  it('finds what its expression finds, in a text and in any range of it read as a text of its own', () => {
    let found = 0;
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const whole = monthMatches(t);
      if (whole.length > 0) found++;
      assert.deepEqual(whole, byExpression(t), JSON.stringify(t));
      const from = t.length === 0 ? 0 : a % (t.length + 1);
      const to = from + (t.length - from === 0 ? 0 : b % (t.length - from + 1));
      assert.deepEqual(monthMatches(t, from, to), byExpression(t.slice(from, to)).map((x) => x + from), JSON.stringify([t, from, to]));
    }), { numRuns: 20000, seed: 20261202 });
    assert.ok(found > 5000, `only ${found} texts held a month: the generator must reach the expression`);
  });

  it('reads the forms it is for', () => {
    const t = 'On Mar. 4 and DEC 5, le 3 mars, le 2 mai, remain, maintain, Marshal, the Maréchal, 1 janvier';
    assert.deepEqual(monthMatches(t), byExpression(t));
    assert.deepEqual(
      monthMatches(t).flatMap((x, k, all) => (k % 2 === 0 ? [t.slice(x, all[k + 1])] : [])),
      ['Mar', 'DEC', 'mars', 'mai', 'Mar', 'Mar', 'janv'],
    );
  });
});

describe('the glued month words of the fast path (dates/plain-date.ts)', () => {
  const MONTH_WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
  const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
    'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty', 'thirtieth', 'thirty'];
  /** The expression the scan replaces, asked of the word in lower case. */
  const GLUED_MONTH = new RegExp(`(?:${MONTH_WORDS.join('|')})(?:of|${ORDINALS.join('|')})?$`);
  const cased = (w: string, upper: boolean[]): string => [...w].map((c, k) => (upper[k % upper.length] ? c.toUpperCase() : c)).join('');
  const part = fc.constantFrom(...MONTH_WORDS, ...ORDINALS, 'of', 'o', 'f', 'in', 'be', 'x', 'ma', 'rch', 'ber', 'ty', 'th', 'st', 'y', 'an');
  const word = fc.tuple(fc.array(part, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }))
    .map(([parts, upper]) => cased(parts.join(''), upper));

  it('finds a month word glued to what chrono reads beside it where the expression does', () => {
    let glued = 0;
    fc.assert(fc.property(word, fc.constantFrom('', ' ', '12 '), (w, before) => {
      const expected = GLUED_MONTH.test(w.toLowerCase());
      if (expected) glued++;
      assert.equal(endsWithGluedMonth(before + w + ' x', before.length, before.length + w.length), expected, w);
    }), { numRuns: 20000, seed: 20261202 });
    assert.ok(glued > 2000, `only ${glued} words were glued months`);
  });
});
