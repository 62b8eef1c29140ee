/**
 * What {@link findPersons} decided at each word it judged, written down so that a second reading of the same
 * tokens with other known surnames can take the decisions that cannot have changed instead of judging again.
 *
 * Name learning reads every stretch of a source twice (knowledge.ts): the second round differs from the first only
 * in the surnames it knows. A decision at a word depends on the tokens around it, the caller's other options, which
 * stay the same, the answers `known` gave, and the mention found last (the rule of "Webster to Léger", read only
 * after "to" or "à"). So a decision of the first round holds in the second where every surname it asked about is
 * answered as it was and no "to" stands before the name: most of them (docs/decisions.md, "CPU throughput of
 * conversion").
 */

/** What a judged word gave: no candidate, a candidate that runs into a layout name, no name, or a name. */
export const NO_CANDIDATE = -1;
export const INTO_LAYOUT = -2;
export const NOT_A_NAME = -3;

/** Integers per decision: token index, outcome, the candidate's first, title end and last token, end of its asked keys. */
const STRIDE = 6;

/**
 * The decisions of one reading of one text's tokens, in the order of their words. Recorded by one call of
 * findPersons (`record`), then read by the calls that replay it (`replay`), as often as wanted.
 */
export class CandidateLog {
  private data = new Int32Array(STRIDE * 64);
  private size = 0;
  /** The surname keys asked of `known`, each decision's from the end of the one before, and the answers. */
  private readonly asked: string[] = [];
  private readonly answers: boolean[] = [];
  /** Replay: the next decision to look at. */
  private cursor = 0;

  /** True while a reading writes its decisions down; false once done, when readings replay them. */
  recording = true;

  /** Records a key a decision asked about and the answer (while recording). */
  ask(key: string, answer: boolean): void {
    this.asked.push(key);
    this.answers.push(answer);
  }

  /** Records the decision taken at token `at` (outcome {@link NO_CANDIDATE} … or the evidence's index). */
  decide(at: number, outcome: number, first: number, titleEnd: number, last: number): void {
    if ((this.size + 1) * STRIDE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const x = this.size++ * STRIDE;
    const d = this.data;
    d[x] = at;
    d[x + 1] = outcome;
    d[x + 2] = first;
    d[x + 3] = titleEnd;
    d[x + 4] = last;
    d[x + 5] = this.asked.length;
  }

  /** Ends the recording; from now on readings replay it. */
  finish(): void {
    this.recording = false;
    this.data = this.data.slice(0, this.size * STRIDE);
  }

  /** Starts a replay (from the first decision). */
  startReplay(): void {
    this.cursor = 0;
  }

  /**
   * The index of the recorded decision at token `at` that still holds with `known`, or -1: none was recorded there, or
   * `known` answers one of the keys it asked about otherwise. Calls come in increasing `at`.
   */
  holdingAt(at: number, known: (key: string) => boolean): number {
    const d = this.data;
    let c = this.cursor;
    while (c < this.size && d[c * STRIDE]! < at) c++;
    this.cursor = c;
    if (c >= this.size || d[c * STRIDE]! !== at) return -1;
    const from = c === 0 ? 0 : d[(c - 1) * STRIDE + 5]!;
    const to = d[c * STRIDE + 5]!;
    for (let k = from; k < to; k++) if (known(this.asked[k]!) !== this.answers[k]) return -1;
    return c;
  }

  outcome(c: number): number {
    return this.data[c * STRIDE + 1]!;
  }

  first(c: number): number {
    return this.data[c * STRIDE + 2]!;
  }

  titleEnd(c: number): number {
    return this.data[c * STRIDE + 3]!;
  }

  last(c: number): number {
    return this.data[c * STRIDE + 4]!;
  }
}
