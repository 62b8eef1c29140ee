/**
 * Receipt lines that documentary editions print under a telegram's dateline: "[Received April 8, 7.45 p.m.]",
 * "[Received 6:40 p.m.]", "[Received July 27—11:22 a.m.]", "[Received June 10.]". They rarely print a year, and
 * often no day: the day and year are then those of the dateline, moved forward where the receipt's month comes
 * before the sending month (a December telegram received in January). What is taken from the dateline is
 * inferred, and said so.
 */
import { TIME_OF_DAY, timeOfDay } from './dateline.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;

/**
 * "Received" (with "by …" or "at the Department of State," between), then optionally month and day and a
 * four-digit year, then optionally a time of day. "July 9, 11.15 p.m." is a day and a time: a year has four digits.
 */
const RECEIVED = new RegExp(
  String.raw`^\[?\s*Received\b(?:\s+(?:by|at)\s+[^,\d]*?,?)?\s*` +
    String.raw`(?:${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*\(\d{1,2}\??\))?(?:,?\s+(\d{4}))?)?` +
    String.raw`\s*(?:[,;—–-]\s*)?(${TIME_OF_DAY})?[\s.,;]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?(?:;[^\]]*)?[\s.;]*(?:\]|$)`,
  'i',
);

/** What a receipt line states. */
export interface ReceiptLine {
  month?: number;
  day?: number;
  /** Only when printed (four digits). */
  year?: number;
  /** HH:MM:SS. */
  time?: string;
}

/** Reads a receipt line; undefined for anything else, and for "[Received]" with neither date nor time. */
export function parseReceivedLine(line: string): ReceiptLine | undefined {
  const m = RECEIVED.exec(line.trim());
  if (!m) return undefined;
  const out: ReceiptLine = {};
  if (m[1]) {
    out.month = MONTHS.findIndex((x) => x.startsWith(m[1]!.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;
    out.day = Number(m[2]);
    if (m[3]) out.year = Number(m[3]);
  }
  if (m[4]) {
    const time = timeOfDay(m[4]);
    if (time) out.time = time;
  }
  if (out.month === undefined && out.time === undefined) return undefined;
  if (out.day !== undefined && (out.day < 1 || out.day > 31)) return undefined;
  return out;
}

/** "[Handed to Mr. Adee by Mr. Wu, …", "[Delivered to the Department of State by …": a paper handed over. */
const DELIVERY = /^\[\s*(?:Handed|Delivered)\s+to\s/i;
/** A date in a delivery line: month and day, a four-digit year, a time of day after them. */
const DELIVERY_DATE = new RegExp(
  String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?(?:\s*(?:[,;—–-]\s*)?(${TIME_OF_DAY}))?`,
  'gi',
);

/**
 * A delivery line: an editor's bracketed line saying when a paper was handed over ("[Handed to Mr. Adee by Mr. Wu,
 * August 20, 1900—10.15 a.m.]", "[Delivered to the Department of State by the Chinese minister, …, August 12, 1900]",
 * "[Handed to Acting Secretary Hill on September 10 by the Chinese minister, …]"). Handing a paper to someone is its
 * receipt: the line dates the receipt as "[Received …]" does. Whoever took it in hand (an official of the
 * Department) is no addressee of the paper, so only the date is read: the last one printed, with the words that print
 * it (`text`). Undefined without one.
 */
export function parseDeliveryLine(line: string): { receipt: ReceiptLine; text: string } | undefined {
  const text = line.trim();
  if (!DELIVERY.test(text)) return undefined;
  const m = [...text.matchAll(DELIVERY_DATE)].pop();
  if (!m) return undefined;
  const out: ReceiptLine = { month: MONTHS.findIndex((x) => x.startsWith(m[1]!.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1, day: Number(m[2]) };
  if (out.day! < 1 || out.day! > 31) return undefined;
  if (m[3]) out.year = Number(m[3]);
  const time = m[4] ? timeOfDay(m[4]) : undefined;
  if (time) out.time = time;
  return { receipt: out, text: (time ? m[0] : m[0].slice(0, m[0].length - (m[4]?.length ?? 0))).replace(/[\s,;—–-]+$/, '') };
}

/** A receipt date made whole: its value, and which parts were taken from the dateline. */
export interface ReceivedDate {
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when a time is printed. */
  when: string;
  /** True when the year was not printed on the receipt line. */
  yearInferred: boolean;
  /** True when neither month nor day was printed: the day is the dateline's. */
  dayInferred: boolean;
}

/**
 * Completes a receipt line from the date it was sent (YYYY-MM-DD). No day printed: the sending day (the editors
 * print only a time for a telegram received the day it was sent, whatever the clocks say across time zones).
 * No year printed: the sending year, or the next one when the receipt's month is earlier than the sending month.
 * Without a sending date, only a receipt that prints its whole date is complete.
 */
export function completeReceipt(receipt: ReceiptLine, sentWhen: string | undefined): ReceivedDate | undefined {
  const sent = sentWhen ? /^(\d{4})-(\d{2})-(\d{2})/.exec(sentWhen) : null;
  if (!sent && (receipt.year === undefined || receipt.month === undefined || receipt.day === undefined)) return undefined;
  const [sy, sm, sd] = sent ? [Number(sent[1]), Number(sent[2]), Number(sent[3])] : [receipt.year!, receipt.month!, receipt.day!];
  let year = receipt.year ?? sy;
  const month = receipt.month ?? sm;
  const day = receipt.day ?? sd;
  if (receipt.year === undefined && month < sm) year = sy + 1;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { when: receipt.time ? `${iso}T${receipt.time}` : iso, yearInferred: receipt.year === undefined, dayInferred: receipt.month === undefined };
}
