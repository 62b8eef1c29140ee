/**
 * Serialization: the document model → TEI P5 XML (through the small builder in xml-writer.ts). It writes and
 * decides nothing: the teiHeader from the header facts, the body as the layout pass divided it, each block as
 * the element its kind is encoded as (docs/encoding.md), inline nodes as they are.
 */
import { XmlWriter as XmlDocument, type XmlWriterElement as XMLBuilder } from '../xml/writer.js';
import { teiId, type Block, type Inference, type Inline, type LayoutNode, type Party, type TeiDocument, type Zone } from '../model/document.js';
import { ConvertError } from '../diagnostics/diagnostic.js';
import { ConvertCodes } from '../diagnostics/codes.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { LANGUAGE_NAMES } from './rules/language.js';

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

  /** An inferred page number: `pb` has TEI's @cert and @resp (att.global) but no @evidence (not att.editLike). */
  markPageBreak(el: XMLBuilder, inferred: Inference | undefined): void {
    if (!inferred) return;
    el.att('cert', inferred.cert).att('resp', `#${this.converterId}`);
    this.written++;
  }
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
  if (doc.author) writeParty(titleStmt.ele('author'), doc.author, marks);
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
  // The volume's own document holds several stretches of the source: one reference each.
  for (const [from, to] of doc.moreLines ?? []) bibl.ele('idno').att('type', 'source').txt(`${doc.sourceFile}#L${from}-L${to}`);
  nl(header);
  header.ele('encodingDesc').ele('p').txt('Converted from plain text; encoding as described in the Chancery encoding guidelines (docs/encoding.md).');
  nl(header);
  const profile = header.ele('profileDesc');
  const sentKnown = doc.sender.length > 0 || !!doc.date || !!doc.place;
  const receivedKnown = doc.addressees.length > 0 || !!doc.received;
  if (sentKnown || receivedKnown) {
    // A side nobody names is left out, not filled with "Unknown": a memorandum has no addressee at all.
    const corresp = profile.ele('correspDesc');
    if (sentKnown) {
      const sent = corresp.ele('correspAction').att('type', 'sent');
      for (const c of doc.sender) writeParty(sent, c, marks);
      if (doc.place) sent.ele('placeName').txt(doc.place);
      if (doc.date) {
        const d = sent.ele('date');
        if (doc.date.when) d.att('when', doc.date.time ? `${doc.date.when}T${doc.date.time}` : doc.date.when);
        if (doc.date.from) d.att('from', doc.date.from);
        if (doc.date.to) d.att('to', doc.date.to);
        marks.mark(d, doc.date.inferred);
        d.txt(doc.date.text);
      }
    }
    if (receivedKnown) {
      const received = corresp.ele('correspAction').att('type', 'received');
      for (const c of doc.addressees) writeParty(received, c, marks);
      if (doc.received) {
        const d = received.ele('date').att('when', doc.received.when);
        marks.mark(d, doc.received.inferred);
        d.txt(doc.received.text);
      }
    }
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

/**
 * A party as TEI names it: a person as persName (the office it holds as roleName inside), an office alone as
 * rs type="role", office holders addressed together as rs type="group", an institution as orgName.
 */
function writeParty(parent: XMLBuilder, c: Party, marks: InferenceMarks): void {
  const p = c.kind === 'office' ? parent.ele('rs').att('type', 'role') : c.kind === 'group' ? parent.ele('rs').att('type', 'group') : c.kind === 'org' ? parent.ele('orgName') : parent.ele('persName');
  if (c.ref && !c.kind) p.att('ref', c.ref);
  marks.mark(p, c.inferred);
  if (!c.kind && c.role && !c.name.includes(c.role)) {
    p.ele('roleName').txt(c.role);
    p.txt(' ');
  }
  p.txt(c.name);
}

class BodyWriter {
  constructor(
    private readonly doc: TeiDocument,
    private readonly marks: InferenceMarks,
  ) {}

  write(body: XMLBuilder): void {
    if (!this.doc.layout) {
      throw ConvertError.of(ConvertCodes.notLaidOut, { document: teiId(this.doc) });
    }
    this.nodes(body, this.doc.layout);
  }

  private nodes(parent: XMLBuilder, nodes: LayoutNode[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'div': {
          const div = parent.ele('div').att('type', node.divType);
          if (node.n !== undefined) div.att('n', node.n);
          nl(div);
          this.nodes(div, node.children);
          if (node.newlineAfter) nl(parent);
          break;
        }
        case 'group': {
          const group = parent.ele(node.element);
          if (node.element === 'postscript') this.postscript(group, node.children);
          else this.nodes(group, node.children);
          if (node.newlineAfter) nl(parent);
          break;
        }
        case 'block':
          this.block(parent, node.block, node.zone);
          break;
        case 'emptyParagraph':
          parent.ele('p');
          nl(parent);
          break;
      }
    }
  }

  /** A postscript's paragraphs follow each other on one line; what else stands in it is written as anywhere. */
  private postscript(el: XMLBuilder, nodes: LayoutNode[]): void {
    for (const node of nodes) {
      if (node.type === 'block' && !node.block.duplicateOf && (node.block.kind === 'p' || node.block.kind === 'postscript')) this.paragraph(el, node.block);
      else this.nodes(el, [node]);
    }
  }

  /** One block, as the element its kind and zone call for. */
  private block(parent: XMLBuilder, b: Block, zone: Zone): void {
    if (b.duplicateOf) {
      const note = parent.ele('note').att('type', 'duplicate').att('corresp', `#${b.duplicateOf.xmlId}`);
      this.inlineElement(note, 'p', b);
      return;
    }
    switch (b.kind) {
      case 'p':
        this.paragraph(parent, b);
        nl(parent);
        return;
      case 'head':
      case 'byline':
        this.inlineElement(parent, b.kind, b);
        nl(parent);
        return;
      case 'section':
        this.inlineElement(parent, 'head', b);
        nl(parent);
        return;
      case 'classification': {
        const seg = parent.ele('seg').att('type', 'classification');
        this.inlines(seg, b.inlines);
        return;
      }
      case 'memoHeader': {
        // "TELEGRAM No. 418 / From: … / To: … / Date: …": kept as printed; what it says is in the teiHeader.
        const seg = parent.ele('seg').att('type', 'memoHeader');
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
      case 'pageNum': {
        this.inlineElement(parent, 'fw', b).att('type', 'pageNum');
        const pb = parent.ele('pb').att('n', b.startsPage?.n ?? b.n ?? '');
        this.marks.markPageBreak(pb, b.startsPage?.inferred);
        return;
      }
      case 'turnOver':
        this.inlineElement(parent, 'fw', b).att('type', 'turnOver');
        return;
      case 'runningHead':
        this.inlineElement(parent, 'fw', b).att('type', 'header');
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

  private inlineElement(parent: XMLBuilder, name: string, b: Block): XMLBuilder {
    const el = parent.ele(name);
    if (b.xmlId) el.att(XML_NS, 'xml:id', b.xmlId);
    if (b.lang && b.lang !== this.doc.languages[0]) el.att(XML_NS, 'xml:lang', b.lang);
    this.inlines(el, b.inlines);
    return el;
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
          else {
            // A line break parts two words: the new line starts on a new line of the file, so that the text read
            // from the TEI keeps them apart ("David J. Hill,\n<lb/>Acting Secretary.", not "Hill,Acting").
            el.txt('\n');
            el.ele('lb');
          }
          break;
        case 'pb': {
          const pb = el.ele('pb');
          if (node.n) pb.att('n', node.n);
          this.marks.markPageBreak(pb, node.inferred);
          break;
        }
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
