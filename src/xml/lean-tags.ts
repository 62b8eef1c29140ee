/**
 * Start tags without the garbage saxes 6 makes of them. Per start tag, saxes creates two null-prototype
 * dictionaries (`attributes`, and `ns` in namespace mode) and, when it has attributes, a Set to find duplicates:
 * on 1,000 edition documents (58,000 elements) that was a quarter of all the memory the validation allocated,
 * and each dictionary is created by a runtime call. Here a tag gets a dictionary of attributes only when it
 * has attributes and a namespace table only when it declares a namespace (the others share one empty table,
 * never written); duplicates are found by comparing names, as few as a start tag holds. The findings, their
 * wording, order and position are saxes' own: the replaced steps are saxes' steps, less the allocations.
 *
 * This reaches into saxes' internals (its state table and attribute steps), as src/xml/read.ts already does
 * for handlers and namespace resolution; when they are not laid out as in saxes 6.0, nothing is replaced.
 */
import { SaxesParser } from 'saxes';
import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';

const EOC = -1;
const FORWARD_SLASH = 0x2f;
const GREATER = 0x3e;
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** The one namespace table of every start tag that declares none: read, never written. */
const NO_NAMESPACES: Record<string, string> = Object.create(null) as Record<string, string>;
/** The one attribute dictionary of every start tag that has no attributes: read, never written. */
const NO_ATTRIBUTES: Record<string, SaxesAttributeNS> = Object.create(null) as Record<string, SaxesAttributeNS>;

/** The attribute list of every start tag that has no attributes. */
const NO_ATTRIBUTE_LIST: readonly SaxesAttributeNS[] = Object.freeze([]);

/**
 * A start tag as saxes describes it, every field present from the start (one shape for all tags). Its
 * `attributes` dictionary is built from the list on first use: the validation reads the list, and most
 * stages never ask for the dictionary.
 */
class LeanTag {
  prefix = '';
  local = '';
  uri = '';
  isSelfClosing = false;
  list: readonly SaxesAttributeNS[] = NO_ATTRIBUTE_LIST;
  private byName: Record<string, SaxesAttributeNS> | undefined = undefined;

  constructor(
    readonly name: string,
    public ns: Record<string, string>,
  ) {}

  /** Attributes by qualified name (a duplicate, which saxes reports, holds the last one's value). */
  get attributes(): Record<string, SaxesAttributeNS> {
    if (this.byName) return this.byName;
    if (this.list.length === 0) return (this.byName = NO_ATTRIBUTES);
    const byName = Object.create(null) as Record<string, SaxesAttributeNS>;
    for (const a of this.list) byName[a.name] = a;
    return (this.byName = byName);
  }
}

/** What of saxes' parser this module reads and replaces (saxes 6.0's own names). */
interface SaxesInternals {
  stateTable: ((this: SaxesInternals) => void)[];
  state: number;
  name: string;
  tag: SaxesTagNS | null;
  topNS: Record<string, string> | null;
  attribList: SaxesAttributeNS[];
  sawRoot: boolean;
  closedRoot: boolean;
  fragmentOpt: boolean;
  openTagStartHandler: ((tag: SaxesTagNS) => void) | undefined;
  attributeHandler: ((attr: SaxesAttributeNS) => void) | undefined;
  captureNameChars(): number;
  qname(name: string): { prefix: string; local: string };
  resolve(prefix: string): string | undefined;
  fail(message: string): void;
  openTag(): void;
  processAttribs(): void;
  pushAttrib(name: string, value: string): void;
}

/** Told, for each start tag, of its attributes in document order and whether one of them declares a namespace. */
export type AttributesSeen = (list: readonly SaxesAttributeNS[], declaresNamespaces: boolean) => void;

/**
 * Makes `parser` (namespace mode) build start tags without needless allocations; `seen` hears each start tag's
 * attributes before its `opentag` event. Returns false, changing nothing, when saxes is not laid out as expected.
 */
export function leanTags(parser: SaxesParser<{ xmlns: true; position: true }>, seen: AttributesSeen): boolean {
  const self = parser as unknown as SaxesInternals;
  const proto = SaxesParser.prototype as unknown as Record<string, unknown>;
  const table = self.stateTable;
  const openTagState = Array.isArray(table) ? table.indexOf(proto.sOpenTag as SaxesInternals['stateTable'][number]) : -1;
  const slashState = openTagState >= 0 ? table.indexOf(proto.sOpenTagSlash as SaxesInternals['stateTable'][number]) : -1;
  const attribState = openTagState >= 0 ? table.indexOf(proto.sAttrib as SaxesInternals['stateTable'][number]) : -1;
  const pushNS = self.pushAttrib;
  if (slashState < 0 || attribState < 0 || self.processAttribs !== proto.processAttribsNS || pushNS !== proto.pushAttribNS) return false;

  table[openTagState] = function sOpenTag(this: SaxesInternals): void {
    const c = this.captureNameChars();
    if (c === EOC) return;
    // every field the tag will get, so that all tags share one shape
    const tag = new LeanTag(this.name, NO_NAMESPACES) as unknown as SaxesTagNS;
    this.tag = tag;
    this.name = '';
    this.topNS = NO_NAMESPACES;
    this.openTagStartHandler?.call(this, tag);
    this.sawRoot = true;
    if (!this.fragmentOpt && this.closedRoot) this.fail('documents may contain only one root.');
    switch (c) {
      case GREATER:
        this.openTag();
        break;
      case FORWARD_SLASH:
        this.state = slashState;
        break;
      default:
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) this.fail('disallowed character in tag name.');
        this.state = attribState;
    }
  };

  self.pushAttrib = function pushAttrib(this: SaxesInternals, name: string, value: string): void {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      // A namespace declaration writes into the tag's own table: it gets one before its first. saxes checks it.
      if (this.topNS === NO_NAMESPACES) {
        const own = Object.create(null) as Record<string, string>;
        this.topNS = own;
        this.tag!.ns = own;
      }
      pushNS.call(this, name, value);
      return;
    }
    // saxes' qname() and attribute, without the object qname() returns
    const colon = name.indexOf(':');
    let prefix = '';
    let local = name;
    if (colon !== -1) {
      prefix = name.slice(0, colon);
      local = name.slice(colon + 1);
      if (prefix === '' || local === '' || local.includes(':')) this.fail(`malformed name: ${name}.`);
    }
    const attr: SaxesAttributeNS = { name, prefix, local, value, uri: '' };
    this.attribList.push(attr);
    this.attributeHandler?.call(this, attr);
  };

  self.processAttribs = function processAttribs(this: SaxesInternals): void {
    const list = this.attribList;
    const tag = this.tag!;
    const { prefix, local } = this.qname(tag.name);
    tag.prefix = prefix;
    tag.local = local;
    const uri = (tag.uri = this.resolve(prefix) ?? '');
    if (prefix !== '') {
      if (prefix === 'xmlns') this.fail('tags may not have "xmlns" as prefix.');
      if (uri === '') {
        this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
        tag.uri = prefix;
      }
    }
    if (list.length === 0) {
      seen(NO_ATTRIBUTE_LIST, false);
      return;
    }
    (tag as unknown as LeanTag).list = list;
    let declares = false;
    // Default namespaces do not apply to attributes (Namespaces in XML, 6.2).
    for (let i = 0; i < list.length; i++) {
      const attr = list[i]!;
      let attrUri: string | undefined;
      if (attr.prefix === '') attrUri = attr.name === 'xmlns' ? XMLNS_NAMESPACE : '';
      else {
        attrUri = this.resolve(attr.prefix);
        if (attrUri === undefined) {
          this.fail(`unbound namespace prefix: ${JSON.stringify(attr.prefix)}.`);
          attrUri = attr.prefix;
        }
      }
      attr.uri = attrUri;
      for (let j = 0; j < i; j++) {
        const before = list[j]!;
        const same = attr.prefix === '' ? before.prefix === '' && before.name === attr.name : before.prefix !== '' && before.uri === attrUri && before.local === attr.local;
        if (same) {
          this.fail(`duplicate attribute: ${attr.prefix === '' ? attr.name : `{${attrUri}}${attr.local}`}.`);
          break;
        }
      }
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') declares = true;
    }
    this.attribList = [];
    seen(list, declares);
  };
  return true;
}
