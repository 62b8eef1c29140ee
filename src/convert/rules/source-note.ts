/**
 * Editorial lines of documentary editions that are not the document's own text: the archive reference printed
 * above a document's head ("File No. 861.51/131", "710.G Peace/22: Telegram", "Treaty Series No. 898"), the
 * marker that opens an enclosure ("[Enclosure]", "[Inclosure 1 in No. 536—Translation.]") and the bracketed
 * notes under a head ("[Telegram]", "[Paraphrase]"). Each function reads one line of text.
 */

/** The kinds of document a reference line may name after its colon ("…/22: Telegram", "…: Memorandum"). */
const DOCUMENT_WORDS = String.raw`(?:(?:Circular|Personal|Confidential|Secret|Strictly\s+confidential)\s+)?(?:[Tt]elegram|[Dd]espatch|[Dd]ispatch|[Aa]irgram|[Mm]emorandum|[Nn]ote|[Ll]etter|[Cc]ircular|[Ii]nstruction|[Cc]ablegram|[Rr]adiogram|Tel\.)`;

/**
 * An archive reference: a decimal file number with an optional subject word or two and a slash-separated
 * document number ("861.51/131", "710.G Peace/22", "033.1140 Anti-War/93 supp.", "811.79690/12b"), or a
 * serial publication number ("Treaty Series No. 898", "Executive Agreement Series No. 64").
 */
const DECIMAL_FILE = String.raw`\d{2,4}[a-z]?\.\s?[\dA-Z][\w.]*(?:\s[\p{L}][\p{L}\d.'’-]*){0,4}\/[\w½–-]+(?:\s?supp\.)?`;
const FILE_NUMBER = new RegExp(
  String.raw`^(?:File\s+Nos?\.\s+${DECIMAL_FILE}(?:,\s*[\w½–-]+)*(?:,?\s+and\s+[\w½–-]+)?|${DECIMAL_FILE}(?:,\s*[\w½–-]+)*|(?:Treaty|Executive\s+Agreement|Agreement|Treaties\s+and\s+Other\s+International\s+Acts|Convention)\s+Series\s+No\.\s*\d+[a-z]?)` +
    String.raw`(?:\s*:\s*${DOCUMENT_WORDS}(?:\s*\([^)]{1,40}\))?)?\.?$`,
  'u',
);

/** True when the whole line is an archive reference of the kind printed above a document's head. */
export function isFileNumberLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 120 && FILE_NUMBER.test(t);
}

/**
 * "[Enclosure]", "[Subenclosure]", "[Enclosure 2—Paraphrase]", "[Inclosure 1 in No. 536—Translation.]",
 * "[Inclosure.—Informal.]", "Enclosure", "Annex No. 3.": the line that opens an enclosure (or an annex) inside its
 * covering document.
 */
export function isEnclosureMarker(text: string): boolean {
  const t = text.trim();
  if (/^\[?Annex(?:\s+No\.)?\s+[\dA-Z]{1,3}\.?\]?$/.test(t)) return true; // "Annex No. 3.": a protocol's annex
  return /^\[(?:Sub-?)?(?:En|In)closure\b[^\]]{0,80}\]\.?$/iu.test(t) || /^(?:Sub-?)?(?:En|In)closure(?:\s+(?:No\.\s*)?\d{1,3})?\.?$/iu.test(t);
}

/** A line wholly in square brackets ("[Telegram]", "[Received April 8, 7.45 p.m.]", "[Translation.]"). */
export function isBracketedLine(text: string): boolean {
  const t = text.trim();
  return /^\[[^\[\]]+\]\.?$/.test(t);
}
