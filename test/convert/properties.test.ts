/**
 * Properties of conversion, over arbitrary texts built from the pieces real inputs are made of (words,
 * capitalised headings, superscript markers, `[footnoteRef:n]`, emphasis stars, dates, blank lines,
 * indents): only our own error types escape; output is well-formed and valid against chancery.rng; no
 * word of the input is lost; the same input gives the same output.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { convert, serializeTei } from '../../src/convert/index.js';
import { ChanceryError } from '../../src/diagnostics/diagnostic.js';
import { PersonRegistry } from '../../src/convert/entities/personography.js';
import { chanceryErrors, missingWords, teiTextWords, wordsOf } from '../helpers/schema.js';

const word = fc.constantFrom('the', 'Soviet', 'Government', 'message', 'Mr', 'Eden', 'STALIN', 'TO', 'FROM', 'received', 'Moscow', 'and', 'of', 'war');
const token = fc.oneof(
  { weight: 10, arbitrary: word },
  fc.constantFrom('¹', '²', '[footnoteRef:1]', '[1: a note]', '*', '**', '[…]', '<sup>3</sup>', '—', '&', '<', '"', "'", '/', '-', '(', ')', 'P.S.', '-4-'),
  fc.constantFrom('December 23, 1941', '23.12.41', '24 September 1944', 'Sent on May 4, 1942', 'May 20'),
  fc.constantFrom('PERSONAL AND SECRET', 'J. V. STALIN TO W. CHURCHILL', 'Yours very sincerely,', 'My dear Welles,', 'II', 'SECRET'),
  fc.string({ maxLength: 6 }),
);
const line = fc.array(token, { maxLength: 14 }).map((ts) => ts.join(' '));
const separator = fc.constantFrom('\n', '\n\n', '\r\n', '\n\t', '\n\n\n');
const text = fc.array(fc.tuple(line, separator), { maxLength: 25 }).map((parts) => parts.map(([l, s]) => l + s).join(''));

/** The source's own markup, which is syntax and not text: footnote markers, HTML-ish tags, entities. */
function withoutSyntax(input: string): string {
  return input.replace(/\[footnoteRef:/g, '[').replace(/<\/?sup>/g, ' ').replace(/&(lt|gt|amp|quot|apos);/g, ' ');
}

function charactersOf(s: string): string[] {
  return wordsOf(s).flatMap((w) => [...w]);
}

function render(input: string): string[] {
  const result = convert(input, { fileName: 'prop.txt', persons: new PersonRegistry(), generatedOn: '2026-01-01' });
  return result.documents.map((d) => serializeTei(d, { generatedOn: '2026-01-01' }));
}

describe('convert: properties', () => {
  it('any text gives well-formed TEI valid against chancery.rng, with every word kept', () => {
    fc.assert(
      fc.property(text, (input) => {
        let outputs: string[];
        try {
          outputs = render(input);
        } catch (e) {
          // Only our own errors may escape, and only for input that is not text at all.
          assert.ok(e instanceof ChanceryError, String(e));
          return;
        }
        const words: string[] = [];
        for (const xml of outputs) {
          assert.deepEqual(chanceryErrors(xml), [], xml);
          words.push(...teiTextWords(xml));
        }
        // Letters and digits, counted one by one: word boundaries shift where syntax stood ("0*0*").
        assert.deepEqual(missingWords(charactersOf(withoutSyntax(input)), charactersOf(words.join(' '))), []);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(text, (input) => {
        assert.deepEqual(render(input), render(input));
      }),
      { numRuns: 30 },
    );
  });
});
