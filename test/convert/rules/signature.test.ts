/**
 * signature: closing formulas name no one; signed names, offices and "For …:" lines make signature blocks;
 * where ../shared/frus-dev is present, the editors' signatures are read as signature blocks.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_SIGNATURE_LINE_CHARS, isClosingFormula, isClosingFormulaBlock, isCountersignature, isNameWithOffice, isOfficeLine, isSignedName, mayBeClosingFormula, nonStarCharsExceed, readSignatureBlock, signatoryNameOffset, signedNameOf } from '../../../src/convert/rules/signature.js';
import { frusDocuments } from '../../helpers/frus.js';

describe('rules/signature', () => {
  describe('isClosingFormula', () => {
    for (const t of [
      'Yours very faithfully,',
      'Very truly yours,',
      'Respectfully yours,',
      'I have the honor to be, etc.,',
      'I am, sir, your obedient servant,',
      'I have the honour to be, with the highest consideration, Sir, your obedient Servant,',
      'I am [etc.]',
      'Accept, sir, the renewed assurances of my highest consideration.',
      'The undersigned avails himself [etc.]',
      'Believe me [etc.]',
      'I take pleasure [etc.]',
    ]) {
      it(`"${t}" is a closing formula`, () => assert.ok(isClosingFormula(t)));
    }

    for (const t of ['Please accept my warm congratulations on the liberation of Cherbourg.', 'Yours of the 12th received.', 'I have seen the Minister today and he agrees.', 'Charles Lyell', 'Respectfully submitted to the Conference the following proposals for the']) {
      it(`"${t}" is not`, () => assert.ok(!isClosingFormula(t)));
    }
  });

  describe('isClosingFormula: the words it opens with (property)', () => {
    const pieces = fc.constantFrom(
      'Yours', 'yours', 'YOURS', 'very', 'Very', 'most', 'ever', 'sincerely', 'truly', 'faithfully', 'Respectfully', 'obediently', 'cordially',
      'affectionately', 'your', 'Your', 'I', 'i', 'we', 'We', 'be', 'Be', 'the', 'The', 'undersigned', 'please', 'Please', 'accept', 'Accept',
      'believe', 'Believe', 'me', 'with', 'With', 'highest', 'best', 'kind', 'warm', 'regards', 'am', 'have', 'remain', 'beg', 'avails', 'pleased',
      'to', 'etc.', '[etc.]', 'servant', 'consideration', 'assurances', 'submitted', 'of', 'In', 'It', 'Sir', ',', '.', '*', '**', ' ', ' ', '  ',
      '\t', '\n', '\u00a0', '\u2003', 'ſ', 'K', 'x',
    );
    /** A formula of each of CLOSINGS' openings, spaced, starred and cased in every way. */
    const formulas = fc
      .tuple(
        fc.constantFrom(
          'Yours very faithfully,', 'Very truly yours,', 'Most sincerely', 'Ever yours', 'Sincerely,', 'Truly yours', 'Faithfully yours', 'Respectfully submitted.',
          'Obediently yours', 'Cordially,', 'Affectionately yours', 'Your obedient servant', 'I am, sir, your obedient servant,', 'I have the honor to be, etc.,',
          'Accept, Sir, the renewed assurances of my highest consideration.', 'Please accept the assurances of my consideration.',
          'Be pleased to accept the assurances of my highest consideration.', 'The undersigned avails himself [etc.]', 'I avail myself [etc.]',
          'Believe me [etc.]', 'With highest consideration,', 'Best regards,', 'Kind regards.', 'Warm regards', 'We take pleasure [etc.]', 'I take pleasure [etc.]',
        ),
        fc.constantFrom(' ', '  ', '\t', '\u00a0', ' * ', '\n'),
        fc.constantFrom('', '*', '**', ' '),
        fc.constantFrom((t: string) => t, (t: string) => t.toUpperCase(), (t: string) => t.toLowerCase()),
      )
      .map(([formula, space, star, cased]) => `${star}${cased(formula).replace(/ /g, space)}${star}`);

    it('a text that is a closing formula opens, without its stars, with one of the words mayBeClosingFormula asks for', () => {
      let closings = 0;
      fc.assert(
        fc.property(fc.oneof(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), formulas), (text) => {
          if (!isClosingFormula(text)) return;
          closings++;
          assert.ok(mayBeClosingFormula(text.replace(/\*+/g, '').trim()), JSON.stringify(text));
        }),
        { numRuns: 20000 },
      );
      assert.ok(closings > 200, `${closings}`);
    });

    it('isClosingFormulaBlock reads the block as isClosingFormula reads its text', () => {
      fc.assert(
        fc.property(fc.array(fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')), { minLength: 1, maxLength: 3 }), (lines) => {
          assert.equal(isClosingFormulaBlock(lines), isClosingFormula(lines.join(' ').replace(/\s+/g, ' ').trim()), JSON.stringify(lines));
        }),
        { numRuns: 20000 },
      );
      assert.equal(isClosingFormulaBlock(['I have the honor to be,', '*Sir*, your obedient servant,']), true);
      assert.equal(isClosingFormulaBlock(['In reply to your note,', 'I have the honor']), false);
    });
  });

  describe('isSignedName', () => {
    for (const t of ['Lansing', 'W. W. Rockhill.', 'E. H. Conger.', 'Charles Lyell', 'S[umner] W[elles]', 'v. Macchi di Cellere', 'C. de Freitas-Valle', 'Louis G. Dreyfus, Jr.', 'HARRIMAN', '[Francis]', 'Geo. H. Dern', 'Cordell Hull [Seal]']) {
      it(`"${t}" is a name`, () => assert.ok(isSignedName(t)));
    }
    for (const t of ['[Telegram]', 'Article III.', 'II', 'Repeated to Buenos Aires.', 'Yours very faithfully,', 'The situation is grave.', 'Sir:', 'December 12']) {
      it(`"${t}" is not`, () => assert.ok(!isSignedName(t)));
    }
  });

  describe('readSignatureBlock', () => {
    it('a name and its office', () => {
      assert.deepEqual(readSignatureBlock(['Alvey A. Adee,', 'Acting Secretary.']), [
        { text: 'Alvey A. Adee,', role: 'name' },
        { text: 'Acting Secretary.', role: 'office' },
      ]);
    });

    it('"For the Ambassador:", the name, the office', () => {
      assert.deepEqual(
        readSignatureBlock(['For the Ambassador:', 'Robert M. Scotten', 'Counselor of Embassy'])!.map((l) => l.role),
        ['for', 'name', 'office'],
      );
    });

    it('a countersignature: "By the President:", "By command of the Emperor:", the name under it', () => {
      assert.deepEqual(readSignatureBlock(['By the President:', 'John Hay, Secretary of State.'])!.map((l) => l.role), ['for', 'name']);
      assert.deepEqual(readSignatureBlock(['By command of the Emperor:', 'Komura'])!.map((l) => l.role), ['for', 'name']);
      assert.equal(isCountersignature(['By the President:', 'John Hay, Secretary of State.']), true);
      assert.equal(isCountersignature(['For the Ambassador:', 'Robert M. Scotten']), false);
      assert.equal(readSignatureBlock(['By the way:', 'the treaty was signed.']), undefined);
    });

    it('a treaty’s signatories after the power each signs for, and the editor’s line on seals among them', () => {
      const joint = ['For Germany, A. Mumm.', 'For Austria-Hungary, M. Czikann.', 'For United States of America, E. H. Conger.'];
      assert.deepEqual(readSignatureBlock(joint)!.map((l) => l.role), ['name', 'name', 'name']);
      assert.equal(signedNameOf('For Great Britain, Ernest Satow.'), 'Ernest Satow');
      assert.equal(signatoryNameOffset('For Great Britain, Ernest Satow.'), 'For Great Britain, '.length);
      assert.equal(signatoryNameOffset('Ernest Satow.'), 0);
      assert.equal(signatoryNameOffset('For these reasons, we object.'), 0);
      assert.deepEqual(readSignatureBlock(['A. v. Mumm.', 'M. Czikann.', '{Signatures and seals of Chinese plenipotentiaries.}'])!.map((l) => l.role), ['name', 'name', 'seal']);
      // A seal line alone is no signature; nor is a sentence after "For".
      assert.equal(readSignatureBlock(['[L. S.]']), undefined);
      assert.equal(readSignatureBlock(['For this reason, the Government declines.']), undefined);
    });

    it('several signatories', () => {
      assert.deepEqual(readSignatureBlock(['Root', 'Francis'])!.map((l) => l.role), ['name', 'name']);
      assert.deepEqual(
        readSignatureBlock(['For the Republic of Guatemala:', 'Alfredo Skinner-Klee', 'For the United States of America:', 'Cordell Hull'])!.map((l) => l.role),
        ['for', 'name', 'for', 'name'],
      );
    });

    it('a closing formula or a sentence is not a signature block', () => {
      assert.equal(readSignatureBlock(['Yours very faithfully,']), undefined);
      assert.equal(readSignatureBlock(['Charles Lyell', 'He said he would come.']), undefined);
    });
  });

  describe('signedNameOf', () => {
    it('leaves out "By", the office and a closing full stop, keeps initials', () => {
      assert.equal(signedNameOf('By Semmes Steele'), 'Semmes Steele');
      assert.equal(signedNameOf('Alvey A. Adee, Acting Secretary.'), 'Alvey A. Adee');
      assert.equal(signedNameOf('W. W. Rockhill.'), 'W. W. Rockhill');
      assert.equal(signedNameOf('H.'), 'H.');
    });
  });

  describe('on the FRUS development signatures', () => {
    it('reads the editors’ signatures as signature blocks (all but 1 %)', function () {
      const docs = frusDocuments();
      if (!docs) {
        console.log('      skipped: ../shared/frus-dev is not available');
        this.skip();
      }
      let signed = 0;
      const unread: string[] = [];
      for (const { gold, text } of docs) {
        if (!gold.signed) continue;
        signed++;
        const blocks = text.split('\n\n');
        const want = gold.signed.slice(0, 12);
        const block = blocks.findLast((b, i) => i > 0 && b.length < 400 && b.split('\n').some((l) => l.trim().startsWith(want)));
        if (!block || !readSignatureBlock(block.split('\n'))) unread.push(gold.id);
      }
      assert.ok(unread.length <= 0.01 * signed, `${unread.length} of ${signed}: ${unread.join(' ')}`);
    });
  });
});

describe('rules/signature: the length a signature line may have (property)', () => {
  it('a line longer than MAX_SIGNATURE_LINE_CHARS is no line of a signature block', () => {
    const forLine = /^For\s+(?:the\s+)?\p{Lu}.{0,80}:$/u;
    const pieces = fc.constantFrom('Alvey', 'A.', 'Adee', 'S[umner]', 'W[elles]', 'de', 'Cellere', 'Jr.', 'Acting', 'Secretary', 'Counselor', 'of', 'Embassy', 'Taotai at Shanghai', 'For the', 'By', ',', ':', '.', ' ', '   ', '*', '**', '¹²', 'X'.repeat(20), 'Ministry');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40, size: 'max' }), fc.constantFrom(' ', ''), (parts, sep) => {
        const line = parts.join(sep).trim();
        if (!nonStarCharsExceed(line, MAX_SIGNATURE_LINE_CHARS)) return;
        assert.equal(forLine.test(line) || isOfficeLine(line) || isSignedName(line.replace(/^By\s+/, '')) || isNameWithOffice(line), false, line);
        assert.equal(readSignatureBlock([line]), undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('nonStarCharsExceed counts as the loop over code units it replaced did', () => {
    const byLoop = (text: string, limit: number): boolean => {
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code > 32 && code < 127 && code !== 42 && ++n > limit) return true;
      }
      return false;
    };
    const unit = fc.constantFrom('a', 'Z', '0', ' ', '*', '**', '!', ')', '+', '~', '\t', '\n', '\u007f', '\u00a0', 'é', '𝔄', '\ud800', 'Yours very truly, ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), fc.constantFrom(3, 10, 127, 240), (parts, limit) => {
        const text = parts.join('');
        assert.equal(nonStarCharsExceed(text, limit), byLoop(text, limit), JSON.stringify([text, limit]));
      }),
      { numRuns: 5000 },
    );
    // Every code unit, counted or not, at the limit and one past it.
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch.repeat(11), `${'a'.repeat(10)}${ch}`]) assert.equal(nonStarCharsExceed(text, 10), byLoop(text, 10), `U+${code.toString(16)}`);
    }
  });

  it('a name and its office at that length are read', () => {
    const name = `Alvey ${'X'.repeat(34)} Adee`; // 45 characters
    const office = `Acting Secretary of ${'Y'.repeat(60)}.`; // 80 and a full stop
    const line = `${name}, ${office}`;
    assert.equal(nonStarCharsExceed(line, MAX_SIGNATURE_LINE_CHARS), false);
    assert.deepEqual(readSignatureBlock([line])?.map((l) => l.role), ['name']);
  });
});
