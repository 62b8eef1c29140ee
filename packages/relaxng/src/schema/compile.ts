/**
 * Compiling a schema, in named stages: read and simplify (sections 3 and 4 of the RELAX NG specification),
 * build patterns (4.18–4.21), check the restrictions (section 7) and, unless turned off, the ID rules of
 * the DTD compatibility specification. A schema with errors is rejected here, before any document, with
 * every error of the first stage that found some.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { decodeXmlBytes } from '../decode.js';
import { SchemaError, type ErrorDetail } from '../errors.js';
import { contains, Patterns, type NameClass, type Pattern } from '../patterns.js';
import { buildPatterns, type BuildRecord } from './build.js';
import { localPath, readCache, writeCache } from './cache.js';
import { buildIdTypeMap, idTypeMapOf, type IdTypeMap } from './ids.js';
import { checkRestrictions, reachableElements } from './restrictions.js';
import { displayName, loadAndSimplify, type ResourceLoader } from './simplify.js';

export type { ResourceLoader } from './simplify.js';

/** Options of {@link compileSchema}. */
export interface CompileOptions {
  /**
   * ID, IDREF and IDREFS as the DTD compatibility specification has them (jing's default): the schema is
   * checked for them and documents for unique IDs and IDREFs with targets. False turns both off (`jing -i`).
   */
  checkIds?: boolean;
  /** Reads an included or referenced schema by absolute URL; default: local files only, never the network. */
  load?: ResourceLoader;
  /**
   * A folder for compiled schemas: a schema compiled once is rebuilt from there while none of its files changes
   * (their sizes and modification times are compared), skipping reading and checking. Only for local files
   * read by the default loader. Default: no cache.
   */
  cacheDir?: string;
}

/** A compiled schema, reusable for any number of documents. */
export interface CompiledSchema {
  /** The URL of the schema's main document. */
  readonly url: string;
  readonly patterns: Patterns;
  readonly start: Pattern;
  readonly ids: IdTypeMap;
  /** Whether the schema declares an element of this name anywhere. */
  declares(ns: string, local: string): boolean;
}

/** Reads local files only: any other URL scheme is refused (no network access, ever). */
export const readLocalFile: ResourceLoader = (url) => {
  const u = new URL(url);
  if (u.protocol !== 'file:') throw new Error(`only local files are read, never the network (${u.protocol} URL refused)`);
  return decodeXmlBytes(readFileSync(fileURLToPath(u)));
};

/** The file: URL of a path, or the URL itself when given one. */
export function toUrl(pathOrUrl: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(pathOrUrl) && !/^[A-Za-z]:[\\/]/.test(pathOrUrl) ? pathOrUrl : pathToFileURL(pathOrUrl).href;
}

/**
 * Compiles the schema at a path or URL (`text`: its content, when already read). Throws
 * {@link SchemaError} with every problem found, each with its file:line:column and the rule broken.
 */
export function compileSchema(pathOrUrl: string, options: CompileOptions = {}, text?: string): CompiledSchema {
  const url = toUrl(pathOrUrl);
  const cacheable = options.cacheDir !== undefined && options.load === undefined && text === undefined && localPath(url) !== undefined;
  const optionKey = options.checkIds === false ? 'no-ids' : 'ids';
  if (cacheable) {
    const cached = readCache(options.cacheDir!, url, optionKey);
    if (cached) return compiled(url, cached.patterns, cached.start, cached.elements, idTypeMapOf(cached.ids));
  }
  const read: string[] = [];
  const load: ResourceLoader = options.load ?? ((u) => {
    const path = localPath(u);
    if (path) read.push(path);
    return readLocalFile(u);
  });
  const details: ErrorDetail[] = [];
  const report = (d: ErrorDetail): void => void details.push(d);
  const fail = (): never => {
    throw new SchemaError(details);
  };
  const ast = loadAndSimplify(url, load, report, text);
  if (!ast || details.length) fail();
  const patterns = new Patterns();
  const record: BuildRecord = { datatypes: new WeakMap(), values: new WeakMap() };
  const start = buildPatterns(ast!, patterns, report, record);
  if (!start || details.length) fail();
  const where = { file: displayName(url), line: 1, column: 1 };
  checkRestrictions(start!, report, where);
  if (details.length) fail();
  const elements = reachableElements(start!);
  const ids = options.checkIds === false ? idTypeMapOf([]) : buildIdTypeMap(elements, report, where);
  if (details.length) fail();
  if (cacheable) {
    writeCache(options.cacheDir!, url, optionKey, read, start!, { datatype: (d) => record.datatypes.get(d)!, value: (p) => record.values.get(p) }, ids.entries());
  }
  return compiled(url, patterns, start!, elements, ids);
}

function compiled(url: string, patterns: Patterns, start: Pattern, elements: Pattern[], ids: IdTypeMap): CompiledSchema {
  const classes: NameClass[] = elements.flatMap((e) => (e.kind === 'element' ? [e.nc] : []));
  const declared = new Map<string, boolean>();
  return {
    url,
    patterns,
    start,
    ids,
    declares(ns, local) {
      const k = `${ns}\u0000${local}`;
      let r = declared.get(k);
      if (r === undefined) declared.set(k, (r = classes.some((nc) => contains(nc, ns, local))));
      return r;
    },
  };
}
