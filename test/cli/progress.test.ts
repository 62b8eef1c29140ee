/**
 * cli/progress: a bar only on a terminal and when not quiet; cli-progress is loaded only to draw one.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { startProgress } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';

/** A terminal stream that keeps what is drawn on it. */
function terminal(): { stream: NodeJS.WritableStream; drawn: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  Object.assign(stream, { isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, drawn: () => text };
}

const io = (isTTY: boolean, progressStream?: NodeJS.WritableStream): CliIO => ({ stdout: () => {}, stderr: () => {}, isTTY, cwd: '.', ...(progressStream ? { progressStream } : {}) });

describe('cli/progress', () => {
  it('on a terminal, draws the label and the megabytes done of the total', () => {
    const t = terminal();
    const progress = startProgress(io(true, t.stream), 'convert', false);
    progress.update(3 * 1048576, 10 * 1048576);
    progress.stop();
    assert.match(t.drawn(), /convert \[/);
    assert.match(t.drawn(), /3\/10 MB/);
  });

  it('draws nothing when quiet or when stderr is not a terminal', () => {
    for (const [tty, quiet] of [[true, true], [false, false]] as const) {
      const t = terminal();
      const progress = startProgress(io(tty, t.stream), 'convert', quiet);
      progress.update(1048576, 2 * 1048576);
      progress.stop();
      assert.equal(t.drawn(), '');
    }
  });
});
