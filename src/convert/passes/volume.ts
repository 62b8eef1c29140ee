/**
 * Volume facts: what one document of a volume learns from the others. A heading that names only the
 * addressee ("TO Mr WINSTON CHURCHILL") in a volume of one writer's messages was sent by that writer: the
 * sender is inferred, with medium certainty, and the report says so. Every document also records the
 * volume it belongs to, from the front matter's title lines.
 *
 * The volume is never held: the pass reads a few facts of each document as it goes by (its first sender, the
 * front matter's title lines), and only a message that needs the principal writer waits for the rest.
 */
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceState, VolumePass } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { surnameOf, titleOf } from '../rules/titles.js';

/** Share of a volume's messages one writer must have sent to count as its principal writer. */
const PRINCIPAL_SHARE = 0.6;

/**
 * The title page's title: the longest run of consecutive short lines in capitals or figures
 * ("J. V. STALIN" / "WORKS" / "VOLUME" / "17" / "WAR TELEGRAMS"); mottos ending in "!" and addresses are not
 * part of it.
 */
function titleLines(texts: string[]): string {
  const short = (t: string) => t.split(/\s+/).length <= 4 && t === t.toUpperCase() && /\p{Lu}|\d/u.test(t) && !/[!<>]|https?:/.test(t);
  let best: string[] = [];
  let run: string[] = [];
  for (const t of texts) {
    if (short(t)) run.push(t);
    else run = [];
    if (run.length > best.length) best = [...run];
  }
  return best.join(' ');
}

/** What the pass reads of a source's documents as they go by. */
interface VolumeFacts {
  /** Documents read so far. */
  documents: number;
  /** Documents read so far that are not the volume's own (messages, letters, …). */
  messages: number;
  /** Set when the first document is the volume's own (segmentation puts it first): its title lines, if any. */
  front?: { title: string | undefined };
  /** Messages per writer (first sender's surname), in the order writers first appear. */
  writers: Map<string, { n: number; name: string }>;
}

/** What deciding one document needs of it. */
interface VolumeNote {
  /** The volume's own document (front matter), which takes the volume's title as its own. */
  front: boolean;
  /** A message whose heading names an addressee and no sender: it takes the principal writer, if the volume has one. */
  needsSender: boolean;
}

const FACTS: SourceState<VolumeFacts> = { name: 'volume', create: () => ({ documents: 0, messages: 0, writers: new Map() }) };

/**
 * The writer of at least 60 % of the volume's messages. Read only once every document has been read: a writer
 * ahead after 100 messages may not be after 1,000.
 */
function principalOf(facts: VolumeFacts): { n: number; name: string } | undefined {
  const [principal] = [...facts.writers.values()].sort((a, b) => b.n - a.n);
  return principal && principal.n >= PRINCIPAL_SHARE * facts.messages ? principal : undefined;
}

/**
 * A document learns the volume's title (every document, once the volume has two messages: then the first
 * document, the front matter if there is one, has been read) and, if its heading names no sender, the principal
 * writer: that one needs the whole volume read, so such a message waits until the source is done.
 */
export const volumePass: VolumePass<VolumeFacts, VolumeNote> = {
  name: 'volume',
  scope: 'volume',
  requires: ['header'],
  facts: FACTS,
  read(doc, facts) {
    const front = doc.kind === 'front' && facts.documents === 0;
    if (front) facts.front = { title: titleLines(doc.blocks.map(plainText)) || undefined };
    facts.documents++;
    if (doc.kind === 'front') return { front, needsSender: false };
    facts.messages++;
    const s = doc.sender[0];
    if (s) {
      const key = surnameOf(s.name).toLowerCase();
      const writer = facts.writers.get(key) ?? { n: 0, name: s.name };
      writer.n++;
      facts.writers.set(key, writer);
    }
    return { front, needsSender: doc.sender.length === 0 && doc.addressees.length > 0 };
  },
  decides: (note, facts, complete) => complete || (facts.messages >= 2 && !note.needsSender),
  apply(doc, note, facts, ctx) {
    if (facts.messages < 2) return;
    if (facts.front) {
      doc.volumeTitle = facts.front.title;
      if (note.front) doc.title = facts.front.title ? `${facts.front.title}: front matter` : 'Front matter';
    }
    if (!note.needsSender) return;
    const principal = principalOf(facts);
    if (!principal) return;
    doc.sender = [{ name: principal.name, inferred: { cert: 'medium', evidence: 'internal' } }];
    doc.title = titleOf(doc) ?? doc.title;
    ctx.report(
      diagnostic(
        ConvertCodes.senderInferred,
        { name: principal.name, written: principal.n, messages: facts.messages },
        { file: doc.sourceFile, line: doc.blocks.find((b) => b.kind === 'head')?.line ?? doc.startLine, column: 1 },
      ),
    );
  },
};
