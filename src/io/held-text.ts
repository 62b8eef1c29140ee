/**
 * Text kept until it can be written, in memory while it is small and in a temporary file once it is large (a
 * volume's rendered page waits there for its header; its search text for its chunk): what waits is never held
 * whole. Where the file cannot be made or written, the text stays in memory.
 */
import type { SpillFile, SpillPlace } from './spill-file.js';

/** Characters held in memory before they go to the file. */
const HOLD_CHARS = 1 << 16;

export class HeldText {
  private held: string[] = [];
  private heldChars = 0;
  /** Stretches of the file, and the pieces that stayed in memory after each (all in order). */
  private readonly parts: (SpillPlace | string)[] = [];

  constructor(
    private readonly spill: SpillFile | undefined,
    private readonly holdChars = HOLD_CHARS,
  ) {}

  push(piece: string): void {
    this.held.push(piece);
    this.heldChars += piece.length;
    if (this.heldChars < this.holdChars || !this.spill) return;
    const text = this.held.join('');
    this.held = [];
    this.heldChars = 0;
    this.parts.push(this.spill.write(Buffer.from(text)) ?? text);
  }

  /** Every piece held, in order (those read back from the file in the batches they were written in). */
  forEach(use: (piece: string) => void): void {
    for (const part of this.parts) use(typeof part === 'string' ? part : this.spill!.read(part).toString('utf8'));
    for (const piece of this.held) use(piece);
  }
}
