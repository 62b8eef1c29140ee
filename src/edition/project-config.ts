/**
 * What the build needs from the edition's config (`chancery.config.json`, optional): the edition's date, and
 * where the editor's persons file is. The transforms read the same file for what they need (src/transform/config.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { EditionCodes } from '../diagnostics/codes.js';

export const CONFIG_FILE = 'chancery.config.json';

export interface ProjectConfig {
  /** The edition's date (YYYY-MM-DD): TEI publicationStmt and revisionDesc, the CMIF timestamp. */
  date?: string;
  /** The editor's persons file (JSON or CSV), absolute; default `sources/persons.json` beside the config. */
  personsFile: string;
  /** The config file read, if any. */
  file?: string;
}

/**
 * Reads `file` (default `chancery.config.json` in `cwd`; a missing default is no error: every key has a default).
 * A config that is not JSON, or a key of the wrong form, is a {@link UsageError} naming the file.
 */
export function readProjectConfig(cwd: string, file?: string): ProjectConfig {
  const path = resolve(cwd, file ?? CONFIG_FILE);
  const base = dirname(path);
  if (!existsSync(path)) {
    if (file !== undefined) throw UsageError.of(EditionCodes.config, { file, problem: 'no such config file' });
    return { personsFile: resolve(base, 'sources/persons.json') };
  }
  let raw: { date?: unknown; persons?: unknown };
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as typeof raw;
  } catch (e) {
    throw UsageError.of(EditionCodes.config, { file: path, problem: `not valid JSON (${(e as Error).message}); fix it or delete it (every key has a default)` });
  }
  const config: ProjectConfig = { personsFile: resolve(base, 'sources/persons.json'), file: path };
  if (raw.date !== undefined) {
    if (typeof raw.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw.date) || Number.isNaN(Date.parse(raw.date))) {
      throw UsageError.of(EditionCodes.config, { file: path, problem: `"date" must be a day written YYYY-MM-DD (the edition's date), not ${JSON.stringify(raw.date)}` });
    }
    config.date = raw.date;
  }
  if (raw.persons !== undefined) {
    if (typeof raw.persons !== 'string' || !raw.persons.trim()) {
      throw UsageError.of(EditionCodes.config, { file: path, problem: `"persons" must name the editor's persons file (e.g. "sources/persons.json")` });
    }
    config.personsFile = resolve(base, raw.persons);
  }
  return config;
}

/**
 * The date generated files carry: the config's, else `SOURCE_DATE_EPOCH` (seconds, as reproducible builds set
 * it), else none. Never the clock: the same sources give the same files on every day.
 */
export function editionDate(config: ProjectConfig, sourceDateEpoch: string | undefined): string | undefined {
  if (config.date) return config.date;
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000).toISOString().slice(0, 10);
  return undefined;
}
