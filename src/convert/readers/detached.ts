/**
 * A copy of a string that shares no storage with the string it may have been cut from. V8 makes a cut of 13
 * characters or more (`slice`, a regular expression's match) a view into the whole string, which stays alive as long
 * as the cut does: a word kept for the whole run, cut from a source's text, kept the whole source
 * (docs/decisions.md, "Mentions kept compact").
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
