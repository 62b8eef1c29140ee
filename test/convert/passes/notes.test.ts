/**
 * notes: every footnote text goes to its reference; what cannot be matched stays where it stands and is
 * reported (TEI-CONV-001, TEI-CONV-002); a translation printed after a note becomes a second part of it.
 */
import assert from 'node:assert/strict';
import type { Block, Inline } from '../../../src/model/document.js';
import { codes, kinds, onlyDoc, runUpTo, textOf } from './run-passes.js';

const para = (s: string) => `${s}\n\n`;

function notes(text: string) {
  const run = runUpTo(text, 'notes');
  return { doc: onlyDoc(run), diagnostics: run.diagnostics };
}

type NoteInline = Extract<Inline, { type: 'note' }>;

/** Every note inline of a block, depth first. */
function notesIn(inlines: Inline[]): NoteInline[] {
  const out: NoteInline[] = [];
  for (const i of inlines) {
    if (i.type === 'note') out.push(i);
    if (i.type === 'hi' || i.type === 'entity') out.push(...notesIn(i.children));
    if (i.type === 'interruption') for (const b of i.blocks) out.push(...notesIn(b.inlines));
  }
  return out;
}

const bodyOf = (n: NoteInline): Block => n.parts[0]!;

describe('passes/notes', () => {
  it('moves a note text to its superscript reference and out of the block list', () => {
    const { doc, diagnostics } = notes(para('Dear Sir,') + para('I gave him your message.¹ He agreed.') + '¹ Not printed.\n');
    assert.deepEqual(kinds(doc), [['salute', 1], ['p', 3]]);
    const p = doc.blocks[1]!;
    assert.deepEqual(p.inlines.map((i) => i.type), ['text', 'note', 'text']);
    const note = p.inlines[1] as NoteInline;
    assert.deepEqual([note.n, note.place, note.parts.length], ['1', 'foot', 1]);
    assert.deepEqual([bodyOf(note).line, bodyOf(note).marker, textOf(bodyOf(note).inlines)], [5, '¹', 'Not printed.']);
    assert.deepEqual(diagnostics, []);
  });

  it('moves a word processor’s inline note [1: …] to its [footnoteRef:1]', () => {
    const { doc, diagnostics } = notes(para('Dear Sir,') + para('Horne wrote[footnoteRef:1] about it.') + 'Notes: [1: Alistair Horne, *Macmillan*.]\n');
    const [p, notesBlock] = doc.blocks.slice(1);
    assert.deepEqual(notesIn(p!.inlines).map((n) => [n.n, bodyOf(n).line, bodyOf(n).column]), [['1', 5, 12]]);
    assert.equal(textOf(notesBlock!.inlines), 'Notes: ');
    assert.deepEqual(diagnostics, []);
  });

  it('prefers the note text printed at or after the reference when numbers repeat', () => {
    const { doc } = notes(
      para('Dear Sir,') + para('First page text.¹') + para('¹ First page note.') + para('Second page text.¹') + '¹ Second page note.\n',
    );
    assert.deepEqual(
      doc.blocks.slice(1).map((b) => notesIn(b.inlines).map((n) => bodyOf(n).line)),
      [[5], [9]],
    );
  });

  it('keeps a reference without a note text as a superscript and reports TEI-CONV-001 at it', () => {
    const { doc, diagnostics } = notes(para('Dear Sir,') + 'He said so.² And more.\n');
    const p = doc.blocks[1]!;
    assert.deepEqual(p.inlines[1], { type: 'hi', rend: 'superscript', children: [{ type: 'text', text: '2', line: 3, column: 12 }] });
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-001', 3, 12]]);
    assert.equal(diagnostics[0]!.severity, 'warning');
  });

  it('keeps a note text without a reference where it stands and reports TEI-CONV-002 at it', () => {
    const { doc, diagnostics } = notes(para('Dear Sir,') + para('Nothing refers to it.') + '³ An orphan note.\n');
    assert.deepEqual(kinds(doc), [['salute', 1], ['p', 3], ['noteBody', 5]]);
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-002', 5, 1]]);
    assert.equal(diagnostics[0]!.severity, 'warning');
  });

  it('finds a note number printed as plain digits glued to a name, "(CLIFFORD WEBSTER)59"', () => {
    const { doc, diagnostics } = notes(para('Dear Sir,') + para('The memorandum follows.') + para('(CLIFFORD WEBSTER)59') + '<sup>59</sup> Webster was the head of the department.\n');
    assert.deepEqual(kinds(doc), [['salute', 1], ['p', 3], ['signed', 5]]);
    const signed = doc.blocks[2]!;
    assert.deepEqual(signed.inlines[0], { type: 'text', text: '(CLIFFORD WEBSTER)', line: 5, column: 1 });
    const note = signed.inlines[1] as NoteInline;
    assert.equal(note.type, 'note');
    assert.deepEqual([note.n, bodyOf(note).line, bodyOf(note).marker], ['59', 7, '59']);
    assert.equal(textOf(signed.inlines), '(CLIFFORD WEBSTER)');
    assert.deepEqual(diagnostics, []);
  });

  it('does not take digits inside a number for a glued reference', () => {
    const { diagnostics } = notes(para('Dear Sir,') + para('In 1959 we met.') + '<sup>59</sup> A note.\n');
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-002', 5, 1]]);
  });

  it('anchors letter notes at their superscript letters, each in turn ("board.ᵃ", "Article Iᵃ.")', () => {
    const { doc, diagnostics } = notes(para('Sir: I inclose the regulations of the board.ᵃ') + para('Article Iᵃ. The powers agree.') + 'a. See annex No. 17.\na. See the protocol.\n');
    assert.deepEqual(
      doc.blocks.map((b) => notesIn(b.inlines).map((n) => [n.n, bodyOf(n).line, textOf(bodyOf(n).inlines)])),
      [[['a', 5, 'See annex No. 17.']], [['a', 6, 'See the protocol.']]],
    );
    assert.equal(textOf(doc.blocks[0]!.inlines), 'Sir: I inclose the regulations of the board.');
    assert.deepEqual(diagnostics, []);
  });

  it('does not take a superscript letter of an abbreviation for a letter note\'s reference ("Mᵐᵃ", "2ᵃ")', () => {
    const { doc, diagnostics } = notes(para('Dear Sir,') + para('Mᵐᵃ Dupont came on the 2ᵃ day, as agreed.ᵃ') + 'a. She had come by train.\n');
    const p = doc.blocks[1]!;
    assert.deepEqual(notesIn(p.inlines).map((n) => n.n), ['a']);
    assert.equal(textOf(p.inlines), 'Mᵐᵃ Dupont came on the 2ᵃ day, as agreed.');
    assert.deepEqual(diagnostics, []);
  });

  it('joins a note and its translation printed after it into one note with two languages (TEI-CONV-007)', () => {
    const { doc, diagnostics } = notes(
      para('Dear Sir,') +
        para('The treaty was signed at Moscow on 12 March 1940 by Molotov and Ryti.¹') +
        para('¹ The treaty was signed in Moscow on 12 March 1940 by Molotov and Ryti for the two governments.') +
        'Le traité fut signé à Moscou le 12 mars 1940 par Molotov et Ryti pour les deux gouvernements.\n',
    );
    assert.deepEqual(kinds(doc), [['salute', 1], ['p', 3]]);
    const [note] = notesIn(doc.blocks[1]!.inlines);
    assert.deepEqual(note!.parts.map((b) => [b.line, b.lang]), [[5, 'en'], [7, 'fr']]);
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-007', 7, 1]]);
  });

  it('does not take a following paragraph in the same language for a translation', () => {
    const { doc, diagnostics } = notes(
      para('Dear Sir,') +
        para('The treaty was signed at Moscow.¹') +
        para('¹ The treaty was signed in Moscow on 12 March 1940 by Molotov and Ryti for the two governments.') +
        'The treaty was kept in Moscow after 12 March 1940 by Molotov and Ryti for the two governments.\n',
    );
    assert.equal(notesIn(doc.blocks[1]!.inlines)[0]!.parts.length, 1);
    assert.deepEqual(diagnostics, []);
  });

  it('moves a note text from a page-foot interruption to its reference', () => {
    const { doc, diagnostics } = notes(para('Dear Sir,') + para('We spoke about the matters that¹') + para('¹ See the telegram of the 4th.') + para('-4-') + 'concern both our countries.\n');
    const p = doc.blocks[1]!;
    const foot = p.inlines.find((i) => i.type === 'interruption') as Extract<Inline, { type: 'interruption' }>;
    assert.deepEqual(foot.blocks.map((b) => b.kind), ['pageNum']);
    assert.deepEqual(notesIn(p.inlines).map((n) => [n.n, bodyOf(n).line]), [['1', 5]]);
    assert.deepEqual(diagnostics, []);
  });
});
