/**
 * The interface every transform implements, built-in or the user's own (`--transform ./my-transform.js`).
 * A transform reads the {@link Edition} and yields the files it wants written; the driver writes each one
 * atomically as it comes, so a transform that yields page by page keeps memory flat.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from '../io/package-files.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionConfig } from './config.js';
import type { Edition } from './edition.js';

/** One file to write, its path relative to the output directory (`/`-separated). */
export interface OutputFile {
  path: string;
  /**
   * The content whole, or a function that writes it piece by piece (a large document's text, rendered while its
   * file is read): the file is then never held whole. A piece is a string (written as UTF-8) or bytes.
   */
  content: string | Uint8Array | ((write: (piece: string | Uint8Array) => void) => void);
}

/** What a transform gets besides the edition. */
export interface TransformContext {
  config: EditionConfig;
  /**
   * The output folder (absolute), where the files are written: a transform may keep temporary files there while
   * it works (src/io/spill-file.ts), which a signal or the next run removes. Absent where the caller gave none.
   */
  outDir?: string;
  /** Chancery's own `assets/` directory (page template, CSS, scripts). */
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

/** The whole content of an output file, however it comes (pieces joined; bytes as UTF-8). */
export function wholeContent(content: OutputFile['content']): string {
  if (typeof content === 'string') return content;
  if (typeof content !== 'function') return Buffer.from(content).toString('utf8');
  const pieces: (string | Uint8Array)[] = [];
  let bytes = false;
  content((piece) => {
    bytes ||= typeof piece !== 'string';
    pieces.push(piece);
  });
  // strings are joined as they are; bytes may split a character, so they are joined as bytes first
  return bytes ? Buffer.concat(pieces.map((p) => Buffer.from(p))).toString('utf8') : pieces.join('');
}

/** Chancery's `assets/` data directory, inside the package (never the user's current folder). */
export function assetsDirectory(): string {
  return packageFile('assets');
}

/** Reads a text asset of `assets/` (`html/page.html`). */
export function readAsset(ctx: TransformContext, rel: string): string {
  return readFileSync(join(ctx.assets, rel), 'utf8');
}
