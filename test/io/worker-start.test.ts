/** io/worker-start: a worker's young generation can be bounded, and the bound holds under a load that grows it. */
import assert from 'node:assert/strict';
import { startWorker, type WorkerLimits } from '../../src/io/worker-start.js';

/** Many short-lived objects, 300,000 of them alive at a time (a survival rate that makes V8 grow the semi-spaces). */
const CHURN = `import { parentPort } from 'node:worker_threads';
import { getHeapSpaceStatistics } from 'node:v8';
const recent = new Array(300000);
for (let i = 0; i < 2e6; i++) recent[i % recent.length] = { i, s: 'x' + i };
parentPort.postMessage(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;

async function newSpaceAfterChurn(limits: WorkerLimits): Promise<number> {
  const worker = startWorker(new URL(`data:text/javascript,${encodeURIComponent(CHURN)}`), {}, limits);
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('startWorker', function () {
  this.timeout(60000);

  it('gives a worker the old generation this process was given (--max-old-space-size), not V8\'s limit with the young generation added', async () => {
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${saved ?? ''} --max-old-space-size=40`;
    try {
      const worker = startWorker(new URL(`data:text/javascript,${encodeURIComponent('0')}`));
      assert.equal(worker.resourceLimits?.maxOldGenerationSizeMb, 40);
      await worker.terminate();
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
  });

  it('bounds the young generation when asked: 24 MB is two 8 MB semi-spaces, where V8 alone grows them past', async () => {
    const MB = 1048576;
    const bounded = await newSpaceAfterChurn({ youngGenerationMb: 24 });
    const unbounded = await newSpaceAfterChurn({});
    assert.ok(bounded <= 16 * MB, `new space ${bounded / MB} MB`);
    assert.ok(unbounded > bounded, `the churn grows an unbounded new space (${unbounded / MB} MB) past the bounded one (${bounded / MB} MB)`);
  });
});
