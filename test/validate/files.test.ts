/** File selection: lazy walk, shards, changed files. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { changedSince, parseShard, shardOf, walkXml } from '../../src/validate/files.js';
import { haveGit, skipBecause, tempDir } from './helpers.js';

async function collect(files: AsyncIterable<{ path: string }>): Promise<string[]> {
  const out: string[] = [];
  for await (const f of files) out.push(f.path);
  return out;
}

function makeTree(): string {
  const dir = tempDir('walk');
  for (const sub of ['b', 'a', 'a/deep']) mkdirSync(join(dir, sub), { recursive: true });
  for (const f of ['z.xml', 'a/2.xml', 'a/10.xml', 'a/deep/x.xml', 'b/y.xml', 'b/notes.txt', 'a/.hidden.xml']) writeFileSync(join(dir, f), '<r/>');
  return dir;
}

describe('file selection', function () {
  it('walks folders for *.xml in a deterministic, sorted order', async function () {
    const dir = makeTree();
    const files = (await collect(walkXml([dir]))).map((f) => relative(dir, f));
    assert.deepEqual(files, ['a/10.xml', 'a/2.xml', 'a/deep/x.xml', 'b/y.xml', 'z.xml']);
  });

  it('streams: a folder is listed only when the walk reaches it', async function () {
    const dir = tempDir('lazy');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'z'));
    writeFileSync(join(dir, 'a/1.xml'), '<r/>');
    const it = walkXml([dir])[Symbol.asyncIterator]();
    assert.equal(relative(dir, ((await it.next()).value as { path: string }).path), 'a/1.xml');
    // Written after the walk began: seen only because z/ had not been listed yet.
    writeFileSync(join(dir, 'z/2.xml'), '<r/>');
    assert.equal(relative(dir, ((await it.next()).value as { path: string }).path), 'z/2.xml');
    assert.equal((await it.next()).done, true);
  });

  it('shards cover every file exactly once, for every N', async function () {
    const dir = tempDir('shards');
    for (let i = 0; i < 37; i++) writeFileSync(join(dir, `f${i}.xml`), '<r/>');
    const all = await collect(walkXml([dir]));
    for (const n of [1, 2, 3, 4, 7, 40]) {
      const seen: string[] = [];
      for (let i = 1; i <= n; i++) seen.push(...(await collect(shardOf(walkXml([dir]), { index: i, count: n }))));
      assert.deepEqual([...seen].sort(), [...all].sort(), `N=${n}`);
      assert.equal(new Set(seen).size, all.length);
    }
  });

  it('parses --shard I/N and refuses nonsense', function () {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) assert.throws(() => parseShard(bad), { code: 'TEI-VAL-001' });
  });

  it('--changed: files changed since a ref, plus files that reference them', async function () {
    if (!haveGit()) return skipBecause(this, 'git is not installed');
    const dir = tempDir('changed');
    const git = (...args: string[]): void => void execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'user.email', 't@example.org');
    git('config', 'user.name', 't');
    mkdirSync(join(dir, 'tei/s'), { recursive: true });
    writeFileSync(join(dir, 'tei/persons.xml'), '<r/>');
    writeFileSync(join(dir, 'tei/s/000.xml'), '<r ref="../persons.xml#a"/>');
    writeFileSync(join(dir, 'tei/s/001.xml'), '<r/>');
    writeFileSync(join(dir, 'tei/s/002.xml'), '<r/>');
    git('add', '.');
    git('commit', '-qm', 'one');
    writeFileSync(join(dir, 'tei/persons.xml'), '<r x="1"/>');
    writeFileSync(join(dir, 'tei/s/002.xml'), '<r x="2"/>');
    const files = (await collect(changedSince(walkXml([join(dir, 'tei')]), 'HEAD', dir))).map((f) => relative(dir, f));
    assert.deepEqual(files, ['tei/persons.xml', 'tei/s/000.xml', 'tei/s/002.xml']);
  });
});
