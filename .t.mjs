import { findDates } from './dist/src/convert/entities/dates/find-dates.js';
const cases = [
 ["In a telegram dated December 20th, Mr. Eden reported", "1941-12-22"],
 ["broadcast at midnight, Greenwich Mean Time, on December 28th/29th, and", "1941-12-23"],
 ["H.\n\n23.12.41", "1941-12-23"], ["on 7 Sept. 1939 and 18 Sept. 1939", undefined],
 ["held at 4 pm. Wednesday, 4th October, 1944, in the Foreign", undefined],
 ["June 28-30", "1944-06"], ["3–4 July 1940", undefined], ["du 10 au 22 novembre 1958 pour", undefined], ["November 10-22, 1958 to", undefined],
 ["by the beginning of October and", "1941-09-03"], ["the next few months would", "1941-12-22"], ["The best time is now, today and last night", "1941-12-22"],
 ["Excerpts from Maiskii's journal, secret, 24, 26 Aug. 1939, DVP", undefined], ["(January–March 1992)", undefined], ["In May 1939 Litvinov", undefined],
 ["(Winter 1996), summer 1997, autumn 1999", undefined], ["6253/14/41 G260/3/41 C14998/13953/18 no. 270, 29 Sept. 1939, 30-34 fresh 147–72 1934-1941 vol. XXII, bk. 2, 44-5 MAE/50128-40 FO 371 23102 1920–1939 on till 5 a.m.", undefined],
 ["It may not be. May I. Molotov may have thought. In May he went. The troops march on", "1941-07-01"],
 ["I have received your message of January 15.", "1942-01-16"], ["mentioned on December 28 last", "1942-01-10"], ["early in November by Red", "1941-11-14"],
 ["At the end of September Ribbentrop went", undefined], ["In mid-October Maiskii", "1939-10-01"], ["The next day, 27 September, Maiskii", undefined], ["in the 1930s, since 1933", undefined],
 ["Sent on August 4, 1941", undefined], ["20th September 1939, private", undefined], ["May 10-15", "1942-04-20"], ["on 1 October: while", "1939"], ["in September and October allowing", "1939"],
 ["from 5 to 7 June 1940", undefined], ["between 10 and 12 March 1940", undefined], ["(13 October)", "1939"], ["on the 5th of May 1940", undefined], ["le 3 juillet 1940 et en mars 1941", undefined],
];
for (const [s, ref] of cases) console.log(JSON.stringify(s).slice(0,60), '->', JSON.stringify(findDates(s, {reference: ref})));
