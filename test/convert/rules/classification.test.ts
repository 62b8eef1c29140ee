/** classification: security classifications alone on a line, or opening a capitalised heading. */
import assert from 'node:assert/strict';
import { headingClassification, isClassification } from '../../../src/convert/rules/classification.js';

describe('rules/classification', () => {
  describe('isClassification', () => {
    for (const t of ['SECRET', 'PERSONAL AND SECRET', 'Personal and Secret', 'MOST SECRET AND PERSONAL', '**PERSONAL AND SECRET**', 'SECRET.', 'STRICTLY CONFIDENTIAL', 'PERSONAL, SECRET', 'COPY. SECRET']) {
      it(`"${t}" is a classification`, () => assert.equal(isClassification(t), true));
    }
    for (const t of ['URGENT', 'COPY', 'IMMEDIATE', 'SECRET MESSAGE', 'PERSONAL AND SECRET MESSAGE FROM STALIN', 'The secret is out', '']) {
      it(`"${t}" is not a classification`, () => assert.equal(isClassification(t), false));
    }
  });

  describe('headingClassification', () => {
    it('returns the classification that opens a capitalised heading', () => {
      assert.equal(headingClassification('PERSONAL AND SECRET MESSAGE FROM PREMIER STALIN TO Mr CHURCHILL'), 'PERSONAL AND SECRET');
      assert.equal(headingClassification('MOST SECRET AND PERSONAL TELEGRAM'), 'MOST SECRET AND PERSONAL');
      assert.equal(headingClassification('SECRET'), 'SECRET');
    });

    it('counts only capitals: "Personal message" in running case is not a classification', () => {
      assert.equal(headingClassification('Personal message from Mr Churchill'), undefined);
    });

    it('needs a secrecy word: "URGENT MESSAGE" has no classification', () => {
      assert.equal(headingClassification('URGENT MESSAGE FROM STALIN'), undefined);
    });

    it('does not take a word that only begins like one ("SECRETARY")', () => {
      assert.equal(headingClassification('SECRETARY OF STATE TO HARRIMAN'), undefined);
    });

    it('is undefined for a heading without one', () => {
      assert.equal(headingClassification('J. V. STALIN TO F. ROOSEVELT'), undefined);
    });
  });
});
