/** The edition's file walk (src/edition/files.ts): regular files only, links inside the roots only, loops found. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { EditionScope, walkXmlFiles } from '../../src/edition/files.js';
import { personographyOfRef, resolvePersonRef } from '../../src/edition/person-refs.js';
import { XmlCodes } from '../../src/diagnostics/codes.js';

function walk(dir: string): { files: string[]; problems: [string, string][] } {
  const files: string[] = [];
  const problems: [string, string][] = [];
  for (const f of walkXmlFiles([dir])) {
    if (f.problem) problems.push([relative(dir, f.path), f.problem.code]);
    else files.push(relative(dir, f.path));
  }
  return { files, problems };
}

describe('src/edition: walking the edition', function () {
  it('yields regular .xml files in name order, and refuses FIFOs, devices and links out of the folder with a finding', function () {
    const outside = mkdtempSync(join(tmpdir(), 'chancery-outside-'));
    writeFileSync(join(outside, 'secret.xml'), '<r/>');
    const dir = mkdtempSync(join(tmpdir(), 'chancery-walk-'));
    mkdirSync(join(dir, 'vol'));
    writeFileSync(join(dir, 'vol/001.xml'), '<r/>');
    writeFileSync(join(dir, 'persons.xml'), '<r/>');
    symlinkSync(join(dir, 'vol/001.xml'), join(dir, 'vol/alias.xml'));
    symlinkSync('/dev/zero', join(dir, 'vol/zero.xml'));
    symlinkSync(join(outside, 'secret.xml'), join(dir, 'vol/secret.xml'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'nowhere.xml'), join(dir, 'dangling.xml'));
    execFileSync('mkfifo', [join(dir, 'vol/pipe.xml')]);
    const { files, problems } = walk(dir);
    assert.deepEqual(files, ['persons.xml', 'vol/001.xml', 'vol/alias.xml']);
    assert.deepEqual(problems, [
      ['dangling.xml', XmlCodes.unreadable],
      ['elsewhere', XmlCodes.notRegularFile],
      ['vol/pipe.xml', XmlCodes.notRegularFile],
      ['vol/secret.xml', XmlCodes.notRegularFile],
      ['vol/zero.xml', XmlCodes.notRegularFile],
    ]);
  });

  it('detects a loop of links and goes on with the rest', function () {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-loop-'));
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, 'a/b/x.xml'), '<r/>');
    symlinkSync(join(dir, 'a'), join(dir, 'a/b/up'));
    symlinkSync('loop2', join(dir, 'loop1.xml'));
    symlinkSync('loop1.xml', join(dir, 'loop2'));
    const { files, problems } = walk(dir);
    assert.deepEqual(files, ['a/b/x.xml']);
    assert.deepEqual(problems, [
      ['a/b/up', XmlCodes.notRegularFile],
      ['loop1.xml', XmlCodes.unreadable],
    ]);
  });

  it('scopes references to the folders given and the files directly in their parents', function () {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-scope-'));
    mkdirSync(join(dir, 'tei/vol'), { recursive: true });
    mkdirSync(join(dir, 'other'), { recursive: true });
    writeFileSync(join(dir, 'tei/persons.xml'), '<r/>');
    writeFileSync(join(dir, 'tei/vol/001.xml'), '<r/>');
    writeFileSync(join(dir, 'other/persons.xml'), '<r/>');
    const scope = new EditionScope([join(dir, 'tei/vol')]);
    assert.equal(scope.contains(join(dir, 'tei/persons.xml')), true);
    assert.equal(scope.contains(join(dir, 'tei/vol/001.xml')), true);
    assert.equal(scope.contains(join(dir, 'other/persons.xml')), false);
    assert.equal(scope.contains('/etc/passwd'), false);
  });
});

describe('src/edition: what a persName/@ref resolves to', function () {
  const ids = new Map([
    ['stalin-j', 'person'],
    ['allies', 'personGrp'],
    ['list', 'listPerson'],
  ]);
  const lookup = (abs: string): ReadonlyMap<string, string> | undefined => (abs === '/ed/tei/persons.xml' ? ids : undefined);
  const judge = (ref: string): string => resolvePersonRef(ref, '/ed/tei/vol/001.xml', lookup).kind;

  it('is one verdict per pointer, the same for every stage', function () {
    assert.equal(judge('../persons.xml#stalin-j'), 'person');
    assert.equal(judge('../persons.xml#allies'), 'person');
    assert.equal(judge('../persons.xml#list'), 'not-a-person');
    assert.equal(judge('../persons.xml#nobody'), 'no-such-person');
    assert.equal(judge('../other.xml#stalin-j'), 'not-personography');
    assert.equal(judge('persons.xml#stalin-j'), 'no-personography');
    assert.equal(judge('https://www.wikidata.org/entity/Q855'), 'authority');
    assert.equal(judge('#p3'), 'local');
  });

  it('names the persons.xml a pointer leads into, for the site to publish beside the documents', function () {
    const of = (ref: string): string | undefined => personographyOfRef(ref, '/ed/tei/vol/001.xml');
    assert.equal(of('../persons.xml#stalin-j'), '/ed/tei/persons.xml');
    assert.equal(of('./../persons.xml#x'), '/ed/tei/persons.xml');
    assert.equal(of('persons.xml#x'), '/ed/tei/vol/persons.xml');
    assert.equal(of('../other.xml#x'), undefined);
    assert.equal(of('https://example.org/persons.xml#x'), undefined);
    assert.equal(of('#p3'), undefined);
  });
});
