/**
 * The chrono-node pipelines Chrono uses: chrono's casual English (day-first, as in British and European prints)
 * and French parsers, each followed by chrono's own refiners and then ours. The order is this literal list,
 * and each refiner does one job.
 */
import type * as chrono from 'chrono-node';
// The two locales, not chrono-node's index: the index loads all sixteen of chrono's locales (266 modules, read,
// compiled and run in every process and worker thread that converts), where English and French are 64.
import { Chrono, configuration as englishConfiguration } from 'chrono-node/en';
import { createCasualConfiguration as frenchCasualConfiguration } from 'chrono-node/fr';
import { dayBeforeMonthRefiner } from './refiners/day-before-month.js';
import { monthDayNotYearRefiner } from './refiners/month-day-not-year.js';
import { monthWordGuardRefiner } from './refiners/month-word-guard.js';
import { numberBeforeMonthRefiner } from './refiners/number-before-month.js';
import { numericGuardRefiner } from './refiners/numeric-guard.js';
import { periodEdgeRefiner } from './refiners/period-edge.js';
import { rejectRelativeRefiner } from './refiners/reject-relative.js';
import { requireMonthRefiner } from './refiners/require-month.js';
import { trimTextRefiner } from './refiners/trim-text.js';
import { twoDigitYearRefiner } from './refiners/two-digit-year.js';

/** Our refiners, in the order they run after chrono's. */
export const chanceryRefiners: chrono.Refiner[] = [
  rejectRelativeRefiner,
  requireMonthRefiner,
  periodEdgeRefiner,
  monthDayNotYearRefiner,
  numberBeforeMonthRefiner,
  dayBeforeMonthRefiner,
  numericGuardRefiner,
  twoDigitYearRefiner,
  trimTextRefiner,
  monthWordGuardRefiner,
];

/**
 * Whether a chrono parser is one of its parsers of durations and relative dates ("three days later", "within a week",
 * "next month", "il y a deux jours"): every result they give is dropped by {@link rejectRelativeRefiner}, so they are
 * not run. Their patterns are the largest of chrono's (a number-or-word, a unit, repeated up to ten times): compiling
 * them cost about 200 ms in every process and worker thread that parses a date.
 *
 * They are the parsers whose results chrono makes relative to the moment of reading, and it makes those with one
 * call, `ParsingComponents.createRelativeFromReference`, in their `innerExtract` (five of English, three of French;
 * no other parser of the two locales calls it). That is asked of the method's code rather than of the class's name:
 * chrono's classes cannot be imported one by one (its package exports its locales only), and a class's name is
 * whatever the build left it (bundled, chrono's second `FRTimeUnitAgoFormatParser` became
 * `FRTimeUnitAgoFormatParser2`; a minifier renames them all), where a property's name survives both.
 * test/convert/entities/dates/chrono-setup.test.ts holds the choice to chrono's eight relative parsers, and
 * test/cli/bin.test.ts the bundled CLI to the parsers dist/src keeps.
 */
export function makesRelativeDates(parser: chrono.Parser): boolean {
  const extract: unknown = (parser as { innerExtract?: unknown }).innerExtract;
  return typeof extract === 'function' && Function.prototype.toString.call(extract).includes('.createRelativeFromReference(');
}

function build(base: { parsers: chrono.Parser[]; refiners: chrono.Refiner[] }): chrono.Chrono {
  const parsers = base.parsers.filter((p) => !makesRelativeDates(p));
  return new Chrono({ parsers, refiners: [...base.refiners, ...chanceryRefiners] });
}

/** English dates, day-first for all-digit forms ("23.12.41"). */
export const englishDates: chrono.Chrono = build(englishConfiguration.createCasualConfiguration(true));

/** French dates ("18 décembre 1958", "du 10 au 22 novembre 1958"). */
export const frenchDates: chrono.Chrono = build(frenchCasualConfiguration(true));
