/**
 * The internal DTD subset of a document, read as an XML processor that does not load external entities
 * must read it (as jing's parser does, less the network): internal general entities are expanded, within
 * limits against expansion bombs; attribute defaults of `<!ATTLIST>` are supplied; external entities and
 * external parameter entities are refused with a message saying so. Nothing is ever fetched.
 */

/** What a document's DOCTYPE declares that matters to validation. */
export interface Doctype {
  /** Offset of `<!DOCTYPE` and of the character after its closing `>`. */
  start: number;
  end: number;
  /** Internal general entities whose replacement text is plain text (for the parser's entity table). */
  textEntities: Map<string, string>;
  /** Internal general entities whose replacement text holds markup (expanded in the text before parsing). */
  markupEntities: Map<string, string>;
  /** Default attribute values by element name (qualified, as written), attribute name → value. */
  attributeDefaults: Map<string, Map<string, string>>;
  /** Unparsed entities (`NDATA`): names only, for ENTITY values; never loaded. */
  unparsedEntities: Set<string>;
  /** An external DTD subset named by the DOCTYPE (never loaded). */
  externalSubset?: string;
  /** Problems, each with the offset it was found at. */
  problems: { message: string; offset: number; fatal: boolean }[];
}

/** Expansion limits: JDK's default of 64,000 entity expansions, and 10 MiB of replacement text in all. */
export const MAX_ENTITY_EXPANSIONS = 64000;
export const MAX_EXPANDED_CHARS = 10 * 1024 * 1024;

const NAME = /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Finds the DOCTYPE of a document (before its root element), or undefined. */
function findDoctype(text: string): { start: number; nameEnd: number } | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /[\s\uFEFF]/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i);
      if (e < 0) return undefined;
      i = e + 2;
    } else if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i);
      if (e < 0) return undefined;
      i = e + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) return { start: i, nameEnd: i + 9 };
    else return undefined;
  }
}

function skipQuoted(text: string, i: number): number {
  const q = text[i]!;
  const e = text.indexOf(q, i + 1);
  return e < 0 ? text.length : e + 1;
}

/** Reads the DOCTYPE of `text`, if it has one. */
export function readDoctype(text: string): Doctype | undefined {
  const found = findDoctype(text);
  if (!found) return undefined;
  const dt: Doctype = {
    start: found.start,
    end: found.start,
    textEntities: new Map(),
    markupEntities: new Map(),
    attributeDefaults: new Map(),
    unparsedEntities: new Set(),
    problems: [],
  };
  let i = found.nameEnd;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  ws();
  const root = NAME.exec(text.slice(i, i + 1000));
  i += root?.[0].length ?? 0;
  ws();
  if (text.startsWith('SYSTEM', i) || text.startsWith('PUBLIC', i)) {
    const isPublic = text.startsWith('PUBLIC', i);
    i += 6;
    ws();
    if (isPublic && (text[i] === '"' || text[i] === "'")) {
      i = skipQuoted(text, i);
      ws();
    }
    if (text[i] === '"' || text[i] === "'") {
      const e = skipQuoted(text, i);
      dt.externalSubset = text.slice(i + 1, e - 1);
      i = e;
    }
    ws();
  }
  const raw = new Map<string, { value: string; offset: number }>();
  const parameter = new Map<string, string>();
  if (text[i] === '[') {
    i++;
    let subset = '';
    // The internal subset runs to the first ']' outside quotes, comments and PIs.
    const begin = i;
    while (i < text.length && text[i] !== ']') {
      if (text[i] === '"' || text[i] === "'") i = skipQuoted(text, i);
      else if (text.startsWith('<!--', i)) i = (text.indexOf('-->', i) + 1 || text.length) + 2;
      else if (text.startsWith('<?', i)) i = (text.indexOf('?>', i) + 1 || text.length) + 1;
      else i++;
    }
    subset = text.slice(begin, i);
    i++;
    readSubset(subset, begin, raw, parameter, dt);
  }
  ws();
  dt.end = text[i] === '>' ? i + 1 : i;
  resolveEntities(raw, dt);
  return dt;
}

function readSubset(
  subset: string,
  base: number,
  raw: Map<string, { value: string; offset: number }>,
  parameter: Map<string, string>,
  dt: Doctype,
  depth = 0,
): void {
  let i = 0;
  const ws = (): void => {
    while (i < subset.length && /\s/.test(subset[i]!)) i++;
  };
  const name = (): string => {
    const m = NAME.exec(subset.slice(i, i + 1000));
    if (!m) return '';
    i += m[0].length;
    return m[0];
  };
  const quoted = (): string | undefined => {
    if (subset[i] !== '"' && subset[i] !== "'") return undefined;
    const e = skipQuoted(subset, i);
    const v = subset.slice(i + 1, e - 1);
    i = e;
    return v;
  };
  const toEnd = (): void => {
    while (i < subset.length && subset[i] !== '>') {
      if (subset[i] === '"' || subset[i] === "'") i = skipQuoted(subset, i);
      else i++;
    }
    i++;
  };
  while (i < subset.length) {
    ws();
    if (i >= subset.length) break;
    const at = base + i;
    if (subset.startsWith('<!--', i)) {
      i = (subset.indexOf('-->', i) + 1 || subset.length) + 2;
    } else if (subset.startsWith('<?', i)) {
      i = (subset.indexOf('?>', i) + 1 || subset.length) + 1;
    } else if (subset[i] === '%') {
      i++;
      const n = name();
      i++; // ';'
      const value = parameter.get(n);
      if (value === undefined) {
        dt.problems.push({ message: `parameter entity %${n}; is not declared in the internal subset (external DTDs are never loaded)`, offset: at, fatal: false });
      } else if (depth < 8) readSubset(value, at, raw, parameter, dt, depth + 1);
    } else if (subset.startsWith('<!ENTITY', i)) {
      i += 8;
      ws();
      const isParameter = subset[i] === '%';
      if (isParameter) {
        i++;
        ws();
      }
      const n = name();
      ws();
      const value = quoted();
      const rest = subset.slice(i, subset.indexOf('>', i) + 1 || subset.length);
      if (value === undefined && !isParameter && /\sNDATA\s/.test(rest)) {
        dt.unparsedEntities.add(n);
      } else if (value === undefined) {
        // SYSTEM or PUBLIC: an external entity. Never loaded.
        if (!isParameter) {
          dt.problems.push({ message: `external entity "${n}" refused: entities outside the document are never loaded`, offset: at, fatal: true });
        } else {
          dt.problems.push({ message: `external parameter entity %${n}; ignored: entities outside the document are never loaded`, offset: at, fatal: false });
        }
      } else if (isParameter) {
        if (!parameter.has(n)) parameter.set(n, expandCharRefs(value));
      } else if (!raw.has(n)) raw.set(n, { value: expandCharRefs(value), offset: at });
      toEnd();
    } else if (subset.startsWith('<!ATTLIST', i)) {
      i += 9;
      ws();
      const element = name();
      let defaults = dt.attributeDefaults.get(element);
      for (;;) {
        ws();
        if (i >= subset.length || subset[i] === '>') {
          i++;
          break;
        }
        const attribute = name();
        if (!attribute) {
          toEnd();
          break;
        }
        ws();
        let type = 'CDATA';
        if (subset[i] === '(') {
          type = 'ENUMERATION';
          i = subset.indexOf(')', i) + 1 || subset.length;
        } else {
          type = name();
          if (type === 'NOTATION') {
            ws();
            i = subset.indexOf(')', i) + 1 || subset.length;
          }
        }
        ws();
        let value: string | undefined;
        if (subset.startsWith('#REQUIRED', i) || subset.startsWith('#IMPLIED', i)) name(), (i += 1);
        else {
          if (subset.startsWith('#FIXED', i)) {
            i += 6;
            ws();
          }
          value = quoted();
        }
        if (value !== undefined) {
          defaults ??= new Map();
          dt.attributeDefaults.set(element, defaults);
          let v = value.replace(/[\t\n\r]/g, ' ');
          if (type !== 'CDATA') v = v.replace(/ +/g, ' ').trim();
          if (!defaults.has(attribute)) defaults.set(attribute, v);
        }
      }
    } else if (subset.startsWith('<!', i)) {
      toEnd();
    } else {
      i++;
    }
  }
}

/** Character references in an entity value are replaced when the entity is declared (XML 1.0, 4.5). */
function expandCharRefs(value: string): string {
  return value.replace(/&#(x[0-9A-Fa-f]+|[0-9]+);/g, (_, n: string) => String.fromCodePoint(n.startsWith('x') ? parseInt(n.slice(1), 16) : parseInt(n, 10)));
}

/** Expands every internal entity fully, within the limits, and sorts them into text and markup entities. */
function resolveEntities(raw: Map<string, { value: string; offset: number }>, dt: Doctype): void {
  let expansions = 0;
  const done = new Map<string, string>();
  const expanding = new Set<string>();
  const expand = (name: string): string | undefined => {
    const cached = done.get(name);
    if (cached !== undefined) return cached;
    const decl = raw.get(name);
    if (!decl) return undefined;
    if (expanding.has(name)) throw new EntityProblem(`entity "${name}" refers to itself`, decl.offset);
    expanding.add(name);
    let size = decl.value.length;
    const out = decl.value.replace(/&([^&;#\s]+);/g, (whole, ref: string) => {
      if (PREDEFINED[ref] !== undefined) return whole;
      if (++expansions > MAX_ENTITY_EXPANSIONS) throw new EntityProblem(`more than ${MAX_ENTITY_EXPANSIONS} entity expansions: refused (an entity expansion bomb?)`, decl.offset);
      const v = expand(ref);
      if (v === undefined) throw new EntityProblem(`entity "${ref}" used in entity "${name}" is not declared`, decl.offset);
      size += v.length;
      if (size > MAX_EXPANDED_CHARS) throw new EntityProblem(`entity "${name}" expands to more than ${MAX_EXPANDED_CHARS} characters: refused (an entity expansion bomb?)`, decl.offset);
      return v;
    });
    if (out.length > MAX_EXPANDED_CHARS) throw new EntityProblem(`entity "${name}" expands to more than ${MAX_EXPANDED_CHARS} characters: refused`, decl.offset);
    expanding.delete(name);
    done.set(name, out);
    return out;
  };
  for (const [name, decl] of raw) {
    try {
      const v = expand(name)!;
      if (v.includes('<')) dt.markupEntities.set(name, v);
      else dt.textEntities.set(name, v.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, r: string) => (r.startsWith('#') ? expandCharRefs(`&${r};`) : PREDEFINED[r]!)));
    } catch (e) {
      if (!(e instanceof EntityProblem)) throw e;
      dt.problems.push({ message: e.message, offset: e.offset ?? decl.offset, fatal: true });
      expanding.clear();
    }
  }
}

class EntityProblem {
  constructor(
    readonly message: string,
    readonly offset?: number,
  ) {}
}

/**
 * Replaces references to markup-bearing entities in the document's content (outside comments, CDATA
 * sections and processing instructions) with their replacement text, so that the parser reads their markup.
 */
export function expandMarkupEntities(text: string, from: number, entities: ReadonlyMap<string, string>): string {
  if (entities.size === 0) return text;
  let out = text.slice(0, from);
  let i = from;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    const lt = text.indexOf('<', i);
    if (amp < 0) break;
    if (lt >= 0 && lt < amp) {
      let end = lt + 1;
      if (text.startsWith('<!--', lt)) end = (text.indexOf('-->', lt) + 1 || text.length) + 2;
      else if (text.startsWith('<![CDATA[', lt)) end = (text.indexOf(']]>', lt) + 1 || text.length) + 2;
      else if (text.startsWith('<?', lt)) end = (text.indexOf('?>', lt) + 1 || text.length) + 1;
      else {
        // A tag: skip to its end, over quoted attribute values (markup entities are not allowed there).
        while (end < text.length && text[end] !== '>') end = text[end] === '"' || text[end] === "'" ? skipQuoted(text, end) : end + 1;
        end++;
      }
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const semi = text.indexOf(';', amp);
    const name = semi > amp ? text.slice(amp + 1, semi) : '';
    const value = entities.get(name);
    out += text.slice(i, amp);
    if (value !== undefined) {
      out += value;
      i = semi + 1;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
  return out + text.slice(i);
}

/**
 * Puts the text entities into a parser's entity table (saxes' `ENTITIES`), counting what their uses insert:
 * past {@link MAX_EXPANDED_CHARS} in all, each further use inserts nothing and `onLimit` is told once.
 */
export function installTextEntities(table: Record<string, string>, entities: ReadonlyMap<string, string>, onLimit: () => void): void {
  let inserted = 0;
  let told = false;
  for (const [name, value] of entities) {
    Object.defineProperty(table, name, {
      enumerable: true,
      get() {
        inserted += value.length;
        if (inserted <= MAX_EXPANDED_CHARS) return value;
        if (!told) onLimit();
        told = true;
        return '';
      },
    });
  }
}
