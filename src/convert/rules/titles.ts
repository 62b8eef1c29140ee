/**
 * Titles the converter gives documents that print none of their own ("Stalin to Roosevelt, 3 October 1941",
 * "Memorandum by Clifford Webster"), from the header facts.
 */
import type { TeiDocument } from '../../model/document.js';

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

export function titleOf(doc: TeiDocument): string | undefined {
  if (doc.sender.length === 0 && doc.addressees.length === 0) return undefined;
  if (doc.kind !== 'letter' && doc.kind !== 'telegram' && doc.addressees.length === 0) {
    // A signed memorandum with no heading: "Memorandum by Clifford Webster".
    if (doc.title || doc.sender.length === 0) return undefined;
    const by = doc.sender.map((c) => titleCase(c.name)).join(' and ');
    return `${doc.kind[0]!.toUpperCase()}${doc.kind.slice(1)} by ${by}${doc.date?.when ? `, ${formatDate(doc.date.when)}` : ''}`;
  }
  const from = doc.sender.map((c) => surnameOf(c.name)).join(' and ') || doc.senderRole || 'Unknown';
  const to = doc.addressees.map((c) => surnameOf(c.name)).join(' and ') || doc.addresseeRole || 'Unknown';
  const when = doc.date?.when ? `, ${formatDate(doc.date.when)}` : '';
  return `${from} to ${to}${when}`;
}
