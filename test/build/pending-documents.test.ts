/**
 * build/pending-documents: documents wait for their person ids in one temporary file, put in batches and read back a
 * batch at a time; what comes back is each document's UTF-8, whatever the batch it fell in.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PendingDocuments } from '../../src/build/pending-documents.js';

describe('build/pending-documents', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'chancery-pending-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // ~3 MB over several 1 MB batches: small documents, empty ones, one larger than a batch, characters of every width
  const documents = Array.from({ length: 900 }, (_, i) =>
    i % 97 === 5 ? '' : i === 450 ? `<big>${'Ω€𝔄x'.repeat(300000)}</big>` : `<TEI n="${i}">Müller ✓ 𝔄 ${'y'.repeat((i * 37) % 3000)}</TEI>`,
  );
  const expected = documents.map((d) => Buffer.from(d, 'utf8'));

  it('gives back each document as its UTF-8, in order, across batches and a document larger than a batch', () => {
    const pending = new PendingDocuments(join(dir, 'tei'));
    const places = documents.map((d) => pending.put(d));
    assert.equal(readdirSync(join(dir, 'tei')).length, 1, 'the waiting file');
    places.forEach((p, i) => assert.ok(Buffer.from(pending.get(p)).equals(expected[i]!), `document ${i}`));
    pending.close();
    assert.deepEqual(readdirSync(join(dir, 'tei')), []);
  });

  it('gives them back out of order too, and those still in the batch before it is full', () => {
    const pending = new PendingDocuments(join(dir, 'tei'));
    const places = documents.map((d) => pending.put(d));
    for (const i of [899, 3, 450, 898, 0, 451, 449]) assert.ok(Buffer.from(pending.get(places[i]!)).equals(expected[i]!), `document ${i}`);
    const more = pending.put('<late>é</late>');
    assert.equal(Buffer.from(pending.get(more)).toString('utf8'), '<late>é</late>');
    pending.close();
  });

  it('keeps them in memory, across batches, when the folder cannot hold the file', () => {
    writeFileSync(join(dir, 'afile'), '');
    const pending = new PendingDocuments(join(dir, 'afile', 'tei'));
    const places = documents.map((d) => pending.put(d));
    places.forEach((p, i) => assert.ok(Buffer.from(pending.get(p)).equals(expected[i]!), `document ${i}`));
    pending.close();
    assert.deepEqual(readdirSync(dir), ['afile']);
  });
});
