/**
 * RELAX NG patterns and their derivatives (James Clark, "An algorithm for RELAX NG validation", the method
 * jing uses). Patterns are hash-consed, so equal patterns are one object and derivatives can be memoised
 * on them: after the first documents, validating an element is mostly map look-ups. Element content is
 * built lazily, on the first start tag that needs it, so a schema as large as tei_all "compiles" at once.
 */
import type { Datatype, Value, ValueContext } from './datatypes/index.js';
import type { Location } from './errors.js';

/** A name class: which (namespace, local name) pairs an element or attribute pattern accepts. */
export type NameClass =
  | { kind: 'name'; ns: string; local: string }
  | { kind: 'anyName'; except?: NameClass }
  | { kind: 'nsName'; ns: string; except?: NameClass }
  | { kind: 'choice'; a: NameClass; b: NameClass };

export function contains(nc: NameClass, ns: string, local: string): boolean {
  switch (nc.kind) {
    case 'name':
      return nc.ns === ns && nc.local === local;
    case 'anyName':
      return !nc.except || !contains(nc.except, ns, local);
    case 'nsName':
      return nc.ns === ns && (!nc.except || !contains(nc.except, ns, local));
    case 'choice':
      return contains(nc.a, ns, local) || contains(nc.b, ns, local);
  }
}

/** Names a name class lists explicitly, for "expected …" messages. */
export function listNames(nc: NameClass, out: Set<string>): void {
  if (nc.kind === 'name') out.add(nc.local);
  else if (nc.kind === 'choice') {
    listNames(nc.a, out);
    listNames(nc.b, out);
  } else if (nc.kind === 'anyName') out.add('any element');
  else out.add(`any element in ${nc.ns}`);
}

export type Pattern =
  | Leaf<'empty'>
  | Leaf<'notAllowed'>
  | Leaf<'text'>
  | Node2<'choice'>
  | Node2<'group'>
  | Node2<'interleave'>
  | Node2<'after'>
  | (Base & { kind: 'oneOrMore'; p: Pattern })
  | (Base & { kind: 'list'; p: Pattern })
  | (Base & { kind: 'data'; dt: Datatype; except?: Pattern })
  | (Base & { kind: 'value'; dt: Datatype; value: Value; raw: string })
  | (Base & { kind: 'attribute'; nc: NameClass; p: Pattern })
  | (Base & { kind: 'element'; nc: NameClass; content: () => Pattern });

interface Base {
  readonly id: number;
  /** Where the schema first wrote this pattern (for schema errors). */
  loc?: Location;
  readonly nullable: boolean;
  /** Memo: start-tag-open derivative by namespace, then local name (no key strings built per element). */
  open?: Map<string, Map<string, Pattern>>;
  close?: Pattern;
  closeForced?: Pattern;
  end?: Pattern;
  /** Memo: text derivative, for patterns whose text derivative does not depend on the text. */
  text?: Pattern;
  /** Memo: the weak match of whitespace or no text ({@link Patterns.weakText}), for the same patterns. */
  weak?: Pattern;
  /** Memo: attribute derivative by attribute key (see attrKey), then which attribute values matched. */
  attrs?: Map<string, Map<string, Pattern>>;
  sensitive?: boolean;
  /** Whether matching text depends on the namespace context (QName values): no memo by value then. */
  contextual?: boolean;
  /** Memo: attribute derivative by attribute key, then value (a few values per key). */
  attrsByValue?: Map<string, Map<string, Pattern>>;
  /** Memo: value patterns of the attributes this start tag can take, by attribute key. */
  attrValues?: Map<string, Pattern[]>;
  /** Attribute names (`{ns}local`) this pattern can accept in its current start tag; '*' for a wildcard. */
  attrNames?: ReadonlySet<string>;
}
type Leaf<K extends string> = Base & { kind: K };

/** What a pattern constructor gives {@link newPattern}: its kind, nullability and the fields of its kind. */
interface PatternFields {
  kind: Pattern['kind'];
  nullable: boolean;
  a?: Pattern;
  b?: Pattern;
  p?: Pattern;
  dt?: Datatype;
  except?: Pattern;
  value?: Value;
  raw?: string;
  nc?: NameClass;
  content?: () => Pattern;
}

/**
 * Every pattern with every field, in one order, the memos included (undefined until filled). Built from the
 * fields of its kind alone, patterns took a hidden class per kind and per order in which memos were filled,
 * so each memo read in the derivatives (`p.open`, `p.text`, `p.close`, `p.kind`) met dozens of shapes and V8
 * fell back to its slow generic property look-up; with one shape these reads are a fixed offset.
 */
function newPattern(f: PatternFields, id: number): Pattern {
  return {
    kind: f.kind,
    nullable: f.nullable,
    id,
    a: f.a,
    b: f.b,
    p: f.p,
    dt: f.dt,
    except: f.except,
    value: f.value,
    raw: f.raw,
    nc: f.nc,
    content: f.content,
    loc: undefined,
    open: undefined,
    close: undefined,
    closeForced: undefined,
    end: undefined,
    text: undefined,
    weak: undefined,
    attrs: undefined,
    sensitive: undefined,
    contextual: undefined,
    attrsByValue: undefined,
    attrValues: undefined,
    attrNames: undefined,
  } as unknown as Pattern;
}
type Node2<K extends string> = Base & { kind: K; a: Pattern; b: Pattern };

/**
 * The pattern factory of one schema: hash-consing table and the derivative functions. One per compiled
 * schema; patterns of different builders are never mixed.
 */
export class Patterns {
  private next = 0;
  private readonly table = new Map<string, Pattern>();
  private readonly objectIds = new WeakMap<object, number>();
  private objectCount = 0;

  readonly empty: Pattern = this.make('empty', { kind: 'empty', nullable: true });
  readonly notAllowed: Pattern = this.make('notAllowed', { kind: 'notAllowed', nullable: false });
  readonly text: Pattern = this.make('text', { kind: 'text', nullable: true });

  private make(key: string, fields: PatternFields): Pattern {
    let p = this.table.get(key);
    if (!p) {
      p = newPattern(fields, this.next++);
      this.table.set(key, p);
    }
    return p;
  }

  /** A stable number for an object (datatype, name class, element definition) inside hash keys. */
  private oid(o: object): number {
    let id = this.objectIds.get(o);
    if (id === undefined) this.objectIds.set(o, (id = this.objectCount++));
    return id;
  }

  choice(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed') return b;
    if (b.kind === 'notAllowed') return a;
    if (a === b) return a;
    // Canonical form: members flattened, deduplicated, sorted by id, nested to the right.
    const members = new Map<number, Pattern>();
    const add = (p: Pattern): void => {
      if (p.kind === 'choice') {
        add(p.a);
        add(p.b);
      } else members.set(p.id, p);
    };
    add(a);
    add(b);
    const sorted = [...members.values()].sort((x, y) => x.id - y.id);
    let out = sorted[sorted.length - 1]!;
    for (let i = sorted.length - 2; i >= 0; i--) {
      const x = sorted[i]!;
      out = this.make(`|${x.id},${out.id}`, { kind: 'choice', a: x, b: out, nullable: x.nullable || out.nullable });
    }
    return out;
  }

  /**
   * A choice exactly as given (no flattening or ordering): for rebuilding a graph that was canonical when
   * saved. Derivatives work on it alike; only memo sharing with later-built choices may differ.
   */
  restoredChoice(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed') return b;
    if (b.kind === 'notAllowed') return a;
    if (a === b) return a;
    return this.make(`|${a.id},${b.id}`, { kind: 'choice', a, b, nullable: a.nullable || b.nullable });
  }

  group(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return this.notAllowed;
    if (a.kind === 'empty') return b;
    if (b.kind === 'empty') return a;
    return this.make(`,${a.id},${b.id}`, { kind: 'group', a, b, nullable: a.nullable && b.nullable });
  }

  interleave(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return this.notAllowed;
    if (a.kind === 'empty') return b;
    if (b.kind === 'empty') return a;
    return this.make(`&${a.id},${b.id}`, { kind: 'interleave', a, b, nullable: a.nullable && b.nullable });
  }

  after(a: Pattern, b: Pattern): Pattern {
    if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return this.notAllowed;
    return this.make(`>${a.id},${b.id}`, { kind: 'after', a, b, nullable: false });
  }

  oneOrMore(p: Pattern): Pattern {
    if (p.kind === 'notAllowed' || p.kind === 'empty') return p;
    return this.make(`+${p.id}`, { kind: 'oneOrMore', p, nullable: p.nullable });
  }

  list(p: Pattern): Pattern {
    if (p.kind === 'notAllowed') return p;
    return this.make(`L${p.id}`, { kind: 'list', p, nullable: false });
  }

  data(dt: Datatype, except?: Pattern): Pattern {
    if (except?.kind === 'notAllowed') except = undefined;
    return this.make(`D${this.oid(dt)},${except?.id ?? ''}`, { kind: 'data', dt, except, nullable: false });
  }

  /** A value pattern: `value` is already in the datatype's value space; `raw` is what the schema wrote. */
  value(dt: Datatype, value: Value, raw: string): Pattern {
    return this.make(`V${this.oid(dt)},${JSON.stringify(dt.valueKey(value))}`, { kind: 'value', dt, value, raw, nullable: false });
  }

  attribute(nc: NameClass, p: Pattern): Pattern {
    if (p.kind === 'notAllowed') return p;
    return this.make(`@${this.oid(nc)},${p.id}`, { kind: 'attribute', nc, p, nullable: false });
  }

  /** An element pattern; `key` identifies its definition (one per `<element>` of the schema). */
  element(key: object, nc: NameClass, content: () => Pattern): Pattern {
    let built: Pattern | undefined;
    return this.make(`E${this.oid(key)}`, { kind: 'element', nc, content: () => (built ??= content()), nullable: false });
  }

  // ---- derivatives -------------------------------------------------------------------------------

  private applyAfter(p: Pattern, f: (x: Pattern) => Pattern): Pattern {
    switch (p.kind) {
      case 'after':
        return this.after(p.a, f(p.b));
      case 'choice':
        return this.choice(this.applyAfter(p.a, f), this.applyAfter(p.b, f));
      default:
        return this.notAllowed;
    }
  }

  startTagOpen(p: Pattern, ns: string, local: string): Pattern {
    let byLocal = p.open?.get(ns);
    const memo = byLocal?.get(local);
    if (memo) return memo;
    let r: Pattern;
    switch (p.kind) {
      case 'choice':
        r = this.choice(this.startTagOpen(p.a, ns, local), this.startTagOpen(p.b, ns, local));
        break;
      case 'element':
        r = contains(p.nc, ns, local) ? this.after(p.content(), this.empty) : this.notAllowed;
        break;
      case 'interleave': {
        const { a, b } = p;
        r = this.choice(
          this.applyAfter(this.startTagOpen(a, ns, local), (x) => this.interleave(x, b)),
          this.applyAfter(this.startTagOpen(b, ns, local), (x) => this.interleave(a, x)),
        );
        break;
      }
      case 'oneOrMore': {
        const rest = this.choice(p, this.empty);
        r = this.applyAfter(this.startTagOpen(p.p, ns, local), (x) => this.group(x, rest));
        break;
      }
      case 'group': {
        const { b } = p;
        const x = this.applyAfter(this.startTagOpen(p.a, ns, local), (y) => this.group(y, b));
        r = p.a.nullable ? this.choice(x, this.startTagOpen(b, ns, local)) : x;
        break;
      }
      case 'after': {
        const { b } = p;
        r = this.applyAfter(this.startTagOpen(p.a, ns, local), (x) => this.after(x, b));
        break;
      }
      default:
        r = this.notAllowed;
    }
    if (!byLocal) (p.open ??= new Map()).set(ns, (byLocal = new Map()));
    byLocal.set(local, r);
    return r;
  }

  private static readonly NO_NAMES: ReadonlySet<string> = new Set();

  /** The attribute names `p` can take at this point: lets attribute derivatives skip whole branches. */
  private attributeNames(p: Pattern): ReadonlySet<string> {
    if (p.attrNames) return p.attrNames;
    let r: ReadonlySet<string>;
    switch (p.kind) {
      case 'attribute': {
        const names = new Set<string>();
        const add = (nc: NameClass): void => {
          if (nc.kind === 'name') names.add(attrKey(nc.ns, nc.local));
          else if (nc.kind === 'choice') {
            add(nc.a);
            add(nc.b);
          } else names.add('*');
        };
        add(p.nc);
        r = names;
        break;
      }
      case 'after':
        r = this.attributeNames(p.a);
        break;
      case 'choice':
      case 'group':
      case 'interleave': {
        const a = this.attributeNames(p.a);
        const b = this.attributeNames(p.b);
        r = a.size === 0 ? b : b.size === 0 ? a : new Set([...a, ...b]);
        break;
      }
      case 'oneOrMore':
        r = this.attributeNames(p.p);
        break;
      default:
        r = Patterns.NO_NAMES;
    }
    p.attrNames = r;
    return r;
  }

  /**
   * The attribute derivative. It depends on the value only through which attribute patterns' values match it,
   * so it is memoised by attribute name and that outcome (`10`: the first matches, the second not), not by the
   * value itself: unique values (xml:id, @n, dates) share one entry, and QName values, whose match depends on
   * the namespace context, are memoised as safely as any other.
   */
  attribute_(p: Pattern, ns: string, local: string, value: string, ctx?: ValueContext, known?: Map<Pattern, boolean>): Pattern {
    const key = attrKey(ns, local);
    const names = this.attributeNames(p);
    if (!names.has(key) && !names.has('*')) return this.notAllowed;
    // Repeated values (type="letter") are found by value first; QName values depend on the context: never.
    const byValue = this.contextual(p) ? undefined : p.attrsByValue?.get(key);
    const seen = byValue?.get(value);
    if (seen) return seen;
    const leaves = this.attributeValues(p, ns, local, key);
    let outcome = '';
    for (const leaf of leaves) {
      let m = known?.get(leaf);
      if (m === undefined) {
        m = this.valueMatch(leaf, value, ctx);
        known?.set(leaf, m);
      }
      outcome += m ? '1' : '0';
    }
    let byOutcome = p.attrs?.get(key);
    const memo = byOutcome?.get(outcome);
    if (memo) {
      this.rememberValue(p, key, value, memo);
      return memo;
    }
    // A miss: the derivative is built below, and the parts below ask again; answers are shared from here on.
    const matches = known ?? new Map(leaves.map((leaf, i) => [leaf, outcome[i] === '1']));
    let r: Pattern;
    switch (p.kind) {
      case 'after':
        r = this.after(this.attribute_(p.a, ns, local, value, ctx, matches), p.b);
        break;
      case 'choice':
        r = this.choice(this.attribute_(p.a, ns, local, value, ctx, matches), this.attribute_(p.b, ns, local, value, ctx, matches));
        break;
      case 'group':
        r = this.choice(
          this.group(this.attribute_(p.a, ns, local, value, ctx, matches), p.b),
          this.group(p.a, this.attribute_(p.b, ns, local, value, ctx, matches)),
        );
        break;
      case 'interleave':
        r = this.choice(
          this.interleave(this.attribute_(p.a, ns, local, value, ctx, matches), p.b),
          this.interleave(p.a, this.attribute_(p.b, ns, local, value, ctx, matches)),
        );
        break;
      case 'oneOrMore':
        r = this.group(this.attribute_(p.p, ns, local, value, ctx, matches), this.choice(p, this.empty));
        break;
      case 'attribute':
        r = contains(p.nc, ns, local) && matches.get(p.p) ? this.empty : this.notAllowed;
        break;
      default:
        r = this.notAllowed;
    }
    if (!byOutcome) (p.attrs ??= new Map()).set(key, (byOutcome = new Map()));
    byOutcome.set(outcome, r);
    this.rememberValue(p, key, value, r);
    return r;
  }

  private rememberValue(p: Pattern, key: string, value: string, r: Pattern): void {
    if (this.contextual(p)) return;
    let byValue = p.attrsByValue?.get(key);
    if (!byValue) (p.attrsByValue ??= new Map()).set(key, (byValue = new Map()));
    // Unique values (xml:id) would grow this without bound; the memo by outcome serves them.
    if (byValue.size < 64) byValue.set(value, r);
  }

  /** The value patterns of the attribute patterns in `p`'s start tag that accept this name (memoised). */
  private attributeValues(p: Pattern, ns: string, local: string, key: string): Pattern[] {
    let byKey = p.attrValues;
    const known = byKey?.get(key);
    if (known) return known;
    const out: Pattern[] = [];
    const seen = new Set<number>();
    const walk = (q: Pattern): void => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.kind) {
        case 'after':
          walk(q.a);
          break;
        case 'choice':
        case 'group':
        case 'interleave':
          walk(q.a);
          walk(q.b);
          break;
        case 'oneOrMore':
          walk(q.p);
          break;
        case 'attribute':
          if (contains(q.nc, ns, local) && !out.includes(q.p)) out.push(q.p);
          break;
        default:
      }
    };
    walk(p);
    if (!byKey) p.attrValues = byKey = new Map();
    byKey.set(key, out);
    return out;
  }

  /**
   * Whether `value` matches `p`. Of a choice, the first branch that matches decides (a date need not be parsed as
   * a dateTime, gYear… as well): the derivative of a choice is the choice of its branches' derivatives, and a
   * choice is nullable when a branch is, so this is what the derivative of the whole would say.
   */
  valueMatch(p: Pattern, value: string, ctx?: ValueContext): boolean {
    if (p.kind === 'choice') return this.valueMatch(p.a, value, ctx) || this.valueMatch(p.b, value, ctx);
    return (p.nullable && isWhitespace(value)) || this.textDeriv(p, value, ctx).nullable;
  }

  /** Whether the text derivative of `p` depends on the namespace context (QName, ENTITY values). */
  contextual(p: Pattern): boolean {
    if (p.contextual !== undefined) return p.contextual;
    let r: boolean;
    switch (p.kind) {
      case 'data':
        r = p.dt.contextDependent || (p.except !== undefined && this.contextual(p.except));
        break;
      case 'value':
        r = p.dt.contextDependent;
        break;
      case 'choice':
      case 'group':
      case 'interleave':
      case 'after':
        r = this.contextual(p.a) || this.contextual(p.b);
        break;
      case 'oneOrMore':
      case 'list':
      case 'attribute':
        r = this.contextual(p.p);
        break;
      default:
        r = false;
    }
    p.contextual = r;
    return r;
  }

  startTagClose(p: Pattern, forced = false): Pattern {
    const memo = forced ? p.closeForced : p.close;
    if (memo) return memo;
    let r: Pattern;
    switch (p.kind) {
      case 'after':
        r = this.after(this.startTagClose(p.a, forced), p.b);
        break;
      case 'choice':
        r = this.choice(this.startTagClose(p.a, forced), this.startTagClose(p.b, forced));
        break;
      case 'group':
        r = this.group(this.startTagClose(p.a, forced), this.startTagClose(p.b, forced));
        break;
      case 'interleave':
        r = this.interleave(this.startTagClose(p.a, forced), this.startTagClose(p.b, forced));
        break;
      case 'oneOrMore':
        r = this.oneOrMore(this.startTagClose(p.p, forced));
        break;
      case 'attribute':
        // Forced: a missing required attribute was reported; go on as if it were there.
        r = forced ? this.empty : this.notAllowed;
        break;
      default:
        r = p;
    }
    if (forced) p.closeForced = r;
    else p.close = r;
    return r;
  }

  /** Whether the text derivative of `p` can depend on the text (data, value, list inside). */
  private textSensitive(p: Pattern): boolean {
    if (p.sensitive !== undefined) return p.sensitive;
    return (p.sensitive = this.computeSensitive(p));
  }

  private computeSensitive(p: Pattern): boolean {
    switch (p.kind) {
      case 'data':
      case 'value':
      case 'list':
        return true;
      case 'choice':
      case 'group':
      case 'interleave':
        return this.textSensitive(p.a) || this.textSensitive(p.b);
      case 'after':
        // The text derivative of after(a, b) looks at a only; b (the ancestors' rest) may nest deeply.
        return this.textSensitive(p.a);
      case 'oneOrMore':
        return this.textSensitive(p.p);
      default:
        return false;
    }
  }

  textDeriv(p: Pattern, s: string, ctx?: ValueContext): Pattern {
    if (p.text) return p.text;
    let r: Pattern;
    switch (p.kind) {
      case 'choice':
        r = this.choice(this.textDeriv(p.a, s, ctx), this.textDeriv(p.b, s, ctx));
        break;
      case 'interleave':
        r = this.choice(this.interleave(this.textDeriv(p.a, s, ctx), p.b), this.interleave(p.a, this.textDeriv(p.b, s, ctx)));
        break;
      case 'group': {
        const x = this.group(this.textDeriv(p.a, s, ctx), p.b);
        r = p.a.nullable ? this.choice(x, this.textDeriv(p.b, s, ctx)) : x;
        break;
      }
      case 'after':
        r = this.after(this.textDeriv(p.a, s, ctx), p.b);
        break;
      case 'oneOrMore':
        r = this.group(this.textDeriv(p.p, s, ctx), this.choice(p, this.empty));
        break;
      case 'text':
        r = p;
        break;
      case 'value': {
        const v = p.dt.parse(s, ctx);
        r = v !== undefined && p.dt.sameValue(p.value, v) ? this.empty : this.notAllowed;
        break;
      }
      case 'data':
        r = p.dt.parse(s, ctx) !== undefined && !(p.except && this.textDeriv(p.except, s, ctx).nullable) ? this.empty : this.notAllowed;
        break;
      case 'list': {
        let q = p.p;
        for (const w of s.split(/[ \t\n\r]+/)) {
          if (w === '') continue;
          q = this.textDeriv(q, w, ctx);
          if (q.kind === 'notAllowed') break;
        }
        r = q.nullable ? this.empty : this.notAllowed;
        break;
      }
      default:
        r = this.notAllowed;
    }
    if (!this.textSensitive(p)) p.text = r;
    return r;
  }

  /**
   * The pattern after text that may also be absent (whitespace between elements, or an element's empty
   * content: RELAX NG 6.2.7's weak match): the choice of `p` and its text derivative. Memoised where the text
   * derivative does not depend on the text, which is nearly always (every whitespace node asked for a choice,
   * and a choice is built from a map and a sort before its table look-up).
   */
  weakText(p: Pattern, s: string, ctx?: ValueContext): Pattern {
    if (p.weak) return p.weak;
    const r = this.choice(p, this.textDeriv(p, s, ctx));
    if (!this.textSensitive(p)) p.weak = r;
    return r;
  }

  endTag(p: Pattern): Pattern {
    if (p.end) return p.end;
    let r: Pattern;
    switch (p.kind) {
      case 'choice':
        r = this.choice(this.endTag(p.a), this.endTag(p.b));
        break;
      case 'after':
        r = p.a.nullable ? p.b : this.notAllowed;
        break;
      default:
        r = this.notAllowed;
    }
    p.end = r;
    return r;
  }

  /** Ends the current element whatever its content (after an "incomplete" error): the Afters' tails. */
  endTagForced(p: Pattern): Pattern {
    switch (p.kind) {
      case 'choice':
        return this.choice(this.endTagForced(p.a), this.endTagForced(p.b));
      case 'after':
        return p.b;
      default:
        return this.notAllowed;
    }
  }

  private readonly relaxed = new Map<number, Pattern>();

  /**
   * The current element's remaining content with everything made optional: used after an element that is
   * "not allowed yet" (a required sibling is missing), to go on as jing does, as if the missing ones were there.
   */
  relax(p: Pattern): Pattern {
    const memo = this.relaxed.get(p.id);
    if (memo) return memo;
    let r: Pattern;
    switch (p.kind) {
      case 'after':
        r = this.after(this.relax(p.a), p.b);
        break;
      case 'choice':
        r = this.choice(this.choice(this.relax(p.a), this.relax(p.b)), this.empty);
        break;
      case 'group':
        r = this.group(this.relax(p.a), this.relax(p.b));
        break;
      case 'interleave':
        r = this.interleave(this.relax(p.a), this.relax(p.b));
        break;
      case 'oneOrMore':
        r = this.choice(this.oneOrMore(this.relax(p.p)), this.empty);
        break;
      default:
        r = this.choice(p, this.empty);
    }
    this.relaxed.set(p.id, r);
    return r;
  }

  // ---- explanations ------------------------------------------------------------------------------

  /** Element names that could start here (inside the current element), and whether its end may come. */
  expected(p: Pattern): { elements: string[]; end: boolean; text: boolean } {
    const names = new Set<string>();
    let end = false;
    let text = false;
    const seen = new Set<number>();
    const first = (q: Pattern): void => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.kind) {
        case 'choice':
        case 'interleave':
          first(q.a);
          first(q.b);
          break;
        case 'group':
          first(q.a);
          if (q.a.nullable) first(q.b);
          break;
        case 'oneOrMore':
          first(q.p);
          break;
        case 'element':
          listNames(q.nc, names);
          break;
        case 'text':
        case 'data':
        case 'value':
        case 'list':
          text = true;
          break;
        default:
      }
    };
    const top = (q: Pattern): void => {
      if (q.kind === 'choice') {
        top(q.a);
        top(q.b);
      } else if (q.kind === 'after') {
        first(q.a);
        if (q.a.nullable) end = true;
      }
    };
    top(p);
    return { elements: [...names].sort(), end, text };
  }

  /** Names of the elements that can start `p` (at the document's root: the roots the schema allows). */
  startNames(p: Pattern): string[] {
    const names = new Set<string>();
    const seen = new Set<number>();
    const walk = (q: Pattern): void => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      if (q.kind === 'choice' || q.kind === 'interleave') {
        walk(q.a);
        walk(q.b);
      } else if (q.kind === 'group') {
        walk(q.a);
        if (q.a.nullable) walk(q.b);
      } else if (q.kind === 'oneOrMore') walk(q.p);
      else if (q.kind === 'element') listNames(q.nc, names);
    };
    walk(p);
    return [...names].sort();
  }

  /** Attribute names still required by `p` (after all attributes of a start tag were seen). */
  requiredAttributes(p: Pattern): string[] {
    const names = new Set<string>();
    const seen = new Set<number>();
    const walk = (q: Pattern): void => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.kind) {
        case 'after':
          walk(q.a);
          break;
        case 'choice':
          // Required only if required in every branch; keep it simple: report those of non-nullable branches.
          if (!q.a.nullable) walk(q.a);
          if (!q.b.nullable) walk(q.b);
          break;
        case 'group':
        case 'interleave':
          walk(q.a);
          walk(q.b);
          break;
        case 'oneOrMore':
          walk(q.p);
          break;
        case 'attribute':
          listNames(q.nc, names);
          break;
        default:
      }
    };
    walk(p);
    return [...names].sort();
  }

  /** Whether some attribute pattern reachable in the current start tag accepts this name (any value). */
  attributeNamed(p: Pattern, ns: string, local: string): Pattern | undefined {
    const seen = new Set<number>();
    let found: Pattern | undefined;
    const walk = (q: Pattern): void => {
      if (found || seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.kind) {
        case 'after':
          walk(q.a);
          break;
        case 'choice':
        case 'group':
        case 'interleave':
          walk(q.a);
          walk(q.b);
          break;
        case 'oneOrMore':
          walk(q.p);
          break;
        case 'attribute':
          if (contains(q.nc, ns, local)) found = q.p;
          break;
        default:
      }
    };
    walk(p);
    return found;
  }

  /** What a value pattern wants, for messages: `"a", "b" or "c"`, `a date`… */
  describeValue(p: Pattern): string {
    const values: string[] = [];
    const types = new Set<string>();
    const seen = new Set<number>();
    const walk = (q: Pattern): void => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.kind) {
        case 'choice':
        case 'group':
        case 'interleave':
          walk(q.a);
          walk(q.b);
          break;
        case 'after':
          walk(q.a); // the current element's content only
          break;
        case 'oneOrMore':
          walk(q.p);
          break;
        case 'list':
          types.add('list of values');
          break;
        case 'value':
          values.push(`"${q.raw}"`);
          break;
        case 'data':
          types.add(q.dt.description);
          break;
        case 'text':
          types.add('text');
          break;
        default:
      }
    };
    walk(p);
    const article = (t: string): string => (/^([aeio]|XML|un)/.test(t) ? `an ${t}` : `a ${t}`);
    const parts = [...[...types].map(article), ...(values.length ? [`one of ${values.slice(0, 30).join(', ')}${values.length > 30 ? ' …' : ''}`] : [])];
    return parts.join(' or ') || 'nothing';
  }
}

/** Key of an attribute name: the local name alone when in no namespace (the usual case: no string built). */
function attrKey(ns: string, local: string): string {
  return ns === '' ? local : `{${ns}}${local}`;
}

export function isWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
