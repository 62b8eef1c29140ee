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
import { Mentions, type Mention } from './mentions.js';
import { publishableElement } from './site/publishable.js';

export type { Mention } from './mentions.js';

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
  /**
   * @param document the document's id
   * @param mentions where the mentions go (their strings are copied: a slice would keep its whole block's text alive)
   */
  constructor(
    private readonly document: string,
    readonly mentions: Mentions = new Mentions(),
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
    for (const m of acc.marks) {
      // a context cut at a word is marked "…" on that side (Mentions keeps the mark apart)
      const before = acc.text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start);
      const after = acc.text.slice(m.end, m.end + CONTEXT_CHARS);
      const cutBefore = m.start > CONTEXT_CHARS;
      const cutAfter = m.end + CONTEXT_CHARS < acc.text.length;
      this.mentions.add(
        m.id,
        this.document,
        collapse(acc.text.slice(m.start, m.end)),
        cutBefore ? before.replace(/^\S*\s/, '') : before.trimStart(),
        cutAfter ? after.replace(/\s\S*$/, '') : after.trimEnd(),
        cutBefore,
        cutAfter,
      );
    }
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
  return [...collector.mentions];
}

/**
 * What a page rendered while its file is read must know of the whole file before it starts (src/transform/site
 * reads the rest as it goes).
 */
export interface StreamedFacts {
  /** Whether a browser may be given the file as it is (no namespace but TEI's: src/transform/site/publishable.ts). */
  publishable: boolean;
  /** Every persName/@ref token of the file, once each. */
  personRefs: ReadonlySet<string>;
  /** Which of the text's `body`, `front` and `back` hold a `head` of their own (their divisions' headings go deeper). */
  headed: ReadonlySet<string>;
  /** The xml:ids of the text that an `@corresp` in the text points to (`#id`): the only ones a page links to. */
  pointedIds: ReadonlySet<string>;
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
  /** How many mentions were added to the edition's {@link Mentions}. */
  mentions: number;
  /** The first dated dateline of the text (outside debris), else its first dated docDate. */
  textDate: TeiElement | undefined;
  /** Whether {@link root} is the whole tree. */
  kept: boolean;
  /** What a page rendered while the file is read needs to know beforehand (a file whose tree is not kept). */
  facts: StreamedFacts | undefined;
}

/** `<source-slug>-<nnn>`: a document's id, from where its file stands. */
export function documentIdOf(file: string): string {
  return `${basename(dirname(file))}-${basename(file, '.xml')}`;
}

/**
 * Reads one TEI file; a file that cannot be read or is not well-formed is one finding and no result.
 * `keepTree(size)` says whether a file of that many bytes keeps its whole tree. Its mentions are added to
 * `mentions` (and stay there even when the file proves not to be a document: the caller truncates).
 */
export function readTeiFile(
  file: string,
  keepTree: (bytes: number) => boolean,
  diagnostics: Diagnostic[],
  dateOf: (el: TeiElement) => boolean,
  mentions: Mentions = new Mentions(),
): ReadTeiFile | undefined {
  // the same reading as validate's: a regular file within the size limit, UTF-8 or UTF-16 as XML says
  const chunks = openXmlChunks(file);
  if ('diagnostic' in chunks) {
    diagnostics.push(leftOut(chunks.diagnostic, file));
    return undefined;
  }
  const kept = keepTree(chunks.size);
  const collector = new MentionCollector(documentIdOf(file), mentions);
  const mentionsBefore = mentions.length;
  const personRefs = new Set<string>();
  let publishable = true;
  const headed = new Set<string>();
  // gathered only while inside the first text: ids and what @corresp points to
  let inText = false;
  const ids = new Set<string>();
  const pointed = new Set<string>();
  const notePointers = (el: TeiElement): void => {
    const id = el.attrs['xml:id'];
    if (id) ids.add(id);
    const corresp = el.attrs.corresp;
    if (corresp?.startsWith('#')) pointed.add(corresp.slice(1));
  };
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
      publishable &&= publishableElement(el);
      if (inText) notePointers(el);
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
      if (el.name === 'head' && el.parent.parent === text && text && ['body', 'front', 'back'].includes(el.parent.name)) headed.add(el.parent.name);
      if (el.parent === root) {
        if (el.name !== 'text' || text) return false;
        text = el;
        inText = true;
        notePointers(el);
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
      if (el === text) inText = false;
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
    mentions.truncate(mentionsBefore);
    return undefined;
  }
  const problem = chunks.problem ?? tree.diagnostics[0];
  if (problem || !tree.root) {
    if (problem) diagnostics.push(leftOut(problem, file));
    mentions.truncate(mentionsBefore);
    return undefined;
  }
  return {
    root: tree.root,
    text,
    register: body !== undefined && bodyBlocks > 0 && bodyLists,
    listPerson,
    personRefs,
    mentions: mentions.length - mentionsBefore,
    textDate: dateline ?? docDate,
    kept,
    facts: kept ? undefined : { publishable, personRefs, headed, pointedIds: new Set([...ids].filter((id) => pointed.has(id))) },
  };
}
