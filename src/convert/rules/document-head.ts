/**
 * The head of a document in a documentary edition, printed in running case on a line of its own:
 * "The Secretary of State to the Ambassador in Russia (Francis)", "Mr. Conger to Mr. Hay.",
 * "The Chargé in Russia (Poole) to the Secretary of State¹", "Memorandum by the Secretary of State",
 * "Agreement Concerning Nonapplication of Most-Favored-Nation Clause …". A head names its parties
 * (an office, a person, or both) or the kind of document it is; it is not a sentence.
 *
 * These functions read one line's text; whether a head-shaped line opens a document, an enclosure or a
 * division is for the segmentation, which sees its neighbours.
 */
import { foldSpaces } from '../readers/blocks.js';

/** Lower-case words that may stand inside a party's name or office ("the Ambassador in Russia"). */
const PARTICLES = new Set([
  'of', 'in', 'at', 'for', 'the', 'on', 'and', 'to', 'de', 'du', 'des', 'del', 'da', 'di', 'la', 'le', 'les', 'von', 'van', 'der', 'y', 'e',
  'ad', 'interim', 'd’affaires', "d'affaires", 'al', 'el', 'bin', 'ibn',
]);

/** Words that name a kind of document when a head opens with them ("Memorandum by …", "Treaty of …"). */
const KINDS =
  'Memorandum|Memoranda|Aide-[Mm][ée]moire|Agreement|Treaty|Convention|Protocol|Protocole|Declaration|Statement|Press Release|Decree|Resolution|Minutes|Report|Note|Notes|Telegram|Cablegram|Despatch|Dispatch|Instruction|Edict|Proclamation|Exchange of Notes|Translation|Message|Letter|Record|Communiqu[ée]|Arrangement|Modus Vivendi|Act|Regulations?|Editorial Note|Paper|Minute';
const ADJECTIVES = 'Imperial|Circular|Joint|Telegraphic|Supplementary|Secret|Confidential|Oral|Informal|Draft|Final|Additional|Personal|Editorial|Telephone';
/**
 * A kind of document opening a head, capitalised ("Memorandum by …", "Treaty of …", "MEMORANDUM on …") or in
 * lower case after a capitalised qualifier ("Circular note of July 3, 1900", "Telegraphic instruction sent …").
 */
const DOCUMENT_KIND = new RegExp(
  String.raw`^(?:(?:An?|The)\s+)?(?:(?:${ADJECTIVES})\s+(?:${KINDS.toLowerCase()}|${KINDS})|(?:${ADJECTIVES.toUpperCase()}\s+)?(?:${KINDS}|${KINDS.toUpperCase()}))\b`.replace(/ /g, String.raw`\s+`),
  'u',
);

/** Footnote markers printed at the end of a head ("(Francis)¹", "Memorandum³ᵃ", "State*"). */
const TRAILING_MARKERS = /[\s⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉ*†‡§]+$/u;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Messrs|Dr|St|Sr|Sra|Jr|Gen|Col|Capt|Lt|Adm|Hon|Rev|No|Nos|Art|Arts|vol|pp?|Co|Inc|Ltd|M|Mme|Mlle|Esq|Viz|ca|et al|U\.S|[A-Z])\.$/u;

/** One character of {@link TRAILING_MARKERS}. */
const TRAILING_MARKER = /^[\s⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉ*†‡§]$/u;

/** The text without trailing footnote markers. */
export function stripHeadMarkers(text: string): string {
  // The expression is tried from every position of the text: asked only of a text that ends in one of its characters.
  if (text.length > 0 && !TRAILING_MARKER.test(text[text.length - 1]!)) return text.trim();
  return text.replace(TRAILING_MARKERS, '').trim();
}

/** True when the text holds a sentence break (". The …") that is not an abbreviation or initial. */
function hasSentenceBreak(text: string): boolean {
  const re = /[.!?;]\s+(?=["“‘(]?\p{Lu})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('.') && ABBREVIATION.test(text.slice(0, m.index + 1))) continue;
    return true;
  }
  return false;
}

/**
 * A party as heads print it: capitalised words and name particles, a name in brackets, and after a comma
 * an office in lower case ("Mr. Martin, consul at Nanking"): "The Ambassador in Russia (Francis)",
 * "Acting Secretary Hill", "The Imperial German Chargé d’Affaires".
 */
export function isPartyPhrase(phrase: string, strict: boolean): boolean {
  const text = foldSpaces(phrase.replace(/\([^()]{1,80}\)/g, ' (X) ')).trim().replace(/[,.]$/, '');
  if (!/^\p{Lu}/u.test(text)) return false;
  const [main, ...apposition] = text.split(/,\s*/);
  const words = main!.split(' ');
  if (words.length > 16) return false;
  let lower = 0;
  for (const w of words) {
    const bare = w.replace(/^[“"‘(]+|[”"’),;:]+$/gu, '');
    if (bare === 'X' || bare === '') continue;
    if (/^[\p{Lu}\d]/u.test(bare)) continue;
    if (PARTICLES.has(bare.toLowerCase())) continue;
    lower++;
  }
  // Strict parties (a sender) allow no ordinary lower-case word: "The Committee instructs the President" is a
  // sentence, not a party. An addressee may carry an office in lower case ("the United States consul at Nanking").
  if (lower > (strict ? 0 : 3)) return false;
  return apposition.every((a) => a.split(' ').length <= 8);
}

/** A head naming its parties: "<party> to <party>", the sender strictly a party. */
function namesParties(text: string): boolean {
  let from = 0;
  for (let at = text.indexOf(' to ', from); at >= 0; at = text.indexOf(' to ', from)) {
    // "Telegram From the Embassy in Cuba to …": a kind of document before the sender.
    const sender = text.slice(0, at).replace(/^(?:\p{Lu}\p{Ll}+\s+){1,3}From\s+(?=\p{Lu}|the\b)/u, '').replace(/^the\b/, 'The');
    const addressee = text.slice(at + 4);
    // A sender is two words at least ("Mr. Conger", "Baron Maydell"): "Repeated to Buenos Aires" is an instruction.
    // An addressee holds no year: "Commissioner … to China, Peking, China, February 28, 1901" is a dateline.
    const senderOk = sender.split(/\s+/).length >= 2 && isPartyPhrase(sender, true);
    if (senderOk && addressee.length > 0 && !/\b1[5-9]\d\d\b|\b20\d\d\b/.test(addressee) && isPartyPhrase(addressee.replace(/^the\b/, 'The'), false)) return true;
    from = at + 1;
  }
  return false;
}

/**
 * True when one line of text is shaped as a document head: it names its parties ("X to Y") or opens with a
 * kind of document ("Memorandum by …", "Treaty of …"); at most 300 characters (450 for a described document), not ending as a clause does
 * (colon, comma, semicolon) and without a sentence break inside.
 */
export function isDocumentHeadShape(text: string): boolean {
  if (text.length > 480 || cannotBeHead(text)) return false;
  return readsAsHead(text);
}

/**
 * True when `text` cannot be a head, told from the text as printed before it is cleaned: every paragraph of a
 * volume is asked, and most are not even candidates. A head names its parties around a " to " or opens with a
 * kind of document, and opens with a capital; cleaning (folding white space, trimming, taking trailing markers
 * off) keeps the words and what stands between them, so neither a " to " nor a kind at the start can appear by it.
 * A text holding asterisks (taken out by cleaning, which may join what they parted) is left to the full reading.
 */
function cannotBeHead(text: string): boolean {
  if (text.includes('*')) return false;
  const start = text.trimStart();
  return !STARTS_CAPITALISED.test(start) || (!SPACED_TO.test(text) && !DOCUMENT_KIND.test(start));
}

const STARTS_CAPITALISED = /^\p{Lu}/u;
const SPACED_TO = /\sto\s/;

/** {@link isDocumentHeadShape} without the early answer of {@link cannotBeHead} (exported for tests). */
export function readsAsHead(text: string): boolean {
  if (text.length > 480) return false;
  const t = stripHeadMarkers(foldSpaces(text.replace(/\*+/g, '')).trim());
  if (t.length < 4 || t.length > 450) return false;
  if (/[,:;—-]$/.test(t) || !/^[\p{Lu}]/u.test(t)) return false;
  const body = t.replace(/\.$/, '');
  // "…, I beg you …": a clause with a subject of its own is a sentence.
  if (hasSentenceBreak(body) || /,\s+(?:I|we|he|she|they|it)\s+\p{Ll}/u.test(body)) return false;
  if (body.length <= 300 && namesParties(body)) return true;
  const kind = DOCUMENT_KIND.exec(body);
  if (!kind) return false;
  // "Memorandum by …", "Agreement Concerning …", "Memorandum." — not "Agreement was reached on …".
  const rest = body.slice(kind[0].length).trim();
  return rest === '' || /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹,]|\p{Lu}|(?:by|of|on|for|from|to|between|concerning|regarding|respecting|touching|in|handed|sent|received|addressed|signed|dated|transmitted|forwarded|delivered|presented|issued|relative|relating|with|among)\b)/u.test(rest);
}
