/**
 * Header facts: title, kind, correspondents, date, place, classification and languages of a document, read
 * from the blocks the structure pass recognised (heading, "Sent on" line, datelines, salutation). The
 * serializer writes them as the teiHeader.
 */
import type { Block, TeiDocument } from '../../model/document.js';
import { ConvertCodes } from '../../diagnostics/codes.js';
import type { ConvertContext, DocumentPass } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { textWithoutNotes } from '../readers/inline.js';
import { headingClassification } from '../rules/classification.js';
import { findFullDate, parseDateline } from '../rules/dateline.js';
import { detectLanguage } from '../rules/language.js';
import { namesIn, partiesFromHeading } from '../rules/parties.js';
import { titleOf } from '../rules/titles.js';

export const headerPass: DocumentPass = {
  name: 'header',
  scope: 'document',
  requires: ['structure', 'inline', 'duplicates', 'notes'],
  run(doc: TeiDocument, ctx: ConvertContext) {
    const heading = headingText(doc);
    if (heading) doc.title = heading;
    const classification = doc.blocks.find((b) => b.kind === 'classification');
    doc.classification = classification ? plainText(classification) : headingClassification(heading ?? '');
    if (doc.kind === 'front') {
      doc.languages = languagesOf(doc);
      return;
    }
    const parties = partiesOfHeading(doc);
    if (parties) {
      doc.sender = parties.sender;
      doc.addressees = parties.addressees;
      doc.senderRole = parties.senderRole;
      doc.addresseeRole = parties.addresseeRole;
    } else if (heading) {
      ctx.report({
        code: ConvertCodes.headingNotParsed,
        severity: 'info',
        message: `heading names no sender or addressee: "${heading.slice(0, 80)}"`,
        span: { file: doc.sourceFile, line: doc.blocks.find((b) => b.kind === 'head')?.line ?? doc.startLine, column: 1 },
      });
    }
    if (doc.sender.length === 0) {
      const signed = doc.blocks.find((b) => b.kind === 'signed' && !b.duplicateOf);
      if (signed) {
        // The first line is the name; an office may follow ("Army General ANTONOV," / "Chief of Staff …").
        const line = textWithoutNotes(signed.inlines, signed.line);
        // Digits glued to the name are a note number the notes pass found no note text for: "(CLIFFORD WEBSTER)59".
        const printed = line.replace(/^\((?:SGD\.?|S\.?|Signed)\)\s*/i, '').replace(/^\((.*)\)\d*$/, '$1').replace(/\d+$/, '').replace(/,$/, '').trim();
        const name = namesIn(printed).names[0]?.name ?? printed;
        if (!/^[A-Z]\.$/.test(name)) doc.sender = [{ name }];
      }
    }
    // A salutation addresses the recipient as a rule, not always ("Dear Sir" to the recipient's deputy): the
    // addressee it names is inferred, with high certainty.
    if (doc.addressees.length === 0) doc.addressees = addresseesFromSalute(doc).map((a) => ({ ...a, inferred: { cert: 'high', evidence: 'internal' } }));
    findDate(doc, heading);
    doc.kind = kindOf(doc, heading);
    doc.languages = languagesOf(doc);
    if (!doc.date && (doc.kind === 'letter' || doc.kind === 'telegram')) {
      ctx.report({
        code: ConvertCodes.undatedLetter,
        severity: 'warning',
        message: `${doc.kind} "${(doc.title ?? '').slice(0, 60)}" has no date line`,
        span: { file: doc.sourceFile, line: doc.startLine, column: 1 },
      });
    }
    doc.title = titleOf(doc) ?? doc.title;
  },
};

/** "My dear Welles," → Welles; "Dear General Deane," → Deane. Roles alone ("Mr President,") name no one. */
function addresseesFromSalute(doc: TeiDocument): TeiDocument['addressees'] {
  const salute = doc.blocks.find((b) => b.kind === 'salute' && !b.duplicateOf);
  if (!salute) return [];
  const phrase = plainText(salute).replace(/^(?:my\s+)?(?:very\s+)?dear\s+/i, '').replace(/[,:]$/, '');
  return namesIn(phrase).names;
}

/**
 * Sender and addressees from the heading lines, read in order until both are named: a heading printed over
 * several blocks ("PERSONAL AND SECRET MESSAGE" / "FROM …" / "TO …") is read as one; a second heading
 * further on (an enclosed message) is not mixed in.
 */
function partiesOfHeading(doc: TeiDocument): ReturnType<typeof partiesFromHeading> {
  const heads = doc.blocks.filter((b) => b.kind === 'head');
  let text = '';
  let best: ReturnType<typeof partiesFromHeading>;
  const score = (p: typeof best) => (p ? p.sender.length + p.addressees.length + (p.senderRole ? 0.5 : 0) + (p.addresseeRole ? 0.5 : 0) : -1);
  for (const head of heads) {
    text = `${text} ${textWithoutNotes(head.inlines)}`.trim();
    const parties = partiesFromHeading(text);
    if (score(parties) > score(best)) best = parties;
    if (parties && parties.sender.length > 0 && parties.addressees.length > 0) break;
  }
  return best;
}

function headingText(doc: TeiDocument): string | undefined {
  const heads = doc.blocks.filter((b) => b.kind === 'head');
  if (heads.length === 0) return undefined;
  return heads.map((b) => textWithoutNotes(b.inlines)).join(' ').trim();
}

function findDate(doc: TeiDocument, heading: string | undefined): void {
  const sent = doc.blocks.find((b) => b.kind === 'sent');
  const dateline = doc.blocks.find((b) => b.kind === 'dateline' && !b.duplicateOf);
  const chosen = sent ?? dateline;
  if (chosen) {
    const parsed = parseDateline(plainText(chosen)) ?? parseDateline(chosen.lines[0]!);
    if (parsed) {
      doc.date = { when: parsed.date.when, text: parsed.date.text, source: sent ? 'sent-line' : isEnd(doc, chosen) ? 'end-date' : 'dateline' };
      if (parsed.place) doc.place = parsed.place;
      return;
    }
  }
  const inHeading = heading ? findFullDate(heading) : undefined;
  if (inHeading) doc.date = { when: inHeading.when, text: inHeading.text, source: 'heading' };
}

function isEnd(doc: TeiDocument, block: Block): boolean {
  const i = doc.blocks.indexOf(block);
  return doc.blocks.slice(0, i).some((b) => b.kind === 'p');
}

function kindOf(doc: TeiDocument, heading: string | undefined): TeiDocument['kind'] {
  const has = (k: Block['kind']) => doc.blocks.some((b) => b.kind === k);
  const lead = /^(?:\d{1,4}\.\s+)?(note|memorandum|letter|telegram|minute|despatch)\b/i.exec(heading ?? '')?.[1]?.toLowerCase();
  if (lead === 'note' || lead === 'minute') return 'note';
  if (lead === 'memorandum') return 'memorandum';
  if (lead === 'letter') return 'letter';
  if (has('salute')) return 'letter';
  const filedAs = doc.blocks
    .filter((b) => b.kind === 'reference')
    .map((b) => /:\s*(telegram|despatch|letter|memorandum)\b/i.exec(plainText(b))?.[1]?.toLowerCase())
    .find(Boolean);
  if (filedAs === 'memorandum') return 'memorandum';
  if (doc.kind === 'telegram' || lead === 'telegram' || lead === 'despatch' || filedAs === 'telegram' || filedAs === 'despatch') return 'telegram';
  if (has('byline') || has('section')) return 'article';
  if (doc.sender.length > 0 && doc.addressees.length > 0) return 'letter';
  if (has('signed')) return 'memorandum';
  return 'document';
}

/** Main language first, then any other language a block is written in. */
function languagesOf(doc: TeiDocument): string[] {
  // A few thousand characters decide the main language as well as the whole text would.
  const text = doc.blocks.filter((b) => b.kind === 'p').map(plainText).join(' ').slice(0, 4000);
  const main = detectLanguage(text) ?? 'en';
  const langs = [main];
  const visit = (b: Block) => {
    if (b.lang && !langs.includes(b.lang)) langs.push(b.lang);
  };
  for (const b of doc.blocks) {
    visit(b);
    for (const i of b.inlines) if (i.type === 'note') i.parts.forEach(visit);
  }
  return langs;
}
