/**
 * XML names as jing reads them: the name characters of XML 1.0 before its fifth edition (appendix B's rule,
 * from Unicode categories: a name starts with a letter of category Ll, Lu, Lo, Lt or Nl, or '_', and goes
 * on with those and Mc, Me, Mn, Lm, Nd, '-', '.', U+00B7; nothing from the compatibility area U+F900–U+FFFE).
 * A fifth-edition name such as one starting with U+0E35 (a combining mark) is not a name here.
 */

/** NameStartChar without ':', as a v-mode character class. */
export const NAME_START_CLASS = '[[_\\p{Ll}\\p{Lu}\\p{Lo}\\p{Lt}\\p{Nl}\\u{2BB}-\\u{2C1}\\u{559}\\u{6E5}\\u{6E6}]--[\\u{F900}-\\u{FFFE}]]';
/** NameChar without ':', as a v-mode character class. */
export const NAME_CHAR_CLASS = '[[_\\-.\\p{Ll}\\p{Lu}\\p{Lo}\\p{Lt}\\p{Nl}\\p{Mc}\\p{Me}\\p{Mn}\\p{Lm}\\p{Nd}\\u{B7}\\u{387}\\u{2D0}\\u{2D1}]--[\\u{F900}-\\u{FFFE}]]';

/**
 * The expressions above are made on first use: compiling one (the first `test`) takes ~9 ms of CPU, for
 * classes of thousands of ranges, and most names never need them (below).
 */
let ncName: RegExp | undefined;
let name: RegExp | undefined;
let nmToken: RegExp | undefined;

// The ASCII names, which nearly all are: in ASCII these classes hold exactly the letters, digits, '_', '-' and '.'
// (no other ASCII character is in Ll, Lu, Lo, Lt, Nl, Mc, Me, Mn, Lm or Nd). A name they do not take is put to
// the whole class, which decides.
const ASCII_NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ASCII_NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*$/;
const ASCII_NMTOKEN = /^[A-Za-z0-9_.:-]+$/;

export const isNcName = (s: string): boolean => ASCII_NCNAME.test(s) || (ncName ??= new RegExp(`^${NAME_START_CLASS}${NAME_CHAR_CLASS}*$`, 'v')).test(s);
export const isName = (s: string): boolean => ASCII_NAME.test(s) || (name ??= new RegExp(`^[${NAME_START_CLASS}:][${NAME_CHAR_CLASS}:]*$`, 'v')).test(s);
export const isNmToken = (s: string): boolean => ASCII_NMTOKEN.test(s) || (nmToken ??= new RegExp(`^[${NAME_CHAR_CLASS}:]+$`, 'v')).test(s);

/** A QName: NCName, or NCName ':' NCName. */
export function isQName(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon < 0) return isNcName(s);
  return isNcName(s.slice(0, colon)) && isNcName(s.slice(colon + 1));
}
