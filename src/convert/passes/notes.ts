/**
 * Notes: every footnote text goes to its reference, wherever the source printed it (at a page foot between
 * paragraphs, inside the title line, after the signature). A note text printed right after another in a
 * second language, without a marker of its own, is the same note translated: both become parts of one
 * `<note>`, each with its language. What cannot be matched stays where it stands and is reported.
 */
import type { Block, Inline, TeiDocument, TextInline } from '../../model/document.js';
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ConvertContext, DocumentPass } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { toSuperscript } from '../readers/superscript.js';
import { detectLanguage } from '../rules/language.js';

interface NoteSource {
  body: Block;
  /** Removes the body from where it stands. */
  detach: () => void;
  used: boolean;
}

interface RefSite {
  container: Inline[];
  /** The reference node itself: its index moves when a note text is detached from the same container. */
  node: Inline;
  n: string;
  line: number;
  column: number;
}

export const notesPass: DocumentPass = {
  name: 'notes',
  scope: 'document',
  // Note texts the join pass kept at a page break are inside the re-joined paragraph.
  requires: ['structure', 'inline', 'join'],
  run(doc: TeiDocument, ctx: ConvertContext) {
    const sources = collectNoteSources(doc);
    const refs = collectRefs(doc);
    const twins = findLanguageTwins(doc);
    const placements: { site: RefSite; source: NoteSource }[] = [];
    for (const site of refs) {
      const candidates = sources.filter((s) => !s.used && s.body.n === site.n);
      const source = candidates.find((s) => s.body.line >= site.line) ?? candidates[0];
      if (!source) {
        ctx.report(diagnostic(ConvertCodes.footnoteRefWithoutNote, { n: site.n }, { file: doc.sourceFile, line: site.line, column: site.column }));
        site.container[site.container.indexOf(site.node)] = { type: 'hi', rend: 'superscript', children: [{ type: 'text', text: site.n, line: site.line, column: site.column }] };
        continue;
      }
      source.used = true;
      placements.push({ site, source });
    }
    for (const source of sources.filter((s) => !s.used)) {
      const site = findGluedNumber(doc, source.body);
      if (site) {
        source.used = true;
        placements.push({ site, source });
      } else {
        ctx.report(diagnostic(ConvertCodes.noteWithoutRef, { n: source.body.n ?? '?' }, { file: doc.sourceFile, line: source.body.line, column: source.body.column }));
      }
    }
    for (const { site, source } of placements) {
      source.detach();
      const parts = [source.body];
      const twin = twins.get(source.body);
      if (twin) {
        removeBlock(doc, twin);
        parts.push(twin);
        ctx.report(
          diagnostic(ConvertCodes.noteLanguageTwin, { line: twin.line, endLine: twin.endLine, n: source.body.n ?? '?', lang: twin.lang ?? '?' }, { file: doc.sourceFile, line: twin.line, column: 1 }),
        );
      }
      site.container.splice(site.container.indexOf(site.node), 1, { type: 'note', n: site.n, place: 'foot', parts });
    }
  },
};

function removeBlock(doc: TeiDocument, block: Block): void {
  const i = doc.blocks.indexOf(block);
  if (i >= 0) doc.blocks.splice(i, 1);
}

/** Note texts as blocks at top level, inside page-foot interruptions, and inline (`[1: …]`). */
function collectNoteSources(doc: TeiDocument): NoteSource[] {
  const out: NoteSource[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'noteBody' && block.n) {
      out.push({ body: block, used: false, detach: () => removeBlock(doc, block) });
    }
    walkInlines(block.inlines, (container, i) => {
      const node = container[i]!;
      if (node.type === 'note' && node.parts.length === 1 && node.parts[0]!.kind === 'noteBody') {
        out.push({ body: node.parts[0]!, used: false, detach: () => container.splice(container.indexOf(node), 1) });
      } else if (node.type === 'interruption') {
        for (const inner of node.blocks) {
          if (inner.kind === 'noteBody' && inner.n) {
            out.push({ body: inner, used: false, detach: () => node.blocks.splice(node.blocks.indexOf(inner), 1) });
          }
        }
      }
    });
  }
  return out.sort((a, b) => a.body.line - b.body.line || a.body.column - b.body.column);
}

function collectRefs(doc: TeiDocument): RefSite[] {
  const out: RefSite[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'noteBody') continue;
    walkInlines(block.inlines, (container, index) => {
      const node = container[index]!;
      if (node.type === 'noteRef') out.push({ container, node, n: node.n, line: node.line, column: node.column });
    });
  }
  return out;
}

/** Depth-first over inline nodes, including emphasis and the blocks of interruptions. */
export function walkInlines(inlines: Inline[], visit: (container: Inline[], index: number) => void): void {
  for (let i = 0; i < inlines.length; i++) {
    const node = inlines[i]!;
    visit(inlines, i);
    if (node.type === 'hi' || node.type === 'entity') walkInlines(node.children, visit);
    else if (node.type === 'interruption') for (const b of node.blocks) if (b.kind !== 'noteBody') walkInlines(b.inlines, visit);
  }
}

/**
 * "(CLIFFORD WEBSTER)59": a note number printed as plain digits glued to the end of a word or bracket.
 * Only searched for a note that found no marked reference.
 */
function findGluedNumber(doc: TeiDocument, body: Block): RefSite | undefined {
  const n = body.n!;
  // Digits glued to a word ("(CLIFFORD WEBSTER)59"), a symbol glued to one ("service*;", "market.†"), or a letter
  // note's superscript letter ("board.ᵃ", "Article Iᵃ."); a letter marker ("a") printed without its superscript
  // cannot be told from the text. A superscript letter beside another modifier letter or after a digit is part of
  // an abbreviation ("Mᵐᵉ", "1ᵉʳ", "2ᵉ"), not a reference.
  const symbol = /^[*†‡§ǁ‖¶]{1,3}$/.test(n);
  const letter = /^[a-g]$/.test(n) ? toSuperscript(n) : undefined;
  if (!symbol && !letter && !/^\d+$/.test(n)) return undefined;
  const pattern = symbol
    ? new RegExp(String.raw`(?<=[\p{L}\p{N}.,;:)’”"'])${n.replace(/\*/g, '\\*')}(?=[\s,;:.)]|$)`, 'u')
    : letter
      ? new RegExp(String.raw`(?<=[\p{L}.,;:)’”"'])(?<!\p{Lm})${letter}(?!\p{Lm})`, 'u')
      : new RegExp(String.raw`(?<=[\p{L})\].,;:’”])${n}(?!\d)`, 'u');
  const form = symbol ? 'symbol' : letter ? 'superscript' : 'digits';
  let found: RefSite | undefined;
  for (const block of doc.blocks) {
    if (found || block.kind === 'noteBody' || block.line > body.line) continue;
    walkInlines(block.inlines, (container, index) => {
      const node = container[index]!;
      if (found || node.type !== 'text') return;
      const m = pattern.exec(node.text);
      if (!m) return;
      const before: TextInline = { ...node, text: node.text.slice(0, m.index) };
      const after: TextInline = { ...node, text: node.text.slice(m.index + m[0].length), column: node.column + m.index + m[0].length };
      const ref: Inline = { type: 'noteRef', n, form, line: node.line, column: node.column + m.index };
      container.splice(index, 1, before, ref, after);
      found = { container, node: ref, n, line: node.line, column: node.column + m.index };
    });
  }
  return found;
}

/**
 * A block printed right after a note text, without a marker, in another language, that shares most of the
 * note's numbers and names: the note's translation.
 */
function findLanguageTwins(doc: TeiDocument): Map<Block, Block> {
  const twins = new Map<Block, Block>();
  doc.blocks.forEach((block, i) => {
    const next = doc.blocks[i + 1];
    if (block.kind !== 'noteBody' || !block.n || !next || next.kind !== 'p') return;
    const a = plainText(block);
    const b = plainText(next);
    const la = detectLanguage(a);
    const lb = detectLanguage(b);
    if (!la || !lb || la === lb) return;
    const ratio = b.length / a.length;
    if (ratio < 0.6 || ratio > 1.6 || anchorOverlap(a, b) < 0.4) return;
    block.lang = la;
    next.lang = lb;
    twins.set(block, next);
  });
  return twins;
}

/** Share of the numbers and capitalised words of b that also occur in a. */
function anchorOverlap(a: string, b: string): number {
  const anchors = (s: string) => s.match(/\d+|\b\p{Lu}[\p{L}-]+/gu) ?? [];
  const inA = new Set(anchors(a));
  const inB = anchors(b);
  return inB.length === 0 ? 0 : inB.filter((x) => inA.has(x)).length / inB.length;
}
