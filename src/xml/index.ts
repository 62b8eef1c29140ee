/**
 * The XML layer every stage uses: reading (saxes → events or a tree, 1-based positions, limits as findings),
 * files (regular files within a size limit, decoded as XML says), writing (one builder, one escape).
 */
export { XmlCodes } from '../diagnostics/codes.js';
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_BYTES, MAX_REPORTED_ERRORS } from './limits.js';
export { decodeXml, detectXmlEncoding } from './decode.js';
export { readXmlFile, type XmlFileText } from './read-file.js';
export { XmlReader, type XmlHandlers, type XmlReadOptions, type XmlAttribute, type XmlTag } from './read.js';
export { parseXmlTree, child, childElements, collapse, descendants, hasAncestor, path, rawTextOf, textOf, type XmlElement, type XmlNode, type XmlText, type XmlTree } from './tree.js';
export { escapeAttr, escapeText, xmlSafe } from './escape.js';
export { XmlWriter, XmlWriterElement } from './writer.js';
