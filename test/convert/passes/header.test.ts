/**
 * header: title, kind, correspondents, date, place, classification and languages, from the blocks the
 * structure pass recognised.
 */
import assert from 'node:assert/strict';
import { codes, onlyDoc, runUpTo } from './run-passes.js';

const para = (s: string) => `${s}\n\n`;

function header(text: string) {
  const run = runUpTo(text, 'header');
  return { doc: onlyDoc(run), diagnostics: run.diagnostics };
}

const names = (cs: { name: string }[]) => cs.map((c) => c.name);

describe('passes/header', () => {
  describe('in a volume', () => {
    const volume =
      para('Sent on July 18, 1941') + //                              1
      para('PERSONAL MESSAGE FROM STALIN TO Mr CHURCHILL') + //        3
      para('Text one.') + //                                           5
      para('J. V. STALIN TO F. ROOSEVELT') + //                        7
      para('Text two.') + //                                           9
      para('December 1, 1941') + //                                   11
      para('J. V. STALIN TO W. CHURCHILL') + //                       13
      'Text three.\n'; //                                             15
    const run = () => runUpTo(volume, 'header');

    it('titles a message "Stalin to Churchill, 18 July 1941" from its heading and "Sent on" line', () => {
      const doc = run().docs[0]!;
      assert.equal(doc.title, 'Stalin to Churchill, 18 July 1941');
      assert.deepEqual([names(doc.sender), names(doc.addressees)], [['STALIN'], ['Mr CHURCHILL']]);
      assert.deepEqual(doc.date, { when: '1941-07-18', text: 'July 18, 1941', source: 'sent-line' });
      assert.equal(doc.kind, 'telegram');
      assert.equal(doc.classification, 'PERSONAL');
      assert.deepEqual(doc.languages, ['en']);
    });

    it('dates a message by the date line at its end', () => {
      const doc = run().docs[1]!;
      assert.deepEqual(doc.date, { when: '1941-12-01', text: 'December 1, 1941', source: 'end-date' });
      assert.equal(doc.title, 'Stalin to Roosevelt, 1 December 1941');
    });

    it('reports an undated telegram with TEI-CONV-003 at its first line, and titles it without a date', () => {
      const { docs, diagnostics } = run();
      assert.equal(docs[2]!.title, 'Stalin to Churchill');
      assert.equal(docs[2]!.date, undefined);
      assert.deepEqual(codes(diagnostics), [['TEI-CONV-003', 13, 1]]);
    });
  });

  describe('dates', () => {
    it('prefers the "Sent on" line to a dateline', () => {
      const { doc } = header(para('Sent on July 18, 1941') + para('STALIN TO CHURCHILL') + para('Text of the message.') + 'July 17, 1941\n');
      assert.deepEqual(doc.date, { when: '1941-07-18', text: 'July 18, 1941', source: 'sent-line' });
    });

    it('takes a dateline before the text, with its place', () => {
      const { doc } = header(para('SECRET') + para('Moscow, December 23rd, 1941.') + para('My dear Welles,') + para('You will remember our talk.') + para('Yours very sincerely,') + 'HALIFAX\n');
      assert.deepEqual(doc.date, { when: '1941-12-23', text: 'December 23rd, 1941', source: 'dateline' });
      assert.equal(doc.place, 'Moscow');
    });

    it('falls back to a date in the heading', () => {
      const { doc } = header(para('MESSAGE FROM STALIN TO CHURCHILL OF JULY 18, 1941') + 'Text of the message.\n');
      assert.deepEqual(doc.date, { when: '1941-07-18', text: 'JULY 18, 1941', source: 'heading' });
    });

    it('leaves a document without any date undated', () => {
      const { doc } = header(para('STALIN TO CHURCHILL') + 'Text of the message.\n');
      assert.equal(doc.date, undefined);
    });
  });

  describe('correspondents', () => {
    it('reads the addressee from the salutation and the sender from the signature of a letter without heading', () => {
      const { doc, diagnostics } = header(para('SECRET') + para('December 23rd, 1941.') + para('My dear Welles,') + para('You will remember our talk.') + para('Yours very sincerely,') + '(SGD) HALIFAX\n');
      assert.deepEqual([names(doc.sender), names(doc.addressees)], [['HALIFAX'], ['Welles']]);
      // The salutation's addressee is inferred (with high certainty); the signature is the writer's own statement.
      assert.deepEqual([doc.sender[0]!.inferred, doc.addressees[0]!.inferred], [undefined, { cert: 'high', evidence: 'internal' }]);
      assert.equal(doc.kind, 'letter');
      assert.equal(doc.title, 'Halifax to Welles, 23 December 1941');
      assert.equal(doc.classification, 'SECRET');
      assert.deepEqual(diagnostics, []);
    });

    it('reads "Dear General Deane," as General Deane, "Mr. President:" as the office (both inferred), "Dear Sir," as no one', () => {
      assert.deepEqual(names(header(para('Dear General Deane,') + 'Thank you.\n').doc.addressees), ['General Deane']);
      assert.deepEqual(header(para('Mr. President:') + 'Thank you.\n').doc.addressees, [{ kind: 'office', name: 'President', inferred: { cert: 'high', evidence: 'internal' } }]);
      assert.deepEqual(header(para('Dear Sir,') + 'Thank you.\n').doc.addressees, []);
    });

    it('keeps offices without names as roles and titles with them', () => {
      const { doc } = header(
        para('740.0011 European War 1939/17775: Telegram') + para('The Ambassador in the Soviet Union (Harriman) to the Secretary of State') + para('Moscow, December 23, 1941—noon.') + para('I saw Mr. Molotov last night.') + 'HARRIMAN\n',
      );
      assert.equal(doc.kind, 'telegram');
      assert.deepEqual(doc.sender, [{ name: 'Harriman', role: 'Ambassador in the Soviet Union' }]);
      assert.deepEqual(doc.addressees, [{ kind: 'office', name: 'Secretary of State' }]);
      assert.equal(doc.title, 'Harriman to the Secretary of State, 23 December 1941');
      assert.equal(doc.place, 'Moscow');
    });

    it('a heading that describes a paper names no parties: its "to" parts no sender from an addressee', () => {
      const circular = header(
        para('Circular note of July 3, 1900, to the powers cooperating in China, defining the purposes and policy of the United States.') +
          para('Department of State,\nWashington, July 3, 1900.') +
          para('In this critical posture of affairs in China it is deemed appropriate to define our attitude.') +
          'Hay.\n',
      ).doc;
      assert.deepEqual([circular.sender, circular.addressees], [[{ name: 'Hay' }], []]);
      const memorandum = header(
        para('Memorandum in response to the Chinese minister’s communication of cablegram from Viceroy Earl Li Hung Chang, dated August 22.') +
          para('The Government of the United States has received the communication.') +
          'Department of State,\nWashington, August 22, 1900.\n',
      ).doc;
      assert.deepEqual([memorandum.sender, memorandum.addressees], [[], []]);
      assert.equal(memorandum.kind, 'memorandum');
    });

    it('reports a heading that names no one with TEI-CONV-004 at the heading', () => {
      const { doc, diagnostics } = header(para('SECRET') + para('THE SOVIET UNION AND THE WAR') + 'The text of the article, which is long enough.\n');
      assert.equal(doc.title, 'THE SOVIET UNION AND THE WAR');
      assert.deepEqual(codes(diagnostics), [['TEI-CONV-004', 3, 1]]);
    });
  });

  describe('editors’ lines, memoranda and instruments', () => {
    const LETTER = 'It has afforded me much pleasure to receive the letter which Your Majesty’s minister delivered to me, and I reply with the hope of a speedy settlement of every question between us.';

    it('an editor’s bracketed line at the top is no heading: its "to" names no addressee', () => {
      const { doc } = header(para('Washington, October 18, 1900.') + para('[Communicated to Minister Wu for transmission, October 18, 1900.]') + para(LETTER) + 'William McKinley.\n');
      assert.equal(doc.blocks.some((b) => b.kind === 'head'), false);
      assert.deepEqual(names(doc.addressees), []);
      assert.deepEqual(names(doc.sender), ['William McKinley']);
      assert.equal(doc.date?.when, '1900-10-18');
    });

    it('a short unpunctuated line at the top is still the heading', () => {
      const { doc } = header(para('The Emperor of China to the President') + para(LETTER) + 'Kwang Hsu.\n');
      assert.equal(doc.blocks[0]!.kind, 'head');
    });

    it('a memorandum signed by its writer: the writer is its author, not a sender', () => {
      const { doc } = header(para('Memorandum in response to the note of the Russian Chargé of September 17, 1900.') + para(LETTER) + 'David J. Hill,\nActing Secretary.\n');
      assert.equal(doc.author?.name, 'David J. Hill');
      assert.deepEqual(names(doc.sender), []);
      assert.equal(doc.kind, 'memorandum');
    });

    it('an instrument signed by its parties has no sender, even where the signature rules do not read the names', () => {
      const { doc } = header(para('Agreement Between the Governments of Ruritania and Elbonia') + para(LETTER) + 'CORDELL HULL\n');
      assert.equal(doc.blocks.at(-1)!.kind, 'signed');
      assert.deepEqual(names(doc.sender), []);
      assert.deepEqual(names(doc.addressees), []);
      const letter = header(para('Mr. Conger to Mr. Hay.') + para(LETTER) + 'E. H. Conger.\n').doc;
      assert.deepEqual(names(letter.sender), ['Mr. Conger']);
    });
  });

  describe('a dateline without a year, in a volume', () => {
    const TEXT = 'The Government is ready to welcome any overtures for a truce and invites the powers to consider the proposal in the same spirit, as it has said from the first.';
    const volume = (second: string) =>
      para('Mr. Conger to Mr. Hay.') + para('[Telegram.]') + para('Peking, September 20, 1900.') + para(TEXT) + para('Mr. Hill to Mr. Conger.') + para('[Telegram.—Paraphrase.]') + para(second) + TEXT + '\n';

    it('takes the year of the document before, marked as inferred', () => {
      const docs = runUpTo(volume('Washington, September 29.'), 'header').docs.filter((d) => d.kind !== 'front');
      assert.equal(docs.length, 2);
      assert.equal(docs[1]!.date?.when, '1900-09-29');
      assert.deepEqual(docs[1]!.date?.inferred, { cert: 'medium', evidence: 'internal' });
      assert.equal(docs[1]!.blocks.find((b) => b.line === 13)?.kind, 'dateline');
      assert.equal(docs[0]!.date?.inferred, undefined);
    });

    it('a document alone has no year to take: no date', () => {
      const { doc } = header(para('Mr. Hill to Mr. Conger.') + para('[Telegram.—Paraphrase.]') + para('Washington, September 29.') + TEXT + '\n');
      assert.equal(doc.date, undefined);
    });
  });

  describe('kinds', () => {
    it('"Note from …" is a note', () => {
      const { doc } = header(para('Note from G. Wilson, Foreign Office Northern Department, on relations with the Soviet Union') + 'The relations are good.\n');
      assert.equal(doc.kind, 'note');
      assert.deepEqual(names(doc.sender), ['G. Wilson']);
    });

    it('a file reference ending ": Telegram" makes a telegram', () => {
      const { doc } = header(para('740.0011 European War 1939/17775: Telegram') + para('The Ambassador in the Soviet Union (Harriman) to the Secretary of State') + 'I saw Mr. Molotov last night.\n');
      assert.equal(doc.kind, 'telegram');
    });

    it('a heading with a byline is an article', () => {
      const { doc } = header(para('THE SOVIET UNION AND THE WAR') + para('BY JOHN SMITH') + 'The text of the article, which is long enough.\n');
      assert.equal(doc.kind, 'article');
    });

    it('a signed text without heading or salutation is a memorandum, titled by its signer', () => {
      const { doc } = header(para('The matter was discussed at length with the Department.') + 'CLIFFORD WEBSTER\n');
      assert.equal(doc.kind, 'memorandum');
      assert.equal(doc.title, 'Memorandum by Clifford Webster');
    });

    it('anything else is a document', () => {
      const { doc } = header('The matter was discussed at length with the Department.\n');
      assert.equal(doc.kind, 'document');
      assert.equal(doc.title, undefined);
    });
  });

  it('reads the main language of the paragraphs', () => {
    const { doc } = header(para('Monsieur le Ministre,') + 'Le Gouvernement de la France est reconnaissant pour les assurances et il a été informé de la situation.\n');
    assert.deepEqual(doc.languages, ['fr']);
  });
});
