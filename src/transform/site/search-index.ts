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
import { HeldText } from '../../io/held-text.js';
import { SpillFile } from '../../io/spill-file.js';

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

/** A file of the index: its content whole, or written piece by piece (a text chunk holding a volume). */
export interface SearchFile {
  path: string;
  content: string | ((write: (piece: string) => void) => void);
}

/**
 * One document's reading text for the index, given line by line: its terms are counted on the way and the text
 * is kept as the JSON string the text chunk will hold, in a temporary file once it is large (a volume's text is
 * not held in memory until its chunk is written).
 */
export class SearchText {
  /** Term → weighted frequency. */
  readonly tf = new Map<string, number>();
  /** Tokens of the text. */
  tokens = 0;
  private lines = 0;
  private readonly json: HeldText;

  constructor(spill: SpillFile | undefined) {
    this.json = new HeldText(spill);
  }

  /** Counts the tokens of `text` with `weight` (title and names weigh more than the text); returns how many. */
  count(text: string, weight: number): number {
    const toks = searchTokens(text);
    for (const t of toks) this.tf.set(t, (this.tf.get(t) ?? 0) + weight);
    return toks.length;
  }

  /** The next line of the reading text. */
  line(line: string): void {
    this.tokens += this.count(line, 1);
    // the lines of the text joined by "\n", as JSON inside the quotes
    const escaped = scriptJson(line).slice(1, -1);
    this.json.push(this.lines++ > 0 ? `\\n${escaped}` : escaped);
  }

  /** Writes the text as a JSON string. */
  writeJson(write: (piece: string) => void): void {
    write('"');
    this.json.forEach(write);
    write('"');
  }
}

/** Collects documents one by one (texts go out in chunks as they fill) and writes the index at the end. */
export class SearchIndexBuilder {
  private readonly docs: unknown[] = [];
  /** Term → its number; the postings as (term, document, frequency), in the order the documents came. */
  private readonly termNumbers = new Map<string, number>();
  private readonly terms: string[] = [];
  private postings = new Int32Array(3 * 4096);
  private postingCount = 0;
  private readonly labels = new Map<string, string>();
  private texts: SearchText[] = [];
  private chunks = 0;
  private readonly spill: SpillFile | undefined;

  /** @param scratch a folder where large texts wait for their chunk (none: in memory) */
  constructor(scratch?: string) {
    this.spill = scratch === undefined ? undefined : new SpillFile(scratch, 'search-text');
  }

  /** Names a correspondent key for the facets. */
  label(key: string, label: string): void {
    if (!this.labels.has(key)) this.labels.set(key, label);
  }

  /** A document's reading text, to be given line by line and then to {@link addText}. */
  text(): SearchText {
    return new SearchText(this.spill);
  }

  /** Adds a document; returns a text chunk file when one is full. */
  add(d: SearchDocument): SearchFile | undefined {
    const text = this.text();
    if (d.text !== '') for (const line of d.text.split('\n')) text.line(line);
    return this.addText(d, text);
  }

  /** Adds a document whose reading text was given line by line; returns a text chunk file when one is full. */
  addText(d: Omit<SearchDocument, 'text'>, text: SearchText): SearchFile | undefined {
    const n = this.docs.length;
    const length = text.count(d.title, TITLE_WEIGHT) + text.count(d.names, NAMES_WEIGHT) + text.tokens;
    for (const [term, f] of text.tf) {
      let t = this.termNumbers.get(term);
      if (t === undefined) {
        t = this.terms.length;
        this.terms.push(term);
        this.termNumbers.set(term, t);
      }
      this.post(t, n, f);
    }
    text.tf.clear();
    this.docs.push([d.permalink, d.title, d.date, d.dateLabel, d.kind, d.year, d.senders, d.addressees, length]);
    this.texts.push(text);
    return this.texts.length === TEXT_CHUNK ? this.flush() : undefined;
  }

  /** The last text chunk (if any) and the index itself. */
  finish(): SearchFile[] {
    const out: SearchFile[] = [];
    if (this.texts.length > 0) out.push(this.flush());
    // each term's postings together, in the order they came (a counting sort by term)
    const starts = new Int32Array(this.terms.length + 1);
    for (let p = 0; p < this.postingCount; p++) starts[this.postings[3 * p]! + 1]!++;
    for (let t = 0; t < this.terms.length; t++) starts[t + 1]! += starts[t]!;
    const next = starts.slice(0, this.terms.length);
    const byTerm = new Int32Array(this.postingCount);
    for (let p = 0; p < this.postingCount; p++) byTerm[next[this.postings[3 * p]!]!++] = p;
    const order = this.terms.map((_, t) => t).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : this.terms[a]! > this.terms[b]! ? 1 : 0));
    const terms = order.map((t) => this.terms[t]!);
    const lines = order.map((t) => {
      const parts: string[] = [];
      let prev = 0;
      for (let k = starts[t]!; k < starts[t + 1]!; k++) {
        const p = byTerm[k]!;
        const doc = this.postings[3 * p + 1]!;
        const f = this.postings[3 * p + 2]!;
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

  /** Removes the temporary file of the texts (once every chunk of {@link finish} is written). */
  close(): void {
    this.spill?.close();
  }

  private post(term: number, doc: number, f: number): void {
    if (3 * (this.postingCount + 1) > this.postings.length) {
      const grown = new Int32Array(this.postings.length * 2);
      grown.set(this.postings);
      this.postings = grown;
    }
    const at = 3 * this.postingCount++;
    this.postings[at] = term;
    this.postings[at + 1] = doc;
    this.postings[at + 2] = f;
  }

  private flush(): SearchFile {
    const k = this.chunks++;
    const texts = this.texts;
    this.texts = [];
    return {
      path: `assets/search-text-${k}.js`,
      content: (write) => {
        write(`window.CHANCERY_SEARCH_TEXT(${k}, [`);
        texts.forEach((t, i) => {
          if (i > 0) write(',');
          t.writeJson(write);
        });
        write(']);\n');
      },
    };
  }
}
/** JSON safe inside a `<script>` and in a `.js` file: no `</script>`, no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
