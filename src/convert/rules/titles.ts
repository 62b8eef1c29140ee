/**
 * Titles the converter gives documents that print none of their own ("Stalin to Roosevelt, 3 October 1941",
 * "Memorandum by Clifford Webster"), from the header facts.
 */
import type { Party, TeiDocument } from '../../model/document.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1941-07-18" → "18 July 1941". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  return d ? `${d} ${MONTH_NAMES[m - 1]} ${y}` : `${MONTH_NAMES[m - 1]} ${y}`;
}

/** "CLIFFORD WEBSTER" → "Clifford Webster"; names in running case are left as printed. */
function titleCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()) : name;
}

/** "J. V. STALIN" → "Stalin": the surname in title case, for titles. */
export function surnameOf(name: string): string {
  const words = name.replace(/[(),]/g, ' ').split(/\s+/).filter((w) => w.length > 1 && !/^(mr|mrs|m|sir|lord|lady|dr)\.?$/i.test(w) && !/^[A-Z]\.$/.test(w));
  const last = words[words.length - 1] ?? name;
  return last
    .toLowerCase()
    .replace(/(^|[-'’\s])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** How a party is named in a title: a person by surname; an office or institution with its article; a group as printed. */
function titleName(p: Party): string {
  if (!p.kind) return surnameOf(p.name);
  return p.kind === 'group' || /^(?:the|all)\s/i.test(p.name) ? p.name : `the ${p.name}`;
}

export function titleOf(doc: TeiDocument): string | undefined {
  const when = doc.date?.when ? `, ${formatDate(doc.date.when)}` : '';
  if (doc.author && doc.sender.length === 0 && doc.addressees.length === 0) {
    // "Memorandum by the Secretary of State", signed "C[ordell] H[ull]": "Memorandum by Hull, 12 April 1934".
    return `${doc.kind[0]!.toUpperCase()}${doc.kind.slice(1)} by ${doc.author.kind ? doc.author.name : titleCase(doc.author.name)}${when}`;
  }
  if (doc.sender.length === 0 && doc.addressees.length === 0) return undefined;
  if (doc.kind !== 'letter' && doc.kind !== 'telegram' && doc.addressees.length === 0) {
    // A signed memorandum with no heading: "Memorandum by Clifford Webster".
    if (doc.title || doc.sender.length === 0) return undefined;
    const by = doc.sender.map((c) => (c.kind ? c.name : titleCase(c.name))).join(' and ');
    return `${doc.kind[0]!.toUpperCase()}${doc.kind.slice(1)} by ${by}${when}`;
  }
  const from = doc.sender.map(titleName).join(' and ') || 'Unknown';
  const to = doc.addressees.map(titleName).join(' and ') || 'Unknown';
  return `${from[0]!.toUpperCase()}${from.slice(1)} to ${to}${when}`;
}
