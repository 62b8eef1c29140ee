/**
 * Whether a TEI file may be published beside the site as it is: a browser opening an XML file from the site's
 * origin runs XHTML or SVG script in it, so a file declaring any namespace but TEI's (and the XML namespace), or
 * holding an element of another, is not published.
 */
import type { TeiElement } from '../tei-tree.js';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Whether one element declares no namespace but TEI's and is in none other (its children aside). */
export function publishableElement(el: TeiElement): boolean {
  for (const [k, v] of Object.entries(el.attrs)) {
    if (k === 'xmlns' ? v !== TEI_NS : k.startsWith('xmlns:')) return false;
  }
  return !(el.name.includes(':') && !el.name.startsWith('xml:'));
}

/** Whether a whole tree may be published ({@link publishableElement} of every element). */
export function publishableTei(tree: TeiElement): boolean {
  const stack = [tree];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (!publishableElement(el)) return false;
    for (const c of el.children) if (c.type === 'element') stack.push(c);
  }
  return true;
}
