/**
 * XML names (src/xml-names.ts): the ASCII shortcut taken before the Unicode classes gives, for every string,
 * the verdict the classes alone give.
 */
import assert from 'node:assert/strict';
import { isName, isNcName, isNmToken, NAME_CHAR_CLASS, NAME_START_CLASS } from '../src/xml-names.js';

const byClasses = {
  ncName: new RegExp(`^${NAME_START_CLASS}${NAME_CHAR_CLASS}*$`, 'v'),
  name: new RegExp(`^[${NAME_START_CLASS}:][${NAME_CHAR_CLASS}:]*$`, 'v'),
  nmToken: new RegExp(`^[${NAME_CHAR_CLASS}:]+$`, 'v'),
};

function agree(s: string): void {
  assert.equal(isNcName(s), byClasses.ncName.test(s), `NCName ${JSON.stringify(s)}`);
  assert.equal(isName(s), byClasses.name.test(s), `Name ${JSON.stringify(s)}`);
  assert.equal(isNmToken(s), byClasses.nmToken.test(s), `Nmtoken ${JSON.stringify(s)}`);
}

describe('packages/relaxng: XML names', function () {
  it('judges every string of one or two ASCII characters as the Unicode classes do', function () {
    agree('');
    for (let a = 0; a < 128; a++) {
      agree(String.fromCharCode(a));
      for (let b = 0; b < 128; b++) agree(String.fromCharCode(a, b));
    }
  });

  it('judges names with letters beyond ASCII and names jing refuses as the classes do', function () {
    for (const s of ['é', 'éa', 'aé', 'a·b', '·a', 'x:\u0E35', '\u0E35', 'a\u0E35', '\uF900', 'a\uF900', 'Ǆ', '𐀀', 'a b', 'doc-001_5888.x', '-a', '1a', 'a:b', ':a', 'a:', 'a:b:c']) agree(s);
  });

  it('takes the ASCII names documents use as names', function () {
    assert.equal(isNcName('doc-001_58888229c10c191a-000'), true);
    assert.equal(isNcName('1abc'), false);
    assert.equal(isName('tei:p'), true);
    assert.equal(isNcName('tei:p'), false);
    assert.equal(isNmToken('1941-12-23'), true);
    assert.equal(isNmToken('a b'), false);
  });
});
