/**
 * Layout: how the body of a document is divided in TEI, decided once so that the serializer only writes.
 * TEI wants opener matter (heading, dateline, salutation) before the text of a division and closer matter
 * (closing, signature, postscript) after it; page-foot matter (TEI's model.global) may stand anywhere. So the
 * blocks are grouped by where they stand: a document whose opener matter follows text, or whose text follows
 * closer matter (an enclosure, a second letter on the same sheet), is split into parts; numbered sections are
 * divisions of their own; a division with no text gets the empty paragraph TEI requires. The pass also gives an
 * xml:id to each passage a duplicate points to, and sets a heading's opening classification apart.
 */
import { teiId, type Block, type BlockKind, type EntityInline, type LayoutNode, type TeiDocument, type Zone } from '../../model/document.js';
import type { DocumentPass } from '../pass.js';
import { headingClassification } from '../rules/classification.js';
import { divisionNumber } from '../rules/division-head.js';
import { plainText } from '../readers/blocks.js';

/** Opener matter: written at the top of a division. */
const TOP: ReadonlySet<BlockKind> = new Set(['head', 'byline', 'classification', 'sent', 'salute', 'memoHeader']);
/** Closer matter: written at the bottom. */
const BOTTOM: ReadonlySet<BlockKind> = new Set(['closing', 'signed', 'postscript']);
/** Written where they stand, in any zone: TEI's model.global. */
const GLOBAL: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'turnOver', 'runningHead', 'marginal', 'noteBody', 'sourceNote']);

export const layoutPass: DocumentPass = {
  name: 'layout',
  scope: 'document',
  // The heading's classification is split off its text after persons and dates were found in it whole.
  requires: ['structure', 'inline', 'duplicates', 'join', 'notes', 'header', 'entities'],
  run(doc) {
    assignDuplicateTargetIds(doc);
    for (const b of doc.blocks) if (b.kind === 'head' && !b.duplicateOf) setClassificationApart(b);
    doc.layout = layoutBody(doc);
  },
};

/** Every passage a duplicate repeats gets an xml:id, numbered in document order (page-foot matter included). */
function assignDuplicateTargetIds(doc: TeiDocument): void {
  let n = 1;
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (b.duplicateOf && !b.duplicateOf.xmlId) b.duplicateOf.xmlId = `${teiId(doc)}-p${n++}`;
      for (const i of b.inlines) if (i.type === 'interruption') visit(i.blocks);
    }
  };
  visit(doc.blocks);
}

/** "PERSONAL AND SECRET MESSAGE FROM …": the classification that opens a heading becomes a segment of its own. */
function setClassificationApart(head: Block): void {
  const first = head.inlines[0];
  if (!first || first.type !== 'text') return;
  const classification = headingClassification(first.text.trimStart());
  if (!classification) return;
  const at = first.text.indexOf(classification);
  const end = at + classification.length;
  const seg: EntityInline = {
    type: 'entity',
    tag: 'seg',
    attrs: { type: 'classification' },
    children: [{ type: 'text', text: classification, line: first.line, column: first.column + at }],
  };
  const parts = [
    ...(at > 0 ? [{ ...first, text: first.text.slice(0, at) }] : []),
    seg,
    ...(end < first.text.length ? [{ ...first, text: first.text.slice(end), column: first.column + end }] : []),
  ];
  head.inlines.splice(0, 1, ...parts);
}

function layoutBody(doc: TeiDocument): LayoutNode[] {
  const blocks = doc.blocks;
  if (doc.kind === 'front') return layoutFront(blocks);
  if (!blocks.some((b) => b.opensEnclosure)) return layoutBlocks(blocks);
  // The footnote block after the last enclosure is the whole document's: its notes may belong to any part.
  let end = blocks.length;
  while (end > 0 && FOOT.has(blocks[end - 1]!.kind)) end--;
  if (!blocks.slice(end).some((b) => b.kind === 'noteBody')) end = blocks.length;
  const trailing: LayoutNode[] = blocks.slice(end).map((block) => ({ type: 'block', block, zone: 'content' }));
  return [...layoutUnit(blocks, enclosureTree(blocks, end)), ...trailing];
}

type Division = Extract<LayoutNode, { type: 'div' }>;

/**
 * The volume's own document: the matter before its first document in a `<div type="front">`, then the heads of its
 * divisions, each a `<div type="division">` with its head. The heads printed together between two documents run
 * from the outermost division to the innermost ("Russia" / "Chapter I. Loans …" / "Offer of a credit …"), so each
 * is a division inside the one before; the stretches follow each other. How one stretch's divisions nest in an
 * earlier one's the layout does not say, and the encoding does not guess.
 */
function layoutFront(blocks: Block[]): LayoutNode[] {
  const content = (block: Block): LayoutNode => ({ type: 'block', block, zone: 'content' });
  const front: LayoutNode[] = [];
  const divisions: Division[] = [];
  let open: Division[] = [];
  let stretch: number | undefined;
  for (const block of blocks) {
    if (block.kind === 'head' && block.divisionHead !== undefined) {
      if (block.divisionHead !== stretch) open = [];
      stretch = block.divisionHead;
      const n = divisionNumber(plainText(block));
      const division: Division = { type: 'div', divType: 'division', ...(n ? { n } : {}), children: [{ type: 'block', block, zone: 'top' }], newlineAfter: true };
      if (open.length > 0) open[open.length - 1]!.children.push(division);
      else divisions.push(division);
      open.push(division);
    } else if (open.length > 0) {
      open[open.length - 1]!.children.push(content(block));
    } else {
      front.push(content(block));
    }
  }
  if (divisions.length === 0) return [{ type: 'div', divType: 'front', children: front, newlineAfter: false }];
  return front.length > 0 ? [{ type: 'div', divType: 'front', children: front, newlineAfter: true }, ...divisions] : divisions;
}

/** What a document's trailing footnote block holds. */
const FOOT: ReadonlySet<BlockKind> = new Set(['noteBody', 'sourceNote', 'runningHead', 'pageNum']);

/** A document or an enclosure: its blocks `from`–`to` (exclusive), the enclosures among them, in order. */
interface Unit {
  marker?: Block;
  from: number;
  to: number;
  enclosures: Unit[];
}

/**
 * The enclosures of blocks `0`–`end`, as the structure pass marked them: each runs from its marker to the next marker
 * of its level or above; a subenclosure belongs to the enclosure before it.
 */
function enclosureTree(blocks: Block[], end: number): Unit {
  const root: Unit = { from: 0, to: end, enclosures: [] };
  const open: { unit: Unit; level: number }[] = [{ unit: root, level: 0 }];
  for (let i = 0; i < end; i++) {
    const marker = blocks[i]!.opensEnclosure;
    if (!marker) continue;
    while (open.length > 1 && open[open.length - 1]!.level >= marker.level) open.pop()!.unit.to = i;
    const unit: Unit = { marker: blocks[i], from: i, to: end, enclosures: [] };
    open[open.length - 1]!.unit.enclosures.push(unit);
    open.push({ unit, level: marker.level });
  }
  return root;
}

/**
 * A unit's own matter, then its enclosures, each a division. TEI puts a division's closer after any division inside
 * it, so where enclosures follow, the text they follow (the covering letter, signature included) is a division too.
 */
function layoutUnit(blocks: Block[], unit: Unit): LayoutNode[] {
  const ownEnd = unit.enclosures[0]?.from ?? unit.to;
  const own = layoutBlocks(blocks.slice(unit.from, ownEnd));
  if (unit.enclosures.length === 0) return own;
  const out: LayoutNode[] = [];
  if (ownEnd > unit.from) out.push({ type: 'div', divType: 'covering', children: own, newlineAfter: true });
  for (const e of unit.enclosures) {
    const n = e.marker!.opensEnclosure!.n;
    out.push({ type: 'div', divType: 'enclosure', ...(n ? { n } : {}), children: layoutUnit(blocks, e), newlineAfter: true });
  }
  return out;
}

/** Blocks as TEI divides them: numbered sections, or parts where the order of opener, text and closer asks for one. */
function layoutBlocks(blocks: Block[]): LayoutNode[] {
  const firstSection = blocks.findIndex((b) => b.kind === 'section');
  if (firstSection < 0) return zones(blocks);
  const body: LayoutNode[] = [];
  // Before the sections TEI allows only divTop matter and paragraphs; anything else goes in a part.
  const before = blocks.slice(0, firstSection);
  const lastTop = before.findLastIndex((b) => TOP.has(b.kind));
  const simple = before.every((b, i) => (TOP.has(b.kind) ? true : (b.kind === 'p' && i > lastTop) || GLOBAL.has(b.kind) || b.duplicateOf));
  if (simple) body.push(...part(before.map((block) => ({ block, zone: TOP.has(block.kind) ? 'top' : 'content' })), false));
  else if (before.length > 0) body.push({ type: 'div', divType: 'part', children: zones(before), newlineAfter: true });
  let start = firstSection;
  while (start < blocks.length) {
    let end = start + 1;
    while (end < blocks.length && blocks[end]!.kind !== 'section') end++;
    const head: LayoutNode = { type: 'block', block: blocks[start]!, zone: 'top' };
    body.push({ type: 'div', divType: 'section', n: blocks[start]!.n ?? '', children: [head, ...zones(blocks.slice(start + 1, end))], newlineAfter: true });
    start = end;
  }
  return body;
}

interface Placed {
  block: Block;
  zone: Zone;
}

/**
 * Splits blocks into parts wherever opener matter follows text, or text follows closer matter: TEI allows each
 * only at the top or bottom of a division.
 */
function zones(blocks: Block[]): LayoutNode[] {
  const parts: Placed[][] = [[]];
  let zone: Zone = 'top';
  let inPostscript = false;
  for (const b of blocks) {
    let z: Zone;
    if (b.duplicateOf || GLOBAL.has(b.kind)) z = zone;
    else if (TOP.has(b.kind) || ((b.kind === 'dateline' || b.kind === 'reference' || b.kind === 'address') && zone === 'top')) z = 'top';
    else if (BOTTOM.has(b.kind) || (b.kind === 'dateline' && zone !== 'top') || (b.kind === 'p' && inPostscript)) z = 'bottom';
    else if (b.kind === 'reference' || b.kind === 'address') z = zone;
    else z = 'content';
    if ((z === 'top' && zone !== 'top') || (z === 'content' && zone === 'bottom')) parts.push([]);
    if (b.kind === 'postscript') inPostscript = true;
    else if (!(b.kind === 'p' && inPostscript) && !b.duplicateOf && !GLOBAL.has(b.kind)) inPostscript = false;
    zone = z;
    parts[parts.length - 1]!.push({ block: b, zone: z });
  }
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length <= 1) return part(nonEmpty[0] ?? []);
  return nonEmpty.map((items) => ({ type: 'div', divType: 'part', children: part(items), newlineAfter: true }));
}

/**
 * One division's content: opener and closer matter grouped, a postscript with its paragraphs, and an empty
 * paragraph where a division that needs text has none (a message that is all heading and closer).
 */
function part(items: Placed[], needsText = true): LayoutNode[] {
  const out: LayoutNode[] = [];
  let hasText = !needsText || items.some(({ block, zone }) => zone === 'content' && block.kind === 'p' && !block.duplicateOf);
  let group: Extract<LayoutNode, { type: 'group' }> | undefined;
  let postscript: Extract<LayoutNode, { type: 'group' }> | undefined;
  const here = (): LayoutNode[] => (postscript ?? group)?.children ?? out;
  const close = (): void => {
    group = undefined;
  };
  /** A postscript ended by what comes next; the line breaks after it unless a heading or another postscript follows. */
  const endPostscript = (newlineAfter: boolean): void => {
    if (postscript) postscript.newlineAfter = newlineAfter;
    postscript = undefined;
  };
  for (const { block, zone } of items) {
    if (block.duplicateOf || GLOBAL.has(block.kind) || (zone !== 'top' && (block.kind === 'reference' || block.kind === 'address'))) {
      here().push({ type: 'block', block, zone });
      continue;
    }
    if (zone === 'bottom' && !hasText && !postscript) {
      close();
      out.push({ type: 'emptyParagraph' });
      hasText = true;
    }
    if (block.kind === 'head' || block.kind === 'byline') {
      close();
      endPostscript(false);
      out.push({ type: 'block', block, zone });
      continue;
    }
    if (block.kind === 'postscript') {
      close();
      endPostscript(false);
      postscript = { type: 'group', element: 'postscript', children: [{ type: 'block', block, zone }], newlineAfter: true };
      out.push(postscript);
      continue;
    }
    if (block.kind === 'p' && postscript) {
      postscript.children.push({ type: 'block', block, zone });
      continue;
    }
    endPostscript(true);
    if (zone === 'content') {
      close();
      out.push({ type: 'block', block, zone });
      continue;
    }
    const wanted = zone === 'top' ? 'opener' : 'closer';
    if (group?.element !== wanted) {
      group = { type: 'group', element: wanted, children: [], newlineAfter: true };
      out.push(group);
    }
    group.children.push({ type: 'block', block, zone });
  }
  if (!hasText) out.push({ type: 'emptyParagraph' });
  return out;
}
