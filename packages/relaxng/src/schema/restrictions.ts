/**
 * Section 7 of the RELAX NG specification: the restrictions on the simplified schema, checked over every
 * element reachable from the start (their content is built here, so a bad schema fails at compile time):
 * where attribute, list, data/except, start may contain what (7.1), string sequences (7.2), duplicate
 * attributes and unrepeated open attribute name classes (7.3), overlapping interleave operands (7.4).
 */
import { SchemaErrorCodes, type Location } from '../errors.js';
import { contains, type NameClass, type Pattern } from '../patterns.js';
import type { ReportError } from './read.js';

const enum Ctx {
  Start,
  Element,
  ElementRepeat,
  ElementRepeatGroup,
  ElementRepeatInterleave,
  Attribute,
  List,
  DataExcept,
}

const enum Ct {
  Empty = 0,
  Element = 1,
  Mixed = 2,
  Data = 3,
}

const CONTEXT_WORDS: Record<number, string> = {
  [Ctx.Start]: 'start',
  [Ctx.Attribute]: 'attribute',
  [Ctx.List]: 'list',
  [Ctx.DataExcept]: 'except in data',
};

/** Checks every restriction; reports each violation found (one per pattern and context). */
export function checkRestrictions(start: Pattern, report: ReportError, fallback: Location): number {
  let errors = 0;
  const seen = new Set<string>();
  const elements: Pattern[] = [];
  const queued = new Set<Pattern>();
  const fail = (p: Pattern, message: string, rule: string): void => {
    errors++;
    report({ code: SchemaErrorCodes.restriction, message, rule, ...(p.loc ?? fallback) });
  };
  const contentTypes = new Map<Pattern, Ct>();
  const contentType = (p: Pattern): Ct => {
    const known = contentTypes.get(p);
    if (known !== undefined) return known;
    let ct: Ct;
    switch (p.kind) {
      case 'element':
        ct = Ct.Element;
        break;
      case 'text':
        ct = Ct.Mixed;
        break;
      case 'data':
      case 'value':
      case 'list':
        ct = Ct.Data;
        break;
      case 'choice':
      case 'group':
      case 'interleave':
        ct = Math.max(contentType(p.a), contentType(p.b));
        break;
      case 'oneOrMore':
        ct = contentType(p.p);
        break;
      default:
        ct = Ct.Empty;
    }
    contentTypes.set(p, ct);
    return ct;
  };
  const groupable = (a: Ct, b: Ct): boolean => a === Ct.Empty || b === Ct.Empty || (a !== Ct.Data && b !== Ct.Data);

  const attributeClasses = new Map<Pattern, NameClass[]>();
  /** Name classes of the attributes `p` may hold (not inside elements). */
  const attributesOf = (p: Pattern): NameClass[] => {
    const known = attributeClasses.get(p);
    if (known) return known;
    let r: NameClass[];
    switch (p.kind) {
      case 'attribute':
        r = [p.nc];
        break;
      case 'choice':
      case 'group':
      case 'interleave':
        r = [...attributesOf(p.a), ...attributesOf(p.b)];
        break;
      case 'oneOrMore':
        r = attributesOf(p.p);
        break;
      default:
        r = [];
    }
    attributeClasses.set(p, r);
    return r;
  };
  const elementClasses = new Map<Pattern, NameClass[]>();
  const elementsOf = (p: Pattern): NameClass[] => {
    const known = elementClasses.get(p);
    if (known) return known;
    let r: NameClass[];
    switch (p.kind) {
      case 'element':
        r = [p.nc];
        break;
      case 'choice':
      case 'group':
      case 'interleave':
        r = [...elementsOf(p.a), ...elementsOf(p.b)];
        break;
      case 'oneOrMore':
        r = elementsOf(p.p);
        break;
      default:
        r = [];
    }
    elementClasses.set(p, r);
    return r;
  };
  const texts = new Map<Pattern, boolean>();
  const hasText = (p: Pattern): boolean => {
    const known = texts.get(p);
    if (known !== undefined) return known;
    let r: boolean;
    switch (p.kind) {
      case 'text':
        r = true;
        break;
      case 'choice':
      case 'group':
      case 'interleave':
        r = hasText(p.a) || hasText(p.b);
        break;
      case 'oneOrMore':
        r = hasText(p.p);
        break;
      default:
        r = false;
    }
    texts.set(p, r);
    return r;
  };

  const noneOverlap = (a: NameClass[], b: NameClass[]): NameClass | undefined => {
    if (a.length === 0 || b.length === 0) return undefined;
    // Plain names (the usual case) by set look-up; open classes pairwise.
    const names = new Set<string>();
    const openA: NameClass[] = [];
    for (const nc of a) if (!collectNames(nc, names)) openA.push(nc);
    for (const nc of b) {
      const bNames = new Set<string>();
      if (collectNames(nc, bNames)) {
        for (const n of bNames) if (names.has(n)) return nc;
        for (const o of openA) if (overlaps(o, nc)) return nc;
      } else {
        for (const o of a) if (overlaps(o, nc)) return nc;
      }
    }
    return undefined;
  };

  const visit = (p: Pattern, ctx: Ctx): void => {
    const key = `${p.id}:${ctx}`;
    if (seen.has(key)) return;
    seen.add(key);
    const inside = (what: string, rule: string): void => fail(p, `"${CONTEXT_WORDS[ctx]}" contains "${what}"`, rule);
    switch (p.kind) {
      case 'element':
        if (ctx === Ctx.Attribute) inside('element', '7.1.1');
        else if (ctx === Ctx.List) inside('element', '7.1.3');
        else if (ctx === Ctx.DataExcept) inside('element', '7.1.4');
        else if (!queued.has(p)) {
          queued.add(p);
          elements.push(p);
        }
        return;
      case 'attribute':
        if (ctx === Ctx.Start) inside('attribute', '7.1.5');
        else if (ctx === Ctx.Attribute) inside('attribute', '7.1.1');
        else if (ctx === Ctx.List) inside('attribute', '7.1.3');
        else if (ctx === Ctx.DataExcept) inside('attribute', '7.1.4');
        else if (ctx === Ctx.ElementRepeatGroup) fail(p, '"oneOrMore" contains "group" contains "attribute"', '7.1.2');
        else if (ctx === Ctx.ElementRepeatInterleave) fail(p, '"oneOrMore" contains "interleave" contains "attribute"', '7.1.2');
        else {
          if (ctx !== Ctx.ElementRepeat && isOpen(p.nc)) fail(p, 'an attribute using "anyName" or "nsName" must be inside "oneOrMore"', '7.3');
          visit(p.p, Ctx.Attribute);
        }
        return;
      case 'group':
      case 'interleave': {
        const word = p.kind;
        if (ctx === Ctx.Start) return inside(word, '7.1.5');
        if (ctx === Ctx.DataExcept) return inside(word, '7.1.4');
        if (word === 'interleave' && ctx === Ctx.List) return inside(word, '7.1.3');
        const inner = ctx === Ctx.ElementRepeat ? (word === 'group' ? Ctx.ElementRepeatGroup : Ctx.ElementRepeatInterleave) : ctx;
        visit(p.a, inner);
        visit(p.b, inner);
        if (ctx !== Ctx.List && !groupable(contentType(p.a), contentType(p.b))) {
          fail(p, `${word} of "string" or "data" element with other content`, '7.2');
        }
        const dup = noneOverlap(attributesOf(p.a), attributesOf(p.b));
        if (dup) fail(p, `duplicate attribute ${describe(dup)}`, '7.3');
        if (word === 'interleave') {
          const both = noneOverlap(elementsOf(p.a), elementsOf(p.b));
          if (both) fail(p, `the element ${describe(both)} can occur in more than one operand of "interleave"`, '7.4');
          if (hasText(p.a) && hasText(p.b)) fail(p, 'both operands of "interleave" contain "text"', '7.4');
        }
        return;
      }
      case 'choice':
        visit(p.a, ctx);
        visit(p.b, ctx);
        return;
      case 'oneOrMore':
        if (ctx === Ctx.Start) return inside('oneOrMore', '7.1.5');
        if (ctx === Ctx.DataExcept) return inside('oneOrMore', '7.1.4');
        visit(p.p, ctx === Ctx.Element ? Ctx.ElementRepeat : ctx);
        if (ctx !== Ctx.List && !groupable(contentType(p.p), contentType(p.p))) fail(p, 'repeat of "string" or "data" element', '7.2');
        return;
      case 'list':
        if (ctx === Ctx.Start) return inside('list', '7.1.5');
        if (ctx === Ctx.List) return inside('list', '7.1.3');
        if (ctx === Ctx.DataExcept) return inside('list', '7.1.4');
        visit(p.p, Ctx.List);
        return;
      case 'data':
        if (ctx === Ctx.Start) return inside('data', '7.1.5');
        if (p.except) visit(p.except, Ctx.DataExcept);
        return;
      case 'value':
        if (ctx === Ctx.Start) inside('value', '7.1.5');
        return;
      case 'text':
        if (ctx === Ctx.Start) inside('text', '7.1.5');
        else if (ctx === Ctx.List) inside('text', '7.1.3');
        else if (ctx === Ctx.DataExcept) inside('text', '7.1.4');
        return;
      case 'empty':
        if (ctx === Ctx.Start) inside('empty', '7.1.5');
        else if (ctx === Ctx.DataExcept) inside('empty', '7.1.4');
        return;
      default:
        return;
    }
  };

  visit(start, Ctx.Start);
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (e.kind !== 'element') continue;
    visit(e.content(), Ctx.Element);
  }
  return errors;
}

/** Every element pattern reachable from `start` (their content built), in the order first reached. */
export function reachableElements(start: Pattern): Pattern[] {
  const out: Pattern[] = [];
  const seen = new Set<Pattern>();
  const stack: Pattern[] = [start];
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    switch (p.kind) {
      case 'element':
        out.push(p);
        stack.push(p.content());
        break;
      case 'choice':
      case 'group':
      case 'interleave':
      case 'after':
        stack.push(p.a, p.b);
        break;
      case 'oneOrMore':
      case 'list':
      case 'attribute':
        stack.push(p.p);
        break;
      case 'data':
        if (p.except) stack.push(p.except);
        break;
      default:
    }
  }
  return out;
}

function isOpen(nc: NameClass): boolean {
  switch (nc.kind) {
    case 'name':
      return false;
    case 'choice':
      return isOpen(nc.a) || isOpen(nc.b);
    default:
      return true;
  }
}

/** Adds the names of a class made of names and choices only; false when the class is open. */
function collectNames(nc: NameClass, out: Set<string>): boolean {
  switch (nc.kind) {
    case 'name':
      out.add(`{${nc.ns}}${nc.local}`);
      return true;
    case 'choice':
      return collectNames(nc.a, out) && collectNames(nc.b, out);
    default:
      return false;
  }
}

const ILLEGAL = '\u0000';

/** Whether two name classes share a name: tested on the names each mentions, plus one outside all. */
export function overlaps(a: NameClass, b: NameClass): boolean {
  const probes: [string, string][] = [];
  const add = (nc: NameClass): void => {
    switch (nc.kind) {
      case 'name':
        probes.push([nc.ns, nc.local]);
        break;
      case 'nsName':
        probes.push([nc.ns, ILLEGAL]);
        if (nc.except) add(nc.except);
        break;
      case 'anyName':
        probes.push([ILLEGAL, ILLEGAL]);
        if (nc.except) add(nc.except);
        break;
      case 'choice':
        add(nc.a);
        add(nc.b);
        break;
    }
  };
  add(a);
  add(b);
  return probes.some(([ns, local]) => contains(a, ns, local) && contains(b, ns, local));
}

function describe(nc: NameClass): string {
  switch (nc.kind) {
    case 'name':
      return nc.ns ? `"${nc.local}" from namespace "${nc.ns}"` : `"${nc.local}"`;
    case 'nsName':
      return `from namespace "${nc.ns}"`;
    case 'anyName':
      return 'of any name';
    case 'choice':
      return describe(nc.a);
  }
}
