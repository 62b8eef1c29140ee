/**
 * The transform library: TEI edition → static HTML site, plain text, CMIF, CSV, JSON, or the output of a
 * transform module of the user's own. `transform()` is what `chancery transform` and `chancery build`
 * call; it never prints and never throws for bad input (those become diagnostics), only for options it
 * cannot act on (a missing config for CMIF, a user module that does not load).
 */
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { breathe } from '../io/breathe.js';
import { resolveFrom } from '../io/paths.js';
import { ioCause } from '../io/read-regular-file.js';
import { removeStaleTempFiles, writeFileAtomic, writeFileAtomicFrom } from '../io/write-file-atomic.js';
import { diagnostic, TransformError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { TransformCodes } from '../diagnostics/codes.js';
import { loadConfig } from './config.js';
import type { EditionConfig } from './config.js';
import { loadEdition } from './edition.js';
import type { Edition } from './edition.js';
import { assetsDirectory } from './module.js';
import { ContentHash, contentHash, OUTPUT_MANIFEST, recordAndPrune } from './output-manifest.js';
import type { OutputFile, TransformContext, TransformModule } from './module.js';
import { builtinTransforms } from './formats/index.js';

export type { TransformModule, TransformContext, OutputFile } from './module.js';
export type { Edition, EditionDocument, PersonRecord, Mention, Mentions, StreamedFacts, LoadEditionOptions, DateValue, Correspondent, CorrespSide } from './edition.js';
export type { EditionConfig } from './config.js';
export type { TeiElement, TeiNode, TeiText } from './tei-tree.js';
export type { Rule, RuleTable } from './walker.js';
export { Walker } from './walker.js';
export { TransformCodes } from '../diagnostics/codes.js';
export { loadEdition } from './edition.js';
export { checkCmif } from './formats/cmif-check.js';
export { isDebris, readingText } from './reading.js';

/** The built-in output formats. */
export type TransformTarget = 'html' | 'text' | 'cmif' | 'csv' | 'json';

/** The built-in targets, in the order `chancery build` runs them. */
export const TRANSFORM_TARGETS: readonly TransformTarget[] = ['html', 'text', 'cmif', 'csv', 'json'];

/** Options of {@link transform}. */
export interface TransformOptions {
  /** The built-in output format; ignored when {@link transformModule} is given. */
  to: TransformTarget;
  /** Directory the files are written to (created when missing; files already there are replaced, others kept). */
  outDir: string;
  /** Path of a user transform module (ES module exporting a {@link TransformModule} as default or `transform`). */
  transformModule?: string;
  /** Path of the edition config; default `chancery.config.json` in `cwd`, when `cwd` is given. */
  config?: string;
  /** The edition's date (CMIF timestamp); default the config's, else `sourceDateEpoch`, else the moment of the run. */
  date?: Date;
  /** `SOURCE_DATE_EPOCH` (seconds), for reproducible output when neither `date` nor the config gives one. */
  sourceDateEpoch?: string;
  /**
   * The folder relative paths (inputs, `outDir`, config, module) are resolved against; the CLI passes its working
   * folder. Without it, paths must be absolute.
   */
  cwd?: string;
}

/** What {@link transform} did: counts, files written, findings, wall time. */
export interface TransformReport {
  /** Documents of the edition that were transformed. */
  documents: number;
  /** Every file written, as `outDir`-joined paths. */
  written: string[];
  /**
   * Files this transform had written into `outDir` on an earlier run and did not write now (withdrawn
   * documents), removed because their content was still what was recorded (see `output-manifest.ts`).
   */
  removed: string[];
  diagnostics: Diagnostic[];
  /** Wall time of the whole run in milliseconds. */
  ms: number;
}

/**
 * Transforms the TEI documents found in `paths` (files or directories, searched recursively for `.xml`;
 * the personography is found through the documents' `persName/@ref`) into `options.outDir`.
 */
export async function transform(paths: string[], options: TransformOptions): Promise<TransformReport> {
  return run(paths, options, undefined);
}

/** One transform; `loaded` is an edition already read (its diagnostics then belong to an earlier report). */
async function run(paths: string[], options: TransformOptions, loaded: Edition | undefined): Promise<TransformReport> {
  const started = performance.now();
  const module = options.transformModule ? await loadUserModule(options.transformModule, options.cwd) : builtinTransforms[options.to];
  if (!module) {
    throw TransformError.of(TransformCodes.badModule, { problem: `unknown transform target "${String(options.to)}"; use one of ${TRANSFORM_TARGETS.join(', ')}` });
  }
  const cwd = options.cwd;
  const configFile = options.config !== undefined ? resolveFrom(cwd, options.config) : cwd !== undefined ? join(cwd, 'chancery.config.json') : undefined;
  const config = loadConfig(configFile, module.needsConfig === true);
  const outRoot = resolveFrom(cwd, options.outDir);
  // the output folder holds the temporary file of a large edition's mentions, removed when the edition is done
  const edition = loaded ?? loadEdition(paths, cwd, { scratch: outRoot });
  try {
    return await render(module, edition, config, options, outRoot, loaded ? [] : [...edition.diagnostics], started);
  } finally {
    if (!loaded) edition.mentions.close();
  }
}

/** Renders `edition` with `module` into `outRoot`; `diagnostics` are the findings so far. */
async function render(
  module: TransformModule,
  edition: Edition,
  config: EditionConfig,
  options: TransformOptions,
  outRoot: string,
  diagnostics: Diagnostic[],
  started: number,
): Promise<TransformReport> {
  const ctx: TransformContext = {
    config,
    outDir: outRoot,
    assets: assetsDirectory(),
    now: options.date ?? runDate(config, options.sourceDateEpoch),
    report: (d) => diagnostics.push(d),
  };
  const written: string[] = [];
  const hashes = new Map<string, string>();
  let failedWrites = 0;
  // temporary files of a run that was killed while writing here
  removeStaleTempFiles(outRoot);
  if (edition.documents.length > 0) {
    const user = options.transformModule !== undefined;
    try {
      // inside the try: a user's render() that throws before yielding anything (a plain function, not a generator)
      // is reported as its failure too
      for await (const file of module.render(edition, ctx)) {
        if (typeof file?.path !== 'string' || !SAFE_OUTPUT_PATH.test(file.path) || file.path.split('/').some((s) => s === '.' || s === '..')) {
          throw TransformError.of(TransformCodes.badModule, {
            problem: `transform ${module.name} yielded an unsafe output path (only letters, digits, '.', '_', '-' and '/' between names, inside the output directory): ${JSON.stringify(String(file?.path))}`,
          });
        }
        const target = resolve(outRoot, file.path);
        if (!target.startsWith(outRoot + sep) || file.path === OUTPUT_MANIFEST) {
          throw TransformError.of(TransformCodes.badModule, { problem: `transform ${module.name} yielded a path outside the output directory: ${file.path}` });
        }
        let hash: string;
        try {
          hash = writeOutput(target, file.content);
        } catch (e) {
          // one finding naming the file and the cause; the other files are still tried (a full disk may free up)
          diagnostics.push(diagnostic(TransformCodes.writeFailed, { file: target, cause: ioCause(e) }, { file: target, line: 1, column: 1 }));
          failedWrites++;
          continue;
        }
        written.push(target);
        hashes.set(file.path, hash);
        if (written.length % 16 === 0) await breathe();
      }
    } catch (e) {
      // a user module's own failure is reported as ours, with its message; a built-in's is a bug and stays one
      if (e instanceof TransformError || !user) throw e;
      throw TransformError.of(TransformCodes.badModule, { problem: `transform module ${options.transformModule} failed: ${(e as Error).message}` }, { cause: e });
    }
  }
  // a run that failed to read its edition prunes nothing: an empty edition must not empty the site
  const removed = edition.documents.length > 0 && failedWrites === 0 ? recordAndPrune(outRoot, module.name, hashes) : [];
  if (removed.length > 0) {
    diagnostics.push(diagnostic(TransformCodes.pruned, { count: removed.length, outDir: options.outDir }));
  }
  return { documents: edition.documents.length, written, removed, diagnostics, ms: performance.now() - started };
}

/** Writes one output file (whole, or piece by piece as its transform makes it); returns its content hash. */
function writeOutput(target: string, content: OutputFile['content']): string {
  if (typeof content !== 'function') {
    writeFileAtomic(target, content);
    return contentHash(content);
  }
  const hash = new ContentHash();
  writeFileAtomicFrom(target, (write) =>
    content((piece) => {
      hash.update(piece);
      write(piece);
    }),
  );
  return hash.digest();
}

/** What an output path may look like: names of safe characters joined by `/`, nothing absolute. */
const SAFE_OUTPUT_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Where {@link transformEdition} writes. */
export interface EditionOutputs {
  /** The HTML edition; default `site`. */
  site?: string;
  /** The exports: `text/`, `cmif.xml`, `*.csv`, `*.json`; default `exports`. */
  exports?: string;
  config?: string;
  /** The edition's date (CMIF timestamp). */
  date?: Date;
  /** As in {@link TransformOptions}. */
  sourceDateEpoch?: string;
  /** As in {@link TransformOptions}: relative paths are resolved against it. */
  cwd?: string;
  /** The targets to write; default all of {@link TRANSFORM_TARGETS}. */
  targets?: readonly TransformTarget[];
}

/**
 * Every built-in derivative, as `chancery build` needs them: HTML into `site/`, text, CMIF, CSV and JSON
 * into `exports/` (the text transform writes `exports/text/<id>.txt`). The edition is read once. One report
 * per target, in {@link TRANSFORM_TARGETS} order; the edition's own findings are in the first.
 */
export async function transformEdition(paths: string[], outputs: EditionOutputs = {}): Promise<TransformReport[]> {
  const reports: TransformReport[] = [];
  // read once: the edition's own findings are in the first report only
  const started = performance.now();
  const targets = outputs.targets ?? TRANSFORM_TARGETS;
  const outDirOf = (to: TransformTarget): string => (to === 'html' ? (outputs.site ?? 'site') : (outputs.exports ?? 'exports'));
  // the first output folder holds the temporary file of a large edition's mentions (removed when done)
  const edition = loadEdition(paths, outputs.cwd, targets.length > 0 ? { scratch: resolveFrom(outputs.cwd, outDirOf(targets[0]!)) } : {});
  const loadMs = performance.now() - started;
  try {
    for (const to of targets) {
      const { config, date, sourceDateEpoch, cwd } = outputs;
      const report = await run(paths, { to, outDir: outDirOf(to), config, date, sourceDateEpoch, cwd }, edition);
      if (reports.length === 0) {
        report.diagnostics.unshift(...edition.diagnostics);
        report.ms += loadMs;
      }
      reports.push(report);
    }
  } finally {
    edition.mentions.close();
  }
  return reports;
}

/**
 * The date a run writes as its own: the config's release date, else `SOURCE_DATE_EPOCH` (seconds), so
 * that two runs over the same edition write the same bytes; the clock only when neither is set.
 */
function runDate(config: EditionConfig, epoch: string | undefined): Date {
  if (config.date) return new Date(`${config.date}T00:00:00Z`);
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

async function loadUserModule(spec: string, cwd: string | undefined): Promise<TransformModule> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolveFrom(cwd, spec)).href)) as Record<string, unknown>;
  } catch (e) {
    throw TransformError.of(TransformCodes.badModule, { problem: `cannot load transform module ${spec}: ${(e as Error).message}` }, { cause: e });
  }
  const candidate = (mod.default ?? mod.transform) as Partial<TransformModule> | undefined;
  if (!candidate || typeof candidate !== 'object' || typeof candidate.render !== 'function') {
    throw TransformError.of(TransformCodes.badModule, { problem: `${spec} does not export a transform: export default { name, render(edition, ctx) } (see docs/transforms.md)` });
  }
  return { name: candidate.name ?? spec, ...candidate } as TransformModule;
}
