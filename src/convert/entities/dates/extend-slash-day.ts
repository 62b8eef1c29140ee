import type { DateMention } from './types.js';

/**
 * "December 28th/29th": the night between two days, printed as one day, a slash and the next. chrono stops
 * at the slash; the mention is widened to take the second day, and becomes a range.
 */
export function extendSlashDay(text: string, m: DateMention): DateMention {
  if (!m.when || !/^(?:\d{4}|-)-\d{2}-\d{2}$/.test(m.when)) return m;
  const tail = /^\/(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.slice(m.end));
  if (!tail) return m;
  const day = Number(tail[1]);
  const first = Number(m.when.slice(-2));
  if (day !== first + 1) return m;
  const end = m.end + tail[0].length;
  const to = `${m.when.slice(0, -2)}${String(day).padStart(2, '0')}`;
  return { start: m.start, end, text: text.slice(m.start, end), from: m.when, to };
}
