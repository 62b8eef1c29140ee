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
const DECIMAL_FILE = String.raw`\d{2,4}[a-z]?\.\s?[\dA-Z][\w.]*(?:\s[\p{L}\d][\p{L}\d.'’-]*){0,4}\/[\w½–-]+(?:\s?supp\.)?`;
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

/** The archive reference of a file-number line without "File No." and the kind after the colon ("861.51/142"). */
export function fileNumberOf(text: string): string | undefined {
  if (!isFileNumberLine(text)) return undefined;
  return text.trim().replace(/^File\s+Nos?\.\s+/, '').replace(/\s*:\s*[^:]*$/, '').replace(/\.$/, '');
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

/** What a source line says about its document. */
export interface SourceLine {
  /** Kinds named: telegram, paraphrase, translation, extract, memorandum, aide-mémoire, despatch, letter, note. */
  kinds: string[];
  /** True for "[Enclosure]", "[Inclosure 2 with dispatch No. 69.]", "[Subenclosure]": an enclosure starts here. */
  enclosure: boolean;
  /** The file number printed above a head ("861.51/131"), if this is a file-number line. */
  fileNumber?: string;
}

const KIND_WORDS: readonly [RegExp, string][] = [
  [/\btele(?:gram|graphic)\b/i, 'telegram'],
  [/\bcable(?:gram)?\b/i, 'telegram'],
  [/\bp(?:h?araph?r?a?s(?:e|ed)|araphase)\b/i, 'paraphrase'],
  [/\btranslat(?:ion|ed)\b/i, 'translation'],
  [/\bextracts?\b/i, 'extract'],
  [/\bmemorandum\b/i, 'memorandum'],
  [/\baide-m[ée]moire\b/i, 'aide-mémoire'],
  [/\b(?:despatch|dispatch)\b/i, 'despatch'],
  [/\bletter\b/i, 'letter'],
  [/\bnote\b/i, 'note'],
];

/** Words that may stand in a bracketed source line besides kind words: numbers, "in", "with", "No.", "partly". */
const FILLER = /^(?:in|with|no\.?|of|and|partly|original|written|french|spanish|portuguese|german|russian|chinese|japanese|italian|english|by|the|a|an|from|to|\d+[a-z]?|[ivx]+|[—–.,:;-]+)$/i;

/**
 * Reads a source line: a file number above a head (with the kind after its colon, "…/22: Telegram"), a bracketed
 * line naming kinds ("[Telegram.—Paraphrase.]", "[Translation]", "[Telegram—Extract]¹"), an enclosure marker, or an
 * editor's description opening with a kind of document ("[Memorandum in response to …]"). Undefined for anything
 * else (a bracketed dateline or name, a receipt line, a sentence).
 */
export function readSourceLine(line: string): SourceLine | undefined {
  const t = line.trim();
  const fileNumber = fileNumberOf(t);
  if (fileNumber) return { kinds: kindsIn(/:\s*([^:]*)$/.exec(t)?.[1] ?? ''), enclosure: false, fileNumber };
  const b = /^\[([^\]]{2,400})\]\.?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ᵃᵇᶜᵈ]?)?$/.exec(t);
  if (!b) return undefined;
  const inner = b[1]!;
  const enclosure = isEnclosureMarker(`[${inner}]`);
  // "[Inclosure 1 with dispatch No. 69.]": the covering despatch is not the enclosure's kind.
  const own = enclosure ? inner.replace(/\b(?:in|with)\s+(?:(?:dispatch|despatch|letter|note|telegram|instruction)\s+)?No\.\s*\d+/gi, ' ') : inner;
  // The kinds are the parts made of kind words ("Telegram.—Paraphrase."), or the first word of a description
  // ("[Memorandum in response to …]", "[Telegram from the council of state.]").
  const parts = own.split(/\s*[—–]\s*|\.\s+|\.$/).filter(Boolean);
  const kinds: string[] = [];
  for (const part of parts) {
    const words = part.replace(/(?:sub)?(?:en|in)closures?/gi, ' ').split(/\s+/).filter(Boolean);
    const allKinds = words.every((w) => KIND_WORDS.some(([re]) => re.test(w)) || FILLER.test(w.replace(/[.,;:]+$/, '')));
    if (allKinds) for (const k of kindsIn(part)) if (!kinds.includes(k)) kinds.push(k);
  }
  const lead = kindsIn(own.split(/[\s.—–,]+/)[0] ?? '');
  if (kinds.length === 0 && lead.length > 0 && !enclosure) kinds.push(...lead);
  if (!enclosure && lead.length === 0 && !/^Handed\s+to\b/.test(own)) return kinds.length > 0 && parts.length <= 3 && own.length <= 40 ? { kinds, enclosure } : undefined;
  return { kinds, enclosure };
}

function kindsIn(text: string): string[] {
  const kinds: string[] = [];
  for (const [re, kind] of KIND_WORDS) if (re.test(text) && !kinds.includes(kind)) kinds.push(kind);
  return kinds;
}
