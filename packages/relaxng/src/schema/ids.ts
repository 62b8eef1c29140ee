/**
 * RELAX NG DTD Compatibility, ID/IDREF/IDREFS (section 3 of that specification), as jing applies it by
 * default: the schema is checked for attributes whose datatype has an ID type (a plain name on an element of
 * plain names, the datatype the attribute's whole content, one ID type per element and attribute name), and
 * the result is a map the validator uses to check ID uniqueness and IDREF targets in each document.
 */
import type { IdType } from '../datatypes/index.js';
import { SchemaErrorCodes, type Location } from '../errors.js';
import { contains, type NameClass, type Pattern } from '../patterns.js';
import type { ReportError } from './read.js';

/** ID types by element and attribute name. */
export interface IdTypeMap {
  /** The ID type of attribute {attNs}attLocal on element {elNs}elLocal, if any. */
  get(elNs: string, elLocal: string, attNs: string, attLocal: string): IdType | undefined;
  /** Whether any attribute has an ID type (else documents need no ID checks). */
  readonly any: boolean;
  /** The map as data (key: element and attribute names joined by NUL), for the schema cache. */
  entries(): [string, IdType][];
}

/** An ID-type map from its entries (as {@link IdTypeMap.entries} gives them). */
export function idTypeMapOf(entries: readonly [string, IdType][]): IdTypeMap {
  const map = new Map(entries);
  const any = map.size > 0;
  const lookup = nested(map);
  return { any, get: (en, el, an, al) => (any ? lookup(en, el, an, al) : undefined), entries: () => [...map] };
}

/**
 * A look-up by the four names without building a key string per attribute (the validator asks for each one):
 * attribute names first, since most attributes of a document have no ID type and leave at the first or
 * second map.
 */
function nested(map: ReadonlyMap<string, IdType>): (en: string, el: string, an: string, al: string) => IdType | undefined {
  const byAttribute = new Map<string, Map<string, Map<string, Map<string, IdType>>>>();
  for (const [k, type] of map) {
    const [en, el, an, al] = k.split('\u0000') as [string, string, string, string];
    let byLocal = byAttribute.get(an);
    if (!byLocal) byAttribute.set(an, (byLocal = new Map()));
    let byElementNs = byLocal.get(al);
    if (!byElementNs) byLocal.set(al, (byElementNs = new Map()));
    let byElement = byElementNs.get(en);
    if (!byElement) byElementNs.set(en, (byElement = new Map()));
    byElement.set(el, type);
  }
  return (en, el, an, al) => byAttribute.get(an)?.get(al)?.get(en)?.get(el);
}

const key = (elNs: string, elLocal: string, attNs: string, attLocal: string): string => `${elNs}\u0000${elLocal}\u0000${attNs}\u0000${attLocal}`;

function names(nc: NameClass, out: { ns: string; local: string }[]): boolean {
  switch (nc.kind) {
    case 'name':
      out.push({ ns: nc.ns, local: nc.local });
      return true;
    case 'choice':
      return names(nc.a, out) && names(nc.b, out);
    default:
      return false;
  }
}

/** Checks the ID rules over the reachable elements; reports violations. */
export function buildIdTypeMap(elements: readonly Pattern[], report: ReportError, fallback: Location): IdTypeMap {
  const map = new Map<string, IdType>();
  const plain: { element: NameClass; attribute: NameClass; at: Pattern }[] = [];
  const fail = (p: Pattern, message: string): void => report({ code: SchemaErrorCodes.idType, message, rule: 'DTD compatibility 3', ...(p.loc ?? fallback) });
  const idTypeOf = (p: Pattern): IdType | undefined => (p.kind === 'data' || p.kind === 'value' ? p.dt.idType : undefined);
  /** A data/value with an ID type anywhere below `p` (not as the whole content of an attribute). */
  const strayId = (p: Pattern, seen: Set<Pattern>): Pattern | undefined => {
    if (seen.has(p)) return undefined;
    seen.add(p);
    switch (p.kind) {
      case 'data':
        return p.dt.idType ? p : p.except && strayId(p.except, seen);
      case 'value':
        return p.dt.idType ? p : undefined;
      case 'choice':
      case 'group':
      case 'interleave':
        return strayId(p.a, seen) ?? strayId(p.b, seen);
      case 'oneOrMore':
      case 'list':
        return strayId(p.p, seen);
      case 'attribute': {
        if (idTypeOf(p.p)) return undefined;
        return strayId(p.p, seen);
      }
      default:
        return undefined;
    }
  };
  let anyId = false;
  const attributeLists = new Map<Pattern, Pattern[]>();
  const strayChecked = new Set<Pattern>();
  for (const e of elements) {
    if (e.kind !== 'element') continue;
    const content = e.content();
    const stray = strayChecked.has(content) ? undefined : strayId(content, strayChecked);
    if (stray) fail(stray, `a "data" or "value" pattern of type ${stray.kind === 'data' || stray.kind === 'value' ? stray.dt.name : ''} (an ID type) must be the whole content of an "attribute" pattern`);
    let attributes = attributeLists.get(content);
    const known = attributes !== undefined;
    attributes ??= [];
    const walk = (p: Pattern, seen: Set<Pattern>): void => {
      if (seen.has(p)) return;
      seen.add(p);
      switch (p.kind) {
        case 'attribute':
          attributes!.push(p);
          break;
        case 'choice':
        case 'group':
        case 'interleave':
          walk(p.a, seen);
          walk(p.b, seen);
          break;
        case 'oneOrMore':
          walk(p.p, seen);
          break;
        default:
      }
    };
    if (!known) {
      walk(content, new Set());
      attributeLists.set(content, attributes);
    }
    for (const a of attributes) {
      if (a.kind !== 'attribute') continue;
      const type = idTypeOf(a.p);
      if (!type) {
        plain.push({ element: e.nc, attribute: a.nc, at: a });
        continue;
      }
      anyId = true;
      const elementNames: { ns: string; local: string }[] = [];
      const attributeNames: { ns: string; local: string }[] = [];
      if (!names(e.nc, elementNames)) {
        fail(a, 'an "element" pattern containing an attribute with an ID type must have a name class of names only');
        continue;
      }
      if (a.nc.kind !== 'name' || !names(a.nc, attributeNames)) {
        fail(a, 'an "attribute" pattern with an ID type must have a single name');
        continue;
      }
      const att = attributeNames[0]!;
      for (const el of elementNames) {
        const k = key(el.ns, el.local, att.ns, att.local);
        const before = map.get(k);
        if (before !== undefined && before !== type) fail(a, `conflicting ID types for attribute "${att.local}" of element "${el.local}"`);
        else map.set(k, type);
      }
    }
  }
  if (anyId) {
    // An attribute without an ID type that can have the name of one that has one, on an element of that name.
    // Typed pairs are indexed by attribute name, so plain attributes with plain names cost a look-up.
    const typedByAttribute = new Map<string, { ns: string; local: string }[]>();
    const typedAll: [string, string, string, string][] = [];
    for (const k of map.keys()) {
      const [en, el, an, al] = k.split('\u0000') as [string, string, string, string];
      typedAll.push([en, el, an, al]);
      const list = typedByAttribute.get(`${an}\u0000${al}`) ?? [];
      list.push({ ns: en, local: el });
      typedByAttribute.set(`${an}\u0000${al}`, list);
    }
    const checked = new Set<string>();
    for (const p of plain) {
      const attributeNames: { ns: string; local: string }[] = [];
      if (names(p.attribute, attributeNames)) {
        for (const a of attributeNames) {
          const on = typedByAttribute.get(`${a.ns}\u0000${a.local}`);
          const hit = on?.find((el) => contains(p.element, el.ns, el.local));
          if (hit) {
            const k = `${hit.ns}\u0000${hit.local}\u0000${a.ns}\u0000${a.local}`;
            if (!checked.has(k)) fail(p.at, `conflicting ID types for attribute "${a.local}" of element "${hit.local}"`);
            checked.add(k);
            break;
          }
        }
        continue;
      }
      for (const [en, el, an, al] of typedAll) {
        if (contains(p.element, en, el) && contains(p.attribute, an, al)) {
          fail(p.at, `conflicting ID types for attribute "${al}" of element "${el}"`);
          break;
        }
      }
    }
  }
  return idTypeMapOf(anyId ? [...map] : []);
}
