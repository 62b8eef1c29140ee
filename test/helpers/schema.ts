/**
 * Test helpers: well-formedness and RELAX NG validity of TEI strings. chancery.rng is small enough for
 * libxmljs2 to compile on each call; tei_all is checked with jing in one batch (it is installed by
 * .ci/run), and skipped with a printed notice where jing or ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import libxmljs from 'libxmljs2';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const TEI_ALL = join(SHARED, 'tei', 'tei_all.rng');

let chanceryRng: libxmljs.Document | undefined;

/** Parses XML; throws with libxml2's message when it is not well-formed. */
export function parseXml(xml: string): libxmljs.Document {
  return libxmljs.parseXml(xml, { nonet: true });
}

/** Errors of the document against schema/chancery.rng (empty when valid). */
export function chanceryErrors(xml: string): string[] {
  chanceryRng ??= libxmljs.parseXml(readFileSync(join(ROOT, 'schema', 'chancery.rng'), 'utf8'));
  // rngValidate is in libxmljs2's runtime API but missing from its type declarations.
  const doc = parseXml(xml) as libxmljs.Document & { rngValidate(schema: libxmljs.Document): boolean };
  if (doc.rngValidate(chanceryRng)) return [];
  return doc.validationErrors.map((e) => `${e.line}:${e.column}: ${e.message.trim()}`);
}

export function hasJing(): boolean {
  try {
    execFileSync('jing', [], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { status?: number }).status !== undefined && (e as { code?: string }).code !== 'ENOENT';
  }
}

/**
 * Validates XML strings against tei_all with jing in one run. Returns undefined (and the caller skips)
 * when jing or ../shared is not there.
 */
export function teiAllErrors(documents: Map<string, string>): string[] | undefined {
  if (!existsSync(TEI_ALL) || !hasJing()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'chancery-teiall-'));
  try {
    const files: string[] = [];
    let i = 0;
    for (const xml of documents.values()) {
      const f = join(dir, `${i++}.xml`);
      writeFileSync(f, xml);
      files.push(f);
    }
    try {
      execFileSync('jing', [TEI_ALL, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return [];
    } catch (e) {
      const out = String((e as { stdout?: string }).stdout ?? '');
      return out.split('\n').filter((l) => l.includes(': error:'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Words as score.py counts them: letters and digits, superscript digits as digits, lower case; a note reference's
 * superscript letter ("⁴⁷ᵃ", "board.ᵃ") as its letter, as the note's @n keeps it.
 */
export function wordsOf(text: string): string[] {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const letters: Record<string, string> = { ᵃ: 'a', ᵇ: 'b', ᶜ: 'c', ᵈ: 'd', ᵉ: 'e', ᶠ: 'f', ᵍ: 'g' };
  // A word a print extraction cut at a line end ("satisfac-" / "tory") is read whole, as the converter joins it.
  text = text.replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2');
  // A superscript number is a reference marker: a word of its own, even when printed against a word. A superscript
  // letter beside another modifier letter is an abbreviation's ("Mᵐᵉ"), not a marker.
  const marker = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ᵃᵇᶜᵈᵉᶠᵍ]?|(?<!\p{Lm})[ᵃᵇᶜᵈᵉᶠᵍ](?!\p{Lm})/gu;
  const plain = text.replace(marker, (run) => ` ${[...run].map((c) => (sup.includes(c) ? sup.indexOf(c) : letters[c])).join('')} `);
  return plain.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.filter((w) => !/^_+$/.test(w)) ?? [];
}

const INLINE = new Set(
  'hi persName date placeName orgName roleName forename surname addName genName name rs foreign emph term title ref ptr choice sic corr orig reg abbr expan unclear supplied del add num measure time q said mentioned soCalled gap anchor c w g pc'.split(' '),
);

/** The text of a TEI document's <text> plus its @n values: what must hold every word of the input. */
export function teiTextWords(xml: string): string[] {
  const doc = parseXml(xml);
  const ns = { t: 'http://www.tei-c.org/ns/1.0' };
  const text = doc.get('//t:text', ns);
  const parts: string[] = [];
  const walk = (node: libxmljs.Node) => {
    if (node.type() === 'text') parts.push((node as unknown as libxmljs.Text).text());
    if (node.type() === 'element') {
      const el = node as libxmljs.Element;
      const n = el.attr('n')?.value();
      if (n) parts.push(` ${n} `);
      // As score.py reads it: elements inside a line of text join words; all others separate them.
      const superscript = el.name() === 'hi' && el.attr('rend')?.value() === 'superscript';
      const joins = (INLINE.has(el.name()) && !superscript) || (el.name() === 'lb' && el.attr('break')?.value() === 'no');
      if (!joins) parts.push(' ');
      for (const c of el.childNodes()) walk(c);
      if (!joins) parts.push(' ');
    }
  };
  if (text) walk(text as libxmljs.Element);
  const all = parts.join('');
  // A compound whose hyphen the converter kept at a line end ("well-" / "known") also counts as the word it joins.
  const joined = [...all.matchAll(/(\p{L}+)-(\p{L}+)/gu)].map((m) => `${m[1]}${m[2]}`).join(' ');
  return [...wordsOf(all), ...wordsOf(joined)];
}

/** Words of `source` missing from `target` (as multisets), ignoring the source's markup syntax words. */
export function missingWords(source: string[], target: string[]): string[] {
  const syntax = new Set(['footnoteref', 'sup', 'lt', 'gt', 'amp', 'quot', 'apos']);
  const have = new Map<string, number>();
  for (const w of target) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of source) {
    if (syntax.has(w)) continue;
    const n = have.get(w) ?? 0;
    if (n === 0) missing.push(w);
    else have.set(w, n - 1);
  }
  return missing;
}
