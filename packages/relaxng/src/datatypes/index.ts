/**
 * Datatype libraries: RELAX NG's built-in library (`string`, `token`, no parameters) and XML Schema's.
 * Other libraries are refused: RELAX NG requires rejecting a schema whose datatypes it does not know.
 */
import { DatatypeError, type Datatype } from './datatype.js';
import { makeXsdDatatype, XSD_LIBRARY } from './xsd.js';

export { DatatypeError, type Datatype, type IdType, type Value, type ValueContext } from './datatype.js';
export { XSD_LIBRARY, XSD_TYPES } from './xsd.js';
export { translateXsdRegex, XsdRegexError } from './regex.js';

const collapse = (s: string): string => s.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');

const BUILTIN: Record<string, Datatype> = {
  string: {
    library: '',
    name: 'string',
    description: 'string',
    contextDependent: false,
    parse: (s) => s,
    sameValue: (a, b) => a === b,
    valueKey: (v) => v as string,
    explain: () => undefined,
  },
  token: {
    library: '',
    name: 'token',
    description: 'token',
    contextDependent: false,
    parse: (s) => collapse(s),
    sameValue: (a, b) => a === b,
    valueKey: (v) => v as string,
    explain: () => undefined,
  },
};

/** The datatype `type` of `library` with `params`; throws {@link DatatypeError} saying what is wrong. */
export function makeDatatype(library: string, type: string, params: readonly { name: string; value: string }[] = []): Datatype {
  if (library === '') {
    const dt = BUILTIN[type];
    if (!dt) throw new DatatypeError(`no built-in datatype "${type}": must be "string" or "token"`);
    if (params.length > 0) throw new DatatypeError('built-in datatypes have no parameters');
    return dt;
  }
  if (library === XSD_LIBRARY) return makeXsdDatatype(type, params);
  throw new DatatypeError(`datatype library "${library}" not recognized`);
}
