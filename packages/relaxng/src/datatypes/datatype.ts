/** What the validator needs of a datatype: lexical checks, values for `<value>` and facets, ID types. */

/** The context a value is read in: namespace prefixes (for QName) and the document's unparsed entities. */
export interface ValueContext {
  /** The namespace URI bound to `prefix` ('' for the default namespace), or undefined when unbound. */
  resolvePrefix(prefix: string): string | undefined;
  /** Whether the document declares an unparsed entity of this name (for ENTITY, ENTITIES). */
  isUnparsedEntity?(name: string): boolean;
}

/** An opaque value of a datatype's value space. */
export type Value = unknown;

/** ID types of the RELAX NG DTD Compatibility specification. */
export type IdType = 'ID' | 'IDREF' | 'IDREFS';

export interface Datatype {
  readonly library: string;
  readonly name: string;
  /** For messages: "date (YYYY-MM-DD)", "integer ≤ 10"… */
  readonly description: string;
  readonly idType?: IdType;
  /** Whether values depend on the context (QName, ENTITY): such values are never memoised. */
  readonly contextDependent: boolean;
  /** The value a lexical form denotes, or undefined when the form is not valid for the type and its facets. */
  parse(lexical: string, context?: ValueContext): Value | undefined;
  /** Whether two values are the same value. */
  sameValue(a: Value, b: Value): boolean;
  /** A string that is equal for equal values (hash-consing of `<value>` patterns). */
  valueKey(v: Value): string;
  /** Why a lexical form is refused, for messages; undefined when it is valid. */
  explain(lexical: string, context?: ValueContext): string | undefined;
}

/** A datatype library cannot give this type, or a parameter is wrong: the message says which. */
export class DatatypeError extends Error {}
