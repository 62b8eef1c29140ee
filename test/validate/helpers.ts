/** Shared by the validate tests: where things are, and jing as the reference validator. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run compiled, from dist/test/validate). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/validate');
export const SHARED = resolve(ROOT, '../shared');
export const TEI_ALL = join(SHARED, 'tei/tei_all.rng');
export const CWRC = join(SHARED, 'corpus/cwrc');

/** True when ../shared holds tei_all and the cwrc corpus. */
export function haveShared(): boolean {
  return existsSync(TEI_ALL) && existsSync(CWRC);
}

let jingChecked: boolean | undefined;
/** True when the jing command runs. */
export function haveJing(): boolean {
  if (jingChecked === undefined) {
    jingChecked = spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;
  }
  return jingChecked;
}

/** Skips a test (or suite) with a line saying why, so that a skip is never silent. */
export function skipBecause(ctx: Mocha.Context, reason: string): void {
  console.log(`      skipped: ${reason}`);
  ctx.skip();
}

/**
 * jing's verdict: for each file, the lines it flags (an empty set for a valid file). jing stops at the first
 * file that is not well-formed, so it is run again on the files after such a one.
 */
export function runJing(schema: string, files: string[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>(files.map((f) => [resolve(f), new Set<number>()]));
  let rest = files.map((f) => resolve(f));
  while (rest.length > 0) {
    const result = spawnSync('jing', [schema, ...rest], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    let fatal: string | undefined;
    for (const line of result.stdout.split('\n')) {
      const m = /^(.*?):(\d+):(\d+): (error|fatal)/.exec(line);
      if (!m) continue;
      out.get(resolve(m[1]!))?.add(Number(m[2]));
      if (m[4] === 'fatal') fatal = resolve(m[1]!);
    }
    if (!fatal) break;
    rest = rest.slice(rest.indexOf(fatal) + 1);
  }
  return out;
}

/** A fresh temporary folder under the OS temp dir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `chancery-${prefix}-`));
}

/** True when git runs (for --changed tests). */
export function haveGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Generic mutations of a real TEI file; each returns undefined when it does not apply to the file. */
export const TEI_MUTATIONS: Record<string, (text: string) => string | undefined> = {
  'unknown element': (t) => {
    const body = t.indexOf('<body');
    const m = body < 0 ? null : /<p(\s[^>]*)?>/g;
    if (!m) return undefined;
    m.lastIndex = body;
    const hit = m.exec(t);
    return hit ? t.slice(0, hit.index + hit[0].length) + '<chanceryUnknown/>' + t.slice(hit.index + hit[0].length) : undefined;
  },
  'bad attribute value': (t) => {
    const m = /<teiHeader(?![^>]*xml:space)/.exec(t);
    return m ? t.slice(0, m.index) + '<teiHeader xml:space="sometimes"' + t.slice(m.index + m[0].length) : undefined;
  },
  'required element removed': (t) => {
    const m = /<titleStmt[\s>][\s\S]*?<\/titleStmt>/.exec(t);
    return m ? t.slice(0, m.index) + t.slice(m.index + m[0].length) : undefined;
  },
  'misplaced element': (t) => {
    const m = /<teiHeader[\s>][\s\S]*?<\/teiHeader>/.exec(t);
    const end = t.lastIndexOf('</TEI>');
    if (!m || end < m.index) return undefined;
    return t.slice(0, m.index) + t.slice(m.index + m[0].length, end) + m[0] + t.slice(end);
  },
  'duplicate xml:id': (t) => {
    const id = /xml:id="([^"]+)"/.exec(t)?.[1];
    const body = /<body(?![^>]*xml:id)/.exec(t);
    return id && body ? t.slice(0, body.index) + `<body xml:id="${id}"` + t.slice(body.index + body[0].length) : undefined;
  },
};
// Malformed mutants are covered by mutations.test.ts (jing stops at the first one: one JVM start each).
