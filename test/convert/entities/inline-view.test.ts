import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applySpans, inlineText, viewOf, type EntitySpan, type InlineView, type ViewPiece } from '../../../src/convert/entities/inline-view.js';
import type { EntityInline, Inline, TextInline } from '../../../src/model/document.js';

/**
 * The way back written the plain way (span against every earlier span, pieces found by scanning, one splice per
 * span, the last span first): the reference the linear version must agree with on every input.
 */
function referenceApplySpans(inlines: Inline[], view: InlineView, spans: EntitySpan[]): number {
  const holding = (at: number): ViewPiece | undefined => view.pieces.find((p) => p.offset <= at && at < p.offset + p.node.text.length);
  const position = (node: TextInline, offset: number): { line: number; column: number } => {
    const lines = node.text.slice(0, offset).split('\n');
    return lines.length === 1 ? { line: node.line, column: node.column + offset } : { line: node.line + lines.length - 1, column: lines[lines.length - 1]!.length + 1 };
  };
  const cut = (node: TextInline, from: number, to: number): TextInline => ({ type: 'text', text: node.text.slice(from, to), ...position(node, from) });
  const entity = (s: EntitySpan, children: Inline[]): EntityInline => ({ type: 'entity', tag: s.tag, attrs: s.attrs, children });
  const taken: Array<{ s: EntitySpan; first: ViewPiece; last: ViewPiece }> = [];
  for (const s of spans) {
    if (s.end <= s.start || s.start < 0 || taken.some((t) => s.start < t.s.end && t.s.start < s.end)) continue;
    const first = holding(s.start);
    const last = holding(s.end - 1);
    if (!first || !last || first.parent !== last.parent) continue;
    if (first !== last) {
      const i = first.parent.indexOf(first.node);
      const j = first.parent.indexOf(last.node);
      if (i < 0 || j <= i || first.parent.slice(i + 1, j).some((n) => n.type !== 'lb' && n.type !== 'pb')) continue;
    }
    taken.push({ s, first, last });
  }
  // From the last span back: what is left of a node before the spans already wrapped is a node of its own, whose
  // offsets are still the original node's.
  const leftOf = new Map<TextInline, TextInline | undefined>();
  const current = (node: TextInline): TextInline | undefined => (leftOf.has(node) ? leftOf.get(node) : node);
  for (const { s, first, last } of [...taken].sort((x, y) => y.s.start - x.s.start)) {
    const nodes = first.parent;
    const a = s.start - first.offset;
    const b = s.end - last.offset;
    const lastNow = current(last.node)!;
    const i = nodes.indexOf(current(first.node)!);
    const j = nodes.indexOf(lastNow);
    const children: Inline[] = first === last ? [cut(first.node, a, b)] : [cut(first.node, a, first.node.text.length), ...nodes.slice(i + 1, j), cut(last.node, 0, b)];
    const out: Inline[] = [];
    const before = a > 0 ? cut(first.node, 0, a) : undefined;
    if (before) out.push(before);
    out.push(entity(s, children));
    if (b < lastNow.text.length) out.push(cut(last.node, b, lastNow.text.length));
    nodes.splice(i, j - i + 1, ...out);
    leftOf.set(first.node, before);
  }
  return taken.length;
}

const word = fc.constantFrom('Mr.', 'Eden', 'December', '28th', 'a', ' ', ', ', '\n', 'of the', 'x');
const textNode = fc.tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 })).map(
  ([ws, line, column]): Inline => ({ type: 'text', text: ws.join(''), line, column }),
);
const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 5, arbitrary: textNode },
  { weight: 2, arbitrary: fc.constant<Inline>({ type: 'lb' }) },
  { weight: 1, arbitrary: fc.constant<Inline>({ type: 'lb', breakNo: true }) },
  { weight: 1, arbitrary: fc.constant<Inline>({ type: 'pb', n: '2' }) },
  { weight: 1, arbitrary: fc.array(textNode, { minLength: 1, maxLength: 3 }).map((children): Inline => ({ type: 'hi', rend: 'italic', children })) },
  { weight: 1, arbitrary: fc.constant<Inline>({ type: 'gap', reason: 'omitted', text: '…' }) },
);

describe('inline view: spans wrapped back into the inlines', () => {
  it('gives what the first, span-by-span version gave, on any inlines and spans (property)', () => {
    fc.assert(
      fc.property(fc.array(inline, { maxLength: 12 }), fc.array(fc.tuple(fc.nat(80), fc.integer({ min: -2, max: 14 })), { maxLength: 12 }), (nodes, raw) => {
        const spans: EntitySpan[] = raw.map(([start, length], k) => ({ start, end: start + length, tag: k % 2 ? 'date' : 'persName', attrs: { n: String(k) } }));
        const ours = structuredClone(nodes);
        const theirs = structuredClone(nodes);
        const applied = applySpans(ours, viewOf(ours), spans);
        const expected = referenceApplySpans(theirs, viewOf(theirs), spans);
        assert.equal(applied, expected);
        assert.deepEqual(ours, theirs);
        assert.equal(inlineText(ours), inlineText(nodes));
      }),
      { numRuns: 600 },
    );
  });

  it('wraps 100,000 names in one paragraph of 2 MB without overflowing the stack, text unchanged', () => {
    // Before: one splice spreading every part of the node (a RangeError), after comparing each span with all earlier ones.
    const sentence = 'Mr. Stevens came. ';
    const text = sentence.repeat(Math.ceil((2 * 1048576) / sentence.length));
    const nodes: Inline[] = [{ type: 'text', text, line: 1, column: 1 }];
    const view = viewOf(nodes);
    const spans: EntitySpan[] = [];
    // Given in reverse order, overlapping twice each: every span is checked against all kept before it.
    for (let at = text.lastIndexOf('Mr. Stevens'); at >= 0 && spans.length < 200_000; at = text.lastIndexOf('Mr. Stevens', at - 1)) {
      spans.push({ start: at, end: at + 11, tag: 'persName', attrs: {} }, { start: at + 4, end: at + 11, tag: 'persName', attrs: {} });
    }
    const applied = applySpans(nodes, view, spans);
    assert.equal(applied, spans.length / 2);
    assert.ok(applied >= 100_000);
    assert.equal(nodes.filter((n) => n.type === 'entity').length, applied);
    assert.equal(inlineText(nodes), text);
  });

  it('counts lines and columns inside a text node of many lines once, not from its start for every span', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `line ${i} names Eden`).join('\n');
    const nodes: Inline[] = [{ type: 'text', text, line: 10, column: 5 }];
    const view = viewOf(nodes);
    const spans: EntitySpan[] = [];
    for (let at = text.indexOf('Eden'); at >= 0; at = text.indexOf('Eden', at + 1)) spans.push({ start: at, end: at + 4, tag: 'persName', attrs: {} });
    assert.equal(applySpans(nodes, view, spans), 50_000);
    const entities = nodes.filter((n): n is EntityInline => n.type === 'entity');
    const last = entities[entities.length - 1]!.children[0] as TextInline;
    assert.deepEqual([last.line, last.column], [10 + 49_999, 'line 49999 names '.length + 1]);
    const first = entities[0]!.children[0] as TextInline;
    assert.deepEqual([first.line, first.column], [10, 5 + 'line 0 names '.length]);
  });
});
