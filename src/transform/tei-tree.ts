/**
 * The transforms' view of a TEI file: the shared XML tree of src/xml (read by saxes, without recursion, within
 * the depth limit), with the first problem of a file that cannot be read turned into the transform's finding.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseXmlTree, type XmlElement, type XmlNode, type XmlText } from '../xml/tree.js';
import { TransformCodes, XmlCodes } from '../diagnostics/codes.js';

export { child, childElements, collapse, descendants, hasAncestor, path, textOf } from '../xml/tree.js';

/** An element of a parsed TEI file. Names keep their prefix (`xml:id` stays `xml:id`). */
export type TeiElement = XmlElement;
/** A run of character data (entities already resolved). */
export type TeiText = XmlText;
/** A node of the tree: element or text (comments and processing instructions are dropped). */
export type TeiNode = XmlNode;

/** The outcome of parsing one file: the root element (absent when the file is not well-formed). */
export interface ParsedTei {
  file: string;
  root: TeiElement | undefined;
  diagnostics: Diagnostic[];
}

/** What the transform says of a file it leaves out: the reader's finding, at its place, under the transform's code. */
export function leftOut(problem: Diagnostic, file: string): Diagnostic {
  const fileProblem = problem.code === XmlCodes.unreadable || problem.code === XmlCodes.notRegularFile || problem.code === XmlCodes.fileTooLarge;
  const message = problem.code === XmlCodes.notWellFormed ? `not well-formed XML, ${problem.message.replace(/^not well-formed: /, '')}` : problem.message;
  return diagnostic(fileProblem ? TransformCodes.unreadable : TransformCodes.notWellFormed, { detail: `left out of the outputs: ${message}` }, problem.span ?? { file, line: 1, column: 1 });
}

/**
 * Parses XML text into a tree. The first problem is reported and the tree is dropped: a half-parsed document
 * would produce a half-rendered page that looks complete.
 */
export function parseTei(xml: string, file: string): ParsedTei {
  const tree = parseXmlTree(xml, file);
  const first = tree.diagnostics[0];
  if (!tree.root || first) return { file, root: undefined, diagnostics: first ? [leftOut(first, file)] : [] };
  return { file, root: tree.root, diagnostics: [] };
}
