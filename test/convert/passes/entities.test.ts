import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Block, EntityInline, Inline, TeiDocument } from '../../../src/model/document.js';
import { entitiesPass } from '../../../src/convert/passes/entities.js';
import { PersonRegistry } from '../../../src/convert/entities/personography.js';
import { inlineText } from '../../../src/convert/entities/inline-view.js';
import { createContext } from '../../../src/convert/pass.js';

const text = (t: string): Inline => ({ type: 'text', text: t, line: 1, column: 1 });

function block(kind: Block['kind'], inlines: Inline[]): Block {
  return { kind, line: 1, endLine: 1, lines: [], column: 1, inlines };
}

function doc(blocks: Block[], extra: Partial<TeiDocument> = {}): TeiDocument {
  return {
    id: '000', sourceSlug: 'seed', sourceFile: 'seed.txt', startLine: 1, endLine: 10, kind: 'letter', blocks,
    sender: [], addressees: [], languages: ['en'], diagnostics: [], ...extra,
  };
}

function run(d: TeiDocument, persons = new PersonRegistry()): PersonRegistry {
  const source = { file: 'seed.txt', encoding: 'utf-8' as const, hadBom: false, byteLength: 0, lines: [] };
  entitiesPass.run(d, createContext(source, { fileName: 'seed.txt', persons }, persons, () => {}));
  return persons;
}

/** Every entity of a list of inlines, depth first, as [tag, text, attrs]. */
function entities(inlines: Inline[]): Array<[string, string, Record<string, string>]> {
  const out: Array<[string, string, Record<string, string>]> = [];
  for (const i of inlines) {
    if (i.type === 'entity') out.push([i.tag, inlineText(i.children), i.attrs]);
    if (i.type === 'hi' || i.type === 'entity') out.push(...entities(i.children));
    if (i.type === 'note') for (const p of i.parts) out.push(...entities(p.inlines));
    if (i.type === 'interruption') for (const b of i.blocks) out.push(...entities(b.inlines));
  }
  return out;
}

describe('entitiesPass', () => {
  it('tags persons and dates in a paragraph, with refs into the personography and the year of the document', () => {
    const p = block('p', [text("In a telegram dated December 20th, Mr. Eden reported that M. Stalin had agreed. Mr. Eden's visit")]);
    const d = doc([p], { date: { when: '1941-12-22', text: '22 December 1941', source: 'dateline' } });
    const persons = run(d);
    const eden = persons.list().find((x) => x.surname === 'Eden')!.id;
    assert.deepEqual(entities(p.inlines), [
      ['date', 'December 20th', { when: '1941-12-20' }],
      ['persName', 'Mr. Eden', { ref: `../persons.xml#${eden}` }],
      ['persName', 'M. Stalin', { ref: '../persons.xml#stalin' }],
      ['persName', 'Mr. Eden', { ref: `../persons.xml#${eden}` }],
    ]);
  });

  it('a year taken from the document’s own date is as certain as that date: high when printed, medium when inferred', () => {
    const certaintyOfYear = (date: TeiDocument['date']) => {
      const p = block('p', [text('The principle laid down in the memorandum of September 7 stands.')]);
      run(doc([p], { date }));
      const found = p.inlines.find((i): i is EntityInline => i.type === 'entity' && i.tag === 'date');
      return [found?.attrs.when, found?.inferred?.cert];
    };
    assert.deepEqual(certaintyOfYear({ when: '1900-09-29', text: 'September 29, 1900', source: 'dateline' }), ['1900-09-07', 'high']);
    assert.deepEqual(certaintyOfYear({ when: '1900-09-29', text: 'September 29', source: 'dateline', inferred: { cert: 'medium', evidence: 'internal' } }), ['1900-09-07', 'medium']);
  });

  it('recurses into bold headings, notes and page-foot interruptions, and skips names in italic titles', () => {
    const note: Inline = {
      type: 'note', n: '3', place: 'foot',
      parts: [block('noteBody', [text('Alistair Horne, '), { type: 'hi', rend: 'italic', children: [text('Between Churchill and Stalin')] }, text(', 18 Sept. 1939.')])],
    };
    const head = block('head', [{ type: 'hi', rend: 'bold', children: [text('PERSONAL MESSAGE FROM PREMIER STALIN TO Mr CHURCHILL')] }]);
    const p = block('p', [text('The results of Hitler’s attack'), note, { type: 'interruption', blocks: [block('address', [text('Mr Harriman')])] }]);
    run(doc([head, p]));
    assert.deepEqual(entities(head.inlines).map((e) => e[1]), ['PREMIER STALIN', 'Mr CHURCHILL']);
    assert.deepEqual(entities(p.inlines).map((e) => e[1]), ['Hitler', 'Alistair Horne', '18 Sept. 1939', 'Mr Harriman']);
  });

  it('takes bare mentions of a surname the document establishes ("Hitler Germany")', () => {
    const p = block('p', [text("the struggle against Hitler Germany. The results of Hitler's unexpected violation")]);
    run(doc([p]));
    assert.deepEqual(entities(p.inlines).map((e) => e[1]), ['Hitler', 'Hitler']);
  });

  it('sets the refs of the correspondents and reads signatures and salutations as names', () => {
    const d = doc([block('salute', [text('My dear Welles,')]), block('p', [text('Thank you.')]), block('signed', [text('(SGD) HALIFAX')])], {
      sender: [{ name: 'HALIFAX' }],
      addressees: [{ name: 'Sumner Welles' }],
    });
    const persons = run(d);
    assert.equal(d.sender[0]!.ref, '../persons.xml#halifax');
    assert.match(d.addressees[0]!.ref ?? '', /#welles-s$/);
    assert.deepEqual(entities(d.blocks[0]!.inlines), [['persName', 'Welles', { ref: d.addressees[0]!.ref! }]]);
    assert.deepEqual(entities(d.blocks[2]!.inlines), [['persName', 'HALIFAX', { ref: d.sender[0]!.ref! }]]);
    assert.deepEqual(persons.correspondentsWithoutAuthority().map((p) => p.id).sort(), ['halifax', 'welles-s']);
  });

  it('takes bare surnames that another document of the source names in full', () => {
    const ctxSource = { file: 's.txt', encoding: 'utf-8' as const, hadBom: false, byteLength: 0, lines: ['General Sikorski arrived.', '', 'Sikorski agreed.'] };
    const persons = new PersonRegistry();
    const second = doc([block('p', [text('Sikorski agreed.')])]);
    entitiesPass.run(second, createContext(ctxSource, { fileName: 's.txt', persons }, persons, () => {}));
    assert.deepEqual(entities(second.blocks[0]!.inlines).map((e) => e[1]), ['Sikorski']);
  });

  it('tags a date in italics alone (emphasis) but not inside an italic title', () => {
    const p = block('p', [
      text('Churchill wrote on '), { type: 'hi', rend: 'italic', children: [text('18 July 1942')] },
      text(' and in '), { type: 'hi', rend: 'italic', children: [text('Carnets, septembre 1939–mars 1940')] },
    ]);
    run(doc([p]));
    assert.deepEqual(entities(p.inlines).filter((e) => e[0] === 'date'), [['date', '18 July 1942', { when: '1942-07-18' }]]);
  });

  it('leaves names and dates in the quoted title of a cited article, not the author or the date of the citation', () => {
    const note: Inline = {
      type: 'note', n: '21', place: 'foot',
      parts: [block('noteBody', [text("Sidney Aster, 'Ivan Maisky and Parliamentary Anti-Appeasement, September 1938–June 1939', in A. J. Taylor (ed.), 317-57; Sir S. Cripps to Collier, 16 July 1940.")])],
    };
    const p = block('p', [text('As shown.'), note]);
    run(doc([p]));
    assert.deepEqual(entities(p.inlines).map((e) => e[1]), ['Sidney Aster', 'A. J. Taylor', 'Sir S. Cripps', 'Collier', '16 July 1940']);
  });

  it('keeps the role an apposition gives a person', () => {
    const p = block('p', [text('It prompted Lord Halifax, the Foreign Secretary, to invite I. M. Maiskii, the Soviet ambassador in London, for a talk. Eden, who was present, agreed.')]);
    const persons = run(doc([p]));
    assert.deepEqual(persons.list().map((x) => [x.surname, x.roles]), [
      ['Eden', []],
      ['Halifax', ['Foreign Secretary']],
      ['Maiskii', ['Soviet ambassador in London']],
    ]);
  });

  it('wraps a name or date broken by a line break in a hard-wrapped letter, keeping the break inside', () => {
    const p = block('p', [text('telegram of December'), { type: 'lb' }, text('20th that'), { type: 'lb' }, text('he saw Mr.'), { type: 'lb' }, text('Eden.')]);
    const d = doc([p], { date: { when: '1941-12-22', text: '', source: 'dateline' } });
    run(d);
    assert.deepEqual(entities(p.inlines).map((e) => [e[0], e[1], e[2]['when'] ?? '']), [
      ['date', 'December20th', '1941-12-20'],
      ['persName', 'Mr.Eden', ''],
    ]);
    const ent = p.inlines.find((i) => i.type === 'entity') as EntityInline;
    assert.deepEqual(ent.children.map((c) => c.type), ['text', 'lb', 'text']);
  });

  it('tags the place of a dateline', () => {
    const b = block('dateline', [text('Moscow, December 23, 1941.')]);
    run(doc([b]));
    assert.deepEqual(entities(b.inlines), [
      ['placeName', 'Moscow', {}],
      ['date', 'December 23, 1941', { when: '1941-12-23' }],
    ]);
  });

  it('uses the last full date of an undated document for the year of the next date', () => {
    const p = block('p', [text('In August 1939 the world changed. On 23 August Molotov signed a pact.')]);
    run(doc([p], { kind: 'article' }));
    assert.deepEqual(entities(p.inlines).filter((e) => e[0] === 'date'), [
      ['date', 'August 1939', { when: '1939-08' }],
      ['date', '23 August', { when: '1939-08-23' }],
    ]);
  });

  it('tags nothing in texts without names or dates (negative fixture)', () => {
    const p = block('p', [text('The best time to open this front is now. I realise that this message will cause Your Excellency some vexation; the Prime Minister agrees, and the Russians know it.')]);
    run(doc([p]));
    assert.deepEqual(entities(p.inlines), []);
  });

  it('never changes the text content (property)', () => {
    const words = fc.constantFrom(
      'Mr', 'Mr.', 'M.', 'J.', 'V.', 'STALIN', 'Stalin', "Stalin's", 'Eden', 'Sir', 'Orme', 'Sargent', 'Hitler', 'Germany', 'the',
      'Prime', 'Minister', 'December', '20th', '28th/29th', 'May', '10-15', '1941', '23.12.41', 'on', 'said', 'du', 'au', 'novembre',
      ',', '.', '\n', '’s', 'Alistair', 'Horne', '(SGD)', 'HALIFAX', 'Wednesday,', '4th', 'October,', '1944',
    );
    const sentence = fc.array(words, { maxLength: 30 }).map((w) => w.join(' '));
    const inlineArb: fc.Arbitrary<Inline[]> = fc.array(
      fc.oneof(
        sentence.map((s) => text(s)),
        sentence.map((s): Inline => ({ type: 'hi', rend: 'italic', children: [text(s)] })),
        sentence.map((s): Inline => ({ type: 'hi', rend: 'bold', children: [text(s)] })),
        fc.constant<Inline>({ type: 'lb' }),
        sentence.map((s): Inline => ({ type: 'note', n: '1', place: 'foot', parts: [block('noteBody', [text(s)])] })),
      ),
      { maxLength: 6 },
    );
    const kind = fc.constantFrom<Block['kind']>('p', 'head', 'signed', 'salute', 'dateline', 'closing', 'noteBody');
    fc.assert(
      fc.property(fc.array(fc.tuple(kind, inlineArb), { maxLength: 4 }), fc.option(fc.constantFrom('1941-12-22', '1942-01-05')), (spec, when) => {
        const blocks = spec.map(([k, inl]) => block(k, inl));
        const before = blocks.map((b) => inlineText(b.inlines));
        run(doc(blocks, when ? { date: { when, text: when, source: 'dateline' } } : {}));
        assert.deepEqual(blocks.map((b) => inlineText(b.inlines)), before);
        // every entity wraps a non-empty text and no entity is nested inside another
        const check = (inlines: Inline[], inside: boolean): void => {
          for (const i of inlines) {
            if (i.type === 'entity') {
              assert.ok(!inside && inlineText((i as EntityInline).children).length > 0);
              check(i.children, true);
            } else if (i.type === 'hi') check(i.children, inside);
            else if (i.type === 'note') for (const p of i.parts) check(p.inlines, inside);
          }
        };
        for (const b of blocks) check(b.inlines, false);
      }),
      { numRuns: 300 },
    );
  });
});
