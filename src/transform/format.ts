/**
 * Small formatting helpers shared by the transforms: escaping, dates for people, correspondent labels,
 * authority URIs.
 */
import { escapeText } from '../xml/escape.js';
import type { Correspondent, CorrespSide, DateValue, PersonRecord } from './edition.js';

/**
 * Escapes text for HTML or XML content and double-quoted attributes: src/xml's one escape (so that a character
 * XML forbids never reaches a page or the CMIF file), with `"` escaped in content too, as these outputs always had.
 */
export function escapeMarkup(s: string): string {
  const escaped = escapeText(s);
  return escaped.includes('"') ? escaped.replace(/"/g, '&quot;') : escaped;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1941-07-18` → `18 July 1941`; `1941-07` → `July 1941`; anything else as written. */
export function formatIso(iso: string): string {
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A date as a reader wants it, from its machine-readable attributes (the printed text when it has none). */
export function formatDate(d: DateValue | undefined): string {
  if (!d) return '';
  let s: string;
  if (d.when) s = formatIso(d.when);
  else if (d.from || d.to) s = `${d.from ? formatIso(d.from) : '…'} – ${d.to ? formatIso(d.to) : '…'}`;
  else if (d.notBefore && d.notAfter) s = `between ${formatIso(d.notBefore)} and ${formatIso(d.notAfter)}`;
  else if (d.notBefore) s = `not before ${formatIso(d.notBefore)}`;
  else if (d.notAfter) s = `not after ${formatIso(d.notAfter)}`;
  else return d.text;
  return d.cert && d.cert !== 'high' ? `${s} (?)` : s;
}

/** The single date `<time datetime>` can carry, or undefined for ranges and bounds. */
export function machineDate(d: DateValue | undefined): string | undefined {
  if (!d) return undefined;
  if (d.when) return d.when;
  if (d.from && !d.to) return d.from;
  return undefined;
}

/** The year of a date, for filters and the chronology. */
export function yearOf(d: DateValue | undefined): string {
  const iso = d?.when ?? d?.from ?? d?.notBefore ?? d?.notAfter ?? d?.to ?? '';
  return /^-?\d{4}/.exec(iso)?.[0] ?? '';
}

/** A correspondent's display name: the personography's preferred form when identified. */
export function displayName(c: Correspondent, persons: Map<string, PersonRecord>): string {
  return (c.id && persons.get(c.id)?.names[0]) || c.name;
}

/** `Stalin, Molotov` for one side of a correspondence. */
export function sideLabel(side: CorrespSide | undefined, persons: Map<string, PersonRecord>): string {
  if (!side || side.persons.length === 0) return '';
  return side.persons.map((p) => displayName(p, persons)).join(', ');
}

/** `<persName>Unknown</persName>`: the encoding's word for an unknown correspondent, not a person. */
export function isUnknown(c: Correspondent): boolean {
  return c.id === undefined && c.ref === undefined && c.name.trim().toLowerCase() === 'unknown';
}

/** A stable key for a correspondent, for filters and CSV ids: the person id, else `name:<text>`. */
export function correspondentKey(c: Correspondent): string {
  return c.id ?? `name:${c.name}`;
}

/** Authority id → URI, in the form correspSearch expects. Undefined for kinds we do not know. */
export function authorityUri(type: string, value: string): string | undefined {
  const v = value.trim();
  switch (type.toLowerCase()) {
    case 'wikidata':
      return /^Q\d+$/.test(v) ? `http://www.wikidata.org/entity/${v}` : /^https?:\/\/www\.wikidata\.org\//.test(v) ? v : undefined;
    case 'viaf':
      return /^\d+$/.test(v) ? `http://viaf.org/viaf/${v}` : /^https?:\/\/viaf\.org\/viaf\/\d+/.test(v) ? v : undefined;
    case 'gnd':
      return /^[\dX-]+$/.test(v) ? `http://d-nb.info/gnd/${v}` : /^https?:\/\/d-nb\.info\/gnd\//.test(v) ? v : undefined;
    default:
      return undefined;
  }
}

/** Authority id → the page a reader opens. */
export function authorityPage(type: string, value: string): string | undefined {
  const v = value.trim();
  switch (type.toLowerCase()) {
    case 'wikidata':
      return /^Q\d+$/.test(v) ? `https://www.wikidata.org/wiki/${v}` : undefined;
    case 'viaf':
      return /^\d+$/.test(v) ? `https://viaf.org/viaf/${v}/` : undefined;
    case 'gnd':
      return /^[\dX-]+$/.test(v) ? `https://d-nb.info/gnd/${v}` : undefined;
    default:
      return /^https?:\/\//.test(v) ? v : undefined;
  }
}

/** Label of an authority type: `Wikidata`, `VIAF`, `GND`. */
export function authorityLabel(type: string): string {
  const t = type.toLowerCase();
  return t === 'viaf' || t === 'gnd' ? t.toUpperCase() : t === 'wikidata' ? 'Wikidata' : type;
}
