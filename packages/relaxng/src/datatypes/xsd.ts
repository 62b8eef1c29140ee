/**
 * The XML Schema datatype library (`http://www.w3.org/2001/XMLSchema-datatypes`) for RELAX NG, as the
 * "Guidelines for using W3C XML Schema Datatypes with RELAX NG" define it: every built-in type of XML
 * Schema 1.0 Part 2, values compared in value space (`01` = `1` for integers, QNames by namespace URI,
 * dates on the time line), and the facets allowed as `<param>`: length, minLength, maxLength, pattern,
 * min/max Inclusive/Exclusive, totalDigits, fractionDigits (enumeration and whiteSpace are not params).
 */
import { isUriReference } from '../uri.js';
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
}

function parseDecimal(s: string): Decimal | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  let frac = (m[3] ?? '').replace(/0+$/, '');
  const digits = (m[2] || '0') + frac;
  let n = BigInt(digits);
  if (m[1] === '-') n = -n;
  if (n === 0n) frac = '';
  return { n, scale: frac.length };
}
function compareDecimal(a: Decimal, b: Decimal): number {
  const x = a.n * 10n ** BigInt(Math.max(0, b.scale - a.scale));
  const y = b.n * 10n ** BigInt(Math.max(0, a.scale - b.scale));
  return x < y ? -1 : x > y ? 1 : 0;
}
function totalDigits(d: Decimal): number {
  const digits = (d.n < 0n ? -d.n : d.n).toString().replace(/^0+/, '');
  return Math.max(1, digits.length, d.scale);
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
  /** The type's fields, for keys. */
  text: string;
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
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}
/** Days from 0001-01-01 to the given date (proleptic Gregorian; XSD 1.0 has no year 0: -0001 precedes 0001). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = y > 0 ? y - 1 : y; // year 1 → 0 elapsed years; year -1 → the year before
  const days = 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400);
  let md = 0;
  const leapYear = y > 0 ? y : y + 1; // -0001 behaves as astronomical year 0, a leap year
  for (let k = 1; k < m; k++) md += daysIn(leapYear, k);
  return days + md + d - 1;
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
  const year = (v: string): boolean => {
    if (/^-?0+$/.test(v)) return false; // no year 0000 in XML Schema 1.0
    y = Number(v);
    return true;
  };
  switch (type) {
    case 'dateTime':
      if (!year(m[1]!)) return undefined;
      [mo, d, h, mi, sec] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
      tz = m[7];
      break;
    case 'date':
      if (!year(m[1]!)) return undefined;
      [mo, d] = [Number(m[2]), Number(m[3])];
      tz = m[4];
      break;
    case 'time':
      [h, mi, sec] = [Number(m[1]), Number(m[2]), Number(m[3])];
      tz = m[4];
      break;
    case 'gYearMonth':
      if (!year(m[1]!)) return undefined;
      mo = Number(m[2]);
      tz = m[3];
      break;
    case 'gYear':
      if (!year(m[1]!)) return undefined;
      tz = m[2];
      break;
    case 'gMonthDay':
      [mo, d] = [Number(m[1]), Number(m[2])];
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
  return { seconds, tz: offset, text: `${seconds}${offset === undefined ? '' : 'Z'}` };
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
}
const DURATION_RE = /^(-)?P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
function parseDuration(s: string): Duration | undefined {
  const m = DURATION_RE.exec(s);
  if (!m) return undefined;
  const sign = m[1] ? -1 : 1;
  const n = (i: number): number => Number(m[i] ?? 0);
  return { months: sign * (n(2) * 12 + n(3)), seconds: sign * (n(4) * 86400 + n(5) * 3600 + n(6) * 60 + n(7)) };
}
/** XML Schema 1.0, 3.2.6.2: compare by adding both durations to four reference dateTimes. */
function compareDurations(a: Duration, b: Duration): number {
  const refs: [number, number][] = [
    [1696, 9],
    [1697, 2],
    [1903, 3],
    [1903, 7],
  ];
  let result: number | undefined;
  for (const [y, m] of refs) {
    const at = (d: Duration): number => {
      const total = y * 12 + (m - 1) + d.months;
      const yy = Math.floor(total / 12);
      const mm = (total % 12) + 1;
      return dayNumber(yy, mm, 1) * 86400 + d.seconds;
    };
    const x = at(a);
    const z = at(b);
    const c = x < z ? -1 : x > z ? 1 : 0;
    if (result === undefined) result = c;
    else if (result !== c) return NaN;
  }
  return result!;
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
  key: (v) => (v as Moment).text,
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
  anyURI: stringPrimitive('URI', isUriReference),
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
    compare: (a, b) => compareDurations(a as Duration, b as Duration),
    key: (v) => `${(v as Duration).months}M${(v as Duration).seconds}S`,
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
  const seen = new Map<string, string>();
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
  const lengths: Partial<Record<string, number>> = {};
  let digits: number | undefined;
  let fraction: number | undefined;
  for (const p of params) {
    if (p.name === 'enumeration' || p.name === 'whiteSpace') throw new DatatypeError(`parameter ${p.name} is not allowed in RELAX NG (use <value> or choice instead)`);
    if (!allowed.includes(p.name)) throw new DatatypeError(`datatype ${name} has no parameter "${p.name}"`);
    if (p.name !== 'pattern') {
      if (seen.has(p.name)) throw new DatatypeError(`parameter ${p.name} given twice`);
      seen.set(p.name, p.value);
    }
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
        lengths[p.name] = n;
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
        digits = n;
        checks.push((v) => (totalDigits(v as Decimal) <= n ? undefined : `has more than ${n} digits`));
        described.push(`of at most ${n} digits`);
        break;
      }
      case 'fractionDigits': {
        const n = nonNegative(p);
        if (base.range !== undefined || name === 'integer') {
          if (n !== 0) throw new DatatypeError(`parameter fractionDigits of ${name} must be 0`);
        }
        fraction = n;
        checks.push((v) => ((v as Decimal).scale <= n ? undefined : `has more than ${n} digits after the point`));
        described.push(`with at most ${n} decimals`);
        break;
      }
      default: {
        // minInclusive, minExclusive, maxInclusive, maxExclusive
        const b = bound(p);
        bounds[p.name] = b;
        const ok: (c: number) => boolean =
          p.name === 'minInclusive' ? (c) => c >= 0 : p.name === 'minExclusive' ? (c) => c > 0 : p.name === 'maxInclusive' ? (c) => c <= 0 : (c) => c < 0;
        const sign = { minInclusive: '≥', minExclusive: '>', maxInclusive: '≤', maxExclusive: '<' }[p.name];
        checks.push((v) => (ok(base.compare!(v, b)) ? undefined : `is not ${sign} ${p.value.trim()}`));
        described.push(`${sign} ${p.value.trim()}`);
      }
    }
  }
  // Facets that contradict each other (XML Schema Part 2, 4.3).
  if (lengths.length !== undefined && (lengths.minLength !== undefined || lengths.maxLength !== undefined)) {
    throw new DatatypeError('parameter length cannot be combined with minLength or maxLength');
  }
  if (lengths.minLength !== undefined && lengths.maxLength !== undefined && lengths.minLength > lengths.maxLength) {
    throw new DatatypeError('minLength is greater than maxLength');
  }
  if (bounds.minInclusive !== undefined && bounds.minExclusive !== undefined) throw new DatatypeError('minInclusive and minExclusive cannot both be given');
  if (bounds.maxInclusive !== undefined && bounds.maxExclusive !== undefined) throw new DatatypeError('maxInclusive and maxExclusive cannot both be given');
  const cmp = (a: string, b: string, bad: (c: number) => boolean): void => {
    if (bounds[a] === undefined || bounds[b] === undefined) return;
    const c = base.compare!(bounds[a], bounds[b]);
    if (bad(c)) throw new DatatypeError(`${a} is not compatible with ${b}`);
  };
  cmp('minInclusive', 'maxInclusive', (c) => c > 0);
  cmp('minExclusive', 'maxExclusive', (c) => c > 0);
  cmp('minInclusive', 'maxExclusive', (c) => c >= 0);
  cmp('minExclusive', 'maxInclusive', (c) => c >= 0);
  if (digits !== undefined && fraction !== undefined && fraction > digits) throw new DatatypeError('fractionDigits is greater than totalDigits');

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
    sameValue: (a, b) => (base.same ? base.same(a, b) : base.compare ? base.compare(a, b) === 0 : base.key(a) === base.key(b)),
    valueKey: (v) => base.key(v),
  };
}
