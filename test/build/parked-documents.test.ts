/**
 * Documents waiting in a file in the middle of the pipeline: they come back equal, in order, and the file is made
 * only when two wait, starts over when none waits, and goes with close.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParkedDocuments } from '../../src/build/parked-documents.js';
import { convert } from '../../src/convert/index.js';

describe('build: documents parked in a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-parked-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back every document equal to what was put in, first in first out, and removes its file on close', () => {
    const text = ['STALIN TO CHURCHILL', 'TO Mr *WINSTON* CHURCHILL', 'STALIN TO ROOSEVELT'].map((h, i) => `${h}\n\nText of message ${i}.¹\n\n¹ A note.\n\nJuly ${i + 1}, 1941\n\n`).join('');
    const { documents } = convert(text, { fileName: 'v.txt', generatedOn: '2024-01-01' });
    assert.equal(documents.length, 3);
    const queue = new ParkedDocuments(dir);
    queue.push(documents[0]!);
    assert.deepEqual(readdirSync(dir), [], 'no file while one document waits');
    assert.equal(queue.shift(), documents[0], 'the one that waited in memory');
    queue.push(documents[0]!);
    queue.push(documents[1]!);
    assert.equal(queue.length, 2);
    const [file] = readdirSync(dir);
    assert.match(file!, /^\..*\.tmp$/);
    assert.deepEqual(queue.shift(), documents[0]);
    queue.push(documents[2]!);
    assert.deepEqual(queue.shift(), documents[1]);
    assert.deepEqual(queue.shift(), documents[2]);
    assert.equal(queue.shift(), undefined);
    assert.equal(queue.length, 0);
    // Empty: the file starts over instead of growing with every document that ever waited.
    assert.equal(statSync(join(dir, file!)).size, 0);
    queue.push(documents[1]!);
    assert.deepEqual(queue.shift(), documents[1]);
    queue.close();
    assert.deepEqual(readdirSync(dir), []);
  });

  it('keeps documents in memory where the folder cannot hold its file (a file where the folder should be)', () => {
    const { documents } = convert(['STALIN TO CHURCHILL', 'TO Mr CHURCHILL', 'STALIN TO ROOSEVELT'].map((h) => `${h}\n\nText.\n\n`).join(''), { fileName: 'v.txt' });
    writeFileSync(join(dir, 'afile'), '');
    const queue = new ParkedDocuments(join(dir, 'afile', 'edition'));
    for (const doc of documents) queue.push(doc);
    assert.equal(queue.length, 3);
    assert.deepEqual([queue.shift(), queue.shift(), queue.shift(), queue.shift()], [...documents, undefined]);
    queue.close();
    assert.deepEqual(readdirSync(dir), ['afile']);
  });
});
