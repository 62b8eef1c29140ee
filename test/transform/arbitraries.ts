/** fast-check generators of TEI documents in the edition's encoding (docs/encoding.md). */
import fc from 'fast-check';

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,11}$/);
const lower = fc.stringMatching(/^[a-z]{2,8}$/);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: phrase.map(esc) },
  { weight: 1, arbitrary: phrase.map((p) => `<hi rend="italic">${p}</hi>`) },
  { weight: 1, arbitrary: phrase.map((p) => `<persName ref="../persons.xml#p1">${p}</persName>`) },
  { weight: 1, arbitrary: phrase.map((p) => `<date when="1941-07-18">${p}</date>`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), phrase).map(([n, p]) => `<note place="foot" n="${n}"><label>${n}</label>${p}</note>`) },
  { weight: 1, arbitrary: fc.tuple(word, lower).map(([a, b]) => `${a}-<lb break="no"/>${b}`) },
  { weight: 1, arbitrary: fc.constant('<lb/>') },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 400 }).map((n) => `<pb n="${n}"/>`) },
  { weight: 1, arbitrary: phrase.map((p) => `<fw type="catch">${p}</fw>`) },
  { weight: 1, arbitrary: phrase.map((p) => `<note type="marginal" place="margin">${p}</note>`) },
  { weight: 1, arbitrary: fc.constant('<gap reason="omitted"/>') },
);
const para = fc.array(inline, { minLength: 1, maxLength: 8 }).map((xs) => xs.join(' '));
const block = fc.oneof(
  { weight: 5, arbitrary: para.map((p) => `<p>${p}</p>`) },
  // a passage with its id and its duplicate; `ID` is made unique per block by teiDoc
  { weight: 1, arbitrary: para.map((p) => `<p xml:id="ID">${p}<note place="foot" n="1"><p xml:id="nID">${p}</p></note></p><note type="duplicate" corresp="#ID">${p}</note>`) },
  { weight: 1, arbitrary: fc.tuple(phrase, phrase).map(([d, s]) => `<opener><dateline>${d}</dateline><salute>${s}</salute></opener>`) },
  { weight: 1, arbitrary: fc.tuple(phrase, phrase).map(([s, n]) => `<closer><salute>${s}</salute><signed>${n}</signed></closer>`) },
  { weight: 1, arbitrary: para.map((p) => `<note type="duplicate" corresp="#x">${p}</note>`) },
  { weight: 1, arbitrary: para.map((p) => `<postscript><p>${p}</p></postscript>`) },
  { weight: 1, arbitrary: fc.array(phrase, { minLength: 1, maxLength: 3 }).map((ls) => `<p>text <note type="address"><address>${ls.map((l) => `<addrLine>${l}</addrLine>`).join('')}</address></note></p>`) },
  { weight: 1, arbitrary: fc.tuple(phrase, para).map(([h, p]) => `<div type="section"><head>${h}</head><p>${p}</p></div>`) },
  // an enclosure with its marker, head, dateline, text and signature, after the text it is enclosed in
  {
    weight: 1,
    arbitrary: fc
      .tuple(para, phrase, phrase, para, phrase)
      .map(([cover, h, d, p, s]) => `<div type="covering"><p>${cover}</p></div><div type="enclosure" n="1"><note type="source">[Enclosure 1]</note><head>${h}</head><opener><dateline>${d}</dateline></opener><p>${p}</p><closer><signed>${s}</signed></closer></div>`),
  },
);
/** A whole TEI document: a head and up to six blocks of the kinds docs/encoding.md lists. */
export const teiDoc = fc.tuple(phrase, fc.array(block, { minLength: 1, maxLength: 6 })).map(
  ([head, blocks]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Generated</title></titleStmt>` +
    `<publicationStmt><publisher>Test</publisher></publicationStmt><sourceDesc><bibl type="print"><title>Source</title><idno type="source">x.txt#L1-L2</idno></bibl></sourceDesc></fileDesc>` +
    `<profileDesc><textClass><keywords><term type="kind">letter</term></keywords></textClass></profileDesc></teiHeader>` +
    `<text><body><head>${head}</head>${blocks.map((b, i) => b.replace(/ID/g, `b${i}`)).join('\n')}</body></text></TEI>\n`,
);

