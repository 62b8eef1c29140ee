/**
 * URI checks the RELAX NG specification asks for: a `datatypeLibrary` must be an absolute URI without a
 * fragment identifier, or empty (RFC 2396 syntax, with the escaping rules of section 4.5 of the spec).
 */

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
// Characters allowed in a URI (RFC 2396 uric plus '#' and '%' checked apart); anything else must be escaped.
const URIC = /^[A-Za-z0-9\-_.!~*'();/?:@&=+$,[\]%#]*$/;

/** Undefined when `s` is an acceptable datatype library URI, else what is wrong with it. */
export function checkAbsoluteUri(s: string): string | undefined {
  if (s === '') return undefined;
  if (!URIC.test(s)) return 'contains characters not allowed in a URI';
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return 'has a malformed %-escape';
  if (s.includes('#')) return 'must not have a fragment identifier';
  const colon = s.indexOf(':');
  if (colon <= 0 || !SCHEME.test(s.slice(0, colon))) return 'is not an absolute URI';
  if (colon === s.length - 1) return 'is not an absolute URI (nothing after the scheme)';
  return undefined;
}

/**
 * A reference to a URI, as anyURI and href want it: %-escapes well formed, at most one '#'.
 */
export function isUriReference(s: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return false;
  const hash = s.indexOf('#');
  return hash < 0 || s.indexOf('#', hash + 1) < 0;
}
