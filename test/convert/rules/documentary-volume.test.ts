/**
 * Documentary volumes: documents open at their file number (or their head where the edition prints none),
 * division heads between documents belong to none, enclosures stay in their covering document.
 */
import assert from 'node:assert/strict';
import type { Block } from '../../../src/model/document.js';
import { segmentDocumentaryVolume } from '../../../src/convert/rules/documentary-volume.js';

function blocksOf(texts: string[]): Block[] {
  return texts.map((t, i) => ({ kind: 'p', line: i + 1, endLine: i + 1, lines: t.split('\n'), column: 1, inlines: [] }));
}

/** The units as [kind, first block text]. */
function layout(texts: string[]): [string, string][] | undefined {
  const blocks = blocksOf(texts);
  return segmentDocumentaryVolume(blocks)?.map((u) => [u.kind, blocks[u.from]!.lines[0]!]);
}

describe('rules/documentary-volume', () => {
  it('opens documents at their file number and keeps division heads apart', () => {
    assert.deepEqual(
      layout([
        'Chapter I. The Frontier',
        'File No. 723.2515/610',
        'The Secretary of State to the Minister in Chile (Norton)',
        'Washington, June 3, 1922—6 p.m.',
        '52. You may inform the Minister¹ that this Government welcomes the proposal.',
        'Hughes',
        '1. Not printed.',
        'Claims of American citizens against Chile, 1922',
        '723.2515/615: Telegram',
        'The Minister in Chile (Norton) to the Secretary of State',
        'Santiago, June 5, 1922—11 a.m.',
        '61. The Minister received the message with evident satisfaction.',
        'Norton',
      ]),
      [
        ['divisions', 'Chapter I. The Frontier'],
        ['document', 'File No. 723.2515/610'],
        ['divisions', 'Claims of American citizens against Chile, 1922'],
        ['document', '723.2515/615: Telegram'],
      ],
    );
  });

  it('leaves a signature with its document, and takes a country under a title ending in a colon as a division', () => {
    const units = layout([
      'File No. 723.1/1',
      'The Secretary of State to the Minister in Chile (Norton)',
      'The proposal is welcome and will be answered within the week.',
      'Hughes',
      'Boundary questions:',
      'Chile',
      'File No. 723.1/2',
      'The Minister in Chile (Norton) to the Secretary of State',
      'The Minister received the message with evident satisfaction.',
      'Norton',
    ])!;
    assert.deepEqual(units, [
      ['document', 'File No. 723.1/1'],
      ['divisions', 'Boundary questions:'],
      ['document', 'File No. 723.1/2'],
    ]);
  });

  it('keeps an enclosure with its head inside the covering document', () => {
    assert.deepEqual(
      layout([
        'File No. 723.1/1',
        'The Minister in Chile (Norton) to the Secretary of State',
        'Sir: I enclose a copy of the note of the Minister for Foreign Affairs.',
        'Norton',
        '[Enclosure]',
        'The Minister for Foreign Affairs (Barros) to the Minister (Norton)',
        'Santiago, July 18, 1922.',
        'The delegates will be at Valparaiso on the first of August.',
        'Barros',
        'File No. 723.1/2',
        'The Secretary of State to the Minister in Chile (Norton)',
        'The Department approves the arrangement.',
        'Hughes',
      ]),
      [
        ['document', 'File No. 723.1/1'],
        ['document', 'File No. 723.1/2'],
      ],
    );
  });

  it('without file numbers, a head opens a document when a document opening follows it', () => {
    assert.deepEqual(
      layout([
        'Mr. Hay to Mr. Conger.',
        '[Telegram.]',
        'Washington, July 3, 1900.',
        'Communicate the purport of this instruction to the minister for foreign affairs.',
        'Hay.',
        'Mr. Conger to Mr. Hay.',
        'Peking, July 5, 1900.',
        'The minister received the instruction and will reply within the week.',
        'Conger.',
      ]),
      [
        ['document', 'Mr. Hay to Mr. Conger.'],
        ['document', 'Mr. Conger to Mr. Hay.'],
      ],
    );
  });

  describe('a volume without file numbers', () => {
    /** Ten despatches with heads: what makes a file a volume whose heads open documents. */
    const despatches = Array.from({ length: 10 }, (_, k) => [
      k % 2 ? 'Mr. Hay to Mr. Conger.' : 'Mr. Conger to Mr. Hay.',
      `Peking, July ${k + 1}, 1900.`,
      `Sir: The ministers met on the ${k + 1}th and agreed on the terms of the note.`,
      'I have, etc.,',
      k % 2 ? 'John Hay.' : 'E. H. Conger.',
    ]).flat();
    const documents = (texts: string[]) => layout(texts)!.filter(([kind]) => kind === 'document').map(([, first]) => first);

    it('the first salutation under the volume’s title opens its first document; after a document’s end, a salutation, a date line over one, or an editor’s delivery line opens the next', () => {
      const starts = documents([
        'Message from the president of the United States, transmitting report of William W. Rockhill, late commissioner to China, with accompanying documents.',
        'To the Senate and House of Representatives:',
        'I transmit a report from the commissioner to China, with accompanying documents.',
        'Theodore Roosevelt.',
        'White House,\nWashington, December 11, 1901.',
        'The President:',
        'I have the honor to submit to you a report from the commissioner to China.',
        'John Hay.',
        'Department of State,\nWashington, December 5, 1901.',
        'Department of State,\nWashington, November 30, 1901.',
        'Sir: In July, 1900, the President was pleased to appoint me commissioner to China.',
        'W. W. Rockhill.',
        ...despatches,
        'Department of State,\nWashington, October 10, 1900.',
        '[Handed to the President by Minister Wu, October 17, 1900.]',
        'The following telegraphic letter was forwarded by the privy council to the President.',
        'Washington, October 18, 1900.',
        '[Communicated to Minister Wu for transmission, October 18, 1900.]',
        'His Majesty Kwang Hsu, Emperor of China, greeting:',
        'It has afforded me much pleasure to receive the telegraphic letter of October 14.',
        'William McKinley.',
      ]);
      assert.deepEqual(
        starts.filter((t) => !/^Mr\. (?:Hay|Conger) to/.test(t)),
        // A title of a document's shape over the first salutation is the first document's head.
        ['Message from the president of the United States, transmitting report of William W. Rockhill, late commissioner to China, with accompanying documents.', 'The President:', 'Department of State,', '[Handed to the President by Minister Wu, October 17, 1900.]', 'Washington, October 18, 1900.'],
      );
      assert.deepEqual(layout(['The Boxer Troubles', 'To the Senate and House of Representatives:', 'I transmit a report from the commissioner to China.', 'Theodore Roosevelt.', ...despatches])!.slice(0, 2), [
        ['divisions', 'The Boxer Troubles'],
        ['document', 'To the Senate and House of Representatives:'],
      ]);
    });

    it('no headless document inside a document’s enclosures, nor at a telegram’s address under its opening date line', () => {
      const starts = documents([
        ...despatches,
        '[Inclosure 2.—Translation.]',
        'The Chinese plenipotentiaries to M. de Cologan.',
        'Peking, April 29, 1901.',
        'Your Excellency: On the 10th of April we had the honor to receive a communication.',
        'Mr. Rockhill to Mr. Hay.',
        'Peking, May 7, 1901.',
        'Sir: I inclose the viceroy’s telegram and the consul’s.',
        'Card of Chang Chih-tung, with compliments.',
        '[Telegram.]',
        'Shiakwan, May 7, 1901.',
        'Rockhill, Peking:',
        'Viceroy begs me to ask you urge all the powers to reduce indemnity.',
        'Martin.',
      ]);
      assert.equal(starts.length, 11);
    });

    it('a bracketed source line above a head is the document’s; a head above an enclosure marker, or the second title under an annex marker, opens nothing', () => {
      const units = layout([
        ...despatches,
        '[Translation.]',
        'Minutes of the third conference with the Chinese plenipotentiaries, held September 7, 1901.',
        'The diplomatic corps met at the Spanish legation.',
        'Mr. Rockhill to Mr. Hay.',
        'Peking, May 27, 1901.',
        'Sir: I have the honor to inclose a translation of an Imperial Edict.',
        'W. W. Rockhill.',
        'Imperial Edict.',
        '[Inclosure.—Translated from the Peking Gazette of May 25.]',
        'On the 1st day of the fourth moon the Grand Council received the following edict.',
        'Annex No. 8.',
        'IMPERIAL EDICT of the 19th August, 1901 (Translation).',
        'Edict received by the Grand Chancellery the 6th day of the 7th moon (19 August, 1901).',
        '“Considering the report of this day, We order the suspension of the examinations.”',
      ])!;
      const starts = units.filter(([kind]) => kind === 'document').map(([, first]) => first);
      assert.deepEqual(starts.slice(10), ['[Translation.]', 'Mr. Rockhill to Mr. Hay.']);
    });
    it('a head after a letter is its enclosure where the letter announces the paper and the paper is not dated after it', () => {
      const starts = documents([
        ...despatches,
        'Mr. Rockhill to Mr. Hay.',
        'Peking, May 13, 1901.',
        'Sir: The diplomatic corps read a letter from the Chinese plenipotentiaries and agreed upon an answer. I inclose translation of both these papers, with the memorandum of the Russian minister and the letter of Field Marshal Count von Waldersee.',
        'I have, etc.,',
        'W. W. Rockhill.',
        // Announced by the bracketed line under it ("[Translation.]"), by a kind of paper, by a writer's name.
        'Prince Ching and Li Hung-chang to M. de Cologan.',
        '[Translation.]',
        'Your Excellency: We have the honor to object to the suspension of the examinations.',
        'Memorandum.',
        'The Russian minister proposes a loan guaranteed by the powers.',
        'Field Marshal Count von Waldersee to M. de Cologan.',
        'Peking, April 29, 1901.',
        'Your Excellency: The military measures cannot wait for the indemnity.',
        'Waldersee.',
        // Dated after the letter: no enclosure of it, though the letter names its kind.
        'Memorandum on the loan.',
        'Peking, May 20, 1901.',
        'The powers agreed on the loan.',
        // Not announced: the correspondence goes on.
        'Mr. Hay to Mr. Rockhill.',
        'Washington, May 14, 1901.',
        'Sir: Your despatch has been received.',
        'John Hay.',
      ]);
      assert.deepEqual(starts.slice(10), ['Mr. Rockhill to Mr. Hay.', 'Memorandum on the loan.', 'Mr. Hay to Mr. Rockhill.']);
    });
  });

  it('two telegram forms in one file are two documents', () => {
    assert.deepEqual(
      layout([
        'TELEGRAM No. 418\nFrom: Ambassador Winant, London\nTo: Secretary of State, Washington\nDate: September 4, 1941',
        'The Prime Minister asked me to convey his thanks for the destroyers.',
        'WINANT',
        'TELEGRAM No. 212\nFrom: Secretary of State, Washington\nTo: Ambassador Winant, London\nDate: September 5, 1941',
        'Your 418. The President is glad to have the message.',
        'HULL',
      ]),
      [
        ['document', 'TELEGRAM No. 418'],
        ['document', 'TELEGRAM No. 212'],
      ],
    );
  });

  it('is no volume: an article whose section titles have the shape of heads, a single letter without file number', () => {
    assert.equal(
      layout(['The Road to Munich', 'In the spring of 1938 the crisis deepened and the powers met.', 'From Munich to Prague', 'The next spring brought the end of the republic.']),
      undefined,
    );
    assert.equal(layout(['The Minister in Chile (Norton) to the Secretary of State', 'Sir: I have the honor to report.', 'Norton']), undefined);
  });

  it('one document under a file number is one document, its enclosures inside', () => {
    assert.deepEqual(
      layout(['File No. 723.1/1', 'The Minister in Chile (Norton) to the Secretary of State', 'Sir: I enclose a note.', 'Norton', '[Enclosure]', 'The Minister for Foreign Affairs (Barros) to the Minister (Norton)', 'Santiago, July 18, 1922.', 'The delegates will meet.', 'Barros']),
      [['document', 'File No. 723.1/1']],
    );
  });

  it('in a file of a few documents, heads after a letter that encloses papers are enclosures unless they name its parties', () => {
    assert.deepEqual(
      layout([
        'Mr. Foster to Mr. Blaine.',
        'Santiago, July 20, 1891.',
        'Sir: I have the honor to inclose a copy of the note of the Minister to his Peruvian colleague.',
        'Foster.',
        'Señor Matta to Señor Ribeyro.',
        '[Translation.]',
        'Santiago, July 18, 1891.',
        'The delegates will be at Valparaiso on the first of August.',
        'Matta.',
        'Mr. Blaine to Mr. Foster.',
        'Washington, August 15, 1891.',
        'The Department approves what you have done.',
        'Blaine.',
      ]),
      [
        ['document', 'Mr. Foster to Mr. Blaine.'],
        ['document', 'Mr. Blaine to Mr. Foster.'],
      ],
    );
  });
});
