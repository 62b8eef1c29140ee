/**
 * layout: the body divided as TEI wants it — opener, text, closer; parts where opener matter follows text or
 * text follows a closer; sections; the empty paragraph of a division without text; ids on the passages
 * duplicates repeat; a heading's classification set apart. The serializer writes this tree and nothing else.
 */
import assert from 'node:assert/strict';
import type { LayoutNode } from '../../../src/model/document.js';
import { serializeTei } from '../../../src/convert/serialize.js';
import { ConvertError } from '../../../src/diagnostics/diagnostic.js';
import { onlyDoc, runUpTo } from './run-passes.js';

const para = (s: string) => `${s}\n\n`;

/** The tree in brief: divisions and groups by name, blocks by kind, the empty paragraph as "<p/>". */
function outline(nodes: LayoutNode[]): unknown[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'div':
        return { [`div ${n.divType}${n.n ? ` ${n.n}` : ''}`]: outline(n.children) };
      case 'group':
        return { [n.element]: outline(n.children) };
      case 'block':
        return n.block.kind;
      case 'emptyParagraph':
        return '<p/>';
    }
  });
}

const layoutOf = (text: string) => onlyDoc(runUpTo(text, 'layout'));

describe('passes/layout', () => {
  it('groups a letter into opener, text and closer', () => {
    const doc = layoutOf(para('SECRET') + para('Dear Sir,') + para('Text.') + para('Yours sincerely,') + 'J. STALIN\n');
    assert.deepEqual(outline(doc.layout!), [{ opener: ['classification', 'salute'] }, 'p', { closer: ['closing', 'signed'] }]);
  });

  it('opens a new part for text after the closer', () => {
    const doc = layoutOf(para('Dear Sir,') + para('Text.') + para('Yours sincerely,') + para('J. STALIN') + 'Enclosure text.\n');
    assert.deepEqual(outline(doc.layout!), [{ 'div part': [{ opener: ['salute'] }, 'p', { closer: ['closing', 'signed'] }] }, { 'div part': ['p'] }]);
  });

  it('gives a division of opener and closer only an empty paragraph', () => {
    const doc = layoutOf(para('Dear Sir,') + para('Yours sincerely,') + 'J. STALIN\n');
    assert.deepEqual(outline(doc.layout!), [{ opener: ['salute'] }, '<p/>', { closer: ['closing', 'signed'] }]);
  });

  it('keeps a postscript’s paragraphs in it, and breaks the line after it only when something else follows', () => {
    const doc = layoutOf(para('Dear Sir,') + para('Text.') + para('Yours sincerely,') + para('J. STALIN') + para('P.S. One more thing.') + 'And another.\n');
    assert.deepEqual(outline(doc.layout!), [{ opener: ['salute'] }, 'p', { closer: ['closing', 'signed'] }, { postscript: ['postscript', 'p'] }]);
    const twice = layoutOf(para('Dear Sir,') + para('Text.') + para('P.S. One.') + 'P.S. Two.\n');
    const postscripts = twice.layout!.filter((n) => n.type === 'group' && n.element === 'postscript');
    assert.deepEqual(postscripts.map((n) => n.type === 'group' && n.newlineAfter), [false, true]);
  });

  it('an enclosure is a division of its own after the covering letter, a subenclosure inside its enclosure, the footnote block after all', () => {
    const doc = layoutOf(
      para('File No. 723.2515/640') +
        para('The Minister in Chile (Norton) to the Secretary of State') +
        para('Santiago, July 20, 1922.') +
        para('Sir: I have the honor to enclose a copy of the note¹ of the Minister.') +
        para('Norton') +
        para('[Enclosure 1—Translation]') +
        para('The Chilean Minister for Foreign Affairs (Barros) to the American Minister (Norton)') +
        para('Santiago, July 18, 1922.') +
        para('Mr. Minister: The delegates will be at Valparaiso.') +
        para('Barros') +
        para('[Subenclosure]') +
        para('List of the Delegates') +
        para('Señor Luis Izquierdo and Señor Carlos Aldunate Solar, who will arrive on Friday.') +
        para('[Enclosure 2]') +
        para('Memorandum') +
        para('The frontier was surveyed in 1898.') +
        '1. Printed as enclosure 1.\n',
    );
    assert.deepEqual(outline(doc.layout!), [
      { 'div covering': ['sourceNote', 'head', { opener: ['dateline'] }, 'p', { closer: ['signed'] }] },
      {
        'div enclosure 1': [
          { 'div covering': ['sourceNote', 'head', { opener: ['dateline'] }, 'p', { closer: ['signed'] }] },
          { 'div enclosure': ['sourceNote', 'head', 'p'] },
        ],
      },
      { 'div enclosure 2': ['sourceNote', 'head', 'p'] },
    ]);
  });

  it('a note text that no reference takes stays after the enclosures, where it was printed', () => {
    const doc = layoutOf(
      para('The Minister in Chile (Norton) to the Secretary of State') +
        para('Sir: I have the honor to enclose a copy of the note of the Minister.') +
        para('Norton') +
        para('[Enclosure]') +
        para('Memorandum') +
        para('Text of the memorandum.') +
        '² A note no text refers to.\n',
    );
    const last = doc.layout![doc.layout!.length - 1]!;
    assert.equal(last.type === 'block' && last.block.kind, 'noteBody');
    assert.deepEqual(
      outline(doc.layout!.slice(0, 2)),
      [{ 'div covering': ['head', 'p', { closer: ['signed'] }] }, { 'div enclosure': ['sourceNote', 'head', 'p'] }],
    );
  });

  it('the volume’s own document: front matter, then the heads of its divisions, each stretch nested outermost first', () => {
    const docs = runUpTo(
      para('This volume prints the correspondence on the frontier question; documents not printed are noted.') +
        para('Chile') +
        para('Chapter I. The Frontier Question') +
        para('Proposal for arbitration of the boundary dispute') +
        para('File No. 723.2515/610') +
        para('The Secretary of State to the Minister in Chile (Norton)') +
        para('Washington, June 3, 1922.') +
        para('You may inform the Minister for Foreign Affairs that this Government welcomes the proposal.') +
        para('Hughes') +
        para('Chapter II. Claims of American Citizens') +
        para('File No. 425.11/202') +
        para('The Minister in Chile (Norton) to the Secretary of State') +
        para('Santiago, July 10, 1922.') +
        para('The claim rests on a contract of 1876 which the Chilean Government has never disputed.') +
        'Norton\n',
      'layout',
    ).docs;
    const front = docs.find((d) => d.kind === 'front')!;
    assert.deepEqual(outline(front.layout!), [
      { 'div front': ['p'] },
      { 'div division': ['head', { 'div division I': ['head', { 'div division': ['head'] }] }] },
      { 'div division II': ['head'] },
    ]);
    assert.equal(front.title, 'Front matter');
  });

  it('makes numbered sections divisions with their number as heading', () => {
    const long = 'The Soviet Union has borne the brunt of the war for three years and its armies have advanced from the Volga to the Vistula, which no one had thought possible.';
    const doc = layoutOf(para('THE SOVIET UNION AND THE WAR') + para(long) + para('II') + 'More text.\n');
    assert.deepEqual(outline(doc.layout!), ['head', 'p', { 'div section II': ['section', 'p'] }]);
  });

  it('gives the passage a duplicate repeats an xml:id from the document’s own', () => {
    const original = 'At the banquet last night the Marshal proposed a toast to the health of the President and spoke warmly of the friendship between our peoples.';
    const garbled = 'At the bandage last night the Marshal proposed a toast to the wealth of the President and spoke warmly of the friendship between our peoples.';
    const next = 'The Prime Minister then spoke of the convoys to Murmansk and of the losses they had suffered in the summer months of that year.';
    const nextGarbled = 'The Prime Minister then spoke of the convoys to Murmansk and of the bosses they had suffered in the summer mouths of that year.';
    const doc = layoutOf(para('Dear Sir,') + para(original) + para(next) + para('The weather was cold.') + para(garbled) + nextGarbled + '\n');
    assert.deepEqual(doc.blocks.map((b) => b.xmlId), [undefined, 'doc-t-000-p1', 'doc-t-000-p2', undefined, undefined, undefined]);
    assert.equal(doc.blocks[4]!.duplicateOf, doc.blocks[1]);
    assert.equal(doc.blocks[5]!.duplicateOf, doc.blocks[2]);
  });

  it('sets the classification that opens a heading apart, keeping every character', () => {
    const docs = runUpTo(para('PERSONAL AND SECRET MESSAGE FROM STALIN TO Mr CHURCHILL') + para('One.') + para('STALIN TO ROOSEVELT') + para('Two.') + para('STALIN TO CHURCHILL') + 'Three.\n', 'layout').docs;
    const head = docs[0]!.blocks.find((b) => b.kind === 'head')!;
    assert.deepEqual(head.inlines.map((i) => (i.type === 'entity' ? [i.tag, i.attrs.type] : i.type === 'text' ? i.text : i.type)), [
      ['seg', 'classification'],
      ' MESSAGE FROM STALIN TO Mr CHURCHILL',
    ]);
    assert.equal(head.inlines[1]!.type === 'text' && head.inlines[1]!.column, 20);
  });

  it('is what the serializer writes: a document not laid out is refused with TEI-CONV-009', () => {
    const doc = onlyDoc(runUpTo(para('Dear Sir,') + 'Text.\n', 'header'));
    assert.throws(() => serializeTei(doc), (e: unknown) => e instanceof ConvertError && e.code === 'TEI-CONV-009');
    doc.layout = [{ type: 'div', divType: 'part', children: [{ type: 'block', block: doc.blocks[1]!, zone: 'content' }], newlineAfter: true }];
    assert.match(serializeTei(doc, { generatedOn: '2026-01-01' }), /<body>\n<div type="part">\n<p>Text\.<\/p>\n<\/div>\n<\/body>/);
  });
});
