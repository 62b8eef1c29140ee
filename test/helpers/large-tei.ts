/**
 * Large TEI made on the fly (tests and benchmarks never commit one): an edition folder holding persons.xml and
 * one document of about the size asked for, valid against schema/chancery.rng and chancery.sch, written in
 * chunks so that making a 50 MB file does not itself hold 50 MB.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const PERSONS = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Personography</title></titleStmt><publicationStmt><publisher>Test</publisher></publicationStmt><sourceDesc><p>Made by a test.</p></sourceDesc></fileDesc></teiHeader>
<text><body><listPerson>
<person xml:id="wilson-g"><persName type="main"><forename>G.</forename><surname>Wilson</surname></persName></person>
<person xml:id="eden"><persName type="main"><surname>Eden</surname></persName></person>
</listPerson></body></text></TEI>
`;

function head(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-big">
<teiHeader>
<fileDesc><titleStmt><title>${title}</title></titleStmt><publicationStmt><publisher>Test</publisher></publicationStmt><sourceDesc><bibl type="digital"><title>${title}</title><idno type="source">big.txt#L1-L2</idno></bibl></sourceDesc></fileDesc>
<profileDesc><correspDesc><correspAction type="sent"><persName ref="../persons.xml#wilson-g">G. Wilson</persName><date when="1944-09-24">24 September 1944</date></correspAction><correspAction type="received"><persName ref="../persons.xml#eden">Eden</persName></correspAction></correspDesc><langUsage><language ident="en">English</language></langUsage><textClass><keywords><term type="kind">note</term></keywords></textClass></profileDesc>
<revisionDesc><change>Made by a test.</change></revisionDesc>
</teiHeader>
<text xml:lang="en"><body>
<head>${title}</head>
`;
}

function paragraph(n: number): string {
  return (
    `<p n="${n}">It is our policy, wrote <persName ref="../persons.xml#wilson-g">Mr. Wilson</persName> on <date when="1944-09-24">24 September 1944</date>, ` +
    `to build up a Western European security bloc; <persName ref="../persons.xml#eden">Eden</persName> agreed with his ideas but expected difficulties ` +
    `due to the fact that "our military get on so badly with the Russians" (paragraph ${n}).</p>\n`
  );
}

const TAIL = '</body></text>\n</TEI>\n';

/** Writes `<dir>/persons.xml` and `<dir>/vol/big.xml` of about `bytes` bytes; returns the document's path. */
export function writeLargeTei(dir: string, bytes: number, title = 'A very long note'): string {
  mkdirSync(join(dir, 'vol'), { recursive: true });
  writeFileSync(join(dir, 'persons.xml'), PERSONS);
  const file = join(dir, 'vol', 'big.xml');
  const fd = openSync(file, 'w');
  try {
    let written = writeSync(fd, head(title));
    let n = 1;
    let chunk = '';
    while (written + chunk.length + TAIL.length < bytes) {
      chunk += paragraph(n++);
      if (chunk.length > 1 << 20) {
        written += writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk + TAIL);
  } finally {
    closeSync(fd);
  }
  return file;
}
