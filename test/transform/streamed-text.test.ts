/**
 * A TEI file too large to keep as a tree is read in one pass that lets its blocks go: the edition finds in it
 * what a whole tree gives (mentions with their contexts, the document's metadata), and the plain text laid out
 * while it is read is the text laid out whole.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { collectMentions, loadEdition } from '../../src/transform/edition.js';
import { documentText, layout, LayoutStream } from '../../src/transform/formats/text.js';
import { parseXmlTree } from '../../src/xml/tree.js';
import { child } from '../../src/xml/tree.js';
import { writeLargeTei } from '../helpers/large-tei.js';

describe('transform of a file read as it streams', function () {
  this.timeout(120000);

  it('LayoutStream gives the paragraphs layout gives the whole text, wherever it is cut', () => {
    // paragraph breaks, hard breaks, word breaks after a hyphen, spaces and words: what the text rules write
    const piece = fc.constantFrom('\n\n', '\u2028', '-\u0001', '\u0001', ' ', '\n', 'word', 'Lower', 'an-', 'x'.repeat(80));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (pieces, batch) => {
        const out: string[] = [];
        const stream = new LayoutStream((p) => out.push(p), 30, batch);
        for (const p of pieces) stream.push(p);
        stream.end();
        assert.deepEqual(out, layout(pieces.join(''), 30));
      }),
    );
  });

  it('a 5 MB document (above the size whose tree is kept): the mentions and metadata of its whole tree, and its text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-streamed-'));
    try {
      const file = writeLargeTei(dir, 5 * 1048576);
      const edition = loadEdition([dir]);
      assert.deepEqual(edition.diagnostics, []);
      const whole = parseXmlTree(readFileSync(file, 'utf8'), file).root!;
      const mentions = collectMentions(child(whole, 'text')!, 'vol-big');
      assert.ok(mentions.length > 20000);
      assert.deepEqual([...edition.mentions], mentions);
      const [doc] = edition.documents;
      assert.equal(doc!.title, 'A very long note');
      assert.equal(doc!.sortKey, '1944-09-24');
      const text = documentText(edition, doc!);
      const last = /<p n="(\d+)">(?![\s\S]*<p n=)/.exec(readFileSync(file, 'utf8').slice(-2000))![1];
      assert.ok(text.startsWith('A very long note\n================\n\nFrom: G. Wilson\nTo: Eden\n'), text.slice(0, 200));
      assert.ok(text.endsWith(`(paragraph ${last}).\n`), text.slice(-200));
      assert.equal(text.split('It is our policy').length - 1, Number(last));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
