/**
 * volume: what a document of a volume learns from the others — an inferred sender (TEI-CONV-006) and the
 * volume's title from its front matter.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { volumePass } from '../../../src/convert/passes/volume.js';
import { createContext } from '../../../src/convert/pass.js';
import { PersonRegistry } from '../../../src/convert/entities/personography.js';
import { codes, runUpTo, sourceOf } from './run-passes.js';

const para = (s: string) => `${s}\n\n`;
const message = (heading: string, date: string) => para(heading) + para('Text of the message.') + para(date);
const FRONT = para('SELECTED TELEGRAMS') + para('VOLUME ONE') + para('Preface');

describe('passes/volume', () => {
  it('infers the principal writer as sender of a message whose heading names only the addressee (TEI-CONV-006)', () => {
    const { docs, diagnostics } = runUpTo(
      FRONT + message('STALIN TO CHURCHILL', 'July 18, 1941') + message('J. V. STALIN TO F. ROOSEVELT', 'August 4, 1941') + message('TO Mr WINSTON CHURCHILL', 'August 5, 1941'),
      'volume',
    );
    const last = docs[3]!;
    assert.equal(last.startLine, 19);
    assert.deepEqual(last.sender, [{ name: 'STALIN', inferred: { cert: 'medium', evidence: 'internal' } }]);
    assert.equal(last.title, 'Stalin to Churchill, 5 August 1941');
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-006', 19, 1]]);
    assert.equal(diagnostics[0]!.severity, 'info');
    assert.ok(docs.slice(1, 3).every((d) => !d.sender.some((s) => s.inferred)));
  });

  it('infers nothing when no writer sent at least 60% of the messages', () => {
    const { docs, diagnostics } = runUpTo(
      message('STALIN TO CHURCHILL', 'July 18, 1941') + message('CHURCHILL TO STALIN', 'August 4, 1941') + message('TO Mr WINSTON CHURCHILL', 'August 5, 1941'),
      'volume',
    );
    assert.deepEqual(docs[2]!.sender, []);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'TEI-CONV-006'), []);
  });

  it('infers no sender for a message that names no addressee either', () => {
    const { docs } = runUpTo(
      message('STALIN TO CHURCHILL', 'July 18, 1941') + message('STALIN TO ROOSEVELT', 'August 4, 1941') + message('STALIN TO CHURCHILL', 'August 5, 1941'),
      'volume',
    );
    assert.ok(docs.every((d) => d.sender.every((s) => !s.inferred)));
  });

  it('takes the volume title from the capitalised lines of the front matter, for every document', () => {
    const { docs } = runUpTo(FRONT + message('STALIN TO CHURCHILL', 'July 18, 1941') + message('STALIN TO ROOSEVELT', 'August 4, 1941') + message('STALIN TO CHURCHILL', 'August 5, 1941'), 'volume');
    assert.deepEqual(docs.map((d) => d.volumeTitle), Array(4).fill('SELECTED TELEGRAMS VOLUME ONE'));
    assert.equal(docs[0]!.title, 'SELECTED TELEGRAMS VOLUME ONE: front matter');
  });

  it('titles front matter without capitalised lines "Front matter"', () => {
    const { docs } = runUpTo(para('A preface in running text.') + message('STALIN TO CHURCHILL', 'July 18, 1941') + message('STALIN TO ROOSEVELT', 'August 4, 1941') + message('STALIN TO CHURCHILL', 'August 5, 1941'), 'volume');
    assert.equal(docs[0]!.title, 'Front matter');
    assert.equal(docs[1]!.volumeTitle, undefined);
  });

  it('does nothing for a source with fewer than two messages', () => {
    const text = para('TO Mr WINSTON CHURCHILL') + 'Text.\n';
    const before = runUpTo(text, 'header');
    const after = runUpTo(text, 'volume');
    assert.deepEqual(after.docs, before.docs);
    assert.deepEqual(after.diagnostics, before.diagnostics);
  });

  it('reads a few facts of each document as it goes by, and applies the volume title at once once two messages are read', () => {
    const { docs } = runUpTo(FRONT + message('STALIN TO CHURCHILL', 'July 18, 1941') + message('STALIN TO ROOSEVELT', 'August 4, 1941') + message('MOLOTOV TO EDEN', 'August 5, 1941'), 'header');
    const facts = volumePass.facts.create(contextOf([]));
    const notes = docs.map((d) => volumePass.read(d, facts, contextOf([])));
    assert.deepEqual(notes, [{ front: true, needsSender: false }, ...Array(3).fill({ front: false, needsSender: false })]);
    assert.deepEqual({ ...facts, writers: [...facts.writers] }, {
      documents: 4, messages: 3, front: { title: 'SELECTED TELEGRAMS VOLUME ONE' }, writers: [['stalin', { n: 2, name: 'STALIN' }], ['molotov', { n: 1, name: 'MOLOTOV' }]],
    });
    // Two messages read: the front matter and every message are decided before the source ends.
    assert.ok(notes.every((n) => volumePass.decides(n, facts, false)));
    const one = volumePass.facts.create(contextOf([]));
    volumePass.read(docs[0]!, one, contextOf([]));
    volumePass.read(docs[1]!, one, contextOf([]));
    assert.equal(volumePass.decides(notes[0]!, one, false), false);
    assert.equal(volumePass.decides(notes[0]!, one, true), true);
  });

  it('keeps a message without a sender waiting until the whole volume is read: the principal writer is counted over all of it', () => {
    // The message that needs a sender comes first: after it, no writer has yet sent 60 % of anything.
    const text = message('TO Mr WINSTON CHURCHILL', 'July 17, 1941') + message('STALIN TO CHURCHILL', 'July 18, 1941') + message('STALIN TO ROOSEVELT', 'August 4, 1941') + message('STALIN TO CHURCHILL', 'August 5, 1941');
    const { docs } = runUpTo(text, 'header');
    const facts = volumePass.facts.create(contextOf([]));
    const notes = docs.map((d) => volumePass.read(d, facts, contextOf([])));
    assert.deepEqual(notes.map((n) => n.needsSender), [true, false, false, false]);
    assert.equal(volumePass.decides(notes[0]!, facts, false), false);
    const diagnostics: Diagnostic[] = [];
    volumePass.apply(docs[0]!, notes[0]!, facts, contextOf(diagnostics));
    assert.deepEqual(docs[0]!.sender, [{ name: 'STALIN', inferred: { cert: 'medium', evidence: 'internal' } }]);
    assert.match(diagnostics[0]!.message, /STALIN assumed, the writer of 3 of the volume's 4 messages/);
    // Through the pipeline: the same, and in source order.
    const run = runUpTo(text, 'volume');
    assert.deepEqual(run.docs.map((d) => d.startLine), docs.map((d) => d.startLine));
    assert.deepEqual(run.docs[0]!.sender, docs[0]!.sender);
  });
});

function contextOf(diagnostics: Diagnostic[]) {
  return createContext(sourceOf(''), { fileName: 't.txt' }, new PersonRegistry(), (d) => diagnostics.push(d));
}
