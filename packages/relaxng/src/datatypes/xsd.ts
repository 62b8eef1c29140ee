/**
 * The XML Schema datatype library (`http://www.w3.org/2001/XMLSchema-datatypes`) for RELAX NG, as the
 * "Guidelines for using W3C XML Schema Datatypes with RELAX NG" define it: every built-in type of XML
 * Schema 1.0 Part 2, values compared in value space (`01` = `1` for integers, QNames by namespace URI,
 * dates on the time line), and the facets allowed as `<param>`: length, minLength, maxLength, pattern,
 * min/max Inclusive/Exclusive, totalDigits, fractionDigits (enumeration and whiteSpace are not params).
 */
import { isAnyUri } from '../uri.js';
import { isName, isNcName, isNmToken, isQName } from '../xml-names.js';
import { DatatypeError, type Datatype, type IdType, type Value, type ValueContext } from './datatype.js';
import { translateXsdRegex, XsdRegexError } from './regex.js';

export const XSD_LIBRARY = 'http://www.w3.org/2001/XMLSchema-datatypes';

type WhiteSpace = 'preserve' | 'replace' | 'collapse';
type Kind = 'string' | 'decimal' | 'float' | 'boolean' | 'dateTime' | 'duration' | 'binary' | 'qname' | 'list';

/** A built-in type: how it reads a (whitespace-normalised) lexical form into a value. */
interface Primitive {
  kind: Kind;
  whiteSpace: WhiteSpace;
  parse(s: string, ctx?: ValueContext): Value | undefined;
  /** -1, 0, 1, or NaN when the two are not comparable (partial orders: dates with and without timezones). */
  compare?(a: Value, b: Value): number;
  /** a < b, where the order is not given by compare (durations, as jing orders them). */
  less?(a: Value, b: Value): boolean;
  /** Length for length facets (characters, octets or list items). */
  length?(v: Value): number;
  key(v: Value): string;
  same?(a: Value, b: Value): boolean;
  words: string;
  idType?: IdType;
  contextDependent?: boolean;
  /** Lowest and highest value, for the bounded integer types. */
  range?: [bigint | undefined, bigint | undefined];
}

// ---- numbers ---------------------------------------------------------------------------------------

/** An exact decimal: digits × 10^-scale, normalised (no trailing fraction zeros; zero is positive). */
interface Decimal {
  n: bigint;
  scale: number;
  /** Digits as written, for totalDigits and fractionDigits (jing counts trailing fraction zeros: 1.00 has 2). */
  written: { total: number; fraction: number };
}

function parseDecimal(s: string): Decimal | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const writtenFraction = (m[3] ?? '').length;
  const written = { total: m[2]!.replace(/^0+/, '').length + writtenFraction, fraction: writtenFraction };
  let frac = (m[3] ?? '').replace(/0+$/, '');
  const digits = (m[2] || '0') + frac;
  let n = BigInt(digits);
  if (m[1] === '-') n = -n;
  if (n === 0n) frac = '';
  return { n, scale: frac.length, written };
}
function compareDecimal(a: Decimal, b: Decimal): number {
  const x = a.n * 10n ** BigInt(Math.max(0, b.scale - a.scale));
  const y = b.n * 10n ** BigInt(Math.max(0, a.scale - b.scale));
  return x < y ? -1 : x > y ? 1 : 0;
}

const FLOAT_RE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)$/;
function parseFloating(s: string, single: boolean): number | undefined {
  if (!FLOAT_RE.test(s)) return undefined;
  const v = s === 'INF' ? Infinity : s === '-INF' ? -Infinity : s === 'NaN' ? NaN : Number(s);
  return single ? Math.fround(v) : v;
}
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- dates and times -------------------------------------------------------------------------------

/** A point of a date/time type: seconds on its own time line and the timezone offset in minutes, if given. */
interface Moment {
  seconds: number;
  tz?: number;
}

/** A moment's key (its instant, and whether it has a timezone), made when a key is asked for, not per value read. */
function momentKey(v: Moment): string {
  return `${v.seconds}${v.tz === undefined ? '' : 'Z'}`;
}

const TZ = '(Z|[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00))?';
const YEAR = '(-?(?:[1-9]\\d{4,}|\\d{4}))';
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)';
const DATE_FORMS: Record<string, RegExp> = {
  dateTime: new RegExp(`^${YEAR}-(\\d\\d)-(\\d\\d)T${TIME}${TZ}$`),
  date: new RegExp(`^${YEAR}-(\\d\\d)-(\\d\\d)${TZ}$`),
  time: new RegExp(`^${TIME}${TZ}$`),
  gYearMonth: new RegExp(`^${YEAR}-(\\d\\d)${TZ}$`),
  gYear: new RegExp(`^${YEAR}${TZ}$`),
  gMonthDay: new RegExp(`^--(\\d\\d)-(\\d\\d)${TZ}$`),
  gDay: new RegExp(`^---(\\d\\d)${TZ}$`),
  gMonth: new RegExp(`^--(\\d\\d)${TZ}$`),
};

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysIn(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
/** Days of a common year before each month (January first). */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Days from 0001-01-01 to the given date (proleptic Gregorian; XSD 1.0 has no year 0: -0001 precedes 0001). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = y > 0 ? y - 1 : y; // year 1 → 0 elapsed years; year -1 → the year before
  const days = 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400);
  const leapYear = y > 0 ? y : y + 1; // -0001 behaves as astronomical year 0, a leap year
  const md = DAYS_BEFORE_MONTH[m - 1]! + (m > 2 && isLeap(leapYear) ? 1 : 0);
  return days + md + d - 1;
}

/** A year as written, or NaN for year zero (no year 0000 in XML Schema 1.0). */
function yearOf(v: string): number {
  return /^-?0+$/.test(v) ? NaN : Number(v);
}

function parseTz(tz: string | undefined): number | undefined {
  if (tz === undefined) return undefined;
  if (tz === 'Z') return 0;
  const sign = tz[0] === '-' ? -1 : 1;
  return sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6)));
}

function parseMoment(type: string, s: string): Moment | undefined {
  const m = DATE_FORMS[type]!.exec(s);
  if (!m) return undefined;
  let y = 1972; // a leap year: --02-29 is a valid gMonthDay
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let tz: string | undefined;
  switch (type) {
    case 'dateTime':
      y = yearOf(m[1]!);
      if (Number.isNaN(y)) return undefined;
      mo = Number(m[2]);
      d = Number(m[3]);
      h = Number(m[4]);
      mi = Number(m[5]);
      sec = Number(m[6]);
      tz = m[7];
      break;
    case 'date':
      y = yearOf(m[1]!);
      if (Number.isNaN(y)) return undefined;
      mo = Number(m[2]);
      d = Number(m[3]);
      tz = m[4];
      break;
    case 'time':
      h = Number(m[1]);
      mi = Number(m[2]);
      sec = Number(m[3]);
      tz = m[4];
      break;
    case 'gYearMonth':
      y = yearOf(m[1]!);
      if (Number.isNaN(y)) return undefined;
      mo = Number(m[2]);
      tz = m[3];
      break;
    case 'gYear':
      y = yearOf(m[1]!);
      if (Number.isNaN(y)) return undefined;
      tz = m[2];
      break;
    case 'gMonthDay':
      mo = Number(m[1]);
      d = Number(m[2]);
      tz = m[3];
      break;
    case 'gDay':
      d = Number(m[1]);
      tz = m[2];
      break;
    case 'gMonth':
      mo = Number(m[1]);
      tz = m[2];
      break;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  // As jing: hours 0–23 (no 24:00:00), a leap second 60 allowed.
  if (h > 23 || mi > 59 || sec >= 61) return undefined;
  const offset = parseTz(tz);
  let seconds = dayNumber(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
  if (offset !== undefined) seconds -= offset * 60;
  return { seconds, tz: offset };
}

/** XML Schema 1.0's partial order: values with and without timezone compare only when 14 hours apart. */
function compareMoments(a: Moment, b: Moment): number {
  if ((a.tz === undefined) === (b.tz === undefined)) return a.seconds < b.seconds ? -1 : a.seconds > b.seconds ? 1 : 0;
  const span = 14 * 3600;
  if (a.tz === undefined) {
    if (a.seconds + span < b.seconds) return -1;
    if (a.seconds - span > b.seconds) return 1;
    return NaN;
  }
  return -compareMoments(b, a);
}

interface Duration {
  months: number;
  seconds: number;
  /** The six fields with the sign applied, as written (jing's value equality is field by field: P1D ≠ PT24H). */
  fields: string;
}
const DURATION_RE = /^(-)?P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
function parseDuration(s: string): Duration | undefined {
  const m = DURATION_RE.exec(s);
  if (!m) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  const zero = [2, 3, 4, 5, 6, 7].every((i) => n(i) === 0);
  const sign = m[1] && !zero ? -1 : 1;
  return {
    months: sign * (n(2) * 12 + n(3)),
    seconds: sign * (n(4) * 86400 + n(5) * 3600 + n(6) * 60 + n(7)),
    fields: `${sign}:${[2, 3, 4, 5, 6, 7].map(n).join(',')}`,
  };
}
/**
 * Whether duration a < b, as jing decides it: by total months and total seconds when they agree, else by
 * adding both to four reference months (XML Schema 1.0, 3.2.6.2), each comparison strict.
 */
function durationLess(a: Duration, b: Duration): boolean {
  if (a.months < b.months && a.seconds <= b.seconds) return true;
  if (a.months === b.months) return a.seconds < b.seconds;
  if (a.months > b.months && a.seconds >= b.seconds) return false;
  const refs: [number, number][] = [
    [1696, 9],
    [1697, 2],
    [1903, 3],
    [1903, 7],
  ];
  for (const [y, m] of refs) {
    const total = (d: Duration): number => monthDays(d.months, y, m) * 86400 + d.seconds;
    if (total(a) >= total(b)) return false;
  }
  return true;
}
/** Days spanned by `months` months from a reference year and month. */
function monthDays(months: number, year: number, month: number): number {
  if (months === 0) return 0;
  if (months < 0) return -monthDays(-months, year, month);
  const cycles = Math.floor(months / 4800);
  let total = 0;
  let y = year;
  let m = month;
  for (let rem = months % 4800; rem > 0; rem--) {
    total += daysIn(y, m);
    if (++m === 13) {
      m = 1;
      y++;
    }
  }
  return cycles * (365 * 400 + 97) + total;
}

// ---- binary ----------------------------------------------------------------------------------------

function parseHex(s: string): Uint8Array | undefined {
  if (!/^(?:[0-9A-Fa-f]{2})*$/.test(s)) return undefined;
  return Uint8Array.from(Buffer.from(s, 'hex'));
}
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=|[A-Za-z0-9+/][AQgw]==)?$/;
function parseBase64(s: string): Uint8Array | undefined {
  // XSD 1.0 allows single spaces between characters (the collapsed form).
  const compact = s.replace(/ /g, '');
  if (!BASE64_RE.test(compact)) return undefined;
  return Uint8Array.from(Buffer.from(compact, 'base64'));
}
const bytesKey = (v: Value): string => Buffer.from(v as Uint8Array).toString('hex');

// ---- other lexical spaces --------------------------------------------------------------------------

const LANGUAGE_RE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;

function parseQName(s: string, ctx?: ValueContext): { ns: string; local: string } | undefined {
  if (!isQName(s)) return undefined;
  const colon = s.indexOf(':');
  const prefix = colon < 0 ? '' : s.slice(0, colon);
  const local = colon < 0 ? s : s.slice(colon + 1);
  const ns = ctx ? ctx.resolvePrefix(prefix) : prefix === '' ? '' : undefined;
  if (ns === undefined) return prefix === '' ? { ns: '', local } : undefined;
  return { ns, local };
}

const identity = (v: Value): string => v as string;
const stringPrimitive = (words: string, test: (s: string) => boolean, whiteSpace: WhiteSpace = 'collapse', idType?: IdType): Primitive => ({
  kind: 'string',
  whiteSpace,
  parse: (s) => (test(s) ? s : undefined),
  length: (v) => [...(v as string)].length,
  key: identity,
  words,
  idType,
});
const listOf = (item: Primitive, words: string, idType?: IdType): Primitive => ({
  kind: 'list',
  whiteSpace: 'collapse',
  parse: (s, ctx) => {
    if (s === '') return undefined;
    const values = s.split(' ').map((t) => item.parse(t, ctx));
    return values.every((v) => v !== undefined) ? values : undefined;
  },
  length: (v) => (v as unknown[]).length,
  key: (v) => JSON.stringify((v as Value[]).map((x) => item.key(x))),
  words,
  idType,
  contextDependent: item.contextDependent,
});
const integerType = (words: string, min?: bigint, max?: bigint): Primitive => ({
  kind: 'decimal',
  whiteSpace: 'collapse',
  parse: (s) => {
    if (!/^[+-]?\d+$/.test(s)) return undefined;
    const d = parseDecimal(s)!;
    if ((min !== undefined && d.n < min) || (max !== undefined && d.n > max)) return undefined;
    return d;
  },
  compare: (a, b) => compareDecimal(a as Decimal, b as Decimal),
  key: (v) => `${(v as Decimal).n}`,
  words,
  range: [min, max],
});
const dateType = (type: string, words: string): Primitive => ({
  kind: 'dateTime',
  whiteSpace: 'collapse',
  parse: (s) => parseMoment(type, s),
  compare: (a, b) => compareMoments(a as Moment, b as Moment),
  key: (v) => momentKey(v as Moment),
  same: (a, b) => compareMoments(a as Moment, b as Moment) === 0 && ((a as Moment).tz === undefined) === ((b as Moment).tz === undefined),
  words,
});

const NCNAME_ENTITY: Primitive = {
  kind: 'string',
  whiteSpace: 'collapse',
  // An ENTITY names an unparsed entity the document declares; without a DTD none is declared.
  parse: (s, ctx) => (isNcName(s) && (ctx?.isUnparsedEntity?.(s) ?? false) ? s : undefined),
  length: (v) => [...(v as string)].length,
  key: identity,
  words: 'unparsed entity name',
  contextDependent: true,
};

const PRIMITIVES: Record<string, Primitive> = {
  string: stringPrimitive('string', () => true, 'preserve'),
  normalizedString: stringPrimitive('string', () => true, 'replace'),
  token: stringPrimitive('token', () => true),
  language: stringPrimitive('language tag (en, fr-CA)', (s) => LANGUAGE_RE.test(s)),
  Name: stringPrimitive('XML name', isName),
  NCName: stringPrimitive('XML name without colons', isNcName),
  NMTOKEN: stringPrimitive('name token', isNmToken),
  ID: stringPrimitive('XML name without colons (an ID)', isNcName, 'collapse', 'ID'),
  IDREF: stringPrimitive('XML name without colons (an IDREF)', isNcName, 'collapse', 'IDREF'),
  ENTITY: NCNAME_ENTITY,
  anyURI: stringPrimitive('URI', isAnyUri),
  boolean: {
    kind: 'boolean',
    whiteSpace: 'collapse',
    parse: (s) => (s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : undefined),
    key: (v) => String(v),
    words: 'boolean (true or false)',
  },
  decimal: {
    kind: 'decimal',
    whiteSpace: 'collapse',
    parse: parseDecimal,
    compare: (a, b) => compareDecimal(a as Decimal, b as Decimal),
    key: (v) => `${(v as Decimal).n}e-${(v as Decimal).scale}`,
    words: 'decimal number',
  },
  integer: integerType('integer'),
  nonPositiveInteger: integerType('integer ≤ 0', undefined, 0n),
  negativeInteger: integerType('integer < 0', undefined, -1n),
  nonNegativeInteger: integerType('integer ≥ 0', 0n),
  positiveInteger: integerType('integer ≥ 1', 1n),
  long: integerType('long integer', -(2n ** 63n), 2n ** 63n - 1n),
  int: integerType('32-bit integer', -(2n ** 31n), 2n ** 31n - 1n),
  short: integerType('16-bit integer', -32768n, 32767n),
  byte: integerType('8-bit integer', -128n, 127n),
  unsignedLong: integerType('unsigned long integer', 0n, 2n ** 64n - 1n),
  unsignedInt: integerType('unsigned 32-bit integer', 0n, 2n ** 32n - 1n),
  unsignedShort: integerType('unsigned 16-bit integer', 0n, 65535n),
  unsignedByte: integerType('unsigned 8-bit integer', 0n, 255n),
  float: {
    kind: 'float',
    whiteSpace: 'collapse',
    parse: (s) => parseFloating(s, true),
    compare: (a, b) => compareNumbers(a as number, b as number),
    key: (v) => String(v),
    same: (a, b) => Object.is(a, b) || a === b,
    words: 'number',
  },
  double: {
    kind: 'float',
    whiteSpace: 'collapse',
    parse: (s) => parseFloating(s, false),
    compare: (a, b) => compareNumbers(a as number, b as number),
    key: (v) => String(v),
    same: (a, b) => Object.is(a, b) || a === b,
    words: 'number',
  },
  duration: {
    kind: 'duration',
    whiteSpace: 'collapse',
    parse: parseDuration,
    less: (a, b) => durationLess(a as Duration, b as Duration),
    key: (v) => (v as Duration).fields,
    same: (a, b) => (a as Duration).fields === (b as Duration).fields,
    words: 'duration (such as P1Y2M)',
  },
  dateTime: dateType('dateTime', 'date and time (YYYY-MM-DDThh:mm:ss)'),
  date: dateType('date', 'date (YYYY-MM-DD)'),
  time: dateType('time', 'time (hh:mm:ss)'),
  gYearMonth: dateType('gYearMonth', 'year and month (YYYY-MM)'),
  gYear: dateType('gYear', 'year (YYYY)'),
  gMonthDay: dateType('gMonthDay', 'month and day (--MM-DD)'),
  gDay: dateType('gDay', 'day (---DD)'),
  gMonth: dateType('gMonth', 'month (--MM)'),
  hexBinary: { kind: 'binary', whiteSpace: 'collapse', parse: parseHex, length: (v) => (v as Uint8Array).length, key: bytesKey, words: 'hexadecimal binary' },
  base64Binary: { kind: 'binary', whiteSpace: 'collapse', parse: parseBase64, length: (v) => (v as Uint8Array).length, key: bytesKey, words: 'base64 binary' },
  QName: {
    kind: 'qname',
    whiteSpace: 'collapse',
    parse: (s, ctx) => parseQName(s, ctx),
    key: (v) => `{${(v as { ns: string }).ns}}${(v as { local: string }).local}`,
    length: (v) => [...(v as { local: string }).local].length,
    words: 'qualified name',
    contextDependent: true,
  },
  NOTATION: {
    kind: 'qname',
    whiteSpace: 'collapse',
    parse: (s, ctx) => parseQName(s, ctx),
    key: (v) => `{${(v as { ns: string }).ns}}${(v as { local: string }).local}`,
    length: (v) => [...(v as { local: string }).local].length,
    words: 'notation name',
    contextDependent: true,
  },
};
PRIMITIVES.NMTOKENS = listOf(PRIMITIVES.NMTOKEN!, 'list of name tokens');
PRIMITIVES.IDREFS = listOf(PRIMITIVES.IDREF!, 'list of IDREFs', 'IDREFS');
PRIMITIVES.ENTITIES = listOf(NCNAME_ENTITY, 'list of unparsed entity names');

/** The names of the XSD built-in types this library provides. */
export const XSD_TYPES: readonly string[] = Object.keys(PRIMITIVES);

const LENGTH_FACETS = ['length', 'minLength', 'maxLength'];
const ORDER_FACETS = ['minInclusive', 'minExclusive', 'maxInclusive', 'maxExclusive'];
const FACETS_BY_KIND: Record<Kind, string[]> = {
  string: [...LENGTH_FACETS, 'pattern'],
  binary: [...LENGTH_FACETS, 'pattern'],
  qname: [...LENGTH_FACETS, 'pattern'],
  list: [...LENGTH_FACETS, 'pattern'],
  boolean: ['pattern'],
  decimal: ['pattern', 'totalDigits', 'fractionDigits', ...ORDER_FACETS],
  float: ['pattern', ...ORDER_FACETS],
  dateTime: ['pattern', ...ORDER_FACETS],
  duration: ['pattern', ...ORDER_FACETS],
};

function normalise(s: string, ws: WhiteSpace): string {
  if (ws === 'preserve') return s;
  if (ws === 'replace') return s.replace(/[\t\n\r]/g, ' ');
  return s.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * Makes an XSD datatype with its parameters (facets). Throws {@link DatatypeError} for an unknown type, a
 * facet the type does not have, a facet value that is not valid, or facets that contradict each other.
 */
export function makeXsdDatatype(name: string, params: readonly { name: string; value: string }[] = []): Datatype {
  const base = PRIMITIVES[name];
  if (!base) throw new DatatypeError(`datatype "${name}" is not a type of the XML Schema datatype library`);
  const allowed = FACETS_BY_KIND[base.kind];
  const checks: ((v: Value, lexical: string) => string | undefined)[] = [];
  const described: string[] = [];
  const nonNegative = (p: { name: string; value: string }): number => {
    const v = normalise(p.value, 'collapse');
    if (!/^\+?\d+$/.test(v)) throw new DatatypeError(`parameter ${p.name} must be a non-negative integer, not "${p.value}"`);
    return Number(v);
  };
  const bound = (p: { name: string; value: string }): Value => {
    const v = base.parse(normalise(p.value, base.whiteSpace));
    if (v === undefined) throw new DatatypeError(`parameter ${p.name}: "${p.value}" is not a valid ${name}`);
    return v;
  };
  const bounds: Partial<Record<string, Value>> = {};
  const less = (a: Value, b: Value): boolean => (base.less ? base.less(a, b) : base.compare!(a, b) < 0);
  const same = (a: Value, b: Value): boolean => (base.same ? base.same(a, b) : base.compare ? base.compare(a, b) === 0 : base.key(a) === base.key(b));
  for (const p of params) {
    if (p.name === 'enumeration' || p.name === 'whiteSpace') throw new DatatypeError(`parameter ${p.name} is not allowed in RELAX NG (use <value> or choice instead)`);
    if (!allowed.includes(p.name)) throw new DatatypeError(`datatype ${name} has no parameter "${p.name}"`);
    switch (p.name) {
      case 'pattern': {
        let rx: RegExp;
        try {
          rx = translateXsdRegex(p.value);
        } catch (e) {
          if (e instanceof XsdRegexError) throw new DatatypeError(e.message);
          throw e;
        }
        checks.push((_v, lexical) => (rx.test(lexical) ? undefined : `does not match the pattern ${p.value}`));
        described.push(p.value === '\\S+' ? 'without spaces' : `matching ${p.value}`);
        break;
      }
      case 'length':
      case 'minLength':
      case 'maxLength': {
        const n = nonNegative(p);
        const unit = base.kind === 'list' ? 'items' : base.kind === 'binary' ? 'octets' : 'characters';
        const test = p.name === 'length' ? (l: number) => l === n : p.name === 'minLength' ? (l: number) => l >= n : (l: number) => l <= n;
        const words = p.name === 'length' ? `of exactly ${n} ${unit}` : p.name === 'minLength' ? `of at least ${n} ${unit}` : `of at most ${n} ${unit}`;
        checks.push((v) => (test(base.length!(v)) ? undefined : `is not ${words}`));
        described.push(words);
        break;
      }
      case 'totalDigits': {
        const n = nonNegative(p);
        if (n === 0) throw new DatatypeError('parameter totalDigits must be at least 1');
        checks.push((v) => ((v as Decimal).written.total <= n ? undefined : `has more than ${n} digits`));
        described.push(`of at most ${n} digits`);
        break;
      }
      case 'fractionDigits': {
        const n = nonNegative(p);
        checks.push((v) => ((v as Decimal).written.fraction <= n ? undefined : `has more than ${n} digits after the point`));
        described.push(`with at most ${n} decimals`);
        break;
      }
      default: {
        // minInclusive, minExclusive, maxInclusive, maxExclusive: "inclusive" is less-than or the same value.
        const b = bound(p);
        bounds[p.name] = b;
        const test: (v: Value) => boolean =
          p.name === 'minInclusive' ? (v) => less(b, v) || same(b, v) : p.name === 'minExclusive' ? (v) => less(b, v) : p.name === 'maxInclusive' ? (v) => less(v, b) || same(v, b) : (v) => less(v, b);
        const sign = { minInclusive: '≥', minExclusive: '>', maxInclusive: '≤', maxExclusive: '<' }[p.name];
        checks.push((v) => (test(v) ? undefined : `is not ${sign} ${p.value.trim()}`));
        described.push(`${sign} ${p.value.trim()}`);
      }
    }
  }
  // Of the facet conflicts XML Schema Part 2 lists, jing refuses only these (its parameters restrict one after
  // another, so minLength 5 with maxLength 2, or fractionDigits 3 with totalDigits 2, merely allow nothing).
  if (bounds.minInclusive !== undefined && bounds.minExclusive !== undefined) throw new DatatypeError('minInclusive and minExclusive cannot both be given');
  if (bounds.maxInclusive !== undefined && bounds.maxExclusive !== undefined) throw new DatatypeError('maxInclusive and maxExclusive cannot both be given');
  const cmp = (low: string, high: string, strict: boolean): void => {
    const a = bounds[low];
    const b = bounds[high];
    if (a === undefined || b === undefined) return;
    if (less(b, a) || (strict && same(a, b))) throw new DatatypeError(`${low} is not compatible with ${high}`);
  };
  cmp('minInclusive', 'maxInclusive', false);
  cmp('minExclusive', 'maxExclusive', false);
  cmp('minInclusive', 'maxExclusive', true);
  cmp('minExclusive', 'maxInclusive', true);

  const read = (lexical: string, ctx?: ValueContext): { value?: Value; why?: string } => {
    const s = normalise(lexical, base.whiteSpace);
    const value = base.parse(s, ctx);
    if (value === undefined) return { why: `is not a valid ${name}` };
    for (const c of checks) {
      const why = c(value, s);
      if (why) return { why };
    }
    return { value };
  };
  return {
    library: XSD_LIBRARY,
    name,
    description: [base.words, ...described].join(' '),
    idType: base.idType,
    contextDependent: base.contextDependent ?? false,
    parse: (lexical, ctx) => read(lexical, ctx).value,
    explain: (lexical, ctx) => read(lexical, ctx).why,
    sameValue: same,
    valueKey: (v) => base.key(v),
  };
}
