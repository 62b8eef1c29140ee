/**
 * What each transform wrote into an output directory, recorded in `.chancery-outputs.json` there: the
 * path and content hash of every file, by transform name. A later run removes the files the same
 * transform wrote last time and did not write again (a withdrawn document's page, its text export) — and
 * only those whose content is still what was recorded. A file the tool did not write, or one edited since,
 * is never deleted.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/** The manifest's file name, in the output directory. */
export const OUTPUT_MANIFEST = '.chancery-outputs.json';

interface Manifest {
  generator: 'chancery';
  /** Transform name → output path (`/`-separated, relative) → sha256 of the content written. */
  outputs: Record<string, Record<string, string>>;
}

/** {@link contentHash} of content that comes piece by piece (strings as UTF-8, bytes as they are). */
export class ContentHash {
  private readonly hash = createHash('sha256');
  update(piece: string | Uint8Array): void {
    this.hash.update(piece);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** sha256 of a file's content as written. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function readManifest(outDir: string): Manifest {
  try {
    const raw = JSON.parse(readFileSync(join(outDir, OUTPUT_MANIFEST), 'utf8')) as Partial<Manifest>;
    if (raw.generator === 'chancery' && raw.outputs && typeof raw.outputs === 'object') return { generator: 'chancery', outputs: raw.outputs };
  } catch {
    // no manifest yet (or not ours): nothing is known to be ours, so nothing is pruned
  }
  return { generator: 'chancery', outputs: {} };
}

function hashOnDisk(file: string): string | undefined {
  try {
    return contentHash(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Records what `transform` wrote this run (`written`: relative path → hash) and deletes what it wrote
 * last run but not this one, when unchanged since. Returns the absolute paths deleted. Folders left empty
 * by a deletion are removed too, up to (not including) `outDir`.
 */
export function recordAndPrune(outDir: string, transform: string, written: Map<string, string>): string[] {
  const root = resolve(outDir);
  const manifest = readManifest(root);
  const before = manifest.outputs[transform] ?? {};
  const stillWritten = new Set<string>();
  for (const [name, files] of Object.entries(manifest.outputs)) if (name !== transform) for (const f of Object.keys(files)) stillWritten.add(f);
  for (const f of written.keys()) stillWritten.add(f);
  const removed: string[] = [];
  for (const [rel, hash] of Object.entries(before)) {
    if (stillWritten.has(rel)) continue;
    const file = resolve(root, rel);
    if (!file.startsWith(root + sep)) continue; // a hand-edited manifest cannot point outside
    if (hashOnDisk(file) !== hash) continue;
    unlinkSync(file);
    removed.push(file);
    for (let dir = dirname(file); dir.startsWith(root + sep); dir = dirname(dir)) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }
  manifest.outputs[transform] = Object.fromEntries([...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomic(join(root, OUTPUT_MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
  return removed;
}

/** `relative()` as `/`-separated text, for manifest keys. */
export function manifestKey(outDir: string, file: string): string {
  return relative(resolve(outDir), file).split(sep).join('/');
}
