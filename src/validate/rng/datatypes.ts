/**
 * The datatypes of our RELAX NG engine: RELAX NG's built-in library (string, token) and the XML Schema
 * datatypes TEI uses, lexical checks only (as jing checks them), with the `pattern`, `length`, `minLength`,
 * `maxLength` facets. XSD regular expressions are translated to JavaScript's, anchored.
 */

import { ValidateError } from '../../diagnostics/diagnostic.js';
import { ValidateCodes } from '../codes.js';

export const XSD_LIBRARY = 'http://www.w3.org/2001/XMLSchema-datatypes';

/** A datatype with its facets, ready to test values. */
export interface Datatype {
  /** Human name for messages ("date", "anyURI matching \S+"). */
  readonly description: string;
  allows(value: string): boolean;
  /** Value equality for `<value>` (after the type's whitespace handling). */
  equal(a: string, b: string): boolean;
}

/** Datatypes this engine does not know; the adapter then falls back to libxml2. */
export class UnsupportedDatatype extends ValidateError {
  constructor(message: string) {
    super(ValidateCodes.schemaNotCompiled, message);
  }
}

const collapse = (s: string): string => s.replace(/[ \t\n\r]+/g, ' ').trim();

const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME_RE = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
const NAME_RE = new RegExp(`^[${NAME_START}:][${NAME_CHAR}:]*$`, 'u');

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const TZ = '(Z|[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00))?';
const YEAR = '(-?(?:[1-9]\\d{4,}|\\d{4}))';
const re = (s: string): RegExp => new RegExp(`^${s}$`);
const DATE_RE = re(`${YEAR}-(\\d\\d)-(\\d\\d)${TZ}`);
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d)(?:\\.\\d+)?';
const DATETIME_RE = re(`${YEAR}-(\\d\\d)-(\\d\\d)T${TIME}${TZ}`);
const TIME_RE = re(`${TIME}${TZ}`);
const GYM_RE = re(`${YEAR}-(\\d\\d)${TZ}`);
const GYEAR_RE = re(`${YEAR}${TZ}`);
const GMD_RE = re(`--(\\d\\d)-(\\d\\d)${TZ}`);
const GMONTH_RE = re(`--(\\d\\d)${TZ}`);
const GDAY_RE = re(`---(\\d\\d)${TZ}`);

function yearOk(y: string): boolean {
  return !/^-?0+$/.test(y); // XSD 1.0 (and jing): no year 0000
}
function timeOk(h: string, m: string, s: string): boolean {
  const hh = Number(h);
  const mm = Number(m);
  const ss = Number(s);
  return hh < 24 && mm < 60 && ss <= 60; // as jing: no 24:00:00 (XSD 1.0 allowed it), a leap second 60 allowed
}

/**
 * anyURI as jing judges it (checked against jing case by case): %-escapes well formed; one '#' at most; a scheme,
 * if any, well formed and followed by something; square brackets only in the query, the fragment, an opaque
 * part (`mailto:a]`), or around an IPv6 host (`//[::1]/`); everything else (spaces, `<`, `{`…) allowed.
 */
function anyUriAllows(v: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(v)) return false;
  const hash = v.indexOf('#');
  if (hash >= 0 && v.indexOf('#', hash + 1) >= 0) return false;
  let main = hash >= 0 ? v.slice(0, hash) : v;
  const query = main.indexOf('?');
  if (query >= 0) main = main.slice(0, query);
  let rest = main;
  const colon = main.indexOf(':');
  if (colon >= 0 && !main.slice(0, colon).includes('/')) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(main.slice(0, colon))) return false;
    if (v.length === colon + 1) return false;
    rest = main.slice(colon + 1);
    if (!rest.startsWith('//')) return true;
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash >= 0 ? rest.slice(2, slash) : rest.slice(2);
    const path = slash >= 0 ? rest.slice(slash) : '';
    if (/[[\]]/.test(authority) && !/^([^@[\]]*@)?\[[0-9A-Fa-f:.]+\](:\d*)?$/.test(authority)) return false;
    return !/[[\]]/.test(path);
  }
  return !/[[\]]/.test(rest);
}

const LEXICAL: Record<string, (v: string) => boolean> = {
  string: () => true,
  normalizedString: () => true,
  token: () => true,
  anyURI: anyUriAllows,
  boolean: (v) => /^(true|false|1|0)$/.test(v),
  decimal: (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v),
  double: (v) => /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/.test(v),
  float: (v) => /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/.test(v),
  integer: (v) => /^[+-]?\d+$/.test(v),
  nonNegativeInteger: (v) => /^(\+?\d+|-0+)$/.test(v),
  positiveInteger: (v) => /^\+?\d+$/.test(v) && /[1-9]/.test(v),
  nonPositiveInteger: (v) => /^(-\d+|\+?0+)$/.test(v),
  negativeInteger: (v) => /^-\d+$/.test(v) && /[1-9]/.test(v),
  Name: (v) => NAME_RE.test(v),
  NCName: (v) => NCNAME_RE.test(v),
  ID: (v) => NCNAME_RE.test(v),
  IDREF: (v) => NCNAME_RE.test(v),
  IDREFS: (v) => v.split(' ').every((t) => NCNAME_RE.test(t)) && v !== '',
  NMTOKEN: (v) => new RegExp(`^[${NAME_CHAR}:]+$`, 'u').test(v),
  NMTOKENS: (v) => v !== '' && v.split(' ').every((t) => new RegExp(`^[${NAME_CHAR}:]+$`, 'u').test(t)),
  QName: (v) => v.split(':').length <= 2 && v.split(':').every((p) => NCNAME_RE.test(p)),
  language: (v) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(v),
  date: (v) => {
    const m = DATE_RE.exec(v);
    return !!m && yearOk(m[1]!) && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2]));
  },
  dateTime: (v) => {
    const m = DATETIME_RE.exec(v);
    return (
      !!m &&
      yearOk(m[1]!) &&
      Number(m[2]) >= 1 &&
      Number(m[2]) <= 12 &&
      Number(m[3]) >= 1 &&
      Number(m[3]) <= daysIn(Number(m[1]), Number(m[2])) &&
      timeOk(m[4]!, m[5]!, m[6]!)
    );
  },
  time: (v) => {
    const m = TIME_RE.exec(v);
    return !!m && timeOk(m[1]!, m[2]!, m[3]!);
  },
  gYearMonth: (v) => {
    const m = GYM_RE.exec(v);
    return !!m && yearOk(m[1]!) && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  },
  gYear: (v) => {
    const m = GYEAR_RE.exec(v);
    return !!m && yearOk(m[1]!);
  },
  gMonthDay: (v) => {
    const m = GMD_RE.exec(v);
    return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= daysIn(2000, Number(m[1]));
  },
  gMonth: (v) => {
    const m = GMONTH_RE.exec(v);
    return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 12;
  },
  gDay: (v) => {
    const m = GDAY_RE.exec(v);
    return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 31;
  },
  duration: (v) => /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v),
};

/** How messages name each type ("must be a date (YYYY-MM-DD)"). */
const WORDS: Record<string, string> = {
  double: 'number',
  float: 'number',
  decimal: 'decimal number',
  integer: 'whole number',
  nonNegativeInteger: 'whole number ≥ 0',
  positiveInteger: 'whole number ≥ 1',
  date: 'date (YYYY-MM-DD)',
  dateTime: 'date and time (YYYY-MM-DDThh:mm:ss)',
  time: 'time (hh:mm:ss)',
  gYear: 'year (YYYY)',
  gYearMonth: 'year and month (YYYY-MM)',
  gMonthDay: 'month and day (--MM-DD)',
  gMonth: 'month (--MM)',
  gDay: 'day (---DD)',
  duration: 'duration (such as P1Y2M)',
  anyURI: 'URI',
  NCName: 'XML name without colons',
  Name: 'XML name',
  ID: 'XML name without colons',
  language: 'language tag (en, fr-CA)',
  boolean: 'boolean (true or false)',
};

// Types whose whitespace facet is "preserve" or "replace"; every other XSD type collapses.
const PRESERVE = new Set(['string']);
const REPLACE = new Set(['normalizedString']);

/**
 * Translates an XSD regular expression to a JavaScript one (`u` flag), anchored at both ends.
 * XSD's `\d` is any Unicode digit, `\s` only the four XML spaces, `.` anything but newlines; `\i`/`\c`
 * are XML name characters. Character-class subtraction is not supported (UnsupportedDatatype).
 */
export function translateXsdRegex(xsd: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < xsd.length; i++) {
    const c = xsd[i]!;
    if (c === '\\') {
      const n = xsd[i + 1] ?? '';
      i++;
      const map: Record<string, [string, string]> = {
        d: ['\\p{Nd}', '[\\p{Nd}]'],
        D: ['', '[^\\p{Nd}]'],
        s: [' \\t\\n\\r', '[ \\t\\n\\r]'],
        S: ['', '[^ \\t\\n\\r]'],
        i: [`${NAME_START}:`, `[${NAME_START}:]`],
        I: ['', `[^${NAME_START}:]`],
        c: [`${NAME_CHAR}:`, `[${NAME_CHAR}:]`],
        C: ['', `[^${NAME_CHAR}:]`],
        w: ['', '[^\\p{P}\\p{Z}\\p{C}]'],
        W: ['', '[\\p{P}\\p{Z}\\p{C}]'],
      };
      const m = map[n];
      if (m) {
        if (inClass) {
          if (!m[0]) throw new UnsupportedDatatype(`negated escape \\${n} inside a character class: ${xsd}`);
          out += m[0];
        } else out += m[1];
      } else if (n === 'p' || n === 'P') {
        const end = xsd.indexOf('}', i);
        const prop = xsd.slice(i + 2, end);
        if (prop.startsWith('Is')) throw new UnsupportedDatatype(`block escape \\${n}{${prop}}: ${xsd}`);
        out += `\\${n}{${prop}}`;
        i = end;
      } else if (n === '-' && !inClass) {
        out += '-'; // `\-` is an XSD escape anywhere, a JavaScript (u) escape only inside classes
      } else {
        out += `\\${n}`;
      }
      continue;
    }
    if (inClass) {
      if (c === '[' ) throw new UnsupportedDatatype(`character-class subtraction: ${xsd}`);
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (xsd[i + 1] === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    if (c === '.') {
      out += '[^\\n\\r]';
      continue;
    }
    if (c === '^' || c === '$') {
      out += `\\${c}`; // literal in XSD
      continue;
    }
    out += c;
  }
  return new RegExp(`^(?:${out})$`, 'u');
}

/** Builds a datatype from a library URI, a type name and `<param>`s. Throws UnsupportedDatatype. */
export function makeDatatype(library: string, type: string, params: { name: string; value: string }[] = []): Datatype {
  if (library === '') {
    if (type === 'string') return { description: 'string', allows: () => true, equal: (a, b) => a === b };
    if (type === 'token') return { description: 'token', allows: () => true, equal: (a, b) => collapse(a) === collapse(b) };
    throw new UnsupportedDatatype(`built-in datatype ${type}`);
  }
  if (library !== XSD_LIBRARY) throw new UnsupportedDatatype(`datatype library ${library}`);
  const lexical = LEXICAL[type];
  if (!lexical) throw new UnsupportedDatatype(`XSD datatype ${type}`);
  const norm = PRESERVE.has(type) ? (s: string) => s : REPLACE.has(type) ? (s: string) => s.replace(/[\t\n\r]/g, ' ') : collapse;
  const checks: ((v: string) => boolean)[] = [];
  const described: string[] = [];
  for (const p of params) {
    switch (p.name) {
      case 'pattern': {
        const rx = translateXsdRegex(p.value);
        checks.push((v) => rx.test(v));
        described.push(p.value === '\\S+' ? 'without spaces' : `matching ${p.value}`);
        break;
      }
      case 'length':
        checks.push((v) => [...v].length === Number(p.value));
        described.push(`of length ${p.value}`);
        break;
      case 'minLength':
        checks.push((v) => [...v].length >= Number(p.value));
        described.push(`of at least ${p.value} characters`);
        break;
      case 'maxLength':
        checks.push((v) => [...v].length <= Number(p.value));
        described.push(`of at most ${p.value} characters`);
        break;
      default:
        throw new UnsupportedDatatype(`facet ${p.name}`);
    }
  }
  return {
    description: [WORDS[type] ?? type, ...described].join(' '),
    allows: (raw) => {
      const v = norm(raw);
      return lexical(v) && checks.every((c) => c(v));
    },
    equal: (a, b) => norm(a) === norm(b),
  };
}
