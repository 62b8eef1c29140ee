/**
 * `buildEdition()`: the whole edition from its sources — convert `sources/*.txt` into `tei/` (regenerating only
 * what nobody edited, removing what withdrawn sources left), validate `tei/` as it stands, then write `site/` and
 * `exports/`. What `chancery build` and `npm start` run; it never prints, and returns every finding.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EditionCodes } from '../diagnostics/codes.js';
import { diagnostic, UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { editionDate, readProjectConfig } from '../edition/project-config.js';
import { validate, type ValidationReport } from '../validate/index.js';
import { TRANSFORM_TARGETS, transformEdition, type TransformReport } from '../transform/index.js';
import { convertFiles, type ConvertFilesResult } from './convert-files.js';

/** Options of {@link buildEdition}; folders are relative to `cwd`. */
export interface BuildOptions {
  /** The project folder (the CLI passes its working folder). */
  cwd: string;
  /** Raw texts (`*.txt`); default `sources`. */
  sources?: string;
  /** The TEI edition; default `tei`. */
  tei?: string;
  /** The HTML edition; default `site`. */
  site?: string;
  /** Text, CMIF, CSV and JSON exports; default `exports`. */
  exports?: string;
  /** The config file; default `chancery.config.json` in `cwd` when there is one. */
  config?: string;
  /** Regenerate TEI files edited since they were generated. */
  force?: boolean;
  /** `SOURCE_DATE_EPOCH`, used for the edition's date when the config gives none. */
  sourceDateEpoch?: string;
  /** Progress of the conversion, in bytes of sources. */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link buildEdition} did, stage by stage. */
export interface BuildReport {
  /** The sources converted, in order. */
  sources: string[];
  convert: ConvertFilesResult;
  /** TEI documents written (or kept) from the sources. */
  documents: number;
  /** Absent when a source could not be read or its documents written (the build stops after conversion). */
  validation?: ValidationReport;
  transforms: TransformReport[];
  /** Milliseconds per stage. */
  ms: { convert: number; validate: number; transform: number };
}

/**
 * Why the CMIF export cannot be written (its header must name the edition's editor and where it is published),
 * or undefined when the config says all it needs.
 */
function cmifReadiness(configFile: string | undefined): Diagnostic | undefined {
  if (!configFile) return diagnostic(EditionCodes.cmifSkipped, {});
  const raw = JSON.parse(readFileSync(configFile, 'utf8')) as { baseUrl?: unknown; editor?: { name?: unknown; email?: unknown } };
  const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
  if (filled(raw.baseUrl) && filled(raw.editor?.name) && filled(raw.editor?.email)) return undefined;
  return diagnostic(EditionCodes.cmifSkipped, { config: configFile });
}

/** The `*.txt` files of the sources folder, sorted; a {@link UsageError} when there are none. */
export function listSources(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir);
  } catch {
    throw UsageError.of(EditionCodes.noSources, { folder: dir, missing: true });
  }
  const texts = names.filter((f) => f.endsWith('.txt') && !f.startsWith('.')).sort();
  if (texts.length === 0) throw UsageError.of(EditionCodes.noSources, { folder: dir, missing: false });
  return texts.map((f) => join(dir, f));
}

export async function buildEdition(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd;
  const at = (p: string | undefined, fallback: string): string => resolve(cwd, p ?? fallback);
  const sourcesDir = at(options.sources, 'sources');
  const teiDir = at(options.tei, 'tei');
  const config = readProjectConfig(cwd, options.config);
  const date = editionDate(config, options.sourceDateEpoch);
  const sources = listSources(sourcesDir);

  const t0 = performance.now();
  const converted = await convertFiles(sources, {
    outDir: teiDir,
    personsFile: config.personsFile,
    complete: true,
    ...(date ? { generatedOn: date } : {}),
    ...(options.force ? { force: true } : {}),
    onFile: (_f, done, total) => options.onProgress?.(done, total),
  });
  const t1 = performance.now();
  const report: BuildReport = {
    sources,
    convert: converted,
    documents: converted.files.reduce((n, f) => n + f.documents, 0),
    transforms: [],
    ms: { convert: t1 - t0, validate: 0, transform: 0 },
  };
  // The edition on disk is not what the sources say (a source unread, documents unwritten): validating and
  // publishing it would publish the old one as new.
  if (converted.files.some((f) => f.error) || converted.writeFailures.length > 0) return report;

  report.validation = await validate([teiDir], { cwd });
  const t2 = performance.now();
  const cmif = cmifReadiness(config.file);
  report.transforms = await transformEdition([teiDir], {
    targets: TRANSFORM_TARGETS.filter((t) => t !== 'cmif' || cmif === undefined),
    site: at(options.site, 'site'),
    exports: at(options.exports, 'exports'),
    ...(config.file ? { config: config.file } : {}),
    ...(date ? { date: new Date(`${date}T00:00:00Z`) } : {}),
    cwd,
  });
  if (cmif !== undefined) report.transforms[0]?.diagnostics.unshift(cmif);
  report.ms.validate = t2 - t1;
  report.ms.transform = performance.now() - t2;
  return report;
}
