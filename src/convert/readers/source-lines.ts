/**
 * A source's lines held as its UTF-8 bytes and where each line starts and ends, each line decoded when it is
 * asked for. A source as an array of line strings took two bytes a character as soon as one character of the file
 * was outside Latin-1 (V8 stores the whole decoded text so, and every line is a view into it), and one object per
 * line besides: 112 MB for the 50 MB frus text, alive while the whole source converted. As bytes it is 50 MB, outside
 * the JavaScript heap, and each line a string of its own, short-lived (docs/decisions.md, "The source held as
 * bytes").
 */
import { createHash } from 'node:crypto';
import type { LineList } from '../../model/document.js';

const LF = 0x0a;
const CR = 0x0d;

/** Lines decoded last, by index modulo this: readers look at a line and its neighbours several times over. */
const RECENT = 64;

/** The lines of UTF-8 text (see {@link LineList}); every line, decoded, is what `splitLines` of the decoded text gives. */
export class Utf8Lines implements LineList {
  readonly length: number;
  private readonly bytes: Buffer;
  /** Byte offsets of each line's first byte and of the byte after its last (its terminator excluded). */
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  /** Whether a line ends in CR or CRLF anywhere. */
  private readonly hasCr: boolean;
  private readonly recentIndex = new Int32Array(RECENT).fill(-1);
  private readonly recentText: string[] = new Array<string>(RECENT);

  /** `bytes` must be well-formed UTF-8 (a byte order mark before them taken off). They are kept, not copied. */
  constructor(bytes: Uint8Array) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const { starts, ends, count, hasCr } = lineOffsets(this.bytes);
    this.hasCr = hasCr;
    this.starts = starts;
    this.ends = ends;
    this.length = count;
  }

  /** Line `index` (0-based; a fraction cut off), or undefined outside the lines (a negative index too, unlike an array's `at`). */
  at(position: number): string | undefined {
    const index = Math.trunc(position) || 0;
    if (!(index >= 0 && index < this.length)) return undefined;
    const slot = index % RECENT;
    if (this.recentIndex[slot] === index) return this.recentText[slot];
    const text = this.bytes.toString('utf8', this.starts[index], this.ends[index]);
    this.recentIndex[slot] = index;
    this.recentText[slot] = text;
    return text;
  }

  /**
   * Lines `from` up to `to` (exclusive) joined by LF, decoded at once: what `join('\n')` of those lines gives, for
   * a reader of whole stretches of text, at the cost of one decoding.
   */
  joined(from: number, to: number): string {
    if (from >= to) return '';
    const text = this.bytes.toString('utf8', this.starts[from], this.ends[to - 1]);
    return this.hasCr ? text.replace(/\r\n?/g, '\n') : text;
  }

  /** A digest of the lines, from the bytes: the same for the same bytes (to know a source again). */
  digest(): string {
    return `${this.length}:utf8:${createHash('sha1').update(this.bytes).digest('hex')}`;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

/**
 * Where lines start and end in `bytes`: CRLF, CR and LF each end a line; the empty line after a last terminator is
 * no line (as `splitLines` has it), but empty input is one empty line.
 */
function lineOffsets(bytes: Buffer): { starts: Uint32Array; ends: Uint32Array; count: number; hasCr: boolean } {
  const hasCr = bytes.indexOf(CR) >= 0;
  // Counted first, so that the offsets take two typed arrays of the right size.
  let terminators = 0;
  if (!hasCr) for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) terminators++;
  else for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) terminators++;
  const starts = new Uint32Array(terminators + 1);
  const ends = new Uint32Array(terminators + 1);
  let line = 0;
  if (!hasCr) {
    for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) {
      ends[line] = at;
      starts[++line] = at + 1;
    }
  } else {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b !== LF && b !== CR) continue;
      ends[line] = i;
      if (b === CR && bytes[i + 1] === LF) i++;
      starts[++line] = i + 1;
    }
  }
  ends[line] = bytes.length;
  const count = line > 0 && starts[line] === bytes.length ? line : line + 1;
  return { starts, ends, count, hasCr };
}
