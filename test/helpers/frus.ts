/**
 * The FRUS development gold in ../shared/frus-dev (public-domain texts, never copied into the repository):
 * tests of rules read it where it is present and print that they were skipped where it is not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './schema.js';

export const FRUS = join(SHARED, 'frus-dev');

/** One gold document (../shared/frus-dev/README.md lists the fields). */
export interface FrusGold {
  id: string;
  volume: string;
  head: string | null;
  from: string[];
  to: string[];
  place: string | null;
  when: string | null;
  date_text: string | null;
  signed: string | null;
  notes: { n: string; text: string }[];
  source_note?: string | null;
  source_notes?: string[];
}

let cache: { gold: FrusGold; text: string }[] | undefined;

/** Every gold document with its text (doc/ rendering), or undefined when ../shared/frus-dev is absent. */
export function frusDocuments(): { gold: FrusGold; text: string }[] | undefined {
  if (!existsSync(join(FRUS, 'gold'))) return undefined;
  cache ??= readdirSync(join(FRUS, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      gold: JSON.parse(readFileSync(join(FRUS, 'gold', f), 'utf8')) as FrusGold,
      text: readFileSync(join(FRUS, 'doc', f.replace(/\.json$/, '.txt')), 'utf8'),
    }));
  return cache;
}

const TITLE_WORDS = new Set(['mr', 'mrs', 'miss', 'm', 'sir', 'lord', 'lady', 'marshal', 'general', 'generalissimo', 'president', 'premier', 'prime', 'minister', 'dr', 'admiral', 'ambassador', 'herr', 'monsieur', 'mme', 'the']);

/** score.py's surname key: the last word of a name, titles and a possessive 's left out. */
export function nameKey(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[[\]]/g, '')
    .trim()
    .replace(/,?\s+(jr|sr)\.?$/, '');
  const words = s.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
  const named = words.filter((w) => !TITLE_WORDS.has(w) && w.length > 1);
  const list = named.length > 0 ? named : words;
  return list[list.length - 1] ?? '';
}
