/**
 * Times of day after a date in running text: "July 9, 11.15 p.m.", "April 6, 1917, 12 p.m.", "on June 3 at 5
 * p.m.". The time joins the date (`when="1917-04-06T12:00:00"`, the FRUS editors' encoding), and a number before
 * "a.m."/"p.m." is never a year: chrono reads "July 9, 11.15 p.m." as 9 July 1911. The hour is read by the
 * dateline rules' {@link timeOfDay}, one reading of times for the header and the text.
 */
import { TIME_OF_DAY, timeOfDay } from '../../rules/dateline.js';
import type { DateMention } from './types.js';

/** ", 11.15 p.m.", " at 5 p.m.", "—6 p.m.": a time right after a date. */
const TIME_AFTER = new RegExp(String.raw`^(?:,?\s+(?:at\s+)?|\s*[—–-]\s*)(${TIME_OF_DAY})`, 'i');
/** ", 11" read as a year, followed by ".15 p.m." or " p.m.": the year was the hour. */
const YEAR_THAT_IS_AN_HOUR = /,\s*(\d{1,2})$/;
const HOUR_GOES_ON = /^(?:[.:]\s?\d{2})?\s*(?:[ap]\.\s?m\b|[AP]\.\s?M\b|[ap]m\b|o'clock)/;

/**
 * Whether the "year" that ends a date is the hour printed after it: "June 5, 10" before " a.m." (chrono reads a
 * number of one or two digits after the day's comma as a year, 1910). The date is then the words before the comma.
 */
export function yearIsTheHour(text: string, mention: DateMention): boolean {
  return YEAR_THAT_IS_AN_HOUR.test(mention.text) && HOUR_GOES_ON.test(text.slice(mention.end, mention.end + 12));
}

/**
 * Adds the time printed after each dated day to its value and its span, after taking back a "year" that was the
 * hour. `reparse` reads the date alone again (with the document's reference, for its year).
 */
export function attachTimes(text: string, mentions: DateMention[], reparse: (dateText: string) => DateMention | undefined): void {
  for (let i = 0; i < mentions.length; i++) {
    let m = mentions[i]!;
    if (yearIsTheHour(text, m)) {
      const dateText = m.text.slice(0, YEAR_THAT_IS_AN_HOUR.exec(m.text)!.index);
      const again = reparse(dateText);
      if (!again || again.text !== dateText) continue;
      m = { ...again, start: m.start, end: m.start + dateText.length, text: dateText };
      mentions[i] = m;
    }
    // "July 14, 4 p.m.": chrono, misled by the hour, reads the day as a two-digit year (July 2014).
    if (m.when && /^\d{4}-\d{2}$/.test(m.when) && /\s\d{1,2}$/.test(m.text) && TIME_AFTER.test(text.slice(m.end, m.end + 30))) {
      const again = reparse(m.text);
      if (again && again.text === m.text && again.when && /^\d{4}-\d{2}-\d{2}$/.test(again.when)) {
        m = { ...again, start: m.start, end: m.end, text: m.text };
        mentions[i] = m;
      }
    }
    if (!m.when || !/^\d{4}-\d{2}-\d{2}$/.test(m.when)) continue;
    const t = TIME_AFTER.exec(text.slice(m.end, m.end + 30));
    const time = t ? timeOfDay(t[1]!) : undefined;
    if (!t || !time) continue;
    const end = m.end + t[0].length;
    // The closing stop of "p.m." belongs to the time unless it also ends the sentence (kept either way: TEI wraps what is printed).
    mentions[i] = { ...m, end, text: text.slice(m.start, end), when: `${m.when}T${time}` };
  }
}
