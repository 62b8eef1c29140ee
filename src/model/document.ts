/**
 * The document model that every conversion pass reads and refines. One `SourceText` becomes several
 * `TeiDocument`s; each is a list of `Block`s (what a blank line separates in the source, classified by the
 * structure pass) whose text the inline pass parses once into `Inline` nodes, before anything else reads it.
 * Passes never go back to raw text another pass has understood: they work on blocks and inlines, which keep
 * their source line and column.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A decoded input file. `lines[0]` is line 1. */
export interface SourceText {
  file: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  hadBom: boolean;
  byteLength: number;
  /** The source's lines, without their terminators. */
  lines: LineList;
}

/**
 * Lines read by index or in order: an array of strings is one; a decoded file gives one that holds its bytes and
 * decodes a line when it is asked for (src/convert/readers/source-lines.ts). Read a line with `at` (0-based;
 * undefined past the end), never with a negative index: an array counts those from its end, a source's lines do not.
 */
export interface LineList extends Iterable<string> {
  readonly length: number;
  at(index: number): string | undefined;
}

/** What a block is, once the structure pass has looked at it. */
export type BlockKind =
  | 'front' // title page, preface: the volume's own matter
  | 'head' // a document's heading
  | 'byline' // author line under an article title
  | 'section' // a section number such as "II" opening a div
  | 'classification' // SECRET, PERSONAL AND SECRET
  | 'reference' // file or registry number: 6253/14/41, G260/3/41, FRHM:HK
  | 'sent' // "Sent on August 4, 1941": the date a message was sent, printed before its heading
  | 'dateline'
  | 'salute' // "My dear Welles,"
  | 'p'
  | 'closing' // "Yours very sincerely,"
  | 'signed'
  | 'postscript'
  | 'address' // an address block (inside address, addressee)
  | 'catch' // page-foot catchword such as "Russian/"
  | 'pageNum' // "-4-"
  | 'turnOver' // "(over)", "P.S. (over)", "P.T.O.": a direction to turn the page
  | 'marginal' // handwritten marginalia, registry stamps
  | 'noteBody' // the text of a footnote, wherever it was printed
  | 'sourceNote' // an unnumbered note on the document's source (documentary editions)
  | 'runningHead' // a print extraction's running head with its page number (`n`), where the page turned
  | 'memoHeader'; // a memo or telegram form's header lines: "TELEGRAM No. …", "From: …", "To: …", "Date: …"

export interface Block {
  kind: BlockKind;
  /** First and last source line of the block (1-based, in the input file). */
  line: number;
  endLine: number;
  /** The block's raw lines, as in the source. */
  lines: string[];
  /** Column (1-based) of the first character of `lines[0]` (lines after the first start at column 1). */
  column: number;
  /** The text parsed into inline nodes (set by the inline pass, right after segmentation). */
  inlines: Inline[];
  /** A number the source printed for it: paragraph, section, page or note number. */
  n?: string;
  /** The marker printed before a note text ("¹", "59", "1."), kept as the note's `<label>`. */
  marker?: string;
  lang?: string;
  /** Set on a passage the document repeats (a second OCR pass): the block it repeats. */
  duplicateOf?: Block;
  /**
   * Print extractions: where each of `lines` came from, when a line is several printed lines joined again
   * (the pieces of line i, each an offset in it and the 1-based source line and column of its text). Absent:
   * line i is source line `line + i`.
   */
  pieces?: { offset: number; line: number; column: number }[][];
  /** Running heads printed inside the block: before `offset` of its line `at`, the page turned. */
  pageBreaks?: { at: number; offset: number; head: Block }[];
  /**
   * A page number (`pageNum`): the number of the page that begins after it, when that is not the printed one (a
   * number printed at a page's foot: the next page's), set by the join pass.
   */
  startsPage?: { n: string; inferred: Inference };
  /**
   * Set by the segmentation on a head of the volume's divisions ("Chapter I. Loans …"), which the volume's own
   * document gathers: which stretch between two documents it was printed in (0, 1, …).
   */
  divisionHead?: number;
  /**
   * Set by the structure pass on the marker that opens an enclosure ("[Enclosure 2—Translation]", "[Subenclosure]",
   * "Annex No. 3."), or on the first block of one printed without a marker: its level (2: an enclosure of the
   * enclosure before it) and the number it prints.
   */
  opensEnclosure?: {
    level: 1 | 2;
    n?: string;
    /** An enclosure printed without a marker (or with its head above the marker) opens with this block: what it is. */
    unmarked?: 'head' | 'source' | 'dateline';
  };
  /** The block's xml:id, set by the layout pass on a passage that duplicates point to. */
  xmlId?: string;
}

/** Where a block stands in its division: opener matter, text, closer matter (TEI's divTop, text and divBottom). */
export type Zone = 'top' | 'content' | 'bottom';

/**
 * The divisions of a body: the volume's own matter (`front`), a numbered section, a part (what opener matter after
 * text, or text after closer matter, splits off), an enclosure inside its covering document, the covering
 * text itself (the document's, or an enclosure's with subenclosures: what the enclosures follow), and a division
 * of a volume (a part, a chapter) in the volume's own document, with its head.
 */
export type DivType = 'front' | 'section' | 'part' | 'enclosure' | 'covering' | 'division';

/**
 * The body of a document as TEI divides it, decided by the layout pass and written as it stands by the
 * serializer: divisions, opener/closer/postscript groups, blocks in their zone, and the empty paragraph TEI
 * requires in a division that has no text. `newlineAfter` says whether the file breaks the line after it.
 */
export type LayoutNode =
  | { type: 'div'; divType: DivType; n?: string; children: LayoutNode[]; newlineAfter: boolean }
  | { type: 'group'; element: 'opener' | 'closer' | 'postscript'; children: LayoutNode[]; newlineAfter: boolean }
  | { type: 'block'; block: Block; zone: Zone }
  | { type: 'emptyParagraph' };

export type Inline =
  | TextInline
  | { type: 'hi'; rend: 'italic' | 'bold' | 'superscript'; children: Inline[] }
  | NoteRefInline
  | { type: 'note'; n: string; place: 'foot'; parts: Block[] }
  | { type: 'gap'; reason: 'omitted'; text: string }
  | { type: 'lb'; breakNo?: boolean }
  | { type: 'interruption'; blocks: Block[] } // page-foot matter inside a paragraph re-joined across a page break
  | PageBreakInline
  | EntityInline;

/**
 * Where a page turned inside running text. `n` is the number of the page that begins there; `inferred` is set
 * when that number was counted from the page numbers printed around the break, not printed at it.
 */
export interface PageBreakInline {
  type: 'pb';
  n?: string;
  inferred?: Inference;
}

/**
 * A footnote reference as printed: superscript digits, an HTML `<sup>` (or a mangled form of it), a word
 * processor's `[footnoteRef:n]`, or plain digits or a symbol glued to a word ("(CLIFFORD WEBSTER)59", "market.†": found
 * by the notes pass).
 */
export interface NoteRefInline {
  type: 'noteRef';
  n: string;
  form: 'superscript' | 'sup' | 'footnoteRef' | 'digits' | 'symbol';
  line: number;
  column: number;
}

export interface TextInline {
  type: 'text';
  text: string;
  line: number;
  column: number;
}

export interface EntityInline {
  type: 'entity';
  tag: 'persName' | 'date' | 'placeName' | 'orgName' | 'seg';
  attrs: Record<string, string>;
  children: Inline[];
  /** Set when part of what the attributes say is inferred, not printed (a year the text leaves out). */
  inferred?: Inference;
}

/**
 * A fact the converter inferred rather than read where it belongs — chrono-node's "implied" as against
 * "assigned". Written with TEI's `@cert`, `@evidence` and `@resp` (docs/encoding.md, "What the converter infers").
 */
export interface Inference {
  /** How sure the inference is (TEI's data.certainty). */
  cert: 'high' | 'medium' | 'low';
  /** What it rests on; `internal`: the source itself (the document's own date, the other messages of its volume). */
  evidence: 'internal';
}

/**
 * A sender or addressee of a document (a correspondent, in TEI's words), or a document's author, named as the
 * source prints them: a person (who may hold an office), an office named without a person ("the Secretary of
 * State"), an institution ("the British Embassy"), or office holders addressed together ("All American Diplomatic
 * Missions in the American Republics").
 */
export interface Party {
  /** What the party is; a person when absent. */
  kind?: 'office' | 'org' | 'group';
  /** A person's name as printed ("F. ROOSEVELT", "Harriman"); for an office, an institution or a group, the phrase. */
  name: string;
  /** The office a person holds, as printed: "PRIME MINISTER", "Ambassador in Russia". */
  role?: string;
  /** Reference into the personography, set by the entities pass. */
  ref?: string;
  /** Set when the document does not print this party: inferred (from the rest of the volume). */
  inferred?: Inference;
}

export interface DocumentDate {
  /** ISO value: YYYY, YYYY-MM, YYYY-MM-DD. */
  when?: string;
  /** The time of day the dateline prints, HH:MM:SS ("5 p.m." → 17:00:00); written into `@when` with the date. */
  time?: string;
  from?: string;
  to?: string;
  text: string;
  /** Where the date came from: a "Sent on" line, a dateline, the end of the body, the heading. */
  source: 'sent-line' | 'dateline' | 'end-date' | 'heading' | 'body';
  /** Set when part of the value is not printed where the date is (a year taken from another line). */
  inferred?: Inference;
}

/** A receipt date: `when` (with its time where printed) and what of it the receipt line left to be inferred. */
export interface ReceivedDate {
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS. */
  when: string;
  /** The receipt line as printed. */
  text: string;
  /** Set when the year (or the day) comes from the dateline, not from the receipt line. */
  inferred?: Inference;
}

export type DocumentKind = 'letter' | 'telegram' | 'note' | 'memorandum' | 'article' | 'front' | 'document';

export interface TeiDocument {
  /** Zero-padded ordinal inside its source: "000", "001". */
  id: string;
  /** Slug of the source file, the folder of the edition the document belongs to. */
  sourceSlug: string;
  sourceFile: string;
  /** Line range of the source this document came from (1-based, inclusive). */
  startLine: number;
  endLine: number;
  /**
   * Further stretches of the source the document holds, beyond startLine–endLine: the volume's own document
   * gathers the heads of its divisions from between the documents.
   */
  moreLines?: [number, number][];
  kind: DocumentKind;
  blocks: Block[];
  title?: string;
  sender: Party[];
  addressees: Party[];
  /** The writer of a document that is not correspondence ("Memorandum by the Secretary of State"): no sender, no addressee. */
  author?: Party;
  date?: DocumentDate;
  /** When the document was received ("[Received April 8, 7.45 p.m.]"): the date made whole from the dateline. */
  received?: ReceivedDate;
  place?: string;
  classification?: string;
  /** Language codes used in the text, main language first. */
  languages: string[];
  /** Where this document sits in a volume (title of the volume), if known. */
  volumeTitle?: string;
  /** The body as TEI divides it (set by the layout pass, the last). */
  layout?: LayoutNode[];
  diagnostics: Diagnostic[];
}

/** `xml:id` of a document: unique across the edition. */
export function teiId(doc: Pick<TeiDocument, 'sourceSlug' | 'id'>): string {
  return `doc-${doc.sourceSlug}-${doc.id}`.replace(/[^A-Za-z0-9_.-]/g, '-');
}
