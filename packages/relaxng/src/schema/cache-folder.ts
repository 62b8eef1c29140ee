/**
 * The cache folder's upkeep: entry files named by engine and key, marked used when read, and pruned when one is
 * written, so that the folder stays small with nobody cleaning it. Everything here is best effort: a folder that
 * cannot be read, written or pruned costs a compile, never a validation.
 */
import { readdirSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How much the folder keeps, the most recently used entries first. One entry is one
 * schema with one set of options (tei_all: ~0.55 MB): a CI job or an archivist uses a handful (the project's
 * schema, tei_all, with and without ID checks); 16 leave room for several projects, and 32 MB bounds a folder of
 * unusually large schemas.
 */
export const CACHE_LIMITS: CacheLimits = { entries: 16, bytes: 32 * 1024 * 1024 };

export interface CacheLimits {
  entries: number;
  bytes: number;
}

/**
 * Entries of another engine (an older build, or another installed version) unused for this long are removed
 * whatever the limits: no build of this code reads them. Until then they count against the limits with the rest,
 * so that two versions used by turns on one machine (two projects, a CI matrix) do not evict each other's
 * entries at every run and compile again each time.
 */
const OTHER_ENGINE_UNUSED_MS = 60 * 60 * 1000;

/** Temporary files older than this were left by a writer that died (a write takes milliseconds). */
const ABANDONED_TEMP_MS = 10 * 60 * 1000;

const ENTRY = /^(?:([0-9a-f]{16})-)?[0-9a-f]{32}\.json$/;
const TEMP = /^(?:[0-9a-f]{16}-)?[0-9a-f]{32}\.json\.[0-9a-f]{8}\.tmp$/;

/** The file of the entry `key` (32 hex digits) made by the engine `engine` (its hash). */
export function entryFile(dir: string, engine: string, key: string): string {
  return join(dir, `${engine.slice(0, 16)}-${key}.json`);
}

/** Marks an entry used now (its modification time), so pruning keeps it; a read-only folder is left as it is. */
export function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // the entry stays as old as it was: at worst pruned sooner
  }
}

/**
 * Removes the entries of other engines (and of this cache's earlier naming, without an engine) unused for an
 * hour, temporary files abandoned by a writer, and the least recently used entries beyond `limits`. `keep` (the entry
 * just written) is never removed. Returns the files removed; failures (a file another process removed first, a
 * folder not ours to change) are skipped.
 */
export function pruneCache(dir: string, engine: string, keep: string, limits: CacheLimits = CACHE_LIMITS, now = Date.now()): string[] {
  const removed: string[] = [];
  const remove = (file: string): void => {
    try {
      unlinkSync(file);
      removed.push(file);
    } catch {
      // gone already, or not ours to remove
    }
  };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const tag = engine.slice(0, 16);
  const kept: { file: string; used: number; size: number }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const entry = ENTRY.exec(name);
    if (entry && file !== keep) {
      try {
        const s = statSync(file);
        if (entry[1] !== tag && now - s.mtimeMs > OTHER_ENGINE_UNUSED_MS) remove(file);
        else kept.push({ file, used: s.mtimeMs, size: s.size });
      } catch {
        // removed meanwhile
      }
    } else if (TEMP.test(name)) {
      try {
        if (now - statSync(file).mtimeMs > ABANDONED_TEMP_MS) remove(file);
      } catch {
        // renamed or removed meanwhile: its writer is alive
      }
    }
  }
  let entries = 1;
  let bytes = 0;
  try {
    bytes = statSync(keep).size;
  } catch {
    entries = 0;
  }
  kept.sort((a, b) => b.used - a.used);
  let full = false;
  for (const e of kept) {
    full ||= entries + 1 > limits.entries || bytes + e.size > limits.bytes;
    if (full) remove(e.file);
    else {
      entries++;
      bytes += e.size;
    }
  }
  return removed;
}
