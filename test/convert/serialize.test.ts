/**
 * serialize: the document model → TEI. Every output is valid against chancery.rng; the body follows TEI's
 * division order (opener, text, closer; text after a closer opens a new part); duplicate passages point
 * at an xml:id on the passage they repeat; the teiHeader carries the header facts.
 */
import assert from 'node:assert/strict';
import type libxmljs from 'libxmljs2';
import { teiId, type TeiDocument } from '../../src/model/document.js';
import { serializeTei } from '../../src/convert/serialize.js';
import { chanceryErrors, parseXml } from '../helpers/schema.js';
import { runUpTo } from './passes/run-passes.js';

const NS = { t: 'http://www.tei-c.org/ns/1.0' };
const GENERATED_ON = '2026-01-01';
const para = (s: string) => `${s}\n\n`;

/** All documents of a text through every pass but entities, serialized and checked against chancery.rng. */
function teiOf(text: string, file = 't.txt'): string[] {
  return runUpTo(text, 'layout', file).docs.map((d) => {
    const xml = serializeTei(d, { generatedOn: GENERATED_ON });
    assert.deepEqual(chanceryErrors(xml), [], xml);
    return xml;
  });
}

function xpath(xml: string) {
  const doc = parseXml(xml);
  const all = (path: string) => doc.find(path, NS) as libxmljs.Element[];
  return {
    all,
    one: (path: string) => {
      const found = all(path);
      assert.equal(found.length, 1, `${path}: ${found.length} matches in\n${xml}`);
      return found[0]!;
    },
    /** Element names of the children of the node at path. */
    children: (path: string) => all(`${path}/*`).map((e) => e.name()),
    attr: (path: string, name: string) => all(path)[0]?.attr(name)?.value(),
  };
}

const LETTER =
  para('SECRET') + //                                  1
  para('Moscow, December 23rd, 1941.') + //            3
  para('My dear Welles,') + //                         5
  para('You will remember our talk.') + //             7
  para('Yours very sincerely,') + //                   9
  '(SGD) HALIFAX\n'; //                               11

describe('serialize', () => {
  it('writes a letter as opener, paragraph and closer, valid against chancery.rng', () => {
    const [xml] = teiOf(LETTER);
    const x = xpath(xml!);
    assert.deepEqual(x.children('//t:body'), ['opener', 'p', 'closer']);
    assert.deepEqual(x.children('//t:opener'), ['seg', 'dateline', 'salute']);
    assert.equal(x.attr('//t:opener/t:seg', 'type'), 'classification');
    assert.deepEqual(x.children('//t:closer'), ['salute', 'signed']);
    assert.equal(x.one('//t:closer/t:signed').text(), '(SGD) HALIFAX');
    assert.equal(x.attr('//t:text', 'lang'), 'en');
  });

  it('writes the header facts: title, correspondents, place, date, language, kind, classification, source lines', () => {
    const x = xpath(teiOf(LETTER)[0]!);
    assert.equal(x.one('//t:titleStmt/t:title').text(), 'Halifax to Welles, 23 December 1941');
    assert.equal(x.one('//t:correspAction[@type="sent"]/t:persName').text(), 'HALIFAX');
    assert.equal(x.one('//t:correspAction[@type="sent"]/t:placeName').text(), 'Moscow');
    assert.equal(x.attr('//t:correspAction[@type="sent"]/t:date', 'when'), '1941-12-23');
    assert.equal(x.one('//t:correspAction[@type="received"]/t:persName').text(), 'Welles');
    assert.equal(x.attr('//t:langUsage/t:language', 'ident'), 'en');
    assert.equal(x.one('//t:term[@type="kind"]').text(), 'letter');
    assert.equal(x.one('//t:term[@type="classification"]').text(), 'SECRET');
    assert.equal(x.one('//t:idno[@type="source"]').text(), 't.txt#L1-L11');
    assert.equal(x.attr('//t:revisionDesc/t:change', 'when'), GENERATED_ON);
    assert.equal(x.attr('/t:TEI', 'id'), 'doc-t-000');
  });

  it('writes an office as rs type="role", a person with the office held as roleName inside persName, and no "Unknown"', () => {
    const [xml] = teiOf(para('The Ambassador in the Soviet Union (Harriman) to the Secretary of State') + para('Moscow, December 23, 1941—noon.') + 'I saw Mr. Molotov last night.\n');
    const x = xpath(xml!);
    assert.equal(x.one('//t:correspAction[@type="sent"]/t:persName/t:roleName').text(), 'Ambassador in the Soviet Union');
    assert.equal(x.one('//t:correspAction[@type="sent"]/t:persName').text(), 'Ambassador in the Soviet Union Harriman');
    assert.equal(x.one('//t:correspAction[@type="sent"]/t:date').attr('when')?.value(), '1941-12-23T12:00:00');
    assert.equal(x.one('//t:correspAction[@type="received"]/t:rs[@type="role"]').text(), 'Secretary of State');
    const [unknown] = teiOf(para('TO Mr WINSTON CHURCHILL') + para('Text of the message.') + 'July 18, 1941\n');
    assert.deepEqual(xpath(unknown!).all('//t:correspAction[@type="sent"]/*').map((e) => e.name()), ['date']);
  });

  it('writes a memorandum\'s writer as its author, with no addressee, and a receipt date as the received date', () => {
    const [memo] = teiOf(para('Memorandum by the Secretary of State') + para('[Washington,] April 12, 1934.') + para('The Argentine Ambassador called.') + 'C[ordell] H[ull]\n');
    const m = xpath(memo!);
    assert.equal(m.one('//t:titleStmt/t:author/t:persName/t:roleName').text(), 'Secretary of State');
    assert.deepEqual(m.all('//t:correspAction').map((a) => a.attr('type')?.value()), ['sent']);
    const [telegram] = teiOf(para('The Consul at Harbin (Moser) to the Secretary of State') + para('[Telegram]') + para('Harbin, December 30, 1917, 7 p.m.\n[Received January 2, 8.15 a.m.]') + para('The line is cut.') + 'Moser\n');
    const date = xpath(telegram!).one('//t:correspAction[@type="received"]/t:date');
    assert.equal(date.attr('when')?.value(), '1918-01-02T08:15:00');
    assert.equal(date.attr('cert')?.value(), 'high');
  });

  it('opens a new div type="part" for text after a closer', () => {
    const [xml] = teiOf(LETTER + '\nEnclosure text follows here.\n');
    const x = xpath(xml!);
    assert.deepEqual(x.children('//t:body'), ['div', 'div']);
    assert.deepEqual(x.all('//t:body/t:div').map((d) => d.attr('type')?.value()), ['part', 'part']);
    assert.deepEqual(x.children('//t:body/t:div[1]'), ['opener', 'p', 'closer']);
    assert.deepEqual(x.children('//t:body/t:div[2]'), ['p']);
  });

  it('gives a message of heading and closer only an empty paragraph where its text would stand', () => {
    const [xml] = teiOf(para('Dear Sir,') + para('Yours sincerely,') + 'J. STALIN\n');
    assert.deepEqual(xpath(xml!).children('//t:body'), ['opener', 'p', 'closer']);
  });

  it('keeps paragraphs after a postscript inside the postscript, after the closer', () => {
    const [xml] = teiOf(para('Dear Sir,') + para('Text.') + para('Yours sincerely,') + para('J. STALIN') + para('P.S. One more thing.') + 'And another paragraph.\n');
    const x = xpath(xml!);
    assert.deepEqual(x.children('//t:body'), ['opener', 'p', 'closer', 'postscript']);
    assert.deepEqual(x.children('//t:postscript'), ['p', 'p']);
  });

  it('writes an address block after the signature as a note inside the closer, one addrLine per line', () => {
    const [xml] = teiOf(para('Dear Sir,') + para('Text.') + para('Yours sincerely,') + para('J. STALIN') + 'The Honourable,\nSumner Welles,\nUnder Secretary of State,\nWashington, D.C.\n');
    const x = xpath(xml!);
    assert.deepEqual(x.children('//t:closer'), ['salute', 'signed', 'note']);
    assert.equal(x.all('//t:closer/t:note[@type="address"]/t:address/t:addrLine').length, 4);
  });

  const shapes: [string, string][] = [
    ['a reference between paragraphs', 'Dear Sir,\n\nText.\n\n6253/14/41\n\nMore text.'],
    ['marginalia before the opener', '{12}\n/3/\n\nDear Sir,\n\nText.'],
    ['a note without reference first', '³ An orphan note.\n\nDear Sir,\n\nText.'],
    ['a salutation after text', 'Text first.\n\nDear Sir,\n\nText.'],
    ['sections with a closer in one of them', 'THE WAR\n\nText.\n\nII\n\nMore.\n\nYours sincerely,\n\nJ. STALIN\n\nIII\n\nEven more.'],
    ['a closer before the first section', 'A TITLE\n\nYours sincerely,\n\nII\n\nText.'],
    ['a classification among paragraphs', 'Dear Sir,\n\nText.\n\nSECRET\n\nMore.'],
    ['a closing alone', 'Yours sincerely,'],
    ['a note body alone', '¹ A note.'],
    ['empty emphasis', '** **\n\nText ****.'],
  ];
  for (const [what, text] of shapes) {
    it(`writes valid TEI for ${what}`, () => {
      assert.ok(teiOf(text).length > 0);
    });
  }

  it('puts an xml:id on the passage a duplicate repeats and points the duplicate at it', () => {
    const original = 'At the banquet last night the Marshal proposed a toast to the health of the President and spoke warmly of the friendship between our peoples.';
    const garbled = 'At the bandage last night the Marshal proposed a toast to the wealth of the President and spoke warmly of the friendship between our peoples.';
    const next = 'The Prime Minister then spoke of the convoys to Murmansk and of the losses they had suffered in the summer months of that year.';
    const nextGarbled = 'The Prime Minister then spoke of the convoys to Murmansk and of the bosses they had suffered in the summer mouths of that year.';
    const [xml] = teiOf(para('Dear Sir,') + para(original) + para(next) + para('The weather was cold.') + para(garbled) + nextGarbled + '\n');
    const x = xpath(xml!);
    const target = x.one('//t:body/t:p[1]');
    assert.equal(target.attr('id')?.value(), 'doc-t-000-p1');
    const dup = x.one('//t:note[@type="duplicate"][1]');
    assert.equal(dup.attr('corresp')?.value(), '#doc-t-000-p1');
    assert.deepEqual(x.children('//t:note[@type="duplicate"][1]'), ['p']);
    assert.equal(dup.text(), garbled);
    assert.equal(x.one('//t:note[@type="duplicate"][2]').attr('corresp')?.value(), '#doc-t-000-p2');
  });

  it('writes a heading that opens with a classification with a seg for it', () => {
    const docs = teiOf(
      para('PERSONAL AND SECRET MESSAGE FROM STALIN TO Mr CHURCHILL') + para('Text one.') + para('STALIN TO ROOSEVELT') + para('Text two.') + para('STALIN TO CHURCHILL') + 'Text three.\n',
    );
    const x = xpath(docs[0]!);
    assert.equal(x.one('//t:body/t:head/t:seg[@type="classification"]').text(), 'PERSONAL AND SECRET');
    assert.equal(x.one('//t:body/t:head').text(), 'PERSONAL AND SECRET MESSAGE FROM STALIN TO Mr CHURCHILL');
  });

  it('writes a volume’s front matter as div type="front" and records the volume in the sources', () => {
    const docs = teiOf(para('SELECTED TELEGRAMS') + para('Preface.') + para('STALIN TO CHURCHILL') + para('Text one.') + para('STALIN TO ROOSEVELT') + para('Text two.') + para('STALIN TO CHURCHILL') + 'Text three.\n');
    const front = xpath(docs[0]!);
    assert.deepEqual(front.children('//t:body'), ['div']);
    assert.equal(front.attr('//t:body/t:div', 'type'), 'front');
    assert.equal(front.one('//t:titleStmt/t:title').text(), 'SELECTED TELEGRAMS: front matter');
    const second = xpath(docs[1]!);
    assert.equal(second.attr('//t:sourceDesc/t:bibl', 'type'), 'print');
    assert.equal(second.one('//t:sourceDesc/t:bibl/t:title').text(), 'SELECTED TELEGRAMS');
    assert.deepEqual([second.attr('//t:biblScope', 'from'), second.attr('//t:biblScope', 'to')], ['5', '7']);
    assert.equal(second.attr('/t:TEI', 'id'), 'doc-t-001');
  });

  it('writes sections as div type="section" with their number and heading', () => {
    const long = 'The Soviet Union has borne the brunt of the war for three years and its armies have advanced from the Volga to the Vistula, which no one had thought possible in the dark days of 1941.';
    const [xml] = teiOf(para('THE SOVIET UNION AND THE WAR') + para('BY JOHN SMITH') + para(long) + para('II') + 'More text.\n');
    const x = xpath(xml!);
    assert.deepEqual(x.children('//t:body'), ['head', 'byline', 'p', 'div']);
    assert.deepEqual([x.attr('//t:body/t:div', 'type'), x.attr('//t:body/t:div', 'n')], ['section', 'II']);
    assert.deepEqual(x.children('//t:body/t:div'), ['head', 'p']);
  });

  it('writes notes at their reference with their label, and a reference without a note as superscript', () => {
    const [xml] = teiOf(para('Dear Sir,') + para('I gave him your message.¹ He agreed.² More.') + '¹ Not printed.\n');
    const x = xpath(xml!);
    const note = x.one('//t:body/t:p/t:note');
    assert.deepEqual([note.attr('place')?.value(), note.attr('n')?.value()], ['foot', '1']);
    assert.equal(x.one('//t:body/t:p/t:note/t:label').text(), '¹');
    assert.equal(x.one('//t:body/t:p/t:hi[@rend="superscript"]').text(), '2');
  });

  it('writes a note with its translation as two paragraphs with their languages', () => {
    const [xml] = teiOf(
      para('Dear Sir,') +
        para('The treaty was signed at Moscow on 12 March 1940 by Molotov and Ryti.¹') +
        para('¹ The treaty was signed in Moscow on 12 March 1940 by Molotov and Ryti for the two governments.') +
        'Le traité fut signé à Moscou le 12 mars 1940 par Molotov et Ryti pour les deux gouvernements.\n',
    );
    const x = xpath(xml!);
    assert.deepEqual(x.all('//t:note[@n="1"]/t:p').map((p) => p.attr('lang')?.value()), ['en', 'fr']);
    assert.deepEqual(x.all('//t:langUsage/t:language').map((l) => l.attr('ident')?.value()), ['en', 'fr']);
  });

  it('writes page-foot matter inside the joined paragraph: fw and pb n for a page number, fw type="catch"', () => {
    const [xml] = teiOf(para('Dear Sir,') + 'We spoke for an hour about the matters that concern\nRussian/\n\n-4-\n\nboth our countries.\n');
    const x = xpath(xml!);
    assert.deepEqual(x.children('//t:body/t:p'), ['fw', 'fw', 'pb']);
    assert.deepEqual(x.all('//t:body/t:p/t:fw').map((f) => f.attr('type')?.value()), ['catch', 'pageNum']);
    assert.equal(x.attr('//t:body/t:p/t:pb', 'n'), '4');
  });

  it('writes lb break="no" inside a hyphenated word, and italic as hi rend="italic"', () => {
    const [xml] = teiOf(para('Dear Sir,') + 'The *war-\ntime* spirit.\n');
    const x = xpath(xml!);
    assert.equal(x.attr('//t:hi[@rend="italic"]/t:lb', 'break'), 'no');
    assert.equal(x.one('//t:body/t:p').text(), 'The war-time spirit.');
  });

  it('starts a line after lb on a new line of the file: read as text, the words of two lines stay apart', () => {
    const [xml] = teiOf(para('Sir: I have the honor to report.') + para('I have the honor to be, etc.,') + 'David J. Hill,\nActing Secretary.\n');
    const x = xpath(xml!);
    assert.equal(x.one('//t:signed').text(), 'David J. Hill,\nActing Secretary.');
    assert.match(xml!, /<signed>David J\. Hill,\n<lb\/>Acting Secretary\.<\/signed>/);
  });

  it('writes what the model says was inferred with cert, evidence and resp, on the element inferred', () => {
    const doc = runUpTo(LETTER, 'layout').docs[0]!;
    doc.date = { ...doc.date!, inferred: { cert: 'medium', evidence: 'internal' } };
    const x = xpath(serializeTei(doc, { generatedOn: GENERATED_ON }));
    const date = x.one('//t:correspAction[@type="sent"]/t:date');
    assert.deepEqual(['cert', 'evidence', 'resp'].map((a) => date.attr(a)?.value()), ['medium', 'internal', '#doc-t-000-chancery']);
    assert.equal(x.attr('//t:titleStmt/t:respStmt', 'id'), 'doc-t-000-chancery');
    assert.equal(x.attr('//t:correspAction[@type="received"]/t:persName', 'cert'), 'high', 'the addressee from the salutation');
    assert.equal(x.attr('//t:correspAction[@type="sent"]/t:persName', 'cert'), undefined, 'the sender from the signature');
  });

  it('gives the respStmt no xml:id where nothing points to it', () => {
    const [xml] = teiOf(para('J. V. STALIN TO F. ROOSEVELT') + 'Text.\n');
    assert.doesNotMatch(xml!, /xml:id="[^"]*-chancery"|resp=/);
  });

  it('escapes the source’s markup characters in text', () => {
    const [xml] = teiOf(para('Dear Sir,') + 'Tom & Jerry <b> "quoted"\n');
    assert.equal(xpath(xml!).one('//t:body/t:p').text(), 'Tom & Jerry <b> "quoted"');
  });

  it('names the schema in the xml-model instruction, by default relative to the edition layout', () => {
    const doc = runUpTo(LETTER, 'layout').docs[0]!;
    assert.match(serializeTei(doc, { generatedOn: GENERATED_ON }), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<\?xml-model href="..\/..\/schema\/chancery.rng" /);
    assert.match(serializeTei(doc, { generatedOn: GENERATED_ON, schemaHref: 'x.rng' }), /<\?xml-model href="x.rng" /);
  });

  it('is deterministic for a fixed generation date', () => {
    const doc = () => runUpTo(LETTER, 'layout').docs[0]!;
    assert.equal(serializeTei(doc(), { generatedOn: GENERATED_ON }), serializeTei(doc(), { generatedOn: GENERATED_ON }));
  });

  it('teiId is unique per source and ordinal, in xml:id characters', () => {
    const d = { sourceSlug: 'war telegrams', id: '004' } as TeiDocument;
    assert.equal(teiId(d), 'doc-war-telegrams-004');
  });
});
