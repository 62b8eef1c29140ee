import { strict as assert } from 'node:assert';
import { NameKnowledge, STRETCH_CHARS, linesDigest, stretchesOf } from '../../../src/convert/entities/persons/knowledge.js';
import { PersonRegistry } from '../../../src/convert/entities/personography.js';

/** The four sets of a knowledge, sorted, to compare two knowledges whatever the order they were filled in. */
function contents(k: NameKnowledge): Record<string, string[]> {
  return { surnames: [...k.surnames].sort(), strong: [...k.strong].sort(), lower: [...k.lower].sort(), places: [...k.places].sort() };
}

const FIRST = [
  'Moscow, June 11, 1918.',
  '',
  'Mr. Stevens arrived; Stevens and Kerensky spoke with General Graves in Kamchatka.',
  '',
  'Following the meeting, the Court and the daily press were silent.',
];
// Prints "court" in lower case, and names Court: read after the first, Court is a common word for both.
const SECOND = ['Peking, China, February 16, 1901.', '', 'The court met. Count Court and Mr. Rockhill spoke.', '', 'Stevens and Court left.'];

describe('NameKnowledge.learnSource', () => {
  it('gives what the source teaches alone, and learns into the edition as learn() does', () => {
    const viaLearn = new NameKnowledge().learn(FIRST).learn(SECOND);
    const edition = new NameKnowledge();
    const first = edition.learnSource(FIRST);
    const second = edition.learnSource(SECOND);
    assert.deepEqual(contents(edition), contents(viaLearn));
    assert.deepEqual(contents(first), contents(new NameKnowledge().learn(FIRST)));
    assert.deepEqual(contents(second), contents(new NameKnowledge().learn(SECOND)));
    assert.ok(first.surnames.has('stevens') && first.places.has('moscow'));
    // Read after the first source, the second is judged against more common words than read alone.
    assert.notDeepEqual(contents(second).surnames, contents(edition).surnames);
  });

  it('reads a source the edition already holds once, with the same result', () => {
    const edition = new NameKnowledge().learn(FIRST);
    const again = new NameKnowledge().learn(FIRST);
    const alone = again.learnSource(FIRST);
    assert.deepEqual(contents(again), contents(edition));
    assert.deepEqual(contents(alone), contents(edition));
  });
});

describe('linesDigest', () => {
  it('tells sources apart by their lines, not by how they were split', () => {
    assert.equal(linesDigest(FIRST), linesDigest([...FIRST]));
    assert.notEqual(linesDigest(FIRST), linesDigest(SECOND));
    assert.notEqual(linesDigest(['a', 'b']), linesDigest(['a\nb']));
    const long = Array.from({ length: 10_000 }, (_, i) => `line ${i}`);
    const changed = long.slice();
    changed[9_000] = 'line changed';
    assert.notEqual(linesDigest(long), linesDigest(changed));
  });
});

describe('PersonRegistry.takeSourceKnowledge', () => {
  it('hands over what a learnt source teaches alone, once, and nothing for a source it did not learn', () => {
    const registry = new PersonRegistry();
    registry.learnSource(FIRST);
    registry.learnSource(SECOND);
    assert.equal(registry.takeSourceKnowledge(['Not learnt.']), undefined);
    const second = registry.takeSourceKnowledge([...SECOND]);
    assert.deepEqual(contents(second!), contents(new NameKnowledge().learn(SECOND)));
    assert.equal(registry.takeSourceKnowledge(SECOND), undefined);
    registry.forgetSourceKnowledge();
    assert.equal(registry.takeSourceKnowledge(FIRST), undefined);
  });
});

describe('PersonRegistry.keptSourceWords', () => {
  it('keeps what sources teach alone up to a number of words; a source past it is read again when converted', () => {
    const registry = new PersonRegistry();
    const first = new NameKnowledge().learn(FIRST);
    registry.keptSourceWords = first.lower.size + first.places.size + first.surnames.size + first.strong.size;
    registry.learnSource(FIRST);
    registry.learnSource(SECOND);
    assert.equal(registry.takeSourceKnowledge(SECOND), undefined);
    assert.deepEqual(contents(registry.takeSourceKnowledge(FIRST)!), contents(first));
    // Taken, its words no longer count: the next source is kept.
    registry.learnSource(['Mr. Rockhill spoke.']);
    assert.ok(registry.takeSourceKnowledge(['Mr. Rockhill spoke.']));
  });
});

describe('stretchesOf', () => {
  it('cuts a source into stretches of at least STRETCH_CHARS, each ending at a blank line, that together are its text', () => {
    const paragraph = 'Mr. Francis telegraphed from Vologda that the Ambassador had left.\nHe said so.';
    const lines: string[] = [];
    for (let i = 0, chars = 0; chars < STRETCH_CHARS * 5; i++, chars += paragraph.length + 5) lines.push(...paragraph.split('\n'), i % 7 === 0 ? '   ' : '');
    const stretches = stretchesOf(lines);
    assert.ok(stretches.length >= 4, `${stretches.length} stretches`);
    assert.equal(stretches.join('\n'), lines.join('\n'));
    for (const s of stretches.slice(0, -1)) {
      assert.ok(s.length >= STRETCH_CHARS - 1, `${s.length}`);
      assert.equal(s.split('\n').at(-1)!.trim(), '');
    }
  });

  it('gives one stretch for a short source, and one for an empty one', () => {
    assert.deepEqual(stretchesOf(['Dear Sir,', '', 'Yours']), ['Dear Sir,\n\nYours']);
    assert.deepEqual(stretchesOf([]), ['']);
  });
});

describe('NameKnowledge: places of several words', () => {
  it('learns a dateline place with a particle and two words that end a phrase after "in" or "at", not a name with its title or given name', () => {
    const k = new NameKnowledge().learn([
      'Rio de Janeiro, May 5, 1934—4 p.m.',
      '',
      'The Minister in Costa Rica (Hartwell) to the Secretary of State',
      '',
      'Delegates arrived at Buenos Aires. Troops left Pao-ting Fu, at Pao-ting Fu, the general said.',
      '',
      'He has confidence in General Graves. He met in John Stevens. He stayed in London today.',
    ]);
    assert.deepEqual([...k.places].sort(), ['aires', 'buenos', 'costa', 'fu', 'janeiro', 'london', 'pao-ting', 'rica', 'rio']);
    assert.ok(k.strong.has('graves') && k.strong.has('stevens'));
  });

  it('a place of several words after an office is the post, not a name', () => {
    const k = new NameKnowledge().learn(['Buenos Aires, May 1, 1934.', '', 'Ambassador Buenos Aires telegraphs; Minister Costa Rica concurs. Repeated to Costa Rica.', '', 'The Minister in Costa Rica (Hartwell) to the Secretary of State']);
    assert.ok(!k.strong.has('aires') && !k.strong.has('rica') && !k.surnames.has('aires') && !k.surnames.has('rica'));
  });
});
