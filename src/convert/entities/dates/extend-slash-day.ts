import type { DateMention } from './types.js';

/**
 * "December 28th/29th", "the night of 5/6 June": the night between two days, printed as one day, a slash and
 * the next. chrono stops at the slash; the mention is widened to take the other day, and becomes a range.
 */
export function extendSlashDay(text: string, m: DateMention): DateMention {
  if (!m.when || !/^(?:\d{4}|-)-\d{2}-\d{2}$/.test(m.when)) return m;
  const day = Number(m.when.slice(-2));
  const withDay = (d: number): string => `${m.when!.slice(0, -2)}${String(d).padStart(2, '0')}`;
  const keepInference = (widened: DateMention): DateMention => (m.yearInferred ? { ...widened, yearInferred: true } : widened);
  const tail = /^\/(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.slice(m.end));
  if (tail && Number(tail[1]) === day + 1) {
    const end = m.end + tail[0].length;
    return keepInference({ start: m.start, end, text: text.slice(m.start, end), from: m.when, to: withDay(day + 1) });
  }
  const head = /(?<![\d/])(\d{1,2})(?:st|nd|rd|th)?\/$/.exec(text.slice(0, m.start));
  if (head && Number(head[1]) === day - 1 && /^\d/.test(m.text)) {
    const start = head.index;
    return keepInference({ start, end: m.end, text: text.slice(start, m.end), from: withDay(day - 1), to: m.when });
  }
  return m;
}
