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

const SIMPLE_REFERENCE = /^[A-Za-z0-9._~/#?=&+,;@!$'()*-]*$/;

/**
 * anyURI as jing judges it (checked against jing case by case): %-escapes well formed; one '#' at most; a scheme,
 * if any, well formed and followed by something; square brackets only in the query, the fragment, an opaque
 * part (`mailto:a]`), or around an IPv6 host (`//[::1]/`); everything else (spaces, `<`, `{`…) allowed.
 */
export function isAnyUri(v: string): boolean {
  // The common case first: no scheme, %-escape or bracket to look at (`../persons.xml#x`, `#p3`), one '#' at most.
  if (SIMPLE_REFERENCE.test(v)) return v.indexOf('#') === v.lastIndexOf('#');
  if (!isUriReference(v)) return false;
  const hash = v.indexOf('#');
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
