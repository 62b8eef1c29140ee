/**
 * The pipeline: one declared list whose order satisfies what each pass requires; stages that take documents one
 * at a time except at a volume pass; per-source state kept in the context. What passes may import is checked with
 * every other arrow in test/architecture.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/schema.js';
import type { SourceText, TeiDocument } from '../../src/model/document.js';
import { createContext, type DocumentPass, type SourceState, type VolumePass } from '../../src/convert/pass.js';
import { PIPELINE, orderProblems, pipelineUpTo, runPipeline, streamPipeline, type Pipeline } from '../../src/convert/pipeline.js';
import { convert, convertDocuments, fillPersonRefs, MentionRecorder, serializeTei, type DocumentMentions } from '../../src/convert/index.js';
import { ConvertCodes } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { PersonRegistry } from '../../src/convert/entities/personography.js';
import { sourceOf } from './passes/run-passes.js';
import { nearDuplicateParagraphs, proseWithNames } from '../helpers/pathological-text.js';

function fakeDocs(source: SourceText): TeiDocument[] {
  return source.lines.map((line, i) => ({
    id: String(i).padStart(3, '0'), sourceSlug: 's', sourceFile: source.file, startLine: i + 1, endLine: i + 1, kind: 'document',
    blocks: [], title: line, sender: [], addressees: [], languages: [], diagnostics: [],
  }));
}

describe('convert: the pipeline', () => {
  it('declares an order in which every pass comes after what it requires', () => {
    assert.deepEqual(orderProblems(PIPELINE), []);
    assert.equal(PIPELINE[0].scope, 'source');
  });

  it('finds a pass placed before one it requires, and a pass listed twice', () => {
    const [segment, inline, structure] = PIPELINE;
    assert.deepEqual(orderProblems([segment, structure, inline]), ['structure requires inline, which does not run before it']);
    assert.deepEqual(orderProblems([segment, segment]), ['segment appears twice']);
  });

  it('takes each document through a stage of document passes before the next, and waits for all at a volume pass', () => {
    const calls: string[] = [];
    const documentPass = (name: 'structure' | 'inline' | 'entities'): DocumentPass => ({
      name, scope: 'document', requires: [], run: (doc) => void calls.push(`${name} ${doc.title}`),
    });
    const volume: VolumePass = { name: 'volume', scope: 'volume', requires: [], run: (docs) => void calls.push(`volume ${docs.length}`) };
    const pipeline: Pipeline = [
      { name: 'segment', scope: 'source', requires: [], run: fakeDocs },
      documentPass('structure'), documentPass('inline'), volume, documentPass('entities'),
    ];
    const source = sourceOf('a\nb');
    const docs = runPipeline(source, createContext(source, { fileName: 't.txt' }, new PersonRegistry(), () => {}), pipeline);
    assert.equal(docs.length, 2);
    assert.deepEqual(calls, ['structure a', 'inline a', 'structure b', 'inline b', 'volume 2', 'entities a', 'entities b']);
  });

  it('streams: after the last volume pass, each document goes through the rest and out before the next starts', () => {
    const calls: string[] = [];
    const pass = (name: 'structure' | 'entities' | 'layout'): DocumentPass => ({ name, scope: 'document', requires: [], run: (doc) => void calls.push(`${name} ${doc.title}`) });
    const volume: VolumePass = { name: 'volume', scope: 'volume', requires: [], run: (docs) => void calls.push(`volume ${docs.length}`) };
    const pipeline: Pipeline = [{ name: 'segment', scope: 'source', requires: [], run: fakeDocs }, pass('structure'), volume, pass('entities'), pass('layout')];
    const source = sourceOf('a\nb\nc');
    for (const doc of streamPipeline(source, createContext(source, { fileName: 't.txt' }, new PersonRegistry(), () => {}), pipeline)) calls.push(`out ${doc.title}`);
    assert.deepEqual(calls, [
      'structure a', 'structure b', 'structure c', 'volume 3',
      'entities a', 'layout a', 'out a', 'entities b', 'layout b', 'out b', 'entities c', 'layout c', 'out c',
    ]);
  });

  it('reports a document past the size guard where it starts, and passes that skip oversized documents leave it', () => {
    const ran: string[] = [];
    const entities: DocumentPass = { name: 'entities', scope: 'document', requires: [], skipsOversized: true, run: (doc) => void ran.push(`entities ${doc.title}`) };
    const layout: DocumentPass = { name: 'layout', scope: 'document', requires: [], run: (doc) => void ran.push(`layout ${doc.title}`) };
    const withBlocks = (source: SourceText): TeiDocument[] =>
      fakeDocs(source).map((d) => ({ ...d, blocks: Array.from({ length: d.title === 'big' ? 8 : 2 }, (_, k) => ({ kind: 'p', line: d.startLine, endLine: d.startLine, column: 1, lines: [`block ${k}`], inlines: [] })) }));
    const pipeline: Pipeline = [{ name: 'segment', scope: 'source', requires: [], run: withBlocks }, entities, layout];
    const source = sourceOf('small\nbig\nsmall');
    const reported: Diagnostic[] = [];
    runPipeline(source, createContext(source, { fileName: 't.txt', maxDocumentBlocks: 5 }, new PersonRegistry(), (d) => reported.push(d)), pipeline);
    assert.deepEqual(ran, ['entities small', 'layout small', 'layout big', 'entities small', 'layout small']);
    assert.equal(reported.length, 1);
    assert.equal(reported[0]!.code, ConvertCodes.documentTooLarge);
    assert.equal(reported[0]!.span?.line, 2);
    assert.match(reported[0]!.message, /8 blocks .*without the entities pass/);
  });

  it('converts a runaway document of 6,000 paragraphs with thousands of names: reported, every word kept, no person tagged in it', () => {
    const paragraph = (i: number): string => `Mr. Stevens ${i} told General Graves that the line was open.`;
    const text = Array.from({ length: 6000 }, (_, i) => paragraph(i)).join('\n\n') + '\n';
    const { documents, diagnostics } = convert(text, { fileName: 'runaway.txt' });
    assert.equal(documents.length, 1);
    const guard = diagnostics.filter((d) => d.code === ConvertCodes.documentTooLarge);
    assert.equal(guard.length, 1);
    assert.match(guard[0]!.message, /6,000 blocks/);
    assert.deepEqual(documents[0]!.diagnostics.filter((d) => d.code === ConvertCodes.documentTooLarge), guard);
    const xml = serializeTei(documents[0]!);
    assert.doesNotMatch(xml, /<persName/);
    assert.equal((xml.match(/told General Graves that/g) ?? []).length, 6000);
  });

  // Issue 13: inputs that once took minutes (the duplicate pass compared every pair of blocks sharing a common
  // trigram). A ceiling of 30 s each, far above what they take (a few seconds), not a timing.
  it('converts one 5 MB document of prose naming thousands of persons: the guard reports it, every paragraph kept', function () {
    this.timeout(30_000);
    const { text, paragraphs } = proseWithNames(5 * 1048576);
    const { documents, diagnostics } = convert(text, { fileName: 'names.txt' });
    assert.equal(documents.length, 1);
    const guard = diagnostics.filter((d) => d.code === ConvertCodes.documentTooLarge);
    assert.equal(guard.length, 1);
    assert.match(guard[0]!.message, /^one document of 5\.0 MB of text in [\d,]+ blocks \(lines 1-\d+\)/);
    const xml = serializeTei(documents[0]!);
    assert.equal((xml.match(/ Commission; /g) ?? []).length, 2 * paragraphs);
  });

  it('converts a 2 MB run of near-duplicate paragraphs below the guard: the repeats kept as witnesses of the first', function () {
    this.timeout(30_000);
    const { text, paragraphs } = nearDuplicateParagraphs(1.9 * 1048576);
    const { documents, diagnostics } = convert(text, { fileName: 'repeats.txt' });
    assert.equal(documents.length, 1);
    assert.equal(diagnostics.filter((d) => d.code === ConvertCodes.documentTooLarge).length, 0);
    const witnesses = diagnostics.filter((d) => d.code === ConvertCodes.duplicatePassage);
    // Past its budget the duplicate pass compares common trigrams across the nearest and the first blocks only:
    // most repeats, not all (the exhaustive comparison found 1,653 of these 1,706).
    assert.ok(witnesses.length >= (2 / 3) * paragraphs && witnesses.length < paragraphs, `${witnesses.length} of ${paragraphs}`);
    assert.ok(witnesses.every((d) => d.related?.[0]?.line === 1 || d.related![0]!.line < d.span!.line));
    assert.equal((serializeTei(documents[0]!).match(/<note type="duplicate"/g) ?? []).length, witnesses.length);
  });

  it('gives the same documents one at a time as all at once, each with the diagnostics of its own lines', () => {
    // The seed volume of telegrams: hundreds of documents in one source. One at a time, mentions are written
    // down and linked once all are there, as convert does.
    const volume = readFileSync(join(ROOT, 'sources', '004_a850671e6f376447.txt'));
    const whole = convert(volume, { fileName: 'v.txt' });
    const registry = new PersonRegistry();
    const recorder = new MentionRecorder(registry.editionNameFacts());
    const stream = convertDocuments(volume, { fileName: 'v.txt', persons: recorder });
    const streamed: TeiDocument[] = [];
    const mentions: DocumentMentions[] = [];
    for (const doc of stream.documents) {
      streamed.push(doc);
      mentions.push({ document: `${doc.sourceSlug}/${doc.id}`, source: 'v.txt', mentions: recorder.take() });
    }
    registry.link(mentions).forEach((ids, i) => fillPersonRefs(streamed[i]!, ids));
    assert.ok(streamed.length > 10);
    assert.deepEqual(streamed, whole.documents);
    assert.deepEqual(stream.diagnostics, whole.diagnostics);
    for (const d of streamed) for (const x of d.diagnostics) assert.ok(x.span!.line >= d.startLine && x.span!.line <= d.endLine);
  });

  it('reports progress once from the start to the last line of the source', () => {
    const seen: number[] = [];
    const source = sourceOf('a\nb\nc\nd');
    const pipeline: Pipeline = [
      { name: 'segment', scope: 'source', requires: [], run: fakeDocs },
      { name: 'structure', scope: 'document', requires: [], run: () => {} },
      { name: 'volume', scope: 'volume', requires: [], run: () => {} },
      { name: 'entities', scope: 'document', requires: [], run: () => {} },
    ];
    runPipeline(source, createContext(source, { fileName: 't.txt', onProgress: (done) => seen.push(done) }, new PersonRegistry(), () => {}), pipeline);
    // Two stages of document passes over four one-line documents: each stage is half the work.
    assert.deepEqual(seen, [1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('keeps per-source state in the context: made once per source, never shared between sources', () => {
    let made = 0;
    const counter: SourceState<{ n: number }> = { name: 'counter', create: () => ({ n: made++ * 100 }) };
    const a = createContext(sourceOf('a'), { fileName: 'a.txt' }, new PersonRegistry(), () => {});
    const b = createContext(sourceOf('b'), { fileName: 'b.txt' }, new PersonRegistry(), () => {});
    a.state(counter).n++;
    a.state(counter).n++;
    assert.equal(a.state(counter).n, 2);
    assert.equal(b.state(counter).n, 100);
    assert.equal(made, 2);
  });

  it('cuts the pipeline after a pass, leaving out the ones named', () => {
    assert.deepEqual(pipelineUpTo('join').map((p) => p.name), ['segment', 'inline', 'structure', 'duplicates', 'join']);
    assert.deepEqual(pipelineUpTo('entities', ['entities', 'volume']).map((p) => p.name).slice(-2), ['notes', 'header']);
  });
});
