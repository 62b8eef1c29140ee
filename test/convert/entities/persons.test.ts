import { strict as assert } from 'node:assert';
import { findPersons, noteIdentifiesPerson, type PersonMention } from '../../../src/convert/entities/persons/find-persons.js';

const texts = (s: string, options?: Parameters<typeof findPersons>[1]): string[] => findPersons(s, options).map((m) => m.text);

function only(s: string, options?: Parameters<typeof findPersons>[1]): PersonMention {
  const found = findPersons(s, options);
  assert.equal(found.length, 1, `one name in ${JSON.stringify(s)}: ${JSON.stringify(found.map((m) => m.text))}`);
  assert.equal(s.slice(found[0]!.start, found[0]!.end), found[0]!.text);
  return found[0]!;
}

describe('findPersons', () => {
  describe('titles belong inside the name', () => {
    const cases: Array<[string, string, string, string]> = [
      ['you will remember Mr. Eden giving an account', 'Mr. Eden', 'eden', 'Mr.'],
      ['his conversations with M. Stalin in Moscow', 'M. Stalin', 'stalin', 'M.'],
      ['Sir Orme Sargent, the deputy', 'Sir Orme Sargent', 'sargent', 'Sir'],
      ['prompted Lord Halifax, the Foreign Secretary, to', 'Lord Halifax', 'halifax', 'Lord'],
      ['If General Wavell comes', 'General Wavell', 'wavell', 'General'],
      ['transmitted by British Ambassador Cripps to', 'Ambassador Cripps', 'cripps', 'Ambassador'],
      ['My dear Prime Minister Churchill,', 'Prime Minister Churchill', 'churchill', 'Prime Minister'],
      ['FROM GENERALISSIMO J. V. STALIN', 'GENERALISSIMO J. V. STALIN', 'stalin', 'GENERALISSIMO'],
      ['to Marshal Tito', 'Marshal Tito', 'tito', 'Marshal'],
      ['turned to Herr Hitler for satisfaction', 'Herr Hitler', 'hitler', 'Herr'],
    ];
    for (const [s, text, key, title] of cases) {
      it(text, () => {
        const m = only(s);
        assert.deepEqual([m.text, m.key, m.title], [text, key, title]);
      });
    }
  });

  it('takes "Mr Harriman" without a stop', () => {
    const m = only('Your letter has reached me through Mr Harriman.');
    assert.deepEqual([m.text, m.key, m.title], ['Mr Harriman', 'harriman', 'Mr']);
  });

  it('leaves a possessive outside the name', () => {
    assert.deepEqual(texts("In the first place, as regards Mr. Eden's general discussions"), ['Mr. Eden']);
    assert.deepEqual(texts('D. W. Lascelles’s minute, 22 Oct. 1939'), ['D. W. Lascelles']);
  });

  describe('"M." as a French title or as an initial', () => {
    it('is a title before a surname', () => {
      const m = only('he had listened to many of M. Litvinov’s speeches');
      assert.deepEqual([m.text, m.title, m.initials], ['M. Litvinov', 'M.', []]);
    });
    it('is an initial before another initial', () => {
      const m = only('E.g., M. J. Carley, ‘Down a Blind-Alley’');
      assert.deepEqual([m.text, m.title, m.initials], ['M. J. Carley', undefined, ['M', 'J']]);
    });
    it('is a middle initial after a given name', () => {
      const m = only('Maksim M. Litvinov, the Commissar for Foreign Affairs');
      assert.deepEqual([m.forenames, m.initials, m.title], [['Maksim'], ['M'], undefined]);
    });
  });

  describe('names in capitals', () => {
    it('reads "J. V. STALIN TO F. ROOSEVELT"', () => {
      assert.deepEqual(findPersons('J. V. STALIN TO F. ROOSEVELT').map((m) => [m.text, m.key, m.initials.join('')]), [
        ['J. V. STALIN', 'stalin', 'JV'],
        ['F. ROOSEVELT', 'roosevelt', 'F'],
      ]);
    });
    it('separates "PREMIER STALIN" from the role-only "THE PRIME MINISTER"', () => {
      assert.deepEqual(texts('PERSONAL MESSAGE FROM PREMIER STALIN TO THE PRIME MINISTER, Mr. CHURCHILL'), ['PREMIER STALIN', 'Mr. CHURCHILL']);
    });
    it('takes a given name in capitals: "Mr WINSTON CHURCHILL, PRIME MINISTER"', () => {
      const m = only('TO Mr WINSTON CHURCHILL, PRIME MINISTER OF GREAT BRITAIN');
      assert.deepEqual([m.text, m.forenames], ['Mr WINSTON CHURCHILL', ['WINSTON']]);
    });
    it('does not run a name on into a title in capitals: "J. V. STALIN WORKS"', () => {
      assert.deepEqual(texts('J. V. STALIN WORKS VOLUME 17'), ['J. V. STALIN']);
    });
    it('takes the sender after FROM in a heading', () => {
      assert.deepEqual(texts('PERSONAL MESSAGE FROM STALIN TO Mr CHURCHILL'), ['STALIN', 'Mr CHURCHILL']);
    });
    it('takes a signature line as a name', () => {
      assert.deepEqual(texts('(CLIFFORD WEBSTER)', { nameLine: true }), ['CLIFFORD WEBSTER']);
      assert.deepEqual(texts('(SGD) HALIFAX', { nameLine: true }), ['HALIFAX']);
    });
  });

  describe('authors and names of footnotes', () => {
    it('takes an author with a given name', () => {
      assert.deepEqual(texts('³ Alistair Horne, To Lose a Battle, France 1940'), ['Alistair Horne']);
    });
    it('takes a bare surname known from elsewhere', () => {
      assert.deepEqual(texts('⁶ Shirer, Diary, p. 302; and Horne, France 1940', { known: (k) => k === 'shirer' || k === 'horne' }), ['Shirer', 'Horne']);
    });
    it('takes the addressee of a cited letter', () => {
      assert.deepEqual(texts('see DEA/50128-40, Webster to Léger, December 18, 1958.', { known: (k) => k === 'webster' }), ['Webster', 'Léger']);
    });
    it('takes initials, particles and several given names', () => {
      assert.deepEqual(texts('Joachim von Ribbentrop, Elisabeth du Réau and R. A. Butler'), ['Joachim von Ribbentrop', 'Elisabeth du Réau', 'R. A. Butler']);
    });
  });

  describe('context', () => {
    it('takes a name before a verb of saying and after one', () => {
      assert.deepEqual(texts("'Russia is a riddle,' said Churchill. Maiskii replied that"), ['Churchill', 'Maiskii']);
    });
    it('takes a possessive before a common noun', () => {
      assert.deepEqual(texts('since Hitler’s forces have been switched to the East'), ['Hitler']);
    });
    it('takes names listed with a name, but not an apposition before one', () => {
      assert.deepEqual(texts('the war against Herr Hitler and Mussolini.'), ['Herr Hitler', 'Mussolini']);
      assert.deepEqual(texts('The Minister for Health, Walter Elliot, took up the line.'), ['Walter Elliot']);
      assert.deepEqual(texts('Marshal Badoglio and Bonomi; Churchill and Britain', { known: (k) => k === 'churchill' }), ['Marshal Badoglio', 'Bonomi', 'Churchill']);
    });
    it('takes the addressee after a verb of writing: "Churchill wrote to Stalin"', () => {
      assert.deepEqual(texts('Churchill wrote to Stalin on 18 July', { known: (k) => k === 'churchill' }), ['Churchill', 'Stalin']);
    });
    it('takes a name before "who"', () => {
      assert.deepEqual(texts('Eden says, "Timoshenko who was present'), ['Eden', 'Timoshenko']);
    });
    it('takes attributive "Hitler Germany" once Hitler is known', () => {
      assert.deepEqual(texts('the struggle against Hitler Germany', { known: (k) => k === 'hitler' }), ['Hitler']);
    });
  });

  describe('negative fixtures: no person', () => {
    const negatives = [
      'I realise that this message will cause Your Excellency some vexation.',
      'remettra au Doyen du Corps Diplomatique; Monsieur le Ministre et Cher Doyen: During the negotiations my predecessor said',
      'I fully support your proposal, said the Prime Minister.',
      'Mr President, I have not yet received the text',
      'the attitude of H. M. Government has been better adapted',
      'Washington, D. C.; the U.S.S.R. and the U. S. Government',
      'the Russians, the Germans and the Poles; Nazi Germany; the French',
      'the elimination of bloody Hitlerism; the Hitlerites; the anti-Hitler front',
      'Operation Overlord will begin; the Red Army and the Foreign Office',
      'Anglo-French officials put on a brave face; Anglo-Soviet relations',
      'the Soviet Government’s gratitude; Britain’s own interest; Russia’s frontiers',
      'P.S. You know most of this already.',
      'PRO FO 371 22980; War Cabinet Conclusions, no. 38',
    ];
    for (const text of negatives) it(JSON.stringify(text), () => assert.deepEqual(texts(text), []));
  });
});

describe('findPersons: offices, bodies, places and the layout of documentary editions', () => {
  describe('not persons', () => {
    const negatives: Array<[string, string]> = [
      ['an office after a title', 'the Minister of Finance thinks; British Minister Peking who; Minister Railways'],
      ['bodies', 'the War Trade Board charged; the Council of Ministers; Young Men’s Christian Association; the Russian Corporation'],
      ['sentence-initial words of reports', 'Informant states that the troops left. Unconfirmed reports say the Council met.'],
      ['ships', 'naming vessels Nascopie and Egba stated; the S.S. Simferopol, detained at Manila'],
      ['abbreviations and headings before a number', 'more than say Rs. 200,000,000 be issued. Article 1 The general supervision'],
      ['compounds with a prefix', 'Trans-Baikal answered they are in accord'],
      ['a participle, not a verb of saying', 'the proposed Siberian unit and the ruble'],
      ['an office addressed, not a name', 'My dear Mr. Acting Secretary: Dear Mr. Counselor: I have'],
      ['a title written out ends its sentence', '98. For Secretary and Under Secretary. Referring to Department’s No. 12.'],
      ['nationalities of the Americas', 'the Brazilian Government and the Bolivian Minister; Paraguayan troops'],
    ];
    for (const [what, text] of negatives) it(what, () => assert.deepEqual(texts(text), []));
  });

  it('a bare word after "the" names a body, a river or an office, unless it qualifies the noun after it', () => {
    const names = new Set(['boxers', 'peiho', 'yin', 'doyen', 'stevens', 'kolchak', 'sikorski', 'hitler', 'vansittart', 'mannerheim', 'litvinov']);
    const known = (k: string): boolean => names.has(k);
    assert.deepEqual(texts('The Boxers created trouble; the Boxers have been seen; the Peiho was frozen; the Doyen’s note came.', { known }), []);
    assert.deepEqual(texts('the Tao Yin of Harbin has reported', { known }), []);
    assert.deepEqual(texts('Mr. Hay, the Boxers and Mr. Conger.', { known }), ['Mr. Hay', 'Mr. Conger']);
    assert.deepEqual(texts('the Stevens commission; the Kolchak government.', { known }), ['Stevens', 'Kolchak']);
    assert.deepEqual(texts('the Sikorski and Hitler Governments have; the Mannerheim–Tanner gang', { known }), ['Sikorski', 'Hitler', 'Mannerheim']);
    assert.deepEqual(texts('a Litvinov to be receptive; the French Vansittart without courage', { known }), ['Litvinov', 'Vansittart']);
  });

  it('Roman numerals, the department of an office and words of diplomatic prose are no names, even when known', () => {
    const words = new Set(['vii', 'xxi', 'hacienda', 'fomento', 'extraordinary', 'plenipotentiary', 'series', 'disarmament']);
    const known = (k: string): boolean => words.has(k);
    assert.deepEqual(texts('under Article VII as proposed; Grades V, VI and VII; Chapter XXI.', { known }), []);
    assert.deepEqual(texts('Minister of Hacienda insists; ex-Minister of Hacienda; Ministry of Fomento.', { known }), []);
    assert.deepEqual(texts('Envoy Extraordinary and Minister Plenipotentiary; Treaty Series No. 898; the Disarmament Conference', { known }), []);
    assert.deepEqual(texts('a letter of Mr. Vii', { known }), ['Mr. Vii']);
  });

  it('an office made of a modifier and a role in apposition makes a name ("Hutchins, vice president, Bank of Commerce")', () => {
    assert.deepEqual(texts('Hutchins, vice president, Bank of Commerce, New York, here'), ['Hutchins']);
    assert.deepEqual(texts('Dorrance, acting consul at Riga, left'), ['Dorrance']);
  });

  it('"sent" and "sends" are verbs of writing: a bare word before them is a name', () => {
    assert.deepEqual(texts('Chicherin sent communication 12th to Consulate General. Radek sends Lockhart similar note.'), ['Chicherin', 'Radek', 'Lockhart']);
  });

  it('initials before a surname the editors completed in brackets are a name ("W. P[hillips]", "F. L. P[olk]")', () => {
    const found = findPersons('given to Mr. Barclay at his request. W. P[hillips]. Initialled F. L. P[olk] and filed.');
    assert.deepEqual(found.map((m) => [m.text, m.key, m.surname, m.initials]), [
      ['Mr. Barclay', 'barclay', 'Barclay', []],
      ['W. P[hillips]', 'phillips', 'Phillips', ['W']],
      ['F. L. P[olk]', 'polk', 'Polk', ['F', 'L']],
    ]);
  });

  it('a word before a note that says what someone is, is a name ("Chicherin¹" / "1. Soviet Commissar for Foreign Affairs.")', () => {
    const text = 'conferred with Gorev. Pskov has no rails; Varin and the Tolbin will sail.';
    const notes = new Map([
      [text.indexOf('Gorev') + 'Gorev.'.length, '1. Russian Minister of Supplies from March to July 1917.'],
      [text.indexOf('Pskov') + 'Pskov'.length, '2. See telegram from the Consul at Pskov, not printed.'],
      [text.indexOf('Varin') + 'Varin'.length, '3. Russian purchasing agents in the United States.'],
    ]);
    assert.deepEqual(texts(text, { noteAt: (offset) => notes.get(offset) }), ['Gorev', 'Varin']);
    assert.deepEqual(texts(text), []);
  });

  it('a note says what someone is by an office or trade in its first words, not when it refers to papers', () => {
    assert.ok(noteIdentifiesPerson('1. Soviet Commissar for Foreign Affairs.'));
    assert.ok(noteIdentifiesPerson('From March to May 1917 Russian Minister of Foreign Affairs.'));
    assert.ok(noteIdentifiesPerson('2. Russian purchasing agents in the United States.'));
    assert.ok(!noteIdentifiesPerson('3. See telegram No. 5 from the Ambassador in Japan.'));
    assert.ok(!noteIdentifiesPerson('Not printed.'));
    assert.ok(!noteIdentifiesPerson('The railway from Harbin to Vladivostok was closed by the Government in March.'));
  });

  it('a word after a romanised Chinese name of two syllables is the kind of place it names ("Lin-yu Hsien", "Ho-chien Fu")', () => {
    const known = (k: string): boolean => ['hsien', 'fu', 'kung'].includes(k);
    assert.deepEqual(texts('the magistrate of Lin-yu Hsien, acting; evacuation of Pao-ting Fu; the Ch’ien-ch’ing Kung hall', { known }), []);
    assert.deepEqual(texts('Governor Yü Hsien; Tung Fu-hsiang and Yü Hsien were', { known }), ['Governor Yü Hsien', 'Tung Fu-hsiang', 'Hsien']);
  });

  it('a romanised administrative suffix after a place\'s romanised name is a place ("Kaolin Fu", "Mo Tan Hsien", "Pei Chou")', () => {
    // Invented places: the suffix is known as a surname elsewhere, as it is when a person ends with the same syllable.
    const known = (k: string): boolean => ['fu', 'hsien', 'chou', 'ting', 'sheng', 'chow'].includes(k);
    assert.deepEqual(texts('the troops left Kaolin Fu and Mo Tan Hsien, near Pei Chou, for Hsiaoting Ting and Lan Kiu Sheng', { known }), []);
    assert.deepEqual(texts('the road from Wen Chow', { known }), []);
    // A hyphenated name, its second syllable capitalised; one syllable after an office of local administration.
    assert.deepEqual(texts('the prefect of Lo-Tê Fu and the district magistrate of Ko Hsien, both in Kaolin Ting', { known }), []);
    // Lists of places do not make names of one another.
    assert.deepEqual(texts('Mr. Brand and Sen Chou, Kaolin Fu, and Ta Mo Hsien were named', { known }), ['Mr. Brand']);
  });

  it('a person whose name ends with such a syllable stays a person ("Wu Hsien", "Li Hung-chang", "Yuan Shih-kai")', () => {
    const known = (k: string): boolean => ['hsien', 'fu', 'ting'].includes(k);
    // A family name of one syllable before a given name: no place's name of two syllables.
    assert.deepEqual(texts('the decree punished Wu Hsien and Chao Fu, who had protected the rebels', { known }), ['Hsien', 'Fu']);
    assert.deepEqual(texts('the dwelling of Wu Hsien; the house of Chao Fu at Peking', { known }), ['Hsien', 'Fu']);
    assert.deepEqual(texts('Li Hung-chang and Yuan Shih-kai met Governor Kaolin Ting', { known }), ['Li Hung-chang', 'Yuan Shih-kai', 'Governor Kaolin Ting']);
    assert.deepEqual(texts('a letter from Mr. Fu and Admiral Ting', { known }), ['Mr. Fu', 'Admiral Ting']);
    // Not romanised Chinese before it: "Yesterday Fu said".
    assert.deepEqual(texts('Yesterday Fu said that it rained', { known }), ['Fu']);
  });

  it('"Dean of the X Corps" is an office, a person named Dean is not', () => {
    const known = (k: string): boolean => k === 'dean';
    assert.deepEqual(texts('a note to the Dean of the Diplomatic Corps; the Dean of Consular Corps replied; Dean of the Legation Body', { known }), []);
    assert.deepEqual(texts('Dean Harlow of the Commercial College; Dean Acheson said', { known }), ['Dean Harlow', 'Dean Acheson']);
    assert.deepEqual(texts('Dean, of the Marine Corps, said', { known }), ['Dean']);
    assert.deepEqual(texts('Senior consul to Dean of diplomatic corps.', { known }), []);
  });

  it('"S. S." before a name is a steamship, spaced or not', () => {
    assert.deepEqual(texts('As to the S. S. Simferopol, detained at Manila; the S.S. Omsk sailed.'), []);
    assert.deepEqual(texts('signed by Mr. S. S. Hartley'), ['Mr. S. S. Hartley']);
  });

  it('a word before a kind of place or after "the island of" is a place ("the Kaolin River", "the Mo Tan provinces")', () => {
    const known = (k: string): boolean => ['kaolin', 'tan', 'lomen', 'brand'].includes(k);
    assert.deepEqual(texts('the Kaolin River; the Peiho and Lomen rivers; viceroy of the Mo Tan provinces; the island of Brand, Amoy', { known }), []);
    // A person's name before a noun that is not a place's kind, or the owner of a place, stays a person.
    assert.deepEqual(texts('Kaolin said the river was low; Lomen of the river board; Brand, district magistrate', { known }), ['Kaolin', 'Lomen', 'Brand']);
  });

  it('a viceroy or taotai before a place is the post, not a name ("Viceroy Nanking"); before a name, the person', () => {
    const place = (f: string): boolean => f === 'kaolin' || f === 'lomen';
    assert.deepEqual(texts('Viceroy Kaolin will be consulted; Taotai Lomen replied', { place }), []);
    assert.deepEqual(texts('Viceroy Liu will be consulted; Taotai Sheng replied', { place }), ['Viceroy Liu', 'Taotai Sheng']);
  });

  it('a French ministry is no name, even after a title or known ("Président du Ministère des Affaires")', () => {
    const known = (k: string): boolean => k === 'ministère';
    assert.deepEqual(texts('Président du Ministère des Affaires Étrangères; au Ministère de la Guerre', { known }), []);
  });

  it('a place after an office of several words is the post, not a name ("Secretary of State Washington")', () => {
    assert.deepEqual(texts('Hon. John Hay,\nSecretary of State Washington.'), ['Hon. John Hay']);
  });

  it('a lettered item of a list is no initial before a common word ("B. Accept all the obligations")', () => {
    const common = (f: string): boolean => f === 'accept';
    assert.deepEqual(texts('obligations as follows:\nB. Accept all the obligations', { common }), []);
    assert.deepEqual(texts('signed by\nB. Accept', {}), ['B. Accept']);
  });

  it('the number of a division is no initial ("Chapter I. Loans to the Provisional Government", "I. Efforts of …")', () => {
    const common = (f: string): boolean => f === 'loans' || f === 'treatment' || f === 'efforts';
    assert.deepEqual(texts('Chapter I. Loans to the Provisional Government', { common }), []);
    assert.deepEqual(texts('Chapter V. Treatment of Russian Shipping', { common }), []);
    assert.deepEqual(texts('I. Efforts of the League of Nations to settle the dispute', { common }), []);
    assert.deepEqual(texts('a letter from I. Loans, the banker', {}), ['I. Loans']);
  });

  it('reads a place the edition knows as a place, and a common word as a common word', () => {
    const place = (f: string): boolean => f === 'vologda' || f === 'kamchatka';
    const common = (f: string): boolean => f === 'following';
    assert.deepEqual(texts('accompanied by Lobanov and Vologda; Kamchatka’s population', { place, common }), []);
    assert.deepEqual(texts('Following telegraphed Stevens, Yokohama', { common, known: (k) => k === 'following' || k === 'stevens' }), ['Stevens']);
  });

  it('takes a known surname anywhere but at the start of a sentence when the word is also common', () => {
    const known = (k: string): boolean => k === 'long';
    const common = (f: string): boolean => f === 'long';
    assert.deepEqual(texts('brought it to the attention of Long who is in Paris', { known, common }), ['Long']);
    assert.deepEqual(texts('Long delays are expected.', { known, common }), []);
  });

  it('a known surname that opens a sentence as a participle, or a list item after its label, is a word of the sentence', () => {
    // Known from elsewhere, never printed with a title, initials or a given name: "Bearing in mind" opens a sentence.
    const known = (k: string): boolean => ['bearing', 'sterling', 'lansing', 'reading'].includes(k);
    assert.deepEqual(texts('He dreaded reopening the question. Bearing in mind your telegram, I asked.', { known }), []);
    assert.deepEqual(texts('He was told. Lansing replied that the Government agrees.', { known }), ['Lansing']);
    assert.deepEqual(texts('We spoke with Bearing in Paris.', { known }), ['Bearing']);
    // A strong name (with a title or given name elsewhere) stays a name where it opens a sentence.
    assert.deepEqual(texts('The Ambassador left. Reading in the meantime has written.', { known, strong: (k) => k === 'reading' }), ['Reading']);
    // "(7) Sterling and old rubles": a list item's first word is capitalised as a sentence's is.
    const common = (f: string): boolean => f === 'sterling';
    assert.deepEqual(texts('(6) Imported foodstuffs would be sold. (7) Sterling and old rubles received would become property.', { known, common }), []);
    assert.deepEqual(texts('payments in pounds to Sterling and his agents', { known, common }), ['Sterling']);
  });

  it('routing lines of telegrams', () => {
    assert.deepEqual(texts('1434. For Willard² [from Stevens]:'), ['Willard', 'Stevens']);
    assert.deepEqual(texts('[For] McAdoo from Cravath:'), ['McAdoo', 'Cravath']);
    assert.deepEqual(texts('547. [From War Trade Board] for Dye¹ [and] for Owen:'), ['Dye', 'Owen']);
    assert.deepEqual(texts('For the Secretary of State and Willard:'), ['Willard']);
    assert.deepEqual(texts('Following from Willard:'), ['Willard']);
    assert.deepEqual(texts('For these reasons I am hoping: nothing'), []);
    // A word of the vocabulary alone, routed to: the person ("Colonel House"); not a place, an office or a body.
    assert.deepEqual(texts('2841. For House:'), ['House']);
    assert.deepEqual(texts('2852. [From House]:'), ['House']);
    assert.deepEqual(texts('12. For Department:'), []);
    assert.deepEqual(texts('12. For Secretary:'), []);
    assert.deepEqual(texts('12. From Vladivostok:', { place: (f) => f === 'vladivostok' }), []);
  });

  it('the holder of an office in parentheses', () => {
    assert.deepEqual(texts('The Special Representative (House) to the Secretary of State'), ['House']);
    assert.deepEqual(texts('Memorandum by the Third Assistant Secretary of State (Long)'), ['Long']);
    assert.deepEqual(texts('Roger C. Tredwell, Consul at Petrograd (Vologda).', { place: (f) => f === 'vologda' }), ['Roger C. Tredwell']);
    assert.deepEqual(texts('the treaty (Versailles) and the Ambassador (Russia)'), []);
  });

  it('a person identified at the start of a note', () => {
    const m = only('2. Langdon Warner, Vice Consul at Harbin.');
    assert.deepEqual([m.text, m.forenames, m.key], ['Langdon Warner', ['Langdon'], 'warner']);
    assert.deepEqual(texts('1. Tsuneo Matsudaira, Japanese representative in Siberia.'), ['Tsuneo Matsudaira']);
    assert.deepEqual(texts('1. Russian Governor and General Manager of the Chinese Eastern Railway.'), []);
  });

  it('names of the Chinese tradition: family name first, a hyphenated given name', () => {
    const found = findPersons('Sheng Shih-tsai and Wong Wen-hao met Hu Tsung-nan’s men; filled by Mr. Ku[o] Chung-hsi.');
    assert.deepEqual(found.map((m) => [m.text, m.surname, m.forenames]), [
      ['Sheng Shih-tsai', 'Sheng', ['Shih-tsai']],
      ['Wong Wen-hao', 'Wong', ['Wen-hao']],
      ['Hu Tsung-nan', 'Hu', ['Tsung-nan']],
      ['Mr. Ku[o] Chung-hsi', 'Kuo', ['Chung-hsi']],
    ]);
    assert.deepEqual(texts('the Anglo-French and Sino-Japanese talks; Trans-Siberian'), []);
  });

  it('a given name before a word of the vocabulary: "Edward House", "Mr. Eugene Prince"', () => {
    assert.deepEqual(findPersons('Edward House', { nameLine: true }).map((m) => m.key), ['house']);
    assert.deepEqual(findPersons('They are Mr. Eugene Prince and Prof. F. A. Golder.').map((m) => m.key), ['prince', 'golder']);
  });

  it('peers and titles of the documentary editions', () => {
    assert.deepEqual(texts('will report to the Earl of Reading.'), ['Earl of Reading']);
    assert.deepEqual(texts('Consul Cole makes; Secretary McAdoo has; Maj. Gen. William S. Graves; Lieut. Col. Raymond Robins'),
      ['Consul Cole', 'Secretary McAdoo', 'Maj. Gen. William S. Graves', 'Lieut. Col. Raymond Robins']);
    assert.deepEqual(texts('former Secretary of State Root will'), ['Secretary of State Root']);
  });
});

