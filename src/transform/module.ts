/**
 * The interface every transform implements, built-in or the user's own (`--transform ./my-transform.js`).
 * A transform reads the {@link Edition} and yields the files it wants written; the driver writes each one
 * atomically as it comes, so a transform that yields page by page keeps memory flat.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionConfig } from './config.js';
import type { Edition } from './edition.js';

/** One file to write, its path relative to the output directory (`/`-separated). */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** What a transform gets besides the edition. */
export interface TransformContext {
  config: EditionConfig;
  /** Chancery's own `transforms/` directory (templates, CSS, scripts). */
  assets: string;
  /** The moment of the run (`SOURCE_DATE_EPOCH` when set, for reproducible output). */
  now: Date;
  /** Reports a finding; transforms never throw for bad input. */
  report(diagnostic: Diagnostic): void;
}

/** A transform: a name and a function from the edition to files. */
export interface TransformModule {
  name: string;
  /** A line for `--help` and logs. */
  describe?: string;
  /** Whether this transform needs `chancery.config.json` (CMIF does: its header names the editor). */
  needsConfig?: boolean;
  render(edition: Edition, ctx: TransformContext): Iterable<OutputFile> | AsyncIterable<OutputFile>;
}

let assetsDir: string | undefined;

/** Chancery's `transforms/` data directory, found from this module's place in `src/` or `dist/src/`. */
export function assetsDirectory(): string {
  if (assetsDir) return assetsDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'transforms'))) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'chancery') return (assetsDir = join(dir, 'transforms'));
      } catch {
        // not ours: keep looking upward
      }
    }
    dir = dirname(dir);
  }
  return (assetsDir = join(process.cwd(), 'transforms'));
}

/** Reads a text asset of `transforms/` (`html/page.html`). */
export function readAsset(ctx: TransformContext, rel: string): string {
  return readFileSync(join(ctx.assets, rel), 'utf8');
}
