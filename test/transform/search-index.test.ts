/**
 * transform/site/search-index: a document's text given line by line, held in memory or waiting in a temporary
 * file, gives the index and text chunks its whole text gives.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wholeContent } from '../../src/transform/module.js';
import { SearchIndexBuilder, TEXT_CHUNK, type SearchDocument, type SearchFile } from '../../src/transform/site/search-index.js';

function documentOf(i: number): SearchDocument {
  // JSON escapes, what a script must not hold (<, line separators), a lone surrogate, letters beyond ASCII
  const text = [`Line ${i} of "the" text </script>`, `\u2028 Ärger \ud800 and tab\t`, '', `word${i % 13} Müller`.repeat(1 + (i % 3) * 4000)].join('\n');
  return { permalink: `d-${i}`, title: `Title ${i}`, date: '1944-01-01', dateLabel: '1 January 1944', kind: 'letter', year: '1944', senders: ['eden'], addressees: [], names: 'Eden', text };
}

function files(build: (builder: SearchIndexBuilder, d: SearchDocument) => SearchFile | undefined, scratch?: string): Map<string, string> {
  const builder = new SearchIndexBuilder(scratch);
  const out = new Map<string, string>();
  for (let i = 0; i < TEXT_CHUNK + 3; i++) {
    const chunk = build(builder, documentOf(i));
    if (chunk) out.set(chunk.path, wholeContent(chunk.content));
  }
  for (const f of builder.finish()) out.set(f.path, wholeContent(f.content));
  builder.close();
  return out;
}

describe('search index of texts given line by line', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'chancery-search-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the chunks and index of whole texts, its large texts kept in a temporary file meanwhile', () => {
    const whole = files((b, d) => b.add(d));
    const byLine = files((b, { text, ...meta }) => {
      const t = b.text();
      for (const line of text.split('\n')) t.line(line);
      return b.addText(meta, t);
    }, dir);
    assert.deepEqual([...byLine.keys()], ['assets/search-text-0.js', 'assets/search-text-1.js', 'assets/search-index.js']);
    for (const [path, content] of whole) assert.equal(byLine.get(path), content, path);
    // the whole text as JSON, as the browser reads it
    const chunk = whole.get('assets/search-text-1.js')!;
    const texts = JSON.parse(chunk.slice(chunk.indexOf('['), chunk.lastIndexOf(']') + 1)) as string[];
    assert.deepEqual(texts, [TEXT_CHUNK, TEXT_CHUNK + 1, TEXT_CHUNK + 2].map((i) => documentOf(i).text));
    assert.ok(!chunk.includes('</script>') && !chunk.includes('\u2028'));
    assert.deepEqual(readdirSync(dir), [], 'the temporary file is gone');
  });
});
