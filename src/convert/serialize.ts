/**
 * Serialization: the document model → TEI P5 XML (through the small builder in xml-writer.ts). The teiHeader comes from the header facts;
 * the body from the blocks, grouped by where they stand: heading, opener matter, paragraphs, closer
 * matter. Page-foot matter (catchwords, page numbers, marginalia, unplaced notes) is model.global in TEI and
 * is written where it stands.
 */
import { XmlDocument, type XmlElement as XMLBuilder } from './xml-writer.js';
import type { Block, BlockKind, Inference, Inline, Party, TeiDocument } from '../model/document.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { LANGUAGE_NAMES } from './rules/language.js';
import { headingClassification } from './rules/classification.js';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface SerializeOptions {
  /** The edition's date, YYYY-MM-DD, for publicationStmt and revisionDesc; without it no date is written (never the clock's). */
  generatedOn?: string;
  /** Relative path from the TEI file to the schema, for the xml-model processing instruction. */
  schemaHref?: string;
}

/** The TEI document as an XML string. */
export function serializeTei(doc: TeiDocument, options: SerializeOptions = {}): string {
  const root = new XmlDocument();
  root.ins('xml-model', `href="${options.schemaHref ?? '../../schema/chancery.rng'}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"`);
  const tei = root.ele(TEI_NS, 'TEI').att(XML_NS, 'xml:id', teiId(doc));
  nl(tei);
  const marks = new InferenceMarks(converterId(doc));
  const converter = writeHeader(tei.ele('teiHeader'), doc, options.generatedOn, marks);
  nl(tei);
  const text = tei.ele('text');
  if (doc.languages[0]) text.att(XML_NS, 'xml:lang', doc.languages[0]);
  const body = text.ele('body');
  nl(body);
  new BodyWriter(doc, marks).write(body);
  nl(tei);
  // The converter's respStmt is the target of every @resp it wrote.
  if (marks.written > 0) converter.att(XML_NS, 'xml:id', marks.converterId);
  return root.end() + '\n';
}

/** `xml:id` of the converter's respStmt, which `@resp` of an inference points to: unique across the edition. */
export function converterId(doc: TeiDocument): string {
  return `${teiId(doc)}-chancery`;
}

/** Writes an inference as TEI's certainty, evidence and responsibility, and counts what it wrote. */
class InferenceMarks {
  written = 0;

  constructor(readonly converterId: string) {}

  mark(el: XMLBuilder, inferred: Inference | undefined): void {
    if (!inferred) return;
    el.att('cert', inferred.cert).att('evidence', inferred.evidence).att('resp', `#${this.converterId}`);
    this.written++;
  }
}

/** `xml:id` of a document: unique across the edition. */
export function teiId(doc: TeiDocument): string {
  return `doc-${doc.sourceSlug}-${doc.id}`.replace(/[^A-Za-z0-9_.-]/g, '-');
}

function nl(el: XMLBuilder): void {
  el.txt('\n');
}

/** Writes the teiHeader; returns the converter's respStmt. */
function writeHeader(header: XMLBuilder, doc: TeiDocument, generatedOn: string | undefined, marks: InferenceMarks): XMLBuilder {
  nl(header);
  const fileDesc = header.ele('fileDesc');
  const titleStmt = fileDesc.ele('titleStmt');
  titleStmt.ele('title').txt(doc.title ?? `${doc.sourceFile}, lines ${doc.startLine}–${doc.endLine}`);
  const resp = titleStmt.ele('respStmt');
  resp.ele('resp').txt('Converted to TEI by');
  resp.ele('name').txt(`${TOOL_NAME} ${VERSION}`);
  const pub = fileDesc.ele('publicationStmt');
  pub.ele('publisher').txt('Chancery edition');
  if (generatedOn) pub.ele('date').att('when', generatedOn).txt(generatedOn);
  pub.ele('availability').ele('licence').att('target', 'https://creativecommons.org/licenses/by/4.0/').txt('Creative Commons Attribution 4.0 International');
  const bibl = fileDesc.ele('sourceDesc').ele('bibl').att('type', doc.volumeTitle ? 'print' : 'digital');
  bibl.ele('title').txt(doc.volumeTitle ?? doc.title ?? doc.sourceFile);
  if (doc.volumeTitle) bibl.ele('biblScope').att('unit', 'line').att('from', String(doc.startLine)).att('to', String(doc.endLine)).txt(`lines ${doc.startLine}–${doc.endLine}`);
  bibl.ele('idno').att('type', 'source').txt(`${doc.sourceFile}#L${doc.startLine}-L${doc.endLine}`);
  nl(header);
  header.ele('encodingDesc').ele('p').txt('Converted from plain text; encoding as described in the Chancery encoding guidelines (docs/encoding.md).');
  nl(header);
  const profile = header.ele('profileDesc');
  if (doc.sender.length > 0 || doc.addressees.length > 0 || doc.date) {
    const corresp = profile.ele('correspDesc');
    const sent = corresp.ele('correspAction').att('type', 'sent');
    if (doc.sender.length === 0 && doc.senderRole) sent.ele('rs').att('type', 'role').txt(doc.senderRole);
    else if (doc.sender.length === 0) sent.ele('persName').txt('Unknown');
    for (const c of doc.sender) writeParty(sent, c, marks);
    if (doc.place) sent.ele('placeName').txt(doc.place);
    if (doc.date) {
      const d = sent.ele('date');
      if (doc.date.when) d.att('when', doc.date.when);
      if (doc.date.from) d.att('from', doc.date.from);
      if (doc.date.to) d.att('to', doc.date.to);
      d.txt(doc.date.text);
    }
    const received = corresp.ele('correspAction').att('type', 'received');
    if (doc.addressees.length === 0 && doc.addresseeRole) received.ele('rs').att('type', 'role').txt(doc.addresseeRole);
    else if (doc.addressees.length === 0) received.ele('persName').txt('Unknown');
    for (const c of doc.addressees) writeParty(received, c, marks);
  }
  const langUsage = profile.ele('langUsage');
  for (const lang of doc.languages) langUsage.ele('language').att('ident', lang).txt(LANGUAGE_NAMES[lang] ?? lang);
  const keywords = profile.ele('textClass').ele('keywords');
  keywords.ele('term').att('type', 'kind').txt(doc.kind);
  if (doc.classification) keywords.ele('term').att('type', 'classification').txt(doc.classification);
  nl(header);
  const change = header.ele('revisionDesc').ele('change');
  if (generatedOn) change.att('when', generatedOn);
  change.txt(`Generated by ${TOOL_NAME} ${VERSION} from ${doc.sourceFile}, lines ${doc.startLine}–${doc.endLine}.`);
  nl(header);
  return resp;
}

function writeParty(parent: XMLBuilder, c: Party, marks: InferenceMarks): void {
  const p = parent.ele('persName');
  if (c.ref) p.att('ref', c.ref);
  marks.mark(p, c.inferred);
  p.txt(c.name);
}

type Zone = 'top' | 'content' | 'bottom';

const TOP: ReadonlySet<BlockKind> = new Set(['head', 'byline', 'classification', 'sent', 'salute']);
const BOTTOM: ReadonlySet<BlockKind> = new Set(['closing', 'signed', 'postscript']);
/** Written where they stand, in any zone: TEI's model.global. */
const GLOBAL: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'marginal', 'noteBody', 'sourceNote']);

class BodyWriter {
  private readonly ids = new Map<Block, string>();

  constructor(
    private readonly doc: TeiDocument,
    private readonly marks: InferenceMarks,
  ) {
    let n = 1;
    const target = (b: Block | undefined) => {
      if (b && !this.ids.has(b)) this.ids.set(b, `${teiId(doc)}-p${n++}`);
    };
    const visit = (blocks: Block[]) => {
      for (const b of blocks) {
        target(b.duplicateOf);
        for (const i of b.inlines) if (i.type === 'interruption') visit(i.blocks);
      }
    };
    visit(doc.blocks);
  }

  write(body: XMLBuilder): void {
    const blocks = this.doc.blocks;
    if (this.doc.kind === 'front') {
      const div = body.ele('div').att('type', 'front');
      nl(div);
      for (const b of blocks) this.block(div, b, 'content');
      return;
    }
    const firstSection = blocks.findIndex((b) => b.kind === 'section');
    if (firstSection >= 0) {
      // Before the sections TEI allows only divTop matter and paragraphs; anything else goes in a part.
      const before = blocks.slice(0, firstSection);
      const lastTop = before.findLastIndex((b) => TOP.has(b.kind));
      const simple = before.every((b, i) => (TOP.has(b.kind) ? true : (b.kind === 'p' && i > lastTop) || GLOBAL.has(b.kind) || b.duplicateOf));
      if (simple) this.part(body, before.map((block) => ({ block, zone: TOP.has(block.kind) ? 'top' : 'content' })), false);
      else this.wrapped(body, before);
      let start = firstSection;
      while (start < blocks.length) {
        let end = start + 1;
        while (end < blocks.length && blocks[end]!.kind !== 'section') end++;
        const div = body.ele('div').att('type', 'section').att('n', blocks[start]!.n ?? '');
        nl(div);
        this.inlineElement(div, 'head', blocks[start]!);
        nl(div);
        this.zones(div, blocks.slice(start + 1, end));
        nl(body);
        start = end;
      }
      return;
    }
    this.zones(body, blocks);
  }

  /** Blocks in a division of their own (split further into parts if they need it). */
  private wrapped(parent: XMLBuilder, blocks: Block[]): void {
    if (blocks.length === 0) return;
    const div = parent.ele('div').att('type', 'part');
    nl(div);
    this.zones(div, blocks);
    nl(parent);
  }

  /**
   * Splits blocks into parts wherever opener matter follows text, or text follows closer matter (an
   * enclosure, a second letter on the same sheet): TEI allows each only at the top or bottom of a division.
   */
  private zones(parent: XMLBuilder, blocks: Block[]): void {
    const parts: { block: Block; zone: Zone }[][] = [[]];
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
    if (nonEmpty.length <= 1) {
      this.part(parent, nonEmpty[0] ?? []);
      return;
    }
    for (const part of nonEmpty) {
      const div = parent.ele('div').att('type', 'part');
      nl(div);
      this.part(div, part);
      nl(parent);
    }
  }

  private part(parent: XMLBuilder, items: { block: Block; zone: Zone }[], needsText = true): void {
    // TEI wants at least one paragraph in a division; a message that is all heading and closer gets an
    // empty one where its text would stand.
    let hasText = !needsText || items.some(({ block, zone }) => zone === 'content' && block.kind === 'p' && !block.duplicateOf);
    let group: XMLBuilder | undefined;
    let groupName = '';
    let postscript: XMLBuilder | undefined;
    const close = () => {
      if (group) nl(parent);
      group = undefined;
      groupName = '';
    };
    for (const { block, zone } of items) {
      if (block.duplicateOf || GLOBAL.has(block.kind) || (zone !== 'top' && (block.kind === 'reference' || block.kind === 'address'))) {
        this.block(postscript ?? group ?? parent, block, zone);
        continue;
      }
      if (zone === 'bottom' && !hasText && !postscript) {
        close();
        parent.ele('p');
        nl(parent);
        hasText = true;
      }
      if (block.kind === 'head' || block.kind === 'byline') {
        close();
        postscript = undefined;
        this.inlineElement(parent, block.kind, block, true);
        nl(parent);
        continue;
      }
      if (block.kind === 'postscript') {
        close();
        postscript = parent.ele('postscript');
        this.paragraph(postscript, block);
        continue;
      }
      if (block.kind === 'p' && postscript) {
        this.paragraph(postscript, block);
        continue;
      }
      if (postscript) {
        postscript = undefined;
        nl(parent);
      }
      if (zone === 'content') {
        close();
        this.block(parent, block, zone);
        continue;
      }
      const wanted = zone === 'top' ? 'opener' : 'closer';
      if (groupName !== wanted) {
        close();
        group = parent.ele(wanted);
        groupName = wanted;
      }
      this.block(group!, block, zone);
    }
    close();
    if (postscript) nl(parent);
    if (!hasText) {
      parent.ele('p');
      nl(parent);
    }
  }

  /** One block, as the element its kind and zone call for. */
  private block(parent: XMLBuilder, b: Block, zone: Zone): void {
    if (b.duplicateOf) {
      const note = parent.ele('note').att('type', 'duplicate').att('corresp', `#${this.ids.get(b.duplicateOf)}`);
      this.inlineElement(note, 'p', b);
      return;
    }
    switch (b.kind) {
      case 'p':
        this.paragraph(parent, b);
        nl(parent);
        return;
      case 'classification': {
        const seg = parent.ele('seg').att('type', 'classification');
        this.inlines(seg, b.inlines);
        return;
      }
      case 'sent':
      case 'dateline':
        this.inlineElement(parent, 'dateline', b);
        return;
      case 'salute':
      case 'closing':
        this.inlineElement(parent, 'salute', b);
        return;
      case 'signed':
        this.inlineElement(parent, 'signed', b);
        return;
      case 'reference':
        this.inlineElement(parent, 'fw', b).att('type', 'reference');
        return;
      case 'catch':
        this.inlineElement(parent, 'fw', b).att('type', 'catch');
        return;
      case 'pageNum':
        this.inlineElement(parent, 'fw', b).att('type', 'pageNum');
        parent.ele('pb').att('n', b.n ?? '');
        return;
      case 'marginal':
        this.inlineElement(parent, 'note', b).att('type', 'marginal').att('place', 'margin');
        return;
      case 'address': {
        const host = zone === 'top' ? parent : parent.ele('note').att('type', 'address');
        this.address(host.ele('address'), b);
        return;
      }
      case 'noteBody': {
        const note = parent.ele('note').att('place', 'foot');
        if (b.marker) note.ele('label').txt(b.marker);
        this.inlines(note, b.inlines);
        if (b.n) note.att('n', b.n);
        else note.att('type', 'unnumbered');
        if (zone === 'content') nl(parent);
        return;
      }
      case 'sourceNote':
        this.inlineElement(parent, 'note', b).att('type', 'source');
        nl(parent);
        return;
      default:
        this.paragraph(parent, b);
    }
  }

  private paragraph(parent: XMLBuilder, b: Block): XMLBuilder {
    const p = this.inlineElement(parent, 'p', b);
    if (b.n) p.att('n', b.n);
    return p;
  }

  private inlineElement(parent: XMLBuilder, name: string, b: Block, isHead = false): XMLBuilder {
    const el = parent.ele(name);
    const id = this.ids.get(b);
    if (id) el.att(XML_NS, 'xml:id', id);
    if (b.lang && b.lang !== this.doc.languages[0]) el.att(XML_NS, 'xml:lang', b.lang);
    if (isHead && name === 'head') this.headInlines(el, b.inlines);
    else this.inlines(el, b.inlines);
    return el;
  }

  /** A heading that opens with a classification: that part becomes `<seg type="classification">`. */
  private headInlines(el: XMLBuilder, inlines: Inline[]): void {
    const first = inlines[0];
    const classification = first?.type === 'text' ? headingClassification(first.text.trimStart()) : undefined;
    if (!first || first.type !== 'text' || !classification) {
      this.inlines(el, inlines);
      return;
    }
    const at = first.text.indexOf(classification) + classification.length;
    el.txt(first.text.slice(0, first.text.indexOf(classification)));
    el.ele('seg').att('type', 'classification').txt(classification);
    this.inlines(el, [{ ...first, text: first.text.slice(at) }, ...inlines.slice(1)]);
  }

  private address(address: XMLBuilder, b: Block): void {
    let line: Inline[] = [];
    const flush = () => {
      if (line.length > 0) this.inlines(address.ele('addrLine'), line);
      line = [];
    };
    for (const i of b.inlines) {
      if (i.type === 'lb') flush();
      else line.push(i);
    }
    flush();
  }

  private inlines(el: XMLBuilder, inlines: Inline[]): void {
    for (const node of inlines) {
      switch (node.type) {
        case 'text':
          if (node.text) el.txt(node.text);
          break;
        case 'hi':
          this.inlines(el.ele('hi').att('rend', node.rend), node.children);
          break;
        case 'noteRef':
          el.ele('hi').att('rend', 'superscript').txt(node.n);
          break;
        case 'note': {
          const note = el.ele('note').att('place', node.place).att('n', node.n);
          const marker = node.parts[0]?.marker;
          if (marker) note.ele('label').txt(marker);
          if (node.parts.length === 1 && !node.parts[0]!.lang) this.inlines(note, node.parts[0]!.inlines);
          else for (const part of node.parts) this.inlineElement(note, 'p', part).att(XML_NS, 'xml:lang', part.lang ?? this.doc.languages[0] ?? 'en');
          break;
        }
        case 'gap':
          el.ele('gap').att('reason', node.reason);
          break;
        case 'lb':
          if (node.breakNo) el.ele('lb').att('break', 'no');
          else el.ele('lb');
          break;
        case 'pb':
          if (node.n) el.ele('pb').att('n', node.n);
          else el.ele('pb');
          break;
        case 'interruption':
          for (const b of node.blocks) this.block(el, b, 'content');
          break;
        case 'entity': {
          const e = el.ele(node.tag);
          for (const [k, v] of Object.entries(node.attrs)) e.att(k, v);
          this.marks.mark(e, node.inferred);
          this.inlines(e, node.children);
          break;
        }
      }
    }
  }
}
