/**
 * Volume facts: what one document of a volume learns from the others. A heading that names only the
 * addressee ("TO Mr WINSTON CHURCHILL") in a volume of one writer's messages was sent by that writer: the
 * sender is inferred, with medium certainty, and the report says so. Every document also records the
 * volume it belongs to, from the front matter's title lines.
 */
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { VolumePass } from '../pass.js';
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

export const volumePass: VolumePass = {
  name: 'volume',
  scope: 'volume',
  requires: ['header'],
  run(docs, ctx) {
    const messages = docs.filter((d) => d.kind !== 'front');
    if (messages.length < 2) return;
    const front = docs.find((d) => d.kind === 'front');
    if (front) {
      const title = titleLines(front.blocks.map(plainText));
      const volumeTitle = title || undefined;
      for (const d of docs) d.volumeTitle = volumeTitle;
      front.title = volumeTitle ? `${volumeTitle}: front matter` : 'Front matter';
    }
    const counts = new Map<string, { n: number; name: string }>();
    for (const d of messages) {
      const s = d.sender[0];
      if (!s) continue;
      const key = surnameOf(s.name).toLowerCase();
      const c = counts.get(key) ?? { n: 0, name: s.name };
      c.n++;
      counts.set(key, c);
    }
    const [principal] = [...counts.values()].sort((a, b) => b.n - a.n);
    if (!principal || principal.n < PRINCIPAL_SHARE * messages.length) return;
    for (const d of messages) {
      if (d.sender.length > 0 || d.addressees.length === 0) continue;
      d.sender = [{ name: principal.name, inferred: { cert: 'medium', evidence: 'internal' } }];
      d.title = titleOf(d) ?? d.title;
      ctx.report(
        diagnostic(
          ConvertCodes.senderInferred,
          { name: principal.name, written: principal.n, messages: messages.length },
          { file: d.sourceFile, line: d.blocks.find((b) => b.kind === 'head')?.line ?? d.startLine, column: 1 },
        ),
      );
    }
  },
};
