/**
 * The shared TEI tree walker. A transform is a table from TEI element to rule, in the manner of
 * CETEIcean's behaviours: a TEI specialist can review the table without reading this engine.
 *
 * Selectors are `name`, `name[attr]`, `name[attr=value]` or `*` (the fallback). For one element, the
 * first matching selector with a predicate wins, then the bare name, then `*`. Rules keep no state of
 * their own: whatever a document needs to remember (its footnote counter, its notes) lives in the
 * context the transform creates per document.
 */
import type { TeiElement, TeiNode } from './tei-tree.js';
import { TransformError } from '../diagnostics/diagnostic.js';
import { TransformCodes } from '../diagnostics/codes.js';

/**
 * What to do with an element: a function of the element, the per-document context and a thunk that
 * renders the children; a `[before, after]` pair around the children; or `null` to drop it with its
 * content.
 */
export type Rule<C> = ((el: TeiElement, ctx: C, inner: () => string) => string) | readonly [string, string] | null;

/** Element selector → rule. Order matters only among selectors of the same element name. */
export type RuleTable<C> = Readonly<Record<string, Rule<C>>>;

interface Compiled<C> {
  attr?: string;
  value?: string;
  rule: Rule<C>;
}

const SELECTOR = /^([\w:*-]+)(?:\[([\w:-]+)(?:=([^\]]*))?\])?$/;

/** A rule table compiled once, walked for every document. */
export class Walker<C> {
  private readonly byName = new Map<string, Compiled<C>[]>();
  private readonly fallback: Rule<C> | undefined;

  /**
   * @param table element selector → rule
   * @param text how character data is written (escaped for HTML, whitespace-normalised for text)
   */
  constructor(
    table: RuleTable<C>,
    private readonly text: (text: string, ctx: C) => string,
  ) {
    for (const [selector, rule] of Object.entries(table)) {
      if (selector === '*') continue;
      const m = SELECTOR.exec(selector);
      if (!m) throw TransformError.of(TransformCodes.badModule, { problem: `bad selector in rule table: ${selector}` });
      const [, name, attr, value] = m;
      const list = this.byName.get(name!) ?? [];
      list.push({ attr, value, rule });
      // predicates first, bare name last: a stable order whatever the table's key order
      list.sort((a, b) => (a.attr === undefined ? 1 : 0) - (b.attr === undefined ? 1 : 0));
      this.byName.set(name!, list);
    }
    this.fallback = table['*'];
  }

  /** The rule that applies to an element (undefined: no rule, render the children only). */
  ruleFor(el: TeiElement): Rule<C> | undefined {
    const list = this.byName.get(el.name);
    if (list) {
      for (const c of list) {
        if (c.attr === undefined) return c.rule;
        const v = el.attrs[c.attr];
        if (v === undefined) continue;
        if (c.value === undefined || v.split(/\s+/).includes(c.value)) return c.rule;
      }
    }
    return this.fallback;
  }

  /** Renders one node. */
  render(node: TeiNode, ctx: C): string {
    if (node.type === 'text') return this.text(node.text, ctx);
    const rule = this.ruleFor(node);
    if (rule === null) return '';
    const inner = (): string => this.renderChildren(node, ctx);
    if (rule === undefined) return inner();
    if (typeof rule === 'function') return rule(node, ctx, inner);
    return rule[0] + inner() + rule[1];
  }

  /** Renders the children of an element, in order. */
  renderChildren(el: TeiElement, ctx: C): string {
    let out = '';
    for (const c of el.children) out += this.render(c, ctx);
    return out;
  }
}
