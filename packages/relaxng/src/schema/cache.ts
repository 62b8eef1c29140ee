/**
 * A cache of compiled schemas: the checked pattern graph written as JSON beside a list of the schema files
 * it came from (size and modification time of each). A later compile of the same schema with the same options
 * rebuilds the graph from it, skipping reading, simplification and the checks, as long as no file changed. The
 * cache is only ever an optimisation: anything unreadable or stale in it is ignored and the schema compiled.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDatatype, type Datatype } from '../datatypes/index.js';
import { Patterns, type NameClass, type Pattern } from '../patterns.js';
import type { IdType } from '../datatypes/index.js';
import { entryFile, markUsed, pruneCache } from './cache-folder.js';

/**
 * The engine's identity: a hash of its own compiled code, so that any change to the engine (the checks, the
 * simplification, this format) makes older entries unusable without anyone having to remember to bump a number.
 */
let engineHash: string | undefined;
function engine(): string {
  if (engineHash) return engineHash;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) hash.update(name).update(readFileSync(p));
    }
  };
  walk(dirname(dirname(fileURLToPath(import.meta.url))));
  return (engineHash = hash.digest('hex'));
}

type Node =
  | ['e' | 'n' | 't']
  | ['c' | 'g' | 'i', number, number]
  | ['o' | 'l', number]
  | ['d', number, number]
  | ['v', number, string, string, Record<string, string>]
  | ['a', number, number]
  | ['E', number, number];

interface Entry {
  engine: string;
  files: { path: string; size: number; mtimeMs: number }[];
  datatypes: [string, string, { name: string; value: string }[]][];
  nameClasses: NameClass[];
  nodes: Node[];
  start: number;
  ids: [string, IdType][];
}

/** What a datatype was made from, kept so that a cached graph can make it again. */
export interface DatatypeOrigin {
  library: string;
  type: string;
  params: readonly { name: string; value: string }[];
}

/** The context a `<value>` was read in (for QName values). */
export interface ValueOrigin {
  ns: string;
  prefixes: Record<string, string>;
}

function entryPath(dir: string, url: string, options: string): string {
  const key = createHash('sha256').update(`${engine()}\u0000${options}\u0000${url}`).digest('hex').slice(0, 32);
  return entryFile(dir, engine(), key);
}

/** The cached graph of a schema, if every file it was compiled from is unchanged. */
export function readCache(
  dir: string,
  url: string,
  options: string,
): { patterns: Patterns; start: Pattern; elements: Pattern[]; ids: [string, IdType][] } | undefined {
  const file = entryPath(dir, url, options);
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (entry.engine !== engine()) return undefined;
    for (const f of entry.files) {
      const s = statSync(f.path);
      if (s.size !== f.size || s.mtimeMs !== f.mtimeMs) return undefined;
    }
  } catch {
    return undefined;
  }
  markUsed(file);
  return restore(entry);
}

/**
 * Rebuilds an entry's graph as far as the start pattern reaches, every element included but the content of each
 * only when a document first enters it: a document meets a small part of a schema as large as tei_all, and
 * building all of it (~14,000 patterns) was half of the restore (docs/decisions.md, "The compiled-schema cache").
 * Datatypes are made once per definition: tei_all's 672 datatype uses are 35 definitions, and making one
 * (facets, patterns translated to regular expressions) costs more than the patterns that use it.
 */
function restore(entry: Entry): { patterns: Patterns; start: Pattern; elements: Pattern[]; ids: [string, IdType][] } {
  const patterns = new Patterns();
  const byDefinition = new Map<string, Datatype>();
  const datatypes: (Datatype | undefined)[] = new Array(entry.datatypes.length);
  const datatype = (k: number): Datatype => {
    let dt = datatypes[k];
    if (dt === undefined) {
      const [library, type, params] = entry.datatypes[k]!;
      const definition = JSON.stringify(entry.datatypes[k]);
      dt = byDefinition.get(definition);
      if (dt === undefined) byDefinition.set(definition, (dt = makeDatatype(library, type, params)));
      datatypes[k] = dt;
    }
    return dt;
  };
  const nodes = entry.nodes;
  const built: (Pattern | undefined)[] = new Array(nodes.length);
  const make = (n: Node): Pattern => {
    switch (n[0]) {
      case 'e':
        return patterns.empty;
      case 'n':
        return patterns.notAllowed;
      case 't':
        return patterns.text;
      case 'c':
        return patterns.restoredChoice(built[n[1]]!, built[n[2]]!);
      case 'g':
        return patterns.group(built[n[1]]!, built[n[2]]!);
      case 'i':
        return patterns.interleave(built[n[1]]!, built[n[2]]!);
      case 'o':
        return patterns.oneOrMore(built[n[1]]!);
      case 'l':
        return patterns.list(built[n[1]]!);
      case 'd':
        return patterns.data(datatype(n[1]), n[2] < 0 ? undefined : built[n[2]]);
      case 'v': {
        const dt = datatype(n[1]);
        const ns = n[3];
        const prefixes = n[4];
        const value = dt.parse(n[2], { resolvePrefix: (p) => (p === '' ? ns : prefixes[p]), isUnparsedEntity: () => true });
        return patterns.value(dt, value, n[2]);
      }
      case 'a':
        return patterns.attribute(entry.nameClasses[n[1]]!, built[n[2]]!);
      case 'E':
        throw new Error('elements are made before any other pattern');
    }
  };
  /** The pattern of node `root`, its parts built first (without recursion: a choice of hundreds nests as deep). */
  const pattern = (root: number): Pattern => {
    const stack = [root];
    while (stack.length) {
      const at = stack[stack.length - 1]!;
      if (built[at]) {
        stack.pop();
        continue;
      }
      const n = nodes[at]!;
      const before = stack.length;
      for (const part of partsOf(n)) if (part >= 0 && !built[part]) stack.push(part);
      if (stack.length === before) {
        stack.pop();
        built[at] = make(n);
      }
    }
    return built[root]!;
  };
  const elements: Pattern[] = [];
  nodes.forEach((n, i) => {
    if (n[0] !== 'E') return;
    const content = n[2];
    built[i] = patterns.element({}, entry.nameClasses[n[1]]!, () => pattern(content));
    elements.push(built[i]!);
  });
  return { patterns, start: pattern(entry.start), elements, ids: entry.ids };
}

/** The nodes a node is made of (elements excepted: their content is built when first entered). */
function partsOf(n: Node): number[] {
  switch (n[0]) {
    case 'c':
    case 'g':
    case 'i':
      return [n[1], n[2]];
    case 'o':
    case 'l':
      return [n[1]];
    case 'd':
    case 'a':
      return [n[2]];
    default:
      return [];
  }
}

/**
 * Writes the graph reachable from `start` (element content included: compile has built it all) to the cache.
 * Failures to write are ignored: the cache is an optimisation.
 */
export function writeCache(
  dir: string,
  url: string,
  options: string,
  files: string[],
  start: Pattern,
  origins: { datatype(dt: Datatype): DatatypeOrigin; value(p: Pattern): ValueOrigin | undefined },
  ids: [string, IdType][],
): void {
  try {
    const index = new Map<Pattern, number>();
    const nodes: Node[] = [];
    const datatypes: Entry['datatypes'] = [];
    const datatypeIndex = new Map<Datatype, number>();
    const nameClasses: NameClass[] = [];
    const ncIndex = new Map<NameClass, number>();
    const dt = (d: Datatype): number => {
      let k = datatypeIndex.get(d);
      if (k === undefined) {
        const o = origins.datatype(d);
        datatypeIndex.set(d, (k = datatypes.length));
        datatypes.push([o.library, o.type, [...o.params]]);
      }
      return k;
    };
    const nc = (c: NameClass): number => {
      let k = ncIndex.get(c);
      if (k === undefined) {
        ncIndex.set(c, (k = nameClasses.length));
        nameClasses.push(c);
      }
      return k;
    };
    // Post-order without recursion (deep schemas), elements first given a slot so that content can point back.
    const pending: Pattern[] = [];
    const visit = (root: Pattern): number => {
      const stack: { p: Pattern; expanded: boolean }[] = [{ p: root, expanded: false }];
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const p = top.p;
        if (index.has(p)) {
          stack.pop();
          continue;
        }
        const kids = children(p);
        if (!top.expanded) {
          top.expanded = true;
          for (const k of kids) if (!index.has(k)) stack.push({ p: k, expanded: false });
          continue;
        }
        stack.pop();
        const at = nodes.length;
        index.set(p, at);
        nodes.push(encode(p));
        if (p.kind === 'element') pending.push(p);
      }
      return index.get(root)!;
    };
    const children = (p: Pattern): Pattern[] => {
      switch (p.kind) {
        case 'choice':
        case 'group':
        case 'interleave':
          return [p.a, p.b];
        case 'oneOrMore':
        case 'list':
        case 'attribute':
          return [p.p];
        case 'data':
          return p.except ? [p.except] : [];
        default:
          return [];
      }
    };
    const encode = (p: Pattern): Node => {
      const at = (q: Pattern): number => index.get(q)!;
      switch (p.kind) {
        case 'empty':
          return ['e'];
        case 'notAllowed':
          return ['n'];
        case 'text':
          return ['t'];
        case 'choice':
          return ['c', at(p.a), at(p.b)];
        case 'group':
          return ['g', at(p.a), at(p.b)];
        case 'interleave':
          return ['i', at(p.a), at(p.b)];
        case 'oneOrMore':
          return ['o', at(p.p)];
        case 'list':
          return ['l', at(p.p)];
        case 'data':
          return ['d', dt(p.dt), p.except ? at(p.except) : -1];
        case 'value': {
          const o = origins.value(p);
          return ['v', dt(p.dt), p.raw, o?.ns ?? '', o?.prefixes ?? {}];
        }
        case 'attribute':
          return ['a', nc(p.nc), at(p.p)];
        case 'element':
          return ['E', nc(p.nc), -1];
        default:
          throw new Error(`cannot cache a pattern of kind ${p.kind}`);
      }
    };
    const startIndex = visit(start);
    for (let i = 0; i < pending.length; i++) {
      const e = pending[i]!;
      if (e.kind !== 'element') continue;
      const content = visit(e.content());
      (nodes[index.get(e)!] as ['E', number, number])[2] = content;
    }
    const entry: Entry = {
      engine: engine(),
      files: files.map((path) => {
        const s = statSync(path);
        return { path, size: s.size, mtimeMs: s.mtimeMs };
      }),
      datatypes,
      nameClasses,
      nodes,
      start: startIndex,
      ids,
    };
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const target = entryPath(dir, url, options);
    const temp = `${target}.${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 8)}.tmp`;
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, target);
    pruneCache(dir, engine(), target);
  } catch {
    // An unwritable cache only costs the next run a compile.
  }
}

/** The local path of a file: URL, or undefined for other URLs (such schemas are not cached). */
export function localPath(url: string): string | undefined {
  return url.startsWith('file:') ? fileURLToPath(url) : undefined;
}
