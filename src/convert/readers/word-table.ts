/**
 * Words numbered by their text, looked up by where they stand in a text (text, start, end) rather than as strings of
 * their own: a scanner that meets thousands of words asks about each without cutting it out of its text. A word is
 * found by a hash of its code units in an open-addressing table and compared in place (`startsWith` at its offset);
 * only a word met for the first time is kept as a string.
 */
export class WordTable {
  /** Each slot holds a word's number + 1; 0 is empty. */
  private slots = new Int32Array(64);
  private readonly hashes: number[] = [];
  private readonly words: string[] = [];

  /** How many words the table holds; they are numbered 0, 1, … in the order they were added. */
  get size(): number {
    return this.words.length;
  }

  /** The word numbered `id`. */
  word(id: number): string {
    return this.words[id]!;
  }

  /** The number of the word `text[start..end)`, or -1 when the table does not hold it. */
  find(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return -1;
      if (this.hashes[held - 1] === hash && this.matches(held - 1, text, start, end)) return held - 1;
    }
  }

  /** The number of the word `text[start..end)`, added with the next number when the table does not hold it yet. */
  add(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    let mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) break;
      if (this.hashes[held - 1] === hash && this.matches(held - 1, text, start, end)) return held - 1;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    this.hashes.push(hash);
    // Kept at most half full, so that a search for an absent word meets an empty slot soon.
    if (2 * this.words.length > this.slots.length) {
      this.grow();
      mask = this.slots.length - 1;
      for (slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask);
    }
    this.slots[slot] = id + 1;
    return id;
  }

  private matches(id: number, text: string, start: number, end: number): boolean {
    const word = this.words[id]!;
    return word.length === end - start && text.startsWith(word, start);
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    // Every word but the one being added (its slot is chosen by the caller).
    for (let id = 0; id + 1 < this.words.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** A hash of the code units `text[start..end)` (FNV-1a, 32 bits). */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
