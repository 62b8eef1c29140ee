/**
 * Pathological inputs for conversion at archive scale (issue 13), made on the fly and the same on every run: prose
 * naming thousands of made-up persons, and a run of near-duplicate paragraphs.
 */

/** A small deterministic generator (a linear congruential one): the same texts on every run. */
function numbers(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

const SYLLABLES = ['ka', 'ro', 'vin', 'stel', 'mar', 'tek', 'lo', 'ber', 'gan', 'dru', 'sha', 'pol', 'nik', 'ov', 'er', 'ton'];
const TITLES = ['Mr.', 'General', 'Ambassador', 'Dr.', 'Count', 'Minister'];

function sentences(seed: number): () => string {
  const next = numbers(seed);
  const name = (): string => {
    let s = '';
    for (let k = 0, n = 2 + next(2); k < n; k++) s += SYLLABLES[next(SYLLABLES.length)];
    return s[0]!.toUpperCase() + s.slice(1);
  };
  return () => {
    const a = name();
    return `${TITLES[next(TITLES.length)]} ${a} told ${name()} and ${name()} that ${name()}'s report of May ${1 + next(28)}, 1934, ` +
      `was received by the ${name()} Commission; ${a} said the matter would be settled.`;
  };
}

/** Paragraphs of two sentences, each naming four or five made-up persons, up to `chars` characters. */
export function proseWithNames(chars: number): { text: string; paragraphs: number } {
  const sentence = sentences(7);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const p = `${sentence()} ${sentence()}\n\n`;
    parts.push(p);
    length += p.length;
  }
  return { text: parts.join(''), paragraphs: parts.length };
}

/** One paragraph of eight sentences again and again, each time with another first name and day: up to `chars`. */
export function nearDuplicateParagraphs(chars: number): { text: string; paragraphs: number } {
  const sentence = sentences(11);
  const base = Array.from({ length: 8 }, sentence).join(' ');
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const p = `${base.replace(/May \d+/, `May ${1 + (i % 28)}`).replace(/^\S+ \S+/, `Mr. ${sentence().split(' ')[1]}`)}\n\n`;
    parts.push(p);
    length += p.length;
  }
  return { text: parts.join(''), paragraphs: parts.length };
}
