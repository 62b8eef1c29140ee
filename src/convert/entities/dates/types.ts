/** One date expression found in a string. Offsets are 0-based UTF-16 indices into that string, `end` exclusive. */
export interface DateMention {
  start: number;
  end: number;
  /** The text as printed, `text === input.slice(start, end)`. */
  text: string;
  /** ISO 8601: `YYYY-MM-DD`, `YYYY-MM`, or `--MM-DD` / `--MM` where the year cannot be known. */
  when?: string;
  /** A range the text states ("June 28-30", "du 10 au 22 novembre 1958"). */
  from?: string;
  to?: string;
  /**
   * The year of the values is not printed but inferred from the reference date (chrono-node's "implied", as
   * against "assigned"): "December 20th" in a telegram of 22 December 1941.
   */
  yearInferred?: true;
  /** Bounds rather than a value, for expressions that state only an interval the event lies in. */
  notBefore?: string;
  notAfter?: string;
}

/** Options of {@link findDates}. */
export interface FindDatesOptions {
  /**
   * The date of the document the text belongs to (ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`): a day or month
   * printed without a year is placed in the year that brings it closest to this date.
   */
  reference?: string;
}
