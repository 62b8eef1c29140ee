/**
 * Simplification rules 4.18 to 4.21: grammars, `ref` and `parentRef` resolved scope by scope, definitions
 * combined, references to non-element definitions expanded (a loop that passes through no element is an
 * error), and the result built as hash-consed patterns, whose constructors apply 4.20 (notAllowed) and
 * 4.21 (empty). Element content is built on first use; `restrictions.ts` forces every reachable element.
 * Every `ref`, datatype and value of the whole schema is checked first, reachable or not.
 */
import { makeDatatype, DatatypeError, type Datatype } from '../datatypes/index.js';
import { SchemaErrorCodes, type Location } from '../errors.js';
import { Patterns, type NameClass, type Pattern } from '../patterns.js';
import type { DatatypeOrigin, ValueOrigin } from './cache.js';
import type { ReportError } from './read.js';
import type { Component, GrammarAst, NameClassAst, PatternAst } from './simplify.js';

interface Scope {
  grammar: GrammarAst;
  parent?: Scope;
  built: Map<string, Pattern>;
  building: Set<string>;
}

/** Where datatypes and values came from (for the schema cache). */
export interface BuildRecord {
  datatypes: WeakMap<Datatype, DatatypeOrigin>;
  values: WeakMap<Pattern, ValueOrigin>;
}

/** The start pattern of a simplified schema, in `patterns`. Errors are reported; returns undefined if any. */
export function buildPatterns(ast: PatternAst, patterns: Patterns, report: ReportError, record?: BuildRecord): Pattern | undefined {
  let errors = 0;
  const fail = (loc: Location, message: string, rule: string, code: string = SchemaErrorCodes.simplification): void => {
    errors++;
    report({ code, message, rule, ...loc });
  };

  // ---- checks over the whole tree: references and datatypes ---------------------------------------
  const datatypes = new Map<PatternAst, Datatype>();
  const values = new Map<PatternAst, unknown>();
  const check = (p: PatternAst, grammar: GrammarAst | undefined, parent: GrammarAst | undefined): void => {
    switch (p.kind) {
      case 'ref':
        if (!grammar) fail(p.loc, `reference to "${p.name}" outside any grammar`, '4.18');
        else if (!grammar.defines.has(p.name)) fail(p.loc, `reference to undefined pattern "${p.name}"`, '4.18');
        return;
      case 'parentRef':
        if (!parent) fail(p.loc, `parentRef to "${p.name}" without a parent grammar`, '4.18');
        else if (!parent.defines.has(p.name)) fail(p.loc, `parentRef to "${p.name}", which the parent grammar does not define`, '4.18');
        return;
      case 'grammar': {
        const g = p.grammar;
        if (g.starts.length === 0) fail(g.loc, 'grammar has no start', '4.18');
        for (const s of g.starts) check(s.p, g, grammar);
        for (const list of g.defines.values()) for (const d of list) check(d.p, g, grammar);
        return;
      }
      case 'element':
      case 'attribute':
      case 'oneOrMore':
      case 'list':
        check(p.p, grammar, parent);
        return;
      case 'group':
      case 'interleave':
      case 'choice':
        check(p.a, grammar, parent);
        check(p.b, grammar, parent);
        return;
      case 'data':
        try {
          const dt = makeDatatype(p.library, p.type, p.params);
          datatypes.set(p, dt);
          record?.datatypes.set(dt, { library: p.library, type: p.type, params: p.params.map(({ name, value }) => ({ name, value })) });
        } catch (e) {
          if (!(e instanceof DatatypeError)) throw e;
          fail(p.loc, e.message, '6.2.8', SchemaErrorCodes.datatype);
        }
        if (p.except) check(p.except, grammar, parent);
        return;
      case 'value':
        try {
          const dt = makeDatatype(p.library, p.type, []);
          datatypes.set(p, dt);
          record?.datatypes.set(dt, { library: p.library, type: p.type, params: [] });
          const context = {
            resolvePrefix: (prefix: string) => (prefix === '' ? p.ns : p.prefixes[prefix]),
            isUnparsedEntity: () => true,
          };
          const v = dt.parse(p.value, context);
          if (v === undefined) fail(p.loc, `"${p.value}" is not a valid value of the datatype ${p.type}`, '6.2.9', SchemaErrorCodes.datatype);
          else values.set(p, v);
        } catch (e) {
          if (!(e instanceof DatatypeError)) throw e;
          fail(p.loc, e.message, '6.2.9', SchemaErrorCodes.datatype);
        }
        return;
      default:
        return;
    }
  };
  const top: PatternAst = ast.kind === 'grammar' ? ast : { kind: 'grammar', grammar: { starts: [{ p: ast, loc: ast.loc }], defines: new Map(), loc: ast.loc }, loc: ast.loc };
  check(top, undefined, undefined);
  if (errors > 0) return undefined;

  // ---- building -------------------------------------------------------------------------------------
  const nameClass = (nc: NameClassAst): NameClass => {
    switch (nc.kind) {
      case 'name':
        return { kind: 'name', ns: nc.ns, local: nc.local };
      case 'anyName':
        return { kind: 'anyName', except: nc.except && nameClass(nc.except) };
      case 'nsName':
        return { kind: 'nsName', ns: nc.ns, except: nc.except && nameClass(nc.except) };
      case 'choice':
        return { kind: 'choice', a: nameClass(nc.a), b: nameClass(nc.b) };
    }
  };

  const combine = (list: Component[], scope: Scope): Pattern => {
    const how = list.find((c) => c.combine)?.combine ?? 'choice';
    const parts = list.map((c) => build(c.p, scope));
    return parts.reduce((a, b) => (how === 'interleave' ? patterns.interleave(a, b) : patterns.choice(a, b)));
  };

  const define = (name: string, scope: Scope, loc: Location): Pattern => {
    const done = scope.built.get(name);
    if (done) return done;
    if (scope.building.has(name)) {
      fail(loc, `bad recursive reference to pattern "${name}": a loop of references must pass through an element`, '4.19');
      return patterns.notAllowed;
    }
    scope.building.add(name);
    const p = combine(scope.grammar.defines.get(name)!, scope);
    scope.building.delete(name);
    scope.built.set(name, p);
    return p;
  };

  const located = (p: Pattern, loc: Location): Pattern => {
    p.loc ??= loc;
    return p;
  };

  const build = (p: PatternAst, scope: Scope | undefined): Pattern => {
    switch (p.kind) {
      case 'empty':
        return patterns.empty;
      case 'text':
        return patterns.text;
      case 'notAllowed':
        return patterns.notAllowed;
      case 'ref':
        return define(p.name, scope!, p.loc);
      case 'parentRef':
        return define(p.name, scope!.parent!, p.loc);
      case 'grammar': {
        const inner: Scope = { grammar: p.grammar, parent: scope, built: new Map(), building: new Set() };
        return combine(p.grammar.starts, inner);
      }
      case 'element': {
        const content = p.p;
        return located(patterns.element(p, nameClass(p.nc), () => build(content, scope)), p.loc);
      }
      case 'attribute':
        return located(patterns.attribute(nameClass(p.nc), build(p.p, scope)), p.loc);
      case 'group':
        return located(patterns.group(build(p.a, scope), build(p.b, scope)), p.loc);
      case 'interleave':
        return located(patterns.interleave(build(p.a, scope), build(p.b, scope)), p.loc);
      case 'choice':
        return located(patterns.choice(build(p.a, scope), build(p.b, scope)), p.loc);
      case 'oneOrMore':
        return located(patterns.oneOrMore(build(p.p, scope)), p.loc);
      case 'list':
        return located(patterns.list(build(p.p, scope)), p.loc);
      case 'data':
        return located(patterns.data(datatypes.get(p)!, p.except && build(p.except, scope)), p.loc);
      case 'value': {
        const v = located(patterns.value(datatypes.get(p)!, values.get(p), p.value), p.loc);
        record?.values.set(v, { ns: p.ns, prefixes: p.prefixes });
        return v;
      }
    }
  };

  const start = build(top, undefined);
  return errors > 0 ? undefined : start;
}
