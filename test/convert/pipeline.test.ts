/**
 * The pipeline: one declared list whose order satisfies what each pass requires; stages that take documents one
 * at a time except at a volume pass; per-source state kept in the context. What passes may import is checked with
 * every other arrow in test/architecture.test.ts.
 */
import assert from 'node:assert/strict';
import type { SourceText, TeiDocument } from '../../src/model/document.js';
import { createContext, type DocumentPass, type SourceState, type VolumePass } from '../../src/convert/pass.js';
import { PIPELINE, orderProblems, pipelineUpTo, runPipeline, type Pipeline } from '../../src/convert/pipeline.js';
import { PersonRegistry } from '../../src/convert/entities/personography.js';
import { sourceOf } from './passes/run-passes.js';

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
