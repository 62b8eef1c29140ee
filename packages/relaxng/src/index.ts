/**
 * A RELAX NG validator (XML syntax) that takes any schema: the whole specification (include with overrides,
 * externalRef, nested grammars, every simplification and restriction checked when the schema is compiled),
 * XML Schema datatypes with their facets, and DTD compatibility IDs. Derivative-based, as jing is.
 *
 * ```ts
 * const schema = compileSchema('docbook.rng');
 * const { valid, errors } = validateText(schema, xml, { file: 'book.xml' });
 * ```
 */
import { readDocument, type ReadOptions, type ReadProblem } from './document.js';
import type { CompiledSchema } from './schema/compile.js';
import { DocumentValidator, type ValidationError } from './validator.js';

export { compileSchema, readLocalFile, toUrl, type CompiledSchema, type CompileOptions, type ResourceLoader } from './schema/compile.js';
export { DocumentValidator, ValidationCodes, type DocumentListener, type Span, type ValidationError, type XmlAttribute } from './validator.js';
export { readDocument, XINCLUDE_NS, type ReadOptions, type ReadProblem } from './document.js';
export { readDoctype, expandMarkupEntities, installTextEntities, MAX_ENTITY_EXPANSIONS, MAX_EXPANDED_CHARS, type Doctype } from './doctype.js';
export { decodeXmlBytes } from './decode.js';
export { RelaxNgError, SchemaError, SchemaErrorCodes, formatDetail, type ErrorDetail, type Location } from './errors.js';
export { makeDatatype, translateXsdRegex, DatatypeError, XsdRegexError, XSD_LIBRARY, XSD_TYPES, type Datatype, type ValueContext } from './datatypes/index.js';

/** What validating one document found. */
export interface DocumentResult {
  /** No problem reading it and no validation error. */
  valid: boolean;
  /** Problems that spoiled reading: not well-formed, a refused entity, a failed XInclude. */
  problems: ReadProblem[];
  errors: ValidationError[];
}

/** Validates document text against a compiled schema. Never throws for bad input. */
export function validateText(schema: CompiledSchema, text: string, options: ReadOptions): DocumentResult {
  const validator = new DocumentValidator(schema);
  const problems = readDocument(text, validator, options);
  const errors = validator.diagnostics;
  return { valid: problems.length === 0 && errors.length === 0, problems, errors };
}
