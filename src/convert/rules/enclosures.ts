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

export interface EnclosureSpan {
  /** Index of the marker block and one past the enclosure's last block. */
  from: number;
  to: number;
  /** 1 for an enclosure, 2 for a subenclosure. */
  level: 1 | 2;
}

/** Index of the first block of the document's trailing footnote block (blocks.length when it has none). */
export function footnoteBlockStart(blocks: readonly Block[]): number {
  const markers = new Set<string>();
  for (const b of blocks) for (const line of b.lines) for (const m of superscriptMarkers(line)) markers.add(m);
  let start = blocks.length;
  while (start > 0 && isFootnoteBlock(blocks[start - 1]!.lines, markers)) start--;
  return start;
}

/** The enclosures of one document's blocks, in order; none when it prints no enclosure marker. */
export function findEnclosures(blocks: readonly Block[]): EnclosureSpan[] {
  const markers: { at: number; level: 1 | 2 }[] = [];
  blocks.forEach((b, i) => {
    if (b.lines.length !== 1) return;
    const text = blockText(b);
    if (isEnclosureMarker(text)) markers.push({ at: i, level: /^\[?Sub-?(?:en|in)closure/i.test(text) ? 2 : 1 });
  });
  if (markers.length === 0) return [];
  const end = footnoteBlockStart(blocks);
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
    spans.push({ from: m.at, to, level: m.level });
  });
  return spans;
}
