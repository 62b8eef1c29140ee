/**
 * Who wrote to whom, read from a heading: "J. V. STALIN TO F. ROOSEVELT", "MESSAGE FOR THE PRIME
 * MINISTER, Mr CHURCHILL, FROM J. V. STALIN", "The Ambassador in the Soviet Union (Harriman) to the
 * Secretary of State", "Note from G. Wilson, Foreign Office Northern Department, on …".
 */
import { foldSpaces } from '../readers/blocks.js';
import type { Party } from '../../model/document.js';

export interface HeadingParties {
  sender: Party[];
  addressees: Party[];
  /** Role phrases with no name ("the Secretary of State"). */
  senderRole?: string;
  addresseeRole?: string;
}

/**
 * Words of office and address that stand around names in headings. A name is what remains: capitalised
 * words outside this list (and initials).
 */
const ROLE_WORDS = new Set(
  (
    'the a an and mr mr. mrs mrs. m. messrs sir lord lady dr dr. prime minister president premier generalissimo marshal ' +
    'general major-general lieutenant-general admiral ambassador secretary under-secretary chargé charge affaires ' +
    'state foreign affairs commissar people\'s chairman council commissars head chief commander-in-chief ' +
    'government his her excellency majesty honourable honorable hon. king queen emperor minister-president ' +
    'personal secret most message reply telegram letter note memorandum cable despatch dispatch greetings ' +
    'army navy staff military mission deputy acting special representative envoy consul consul-general ' +
    'u.s. u.s.a. u.s.s.r. usa ussr united states america soviet union great britain british american red cross ' +
    'armed forces people peoples nation nations troops governments allied allies to from for ' +
    'embassy legation consulate department ministry office delegation commission committee chiefs'
  ).split(/\s+/),
);

/** Titles kept inside a correspondent's name ("Mr CHURCHILL"), as printed. */
const NAME_TITLES = /^(mr\.?|mrs\.?|m\.|sir|lord|lady|dr\.?)$/i;

function isNameToken(tok: string): boolean {
  const bare = tok.replace(/[,;:()]+$/g, '').replace(/^[(]+/, '');
  if (!bare) return false;
  if (/^[A-Z]\.$/.test(bare)) return true; // an initial
  if (ROLE_WORDS.has(bare.toLowerCase())) return false;
  return /^\p{Lu}[\p{L}'’-]*\.?$/u.test(bare) && !/^\p{Lu}+\.$/u.test(bare.slice(0, 3));
}

/** Names in a phrase naming one or more parties. */
export function namesIn(phrase: string): { names: Party[]; role?: string } {
  const paren = /\(([^)]+)\)/.exec(phrase);
  const roleText = phrase.replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim().replace(/[,.]$/, '');
  if (paren && /^\p{Lu}/u.test(paren[1]!.trim())) {
    return { names: [{ name: paren[1]!.trim(), role: roleText || undefined }] };
  }
  // "OF GREAT BRITAIN", "IN THE U.S.S.R.": places attached to an office, never names.
  const cleaned = phrase.replace(/\b(?:of|in)\s+[^,]*?(?=,|$| and )/gi, ' ');
  const tokens = cleaned.split(/\s+/).filter(Boolean);
  const names: Party[] = [];
  let current: string[] = [];
  let pendingTitle: string | undefined;
  const flush = () => {
    const real = current.filter((t) => !/^[A-Z]\.$/.test(t));
    if (real.length > 0) names.push({ name: [pendingTitle, ...current].filter(Boolean).join(' ') });
    current = [];
    pendingTitle = undefined;
  };
  for (const raw of tokens) {
    const tok = raw.replace(/[,;:]+$/, '');
    const endsChunk = raw !== tok;
    if (isNameToken(tok)) {
      current.push(tok);
    } else {
      flush();
      if (NAME_TITLES.test(tok)) pendingTitle = tok;
    }
    if (endsChunk) flush();
  }
  flush();
  return names.length > 0 ? { names } : { names: [], role: roleText || undefined };
}

const LEAD_WORDS = /^(?:(?:personal|secret|most|top|and|urgent|immediate|copy\.?|reply|message|telegram|letter|cable|greetings)\s+)+/i;

/** Reads sender and addressees from a heading; undefined when it names no direction (no TO/FROM/FOR). */
export function partiesFromHeading(heading: string): HeadingParties | undefined {
  // A document number printed before the heading ("1. Telegram From …") is not part of it.
  const text = foldSpaces(heading.replace(/\*+/g, '')).trim().replace(/^\d{1,4}\.\s+/, '');
  // "Note from G. Wilson, Foreign Office …, on relations …": a described document in running case; the
  // clause after the first comma describes the writer or the subject, not further names.
  const doc =
    !mostlyCapitals(text) &&
    /^(?:a\s+)?(?:note|letter|memorandum|minute|telegram|despatch|dispatch|message|record)\s+(?:from|by)\s+(.+?)(?:\s+to\s+(.+?))?(?:,|$)/i.exec(text);
  if (doc) return build(doc[1]!, doc[2]);
  const body = text.replace(LEAD_WORDS, '');
  let m = /^(?:.*?\s)?FROM\s+(.+?)\s+TO\s+(?:MESSAGE\s+FROM\s+)?(.+)$/i.exec(body);
  if (m && /\bFROM\b/.test(body)) return build(m[1]!, m[2]);
  m = /^(?:.*?\s)?(?:FOR|TO)\s+(.+?)\s+FROM\s+(.+)$/i.exec(body);
  if (m) return build(m[2]!, m[1]);
  m = /^(.+?)\s+to\s+(.+)$/i.exec(body);
  if (m && /\bTO\b/.test(body) === /\bTO\b/.test(m[0]) && !/^(?:TO|FOR)$/i.test(m[1]!)) {
    const words = m[1]!.split(/\s+/).length;
    if (words <= 12) return build(m[1]!, m[2]);
  }
  m = /^(?:TO|FOR)\s+(.+)$/i.exec(body);
  if (m) return build(undefined, m[1]);
  return undefined;
}

function mostlyCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.filter((c) => /\p{Lu}/u.test(c)).length >= 0.75 * letters.length;
}

function build(senderPhrase: string | undefined, addresseePhrase: string | undefined): HeadingParties {
  const s = senderPhrase ? namesIn(senderPhrase) : { names: [] as Party[] };
  const a = addresseePhrase ? namesIn(addresseePhrase) : { names: [] as Party[] };
  return { sender: s.names, addressees: a.names, senderRole: s.role, addresseeRole: a.role };
}
