/**
 * One TEI file read for the edition, in a single pass that holds no more of a large file than its header and
 * the block being read: the `text`, its body, front, back and divisions hand each child over as it completes
 * (src/xml/pruned-tree.ts), and what the edition needs of the text is gathered from it on the way — the mentions
 * of persons with their contexts, the first dated dateline or docDate, the person references, whether the file
 * is a register. A small file keeps its whole tree for the transforms to render.
 */
import { basename, dirname } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { XmlCodes } from '../diagnostics/codes.js';
import { personIdOf } from '../edition/personography.js';
import { openXmlChunks, readXmlFile } from '../xml/read-file.js';
import { readPrunedTree } from '../xml/pruned-tree.js';
import { isDebris, isFootnote, isNoteLabel } from './reading.js';
import { collapse, descendants, leftOut } from './tei-tree.js';
import type { TeiElement, TeiNode } from './tei-tree.js';

/** A persName in a document's reading text. */
export interface Mention {
  person: string;
  document: string;
  /** The name as written. */
  name: string;
  before: string;
  after: string;
}

const CONTEXT_CHARS = 70;

const CONTEXT_BLOCKS: ReadonlySet<string> = new Set([
  'head', 'p', 'dateline', 'salute', 'signed', 'byline', 'addrLine', 'item', 'l', 'cell', 'ab', 'label', 'trailer', 'note',
]);

/** Elements of the text read child by child: none is a context block, debris, a note or a name. */
const PASSED_THROUGH: ReadonlySet<string> = new Set(['body', 'front', 'back', 'div', 'group']);

/** The running text of a context block, with the places of the names in it. */
interface Block {
  text: string;
  marks: { id: string; start: number; end: number }[];
}

/**
 * Every persName with a personography reference in the reading text, with up to 70 characters of its block's
 * text either side. Duplicates and debris are left out, as from the reading text. Nodes are given in document
 * order with the block they stand in (none at the top of the `text`).
 */
export class MentionCollector {
  readonly mentions: Mention[] = [];

  /**
   * @param document the document's id
   * @param detach copy each mention's strings, which would otherwise keep its whole block's text alive
   */
  constructor(
    private readonly document: string,
    private readonly detach = false,
  ) {}

  static block(): Block {
    return { text: '', marks: [] };
  }

  visit(n: TeiNode, acc: Block | undefined): void {
    if (n.type === 'text') {
      if (acc) append(acc, n.text);
      return;
    }
    if (isDebris(n) || isNoteLabel(n)) return;
    if (n.name === 'lb') {
      if (acc && n.attrs.break !== 'no') append(acc, ' ');
      return;
    }
    const own = CONTEXT_BLOCKS.has(n.name) || !acc ? MentionCollector.block() : undefined;
    const a = own ?? acc!;
    if (isFootnote(n) && acc) append(acc, ' ');
    const id = n.name === 'persName' ? personIdOf(n.attrs.ref) : undefined;
    const start = a.text.length;
    for (const c of n.children) this.visit(c, a);
    if (id) a.marks.push({ id, start, end: a.text.length });
    if (own) this.finish(own);
  }

  finish(acc: Block): void {
    const found: Mention[] = [];
    for (const m of acc.marks) {
      let before = acc.text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start);
      let after = acc.text.slice(m.end, m.end + CONTEXT_CHARS);
      if (m.start > CONTEXT_CHARS) before = '…' + before.replace(/^\S*\s/, '');
      if (m.end + CONTEXT_CHARS < acc.text.length) after = after.replace(/\s\S*$/, '') + '…';
      found.push({ person: m.id, document: this.document, name: collapse(acc.text.slice(m.start, m.end)), before: before.trimStart(), after: after.trimEnd() });
    }
    // pushed one by one: a document of 300,000 mentions would overflow the stack as spread arguments
    for (const m of this.detach && found.length > 0 ? structuredClone(found) : found) this.mentions.push(m);
  }
}

function append(acc: Block, t: string): void {
  const s = t.replace(/\s+/g, ' ');
  acc.text += acc.text.endsWith(' ') && s.startsWith(' ') ? s.slice(1) : s;
}

/** {@link MentionCollector} over a whole `text` element. */
export function collectMentions(text: TeiElement, document: string): Mention[] {
  const collector = new MentionCollector(document);
  for (const c of text.children) collector.visit(c, undefined);
  return collector.mentions;
}

/** What the edition takes from one well-formed TEI file. */
export interface ReadTeiFile {
  /** The root: the header whole; the first `text` whole only when the tree was kept, else without children. */
  root: TeiElement;
  /** The first `text` element child of the root. */
  text: TeiElement | undefined;
  /** Whether the body of the text holds only lists (listPerson, listPlace…): a register, not a document. */
  register: boolean;
  /** Whether a listPerson stands anywhere in the file. */
  listPerson: boolean;
  /** Every persName/@ref token, once each, in the order first met. */
  personRefs: Set<string>;
  mentions: Mention[];
  /** The first dated dateline of the text (outside debris), else its first dated docDate. */
  textDate: TeiElement | undefined;
  /** Whether {@link root} is the whole tree. */
  kept: boolean;
}

/** `<source-slug>-<nnn>`: a document's id, from where its file stands. */
export function documentIdOf(file: string): string {
  return `${basename(dirname(file))}-${basename(file, '.xml')}`;
}

/**
 * Reads one TEI file; a file that cannot be read or is not well-formed is one finding and no result.
 * `keepTree(size)` says whether a file of that many bytes keeps its whole tree.
 */
export function readTeiFile(file: string, keepTree: (bytes: number) => boolean, diagnostics: Diagnostic[], dateOf: (el: TeiElement) => boolean): ReadTeiFile | undefined {
  // the same reading as validate's: a regular file within the size limit, UTF-8 or UTF-16 as XML says
  const chunks = openXmlChunks(file);
  if ('diagnostic' in chunks) {
    diagnostics.push(leftOut(chunks.diagnostic, file));
    return undefined;
  }
  const kept = keepTree(chunks.size);
  const collector = new MentionCollector(documentIdOf(file), !kept);
  const personRefs = new Set<string>();
  const blocks = new Map<TeiElement, Block | undefined>();
  let root: TeiElement | undefined;
  let text: TeiElement | undefined;
  let body: TeiElement | undefined;
  let bodyBlocks = 0;
  let bodyLists = true;
  let listPerson = false;
  let dateline: TeiElement | undefined;
  let docDate: TeiElement | undefined;
  const lookForDates = (n: TeiNode): void => {
    if (n.type !== 'element' || (dateline && docDate)) return;
    const found = descendants(n);
    found.unshift(n);
    for (const el of found) {
      if (!dateline && el.name === 'dateline' && dateOf(el)) dateline = el;
      else if (!docDate && el.name === 'docDate' && dateOf(el)) docDate = el;
    }
  };
  const tree = readPrunedTree(chunks, file, {
    keep: kept,
    // asked at every start tag: where the references and lists are seen
    streams(el) {
      if (el.name === 'persName') {
        for (const token of (el.attrs.ref ?? '').split(/\s+/)) if (token) personRefs.add(token);
      } else if (el.name === 'listPerson') listPerson = true;
      if (el.parent === undefined) {
        root = el;
        return false;
      }
      if (el.parent === body && el.name !== 'head') {
        bodyBlocks++;
        bodyLists &&= el.name.startsWith('list');
      }
      if (el.parent === root) {
        if (el.name !== 'text' || text) return false;
        text = el;
        blocks.set(el, undefined);
        return true;
      }
      if (!blocks.has(el.parent) || !PASSED_THROUGH.has(el.name)) return false;
      if (el.parent === text && el.name === 'body' && !body) body = el;
      // the top of the text has no block: a division there gathers its own, one for all it holds
      blocks.set(el, blocks.get(el.parent) ?? MentionCollector.block());
      return true;
    },
    child(node, parent) {
      collector.visit(node, blocks.get(parent));
      lookForDates(node);
    },
    close(el) {
      const own = blocks.get(el);
      if (own && blocks.get(el.parent!) === undefined) collector.finish(own);
      blocks.delete(el);
    },
  });
  if (chunks.failed) {
    // a decoding problem is placed by the whole reader, which needs the text before the bad byte
    const whole = readXmlFile(file);
    const problem = 'diagnostic' in whole ? whole.diagnostic : diagnostic(XmlCodes.unreadable, { detail: 'cannot be decoded' }, { file, line: 1, column: 1 });
    diagnostics.push(leftOut(problem, file));
    return undefined;
  }
  const problem = chunks.problem ?? tree.diagnostics[0];
  if (problem || !tree.root) {
    if (problem) diagnostics.push(leftOut(problem, file));
    return undefined;
  }
  return {
    root: tree.root,
    text,
    register: body !== undefined && bodyBlocks > 0 && bodyLists,
    listPerson,
    personRefs,
    mentions: collector.mentions,
    textDate: dateline ?? docDate,
    kept,
  };
}
