/**
 * correspondence: sender, addressees, author, date and receipt decided from a document's facts; and, where
 * ../shared/frus-dev is present, the whole chain of rules (opening, end, footnotes, correspondence) on the FRUS dev
 * documents as blank lines cut them, scored as score.py scores from/to/when.
 */
import assert from 'node:assert/strict';
import type { Block, BlockKind } from '../../../src/model/document.js';
import { readCorrespondence, type DocumentFacts } from '../../../src/convert/rules/correspondence.js';
import { withTimeOfDay } from '../../../src/convert/rules/dateline.js';
import { readClosedSignatures, readDocumentEnd } from '../../../src/convert/rules/document-end.js';
import { readDocumentOpening } from '../../../src/convert/rules/document-opening.js';
import { referencedMarkers, splitFootnoteBlock } from '../../../src/convert/rules/footnote-block.js';
import { readSourceLine } from '../../../src/convert/rules/source-note.js';
import { frusDocuments, nameKey } from '../../helpers/frus.js';

const facts = (f: Partial<DocumentFacts>): DocumentFacts => ({ sourceLines: [], datelines: [], signatures: [], ...f });

describe('rules/correspondence', () => {
  it('an office in the heading is held by the person who signs', () => {
    const r = readCorrespondence(facts({ heading: 'The Secretary of State to the Ambassador in Russia (Francis)', signatures: [['Lansing']] }));
    assert.deepEqual(r.sender, [{ kind: 'person', name: 'Lansing', office: 'Secretary of State', from: 'signature' }]);
    assert.deepEqual(r.addressees, [{ kind: 'person', name: 'Francis', office: 'Ambassador in Russia', from: 'heading' }]);
  });

  it('a memorandum by an office: its author, no sender, no addressee', () => {
    const r = readCorrespondence(facts({ heading: 'Memorandum by the Secretary of State', signatures: [['C[ordell] H[ull]']] }));
    assert.deepEqual(r.author, { kind: 'person', name: 'C[ordell] H[ull]', office: 'Secretary of State', from: 'signature' });
    assert.deepEqual(r.sender, []);
    assert.deepEqual(r.addressees, []);
  });

  it('a memorandum whose heading names no writer: the one who signs is its author, not a sender', () => {
    const r = readCorrespondence(facts({ heading: 'Memorandum in response to the minister’s note of May 3, 1900.', signatures: [['David J. Hill,', 'Acting Secretary.']] }));
    assert.deepEqual(r.author, { kind: 'person', name: 'David J. Hill', from: 'signature' });
    assert.deepEqual(r.sender, []);
    const toSomeone = readCorrespondence(facts({ heading: 'Memorandum by the Counselor (Polk) to the Secretary of State', signatures: [['Frank L. Polk']] }));
    assert.equal(toSomeone.author, undefined);
    assert.deepEqual(toSomeone.sender.map((p) => p.name), ['Polk']);
  });

  it('an instrument: those who sign it are no sender, and it has no addressee', () => {
    for (const heading of ['Agreement Between the Governments of Ruritania and Elbonia, Signed May 10, 1934', 'Treaty of Commerce and Navigation', 'PROTOCOLE FINAL.', 'Final Protocol.']) {
      const r = readCorrespondence(facts({ heading, signatures: [['Cordell Hull']], salutation: 'Sir:' }));
      assert.deepEqual(r.sender, [], heading);
      assert.deepEqual(r.addressees, [], heading);
    }
  });

  it('a heading that only starts with an instrument word is a message as any other', () => {
    const letter = readCorrespondence(facts({ heading: 'Agreement to the proposal of the Chinese plenipotentiaries.', signatures: [['Cordell Hull']] }));
    assert.deepEqual(letter.sender.map((p) => p.name), ['Cordell Hull']);
    const headless = readCorrespondence(facts({ signatures: [['Cordell Hull']] }));
    assert.deepEqual(headless.sender.map((p) => p.name), ['Cordell Hull']);
  });

  it('a dateline without a year takes the year of the document before, nearest after its date', () => {
    const telegram = (dateBefore?: string, heading = 'Mr. Hill to Mr. Conger.') =>
      readCorrespondence(facts({ heading, sourceLines: ['[Telegram.—Paraphrase.]'], datelines: [{ lines: ['Washington, September 29.'], atEnd: false }], ...(dateBefore ? { dateBefore } : {}) }));
    assert.deepEqual(telegram('1900-09-21').date, { when: '1900-09-29', text: 'September 29', place: 'Washington', source: 'dateline', yearInferred: true });
    assert.equal(telegram('1900-10-02T10:00:00')?.date?.when, '1900-09-29', 'a few days back is the same year');
    assert.equal(telegram('1900-12-30T10:00:00')?.date?.when, '1901-09-29', 'months back is the next year');
    assert.equal(telegram('1899-12-30')?.date?.when, '1900-09-29');
    assert.equal(telegram(undefined).date, undefined, 'a document alone has no year to take');
    assert.equal(telegram('1900-09-21', 'Mr. Hill to Mr. Conger, September 29, 1901.').date?.when, '1901-09-29', 'the heading prints a year');
  });

  it('dateline with its time, receipt line with the year inferred', () => {
    const r = readCorrespondence(facts({ heading: 'Mr. Conger to Mr. Hay.', datelines: [{ lines: ['Petrograd, December 30, 1917, 12 p.m.', '[Received January 2, 7.45 p.m.]'], atEnd: false }] }));
    assert.deepEqual(r.date, { when: '1917-12-30', time: '12:00:00', text: 'December 30, 1917', place: 'Petrograd', source: 'dateline' });
    assert.deepEqual(r.received, { when: '1918-01-02T19:45:00', yearInferred: true, dayInferred: false, text: '[Received January 2, 7.45 p.m.]' });
  });

  it('a delivery line dates the receipt where no receipt line does; its missing year from the dateline', () => {
    const undated = readCorrespondence(facts({ heading: 'Cablegram dated August 19 from Viceroy Li Hung Chang, was transmitted by the Chinese minister.', sourceLines: ['[Handed to Mr. Adee by Mr. Wu, August 20, 1900—10.15 a.m.]'] }));
    assert.deepEqual(undated.received, { when: '1900-08-20T10:15:00', yearInferred: false, dayInferred: false, text: 'August 20, 1900—10.15 a.m.' });
    assert.deepEqual(undated.addressees, []);
    const dated = readCorrespondence(
      facts({ heading: 'Memorandum.', sourceLines: ['[Handed to Acting Secretary Hill on September 10 by the Chinese minister, Mr. Wu.]'], datelines: [{ lines: ['Washington, September 9, 1900.'], atEnd: true }] }),
    );
    assert.deepEqual(dated.received, { when: '1900-09-10', yearInferred: true, dayInferred: false, text: 'September 10' });
    const both = readCorrespondence(
      facts({ sourceLines: ['[Handed to Mr. Adee, July 3, 1900.]'], datelines: [{ lines: ['Petrograd, December 30, 1917, 12 p.m.', '[Received January 2, 7.45 p.m.]'], atEnd: false }] }),
    );
    assert.equal(both.received?.text, '[Received January 2, 7.45 p.m.]');
  });

  it('a letter without a heading: the signature is the sender, the salutation the addressee (inferred)', () => {
    const r = readCorrespondence(facts({ salutation: 'Dear Mr. Horner,', signatures: [['Charles Lyell']], datelines: [{ lines: ['53 Harley Street, London,', 'March 14, 1859.'], atEnd: false }] }));
    assert.deepEqual(r.sender, [{ kind: 'person', name: 'Charles Lyell', from: 'signature' }]);
    assert.deepEqual(r.addressees, [{ kind: 'person', name: 'Mr. Horner', from: 'salutation', inferred: true }]);
    assert.equal(r.date?.when, '1859-03-14');
  });

  it('an address at the foot names the addressee before the salutation does', () => {
    const r = readCorrespondence(facts({ salutation: 'Your Excellency,', footAddress: ['His Excellency M. Ivan Maisky.'], signatures: [['A. Eden']] }));
    assert.deepEqual(r.addressees, [{ kind: 'person', name: 'M. Ivan Maisky', from: 'address' }]);
  });

  it('a memo form: From, To and Date', () => {
    const r = readCorrespondence(facts({ memoHeader: ['TELEGRAM No. 418', 'From: Ambassador Winant, London', 'To: Secretary of State, Washington', 'Date: September 4, 1941'], signatures: [['WINANT']] }));
    assert.equal(r.kind, 'telegram');
    assert.deepEqual(r.sender.map((p) => p.name ?? p.office), ['Winant']);
    assert.deepEqual(r.addressees.map((p) => p.name ?? p.office), ['Secretary of State']);
    assert.equal(r.date?.when, '1941-09-04');
  });

  it('source lines give the document its kinds; "[undated]" says it has no date', () => {
    const r = readCorrespondence(facts({ sourceLines: ['File No. 861.00/1', '[Telegram.—Paraphrase.]'], datelines: [{ lines: ['[undated]'], atEnd: false }] }));
    assert.deepEqual(r.sourceKinds, ['telegram', 'paraphrase']);
    assert.equal(r.undated, true);
    assert.equal(r.date, undefined);
  });

  describe('the chain of rules on the FRUS development documents', () => {
    it('from, to and the date as score.py counts them, at least 0.98 each', function () {
      const docs = frusDocuments();
      if (!docs) {
        console.log('      skipped: ../shared/frus-dev is not available');
        this.skip();
      }
      const counts = { from: [0, 0, 0], to: [0, 0, 0], when: [0, 0, 0] };
      const add = (c: number[], gold: string[], sys: string[]) => {
        const s = [...sys];
        let tp = 0;
        for (const g of gold) {
          const i = s.indexOf(g);
          if (i >= 0) {
            tp++;
            s.splice(i, 1);
          }
        }
        c[0]! += tp;
        c[1]! += s.length;
        c[2]! += gold.length - tp;
      };
      for (const { gold, text } of docs) {
        const r = readCorrespondence(factsOf(text));
        const name = (p: { kind: string; name?: string; office?: string }) => nameKey(p.kind === 'office' ? p.office! : p.name!);
        const wantFrom = gold.from.map(nameKey);
        const signer = gold.signed ? nameKey(gold.signed) : undefined;
        let gotFrom = r.sender.map(name);
        if (signer && wantFrom.length > 0) gotFrom = [...new Set(gotFrom.map((k) => (k === signer ? wantFrom[0]! : k)))];
        add(counts.from, wantFrom, gotFrom);
        add(counts.to, gold.to.map(nameKey), r.addressees.map(name));
        if (gold.when) add(counts.when, [gold.when], r.date ? [withTimeOfDay(r.date.when, r.date.time)] : []);
      }
      for (const [measure, [tp, fp, fn]] of Object.entries(counts)) {
        const f1 = (2 * tp!) / (2 * tp! + fp! + fn!);
        assert.ok(f1 >= 0.98, `${measure}: F1 ${f1.toFixed(3)} (${tp} right, ${fp} wrong, ${fn} missed)`);
      }
    });
  });
});

/** A document's facts as the rules find them in its blocks (blank lines cut blocks; every block starts as text). */
function factsOf(text: string): DocumentFacts {
  const blocks: Block[] = [];
  let line = 1;
  for (const raw of text.split('\n\n')) {
    const lines = raw.split('\n').filter((l) => l.trim());
    if (lines.length > 0) blocks.push({ kind: 'p', line, endLine: line + lines.length - 1, lines, column: 1, inlines: [] });
    line += raw.split('\n').length + 1;
  }
  const kinds = new Map<Block, BlockKind | 'memoHeader'>();
  for (const d of readDocumentOpening(blocks)) kinds.set(blocks[d.index]!, d.kind);
  for (const [b, k] of kinds) if (k !== 'memoHeader') b.kind = k;
  const refs = referencedMarkers(text);
  let end = blocks.length;
  while (end > 0 && splitFootnoteBlock(blocks[end - 1]!, refs)) blocks[--end]!.kind = 'noteBody';
  const enclosure = blocks.findIndex((b, i) => i > 0 && readSourceLine(b.lines[0]!)?.enclosure);
  const to = enclosure > 0 && enclosure < end ? enclosure : end;
  for (const d of [...readClosedSignatures(blocks, 0, to), ...readDocumentEnd(blocks, 0, to)]) {
    const b = blocks[d.index]!;
    if ('split' in d) {
      b.kind = 'signed';
      b.lines = b.lines.slice(d.split.closingLines);
    } else b.kind = d.kind;
  }
  const covering = blocks.slice(0, to);
  const firstText = covering.findIndex((b) => b.kind === 'p');
  return {
    heading: covering.filter((b) => b.kind === 'head').map((b) => b.lines.join(' ')).join(' ') || undefined,
    sourceLines: covering.filter((b) => b.kind === 'sourceNote').map((b) => b.lines.join(' ')),
    datelines: covering.flatMap((b, i) => (b.kind === 'dateline' ? [{ lines: b.lines, atEnd: firstText >= 0 && i > firstText }] : [])),
    memoHeader: covering.find((b) => kinds.get(b) === 'memoHeader')?.lines,
    signatures: covering.filter((b) => b.kind === 'signed').map((b) => b.lines),
    footAddress: covering.find((b) => b.kind === 'address')?.lines,
  };
}
