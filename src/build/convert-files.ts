/**
 * Converting files on disk: read (refusing what is not a readable text file), convert, and write each
 * document to `<outDir>/<source-slug>/<nnn>.xml` atomically. Shared by `chancery convert` and `build`.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConvertCodes } from '../diagnostics/codes.js';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { TeiDocument } from '../model/document.js';
import { convert } from '../convert/index.js';
import { serializeTei } from '../convert/serialize.js';
import type { PersonRegistry } from '../convert/entities/personography.js';

import { DEFAULT_MAX_BYTES } from '../convert/limits.js';

export { DEFAULT_MAX_BYTES };

export interface ConvertFilesOptions {
  outDir: string;
  persons?: PersonRegistry;
  maxBytes?: number;
  generatedOn?: string;
  /** Called after each input file with the bytes done so far. */
  onFile?: (file: string, bytesDone: number, bytesTotal: number) => void;
}

export interface ConvertedFile {
  file: string;
  encoding?: string;
  documents: TeiDocument[];
  written: string[];
  bytes: number;
  /** Set when the file could not be read at all. */
  error?: Diagnostic;
}

export interface ConvertFilesResult {
  files: ConvertedFile[];
  diagnostics: Diagnostic[];
}

/** Reads an input file, or throws {@link InputError} with a message naming the file and the problem. */
export function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(ConvertCodes.notAFile, `${path}: is a directory, not a text file`, { exitCode: 3 });
    if (!st.isFile()) throw new InputError(ConvertCodes.notAFile, `${path}: is not a regular file`, { exitCode: 3 });
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(ConvertCodes.fileMissing, `${path}: no such file`, { exitCode: 3 });
  }
  if (size > maxBytes) {
    throw new InputError(ConvertCodes.tooLarge, `${path}: ${(size / 1048576).toFixed(1)} MB is above the limit of ${(maxBytes / 1048576).toFixed(0)} MB (raise it with --max-size)`, { exitCode: 3 });
  }
  return readFileSync(path);
}

export function convertFiles(paths: string[], options: ConvertFilesOptions): ConvertFilesResult {
  const files: ConvertedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const total = paths.reduce((n, p) => n + safeSize(p), 0);
  let done = 0;
  for (const path of paths) {
    const file = basename(path);
    try {
      const bytes = readInput(path, options.maxBytes);
      const result = convert(bytes, { fileName: file, sourcePath: path, persons: options.persons, generatedOn: options.generatedOn });
      diagnostics.push(...result.diagnostics);
      const written: string[] = [];
      const slugDir = result.documents[0] ? join(options.outDir, result.documents[0].sourceSlug) : undefined;
      for (const doc of result.documents) {
        const out = join(options.outDir, doc.sourceSlug, `${doc.id}.xml`);
        writeFileAtomic(out, serializeTei(doc, { generatedOn: options.generatedOn }));
        written.push(out);
      }
      if (slugDir) removeStale(slugDir, written);
      files.push({ file: path, encoding: result.encoding, documents: result.documents, written, bytes: bytes.length });
      done += bytes.length;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const d = e.toDiagnostic();
      diagnostics.push(d);
      files.push({ file: path, documents: [], written: [], bytes: 0, error: d });
    }
    options.onFile?.(path, done, total);
  }
  return { files, diagnostics };
}

function safeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A re-run that yields fewer documents must not leave the old extra files behind. */
function removeStale(dir: string, written: string[]): void {
  const keep = new Set(written.map((w) => basename(w)));
  for (const f of readdirSync(dir)) if (f.endsWith('.xml') && !keep.has(f)) rmSync(join(dir, f), { force: true });
}
