import type { DateMention } from './types.js';

/**
 * "between 10 and 12 March 1940": chrono reads only the second day. When a day of the same month stands before
 * it after "between … and", the mention is widened to a range from that day.
 */
export function extendBetween(text: string, m: DateMention): DateMention {
  if (!m.when || !/^(?:\d{4}|-)-\d{2}-\d{2}$/.test(m.when) || !/^\d/.test(m.text)) return m;
  const head = /\bbetween\s+(?:the\s+)?((\d{1,2})(?:st|nd|rd|th)?\s+and\s+(?:the\s+)?)$/i.exec(text.slice(0, m.start));
  if (!head) return m;
  const first = Number(head[2]);
  const day = Number(m.when.slice(-2));
  if (first < 1 || first >= day) return m;
  const start = m.start - head[1]!.length;
  const widened: DateMention = { start, end: m.end, text: text.slice(start, m.end), from: `${m.when.slice(0, -2)}${String(first).padStart(2, '0')}`, to: m.when };
  if (m.yearInferred) widened.yearInferred = true;
  return widened;
}
