/**
 * The installed package, as a new user meets it: `npm pack`, install the tarball into an empty folder, `npx chancery
 * init`, three texts of one's own, then convert → validate → transform and build — all from the package, nothing
 * from this repository's folders. A typo'd flag leaves an edited TEI file byte-identical; a second build leaves the
 * tree identical. It installs the package's dependencies (from the npm cache when they are there), so it runs only
 * when CHANCERY_PACK_TEST=1 (.ci/run sets it) and says it skipped otherwise.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules') continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.set(path, readFileSync(path, 'latin1'));
    }
  };
  visit(dir);
  return files;
}

const TEXTS: Record<string, string> = {
  'letter-1941.txt': 'Moscow, July 18, 1941.\n\nDear Mr. Churchill,\n\nI have received your message of July 8. Mr. Molotov agrees.\n\nJ. STALIN\n',
  'reply.txt': 'London, July 20, 1941.\n\nDear Premier Stalin,\n\nThank you for your letter of July 18. Sir Stafford Cripps will call.\n\nW. CHURCHILL\n',
  'note.txt': 'Note on a conversation with Mr. Eden, 2 August 1941\n\nMr. Eden said that the supplies would be sent.\n',
};

describe('the installed package (npm pack → install → init → convert, validate, transform, build)', function () {
  this.timeout(300000);
  let project: string;
  const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'chancery', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });

  before(function () {
    if (process.env.CHANCERY_PACK_TEST !== '1') {
      console.log('      skipped: set CHANCERY_PACK_TEST=1 to pack, install and run the package (.ci/run does)');
      this.skip();
    }
    project = mkdtempSync(join(tmpdir(), 'chancery-installed-'));
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    writeFileSync(join(project, 'package.json'), '{ "name": "my-edition", "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(project, tarball)], { cwd: project, stdio: 'pipe' });
  });
  after(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('ships what users run, and no test, bench, sources or TEI of this repository', () => {
    const shipped = readdirSync(join(project, 'node_modules', 'chancery'), { recursive: true }).map(String);
    assert.ok(shipped.includes(join('schema', 'chancery.rng')));
    assert.ok(shipped.some((f) => f.startsWith('assets')));
    assert.ok(!shipped.some((f) => /^(test|bench|sources|tei)\b|dist[\\/](test|bench)\b/.test(f)), shipped.filter((f) => /test|bench|sources|tei/.test(f)).join(' '));
  });

  it('init, then convert → validate → transform, then build, all exit 0; mistakes and rebuilds touch nothing', () => {
    const init = npx('init');
    assert.equal(init.status, 0, init.stderr);
    for (const f of ['chancery.config.json', 'sources/persons.json', '.github/workflows/validate-tei.yml']) assert.match(init.stdout, new RegExp(`created ${f}`));
    for (const [name, text] of Object.entries(TEXTS)) writeFileSync(join(project, 'sources', name), text);

    const convert = npx('convert', ...Object.keys(TEXTS).map((n) => `sources/${n}`), '--out', 'tei');
    assert.equal(convert.status, 0, convert.stderr);
    const validate = npx('validate', 'tei');
    assert.equal(validate.status, 0, validate.stdout + validate.stderr);
    for (const to of ['html', 'text', 'cmif', 'csv', 'json']) {
      const t = npx('transform', 'tei', '--to', to, '--out', `out-${to}`);
      assert.equal(t.status, 0, `${to}: ${t.stdout}${t.stderr}`);
    }
    const build = npx('build');
    assert.equal(build.status, 0, build.stdout + build.stderr);

    // an editor corrects a document; a typo'd flag must not touch it
    const doc = join(project, 'tei', 'reply', '000.xml');
    const edited = readFileSync(doc, 'utf8').replace('Thank you', 'Many thanks');
    writeFileSync(doc, edited);
    const before = tree(project);
    const typo = npx('convert', 'sources/reply.txt', '--ouT', 'tei');
    assert.equal(typo.status, 2);
    assert.deepEqual(tree(project), before);
    // a rebuild keeps the correction, says so, and leaves the TEI as the editor left it
    const again = npx('build');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /1 file edited since they were generated: kept/);
    assert.equal(readFileSync(doc, 'utf8'), edited);
    const tei = (t: Map<string, string>): [string, string][] => [...t].filter(([f]) => f.startsWith(join(project, 'tei')));
    assert.deepEqual(tei(tree(project)), tei(before));
    // and one more build changes nothing at all (site and exports were made from the corrected TEI already)
    const settled = tree(project);
    assert.equal(npx('build').status, 0);
    const after = tree(project);
    assert.deepEqual([...after.keys()], [...settled.keys()]);
    for (const [f, content] of settled) assert.equal(after.get(f), content, `${f} changed on a build of unchanged sources`);
  });
});
