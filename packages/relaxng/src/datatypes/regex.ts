/**
 * XML Schema 1.0 regular expressions (Part 2, appendix F), parsed by their own grammar and translated to
 * JavaScript RegExps with the `v` flag (which has character-class subtraction, `[a-z-[aeiou]]` in XSD).
 * Anything the XSD grammar does not allow is refused with a message: unknown escapes (`\b`, `\x`), unknown
 * categories or blocks, `{` outside a quantifier, unbalanced brackets. The expression is implicitly anchored.
 */
import { NAME_CHAR_CLASS, NAME_START_CLASS } from '../xml-names.js';
import { blockRanges } from './unicode-blocks.js';

/** A regular expression XML Schema does not accept. */
export class XsdRegexError extends Error {}

const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po',
  'Z', 'Zs', 'Zl', 'Zp', 'S', 'Sm', 'Sc', 'Sk', 'So', 'C', 'Cc', 'Cf', 'Co', 'Cn',
]);

/** Single-character escapes (`\n`, `\|`…) and what they stand for. */
const SINGLE: Record<string, number> = {
  n: 0x0a, r: 0x0d, t: 0x09, '\\': 0x5c, '|': 0x7c, '.': 0x2e, '?': 0x3f, '*': 0x2a, '+': 0x2b, '(': 0x28, ')': 0x29,
  '{': 0x7b, '}': 0x7d, '-': 0x2d, '[': 0x5b, ']': 0x5d, '^': 0x5e,
};

/** Multi-character escapes as v-mode class contents (the negated ones as complements). */
const MULTI: Record<string, string> = {
  s: '[\\u{20}\\u{9}\\u{A}\\u{D}]',
  S: '[^\\u{20}\\u{9}\\u{A}\\u{D}]',
  d: '[\\p{Nd}]',
  D: '[^\\p{Nd}]',
  i: `[${NAME_START_CLASS}:]`,
  I: `[^${NAME_START_CLASS}:]`,
  c: `[${NAME_CHAR_CLASS}:]`,
  C: `[^${NAME_CHAR_CLASS}:]`,
  w: '[^\\p{P}\\p{Z}\\p{C}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
};

const lit = (cp: number): string => `\\u{${cp.toString(16)}}`;

/** Translates an XSD regular expression; throws {@link XsdRegexError}. */
export function translateXsdRegex(source: string): RegExp {
  const chars = [...source];
  let i = 0;
  const fail = (what: string): never => {
    throw new XsdRegexError(`invalid regular expression "${source}": ${what} at character ${i + 1}`);
  };
  const peek = (): string | undefined => chars[i];

  const regExp = (): string => {
    const branches = [branch()];
    while (peek() === '|') {
      i++;
      branches.push(branch());
    }
    return branches.join('|');
  };
  const branch = (): string => {
    let out = '';
    while (i < chars.length && peek() !== '|' && peek() !== ')') out += piece();
    return out;
  };
  const piece = (): string => {
    const a = atom();
    const c = peek();
    if (c === '?' || c === '*' || c === '+') {
      i++;
      return `(?:${a})${c}`;
    }
    if (c === '{') {
      i++;
      let q = '';
      while (i < chars.length && peek() !== '}') q += chars[i++];
      if (peek() !== '}') fail('unterminated quantifier');
      i++;
      const m = /^(\d+)(,(\d*))?$/.exec(q);
      if (!m) fail(`bad quantifier {${q}}`);
      if (m![3] && Number(m![3]) < Number(m![1])) fail(`quantifier {${q}} with max below min`);
      return `(?:${a}){${q}}`;
    }
    return a;
  };
  const atom = (): string => {
    const c = chars[i]!;
    switch (c) {
      case '(': {
        i++;
        const inner = regExp();
        if (peek() !== ')') fail('missing )');
        i++;
        return `(?:${inner})`;
      }
      case '[':
        return classExpr();
      case '\\':
        return escape(false).text;
      case '.':
        i++;
        return '[^\\u{A}\\u{D}]';
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ')':
      case ']':
        return fail(`unexpected "${c}"`);
      default:
        i++;
        return lit(c.codePointAt(0)!);
    }
  };
  /** An escape at `\`; `single` is set for a single-character escape (usable as a range end). */
  const escape = (inClass: boolean): { text: string; single?: number } => {
    i++;
    const e = chars[i];
    if (e === undefined) fail('trailing backslash');
    i++;
    if (SINGLE[e!] !== undefined) return { text: lit(SINGLE[e!]!), single: SINGLE[e!] };
    if (MULTI[e!] !== undefined) return { text: MULTI[e!]! };
    if (e === 'p' || e === 'P') {
      if (peek() !== '{') fail(`\\${e} without {`);
      i++;
      let name = '';
      while (i < chars.length && peek() !== '}') name += chars[i++];
      if (peek() !== '}') fail('unterminated \\p{');
      i++;
      let body: string;
      if (name.startsWith('Is')) {
        const ranges = blockRanges(name.slice(2));
        if (!ranges) fail(`unknown block "${name}"`);
        body = ranges!.map(([a, b]) => `${lit(a)}-${lit(b)}`).join('');
      } else if (CATEGORIES.has(name)) body = `\\p{${name === 'Cn' ? 'Cn' : name}}`;
      else return fail(`unknown character property "${name}"`);
      return { text: e === 'p' ? `[${body}]` : `[^${body}]` };
    }
    void inClass;
    return fail(`"\\${e}" is not an escape of XML Schema regular expressions`);
  };
  /** `[` charGroup `]`, with XSD's subtraction `-[…]` at its end. */
  const classExpr = (): string => {
    i++; // [
    let negated = false;
    if (peek() === '^') {
      negated = true;
      i++;
    }
    const items: string[] = [];
    let subtract: string | undefined;
    let first = true;
    for (;;) {
      const c = peek();
      if (c === undefined) fail('missing ]');
      if (c === ']') {
        if (first) fail('empty character class');
        i++;
        break;
      }
      if (c === '-' && chars[i + 1] === '[') {
        if (first) fail('subtraction without a group before it');
        i++;
        subtract = classExpr();
        if (peek() !== ']') fail('a subtraction must end its character class');
        i++;
        break;
      }
      if (c === '[') fail('"[" must be escaped inside a character class');
      // One character (or escape), maybe the start of a range.
      let start: number | undefined;
      let text: string;
      if (c === '\\') {
        const e = escape(true);
        text = e.text;
        start = e.single;
      } else {
        if (c === '-' && !first && chars[i + 1] !== ']') fail('"-" must be escaped or stand first or last in a character class');
        i++;
        start = c!.codePointAt(0)!;
        text = lit(start);
      }
      // A range starts with a character or a single-character escape, never with a bare '-'.
      if (start !== undefined && c !== '-' && peek() === '-' && chars[i + 1] !== ']' && chars[i + 1] !== '[' && chars[i + 1] !== undefined) {
        i++;
        let end: number;
        if (peek() === '\\') {
          const e = escape(true);
          if (e.single === undefined) fail('a range must end with a single character');
          end = e.single!;
        } else {
          const d = chars[i++]!;
          if (d === '[' || d === '-') fail(`"${d}" must be escaped at the end of a range`);
          end = d.codePointAt(0)!;
        }
        if (end < start) fail('range out of order');
        // A literal '\' or '[' can't start a range unescaped; XmlChar excludes them.
        text = `${lit(start)}-${lit(end)}`;
      }
      items.push(text);
      first = false;
    }
    let group = `[${negated ? '^' : ''}${items.join('')}]`;
    if (subtract) group = `[${group}--${subtract}]`;
    return group;
  };

  const body = regExp();
  if (i < chars.length) fail(`unexpected "${chars[i]}"`);
  try {
    return new RegExp(`^(?:${body})$`, 'v');
  } catch (e) {
    throw new XsdRegexError(`invalid regular expression "${source}": ${(e as Error).message}`);
  }
}
