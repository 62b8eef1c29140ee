/**
 * Enclosures inside a document of a documentary edition: each opens at its marker ("[Enclosure]",
 * "[Enclosure 2—Translation]", "[Subenclosure]", "Annex No. 3.") and runs to the next enclosure's marker or to
 * the document's footnote block, which stays the document's own (its notes may belong to the covering letter
 * as well as to the enclosures). A subenclosure is an enclosure of the enclosure before it.
 */
import type { Block } from '../../model/document.js';
import { blockText } from '../readers/blocks.js';
import { isFootnoteBlock, superscriptMarkers } from './footnote-block.js';
import { isEnclosureMarker } from './source-note.js';
import { findUnmarkedEnclosures, opensSecondSentence, type UnmarkedOpening } from './unmarked-enclosures.js';

export interface EnclosureSpan {
  /** Index of the marker block and one past the enclosure's last block. */
  from: number;
  to: number;
  /** 1 for an enclosure, 2 for a subenclosure. */
  level: 1 | 2;
  /** The number the marker prints ("[Inclosure No. 2, with dispatch No. 69.]" → "2"). */
  n?: string;
  /**
   * Printed without a marker (rules/unmarked-enclosures.ts), or with its head above the marker: what its first block
   * is, the head, a source line or the dateline.
   */
  unmarked?: UnmarkedOpening['first'];
}

/** The enclosure's own number in its marker, not the covering despatch's ("… with dispatch No. 69"). */
export function enclosureNumber(marker: string): string | undefined {
  return /(?:closure|Annex)\s+(?:No\.\s*)?([\dA-Z]{1,3})\b/.exec(marker)?.[1];
}

/**
 * A title printed over an enclosure that the heading rules do not read ("Report on Activities Directed towards …",
 * "Translation of Imperial decree.", "Prince Ching and Li Hung-chang, etc., to Mr. de Cologan."): one line of at most
 * 200 characters, capitalised, not a sentence followed by another, not an address ("To the Doyen of the diplomatic
 * corps.") and not a salutation.
 */
export function isEnclosureTitle(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 200 || !/^\p{Lu}/u.test(t) || /[:;,]$/.test(t) || /^To\s/.test(t)) return false;
  return !opensSecondSentence(t);
}

/** Index of the first block of the document's trailing footnote block (blocks.length when it has none). */
export function footnoteBlockStart(blocks: readonly Block[]): number {
  // Most documents end in running text: the markers every line refers to are read only for one that ends in note lines.
  if (blocks.length === 0 || !isFootnoteBlock(blocks[blocks.length - 1]!.lines)) return blocks.length;
  const markers = new Set<string>();
  for (const b of blocks) for (const line of b.lines) for (const m of superscriptMarkers(line)) markers.add(m);
  let start = blocks.length;
  while (start > 0 && isFootnoteBlock(blocks[start - 1]!.lines, markers)) start--;
  return start;
}

/**
 * The enclosures of one document's blocks, in order: those its markers open, and those printed without one after
 * the covering letter's signature; none when it has neither.
 */
export function findEnclosures(blocks: readonly Block[]): EnclosureSpan[] {
  const markers: { at: number; level: 1 | 2; n?: string; unmarked?: UnmarkedOpening['first'] }[] = [];
  blocks.forEach((b, i) => {
    // The document's own first line is no enclosure of it (a document printed on its own from under its marker).
    if (i === 0 || b.lines.length !== 1) return;
    const text = blockText(b);
    if (!isEnclosureMarker(text)) return;
    const n = enclosureNumber(text);
    markers.push({ at: i, level: /^\[?Sub-?(?:en|in)closure/i.test(text) ? 2 : 1, ...(n ? { n } : {}) });
  });
  const end = footnoteBlockStart(blocks);
  // Enclosures printed without a marker (rules/unmarked-enclosures.ts), at the level of the enclosure they follow.
  const marked = new Map(markers.map((m) => [m.at, m.level]));
  for (const opening of findUnmarkedEnclosures(blocks, end, marked)) {
    const own = opening.marker === undefined ? -1 : markers.findIndex((m) => m.at === opening.marker);
    // A head printed above its marker: the enclosure is the marker's, opening at the head.
    if (own >= 0) markers[own] = { ...markers[own]!, at: opening.at, unmarked: opening.first };
    else markers.push({ at: opening.at, level: opening.level, unmarked: opening.first });
  }
  if (markers.length === 0) return [];
  markers.sort((a, b) => a.at - b.at);
  const spans: EnclosureSpan[] = [];
  markers.forEach((m, k) => {
    if (m.at >= end) return;
    // An enclosure runs to the next marker of its level or above; a subenclosure to the next marker of any level.
    let to = end;
    for (let j = k + 1; j < markers.length; j++) {
      if (markers[j]!.level <= m.level) {
        to = Math.min(to, markers[j]!.at);
        break;
      }
    }
    spans.push({ from: m.at, to, level: m.level, ...(m.n ? { n: m.n } : {}), ...(m.unmarked ? { unmarked: m.unmarked } : {}) });
  });
  return spans;
}
