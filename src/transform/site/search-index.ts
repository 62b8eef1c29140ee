/**
 * The site's search index, built here once so that the browser only loads it (an index built in the
 * browser cost 0.23 s for 377 documents, seconds for 10,000). Three kinds of file, all scripts because
 * browsers refuse `fetch()` from `file://`:
 *
 * - `assets/search-index.js`: the documents' facet data and an inverted index — sorted terms and, per
 *   term, its postings (document number as a base-36 delta, `:tf` when the weighted term frequency is not 1);
 * - `assets/search-text-<k>.js`: the reading texts, {@link TEXT_CHUNK} documents a file, loaded by the page
 *   only for the results it shows (snippets) and for checking phrases.
 *
 * Tokens are runs of letters and digits, NFKD-folded without diacritics and lower-cased: the browser side
 * (`assets/html/search.js`) tokenises queries and texts the same way, which a test checks.
 */

/** Documents per text file. */
export const TEXT_CHUNK = 200;

/** Title words count three times, correspondents' names twice (a field boost folded into tf). */
const TITLE_WEIGHT = 3;
const NAMES_WEIGHT = 2;

const TOKEN = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** The folded tokens of a text, as the browser makes them. */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    // most words are ASCII, which folding would leave as they are but for case
    out.push(ASCII.test(w) ? w.toLowerCase() : w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
  }
  return out;
}

/** What the index holds for one document. */
export interface SearchDocument {
  /** Output name: `documents/<permalink>.html`. */
  permalink: string;
  title: string;
  /** Sort key (`1941-07-18`), empty when undated. */
  date: string;
  /** The date as readers see it. */
  dateLabel: string;
  kind: string;
  year: string;
  /** Correspondent keys (person ids or `name:…`), labels in {@link SearchIndexBuilder.label}. */
  senders: string[];
  addressees: string[];
  /** Names the search also finds the document by (correspondents' display names). */
  names: string;
  /** The reading text. */
  text: string;
}

/** Collects documents one by one (texts go out in chunks as they fill) and writes the index at the end. */
export class SearchIndexBuilder {
  private readonly docs: unknown[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly labels = new Map<string, string>();
  private texts: string[] = [];
  private chunks = 0;

  /** Names a correspondent key for the facets. */
  label(key: string, label: string): void {
    if (!this.labels.has(key)) this.labels.set(key, label);
  }

  /** Adds a document; returns a text chunk file when one is full. */
  add(d: SearchDocument): { path: string; content: string } | undefined {
    const n = this.docs.length;
    const tf = new Map<string, number>();
    const count = (text: string, weight: number): number => {
      const toks = searchTokens(text);
      for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + weight);
      return toks.length;
    };
    const length = count(d.title, TITLE_WEIGHT) + count(d.names, NAMES_WEIGHT) + count(d.text, 1);
    for (const [term, f] of tf) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push(n, f);
    }
    this.docs.push([d.permalink, d.title, d.date, d.dateLabel, d.kind, d.year, d.senders, d.addressees, length]);
    this.texts.push(d.text);
    return this.texts.length === TEXT_CHUNK ? this.flush() : undefined;
  }

  /** The last text chunk (if any) and the index itself. */
  finish(): { path: string; content: string }[] {
    const out: { path: string; content: string }[] = [];
    if (this.texts.length > 0) out.push(this.flush());
    const terms = [...this.postings.keys()].sort();
    const lines = terms.map((t) => {
      const list = this.postings.get(t)!;
      const parts: string[] = [];
      let prev = 0;
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const f = list[i + 1]!;
        parts.push((doc - prev).toString(36) + (f === 1 ? '' : `:${f.toString(36)}`));
        prev = doc;
      }
      return parts.join(',');
    });
    const data = {
      docs: this.docs,
      labels: Object.fromEntries([...this.labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      terms: terms.join('\n'),
      postings: lines.join('\n'),
      chunkSize: TEXT_CHUNK,
      chunks: this.chunks,
    };
    out.push({ path: 'assets/search-index.js', content: `window.CHANCERY_SEARCH = ${scriptJson(data)};\n` });
    return out;
  }

  private flush(): { path: string; content: string } {
    const k = this.chunks++;
    const content = `window.CHANCERY_SEARCH_TEXT(${k}, ${scriptJson(this.texts)});\n`;
    this.texts = [];
    return { path: `assets/search-text-${k}.js`, content };
  }
}

/** JSON safe inside a `<script>` and in a `.js` file: no `</script>`, no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
