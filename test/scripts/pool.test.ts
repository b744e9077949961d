import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { WORTH_STARTING, eagerWorkers, mapInPool } from "../../scripts/pool";

const dir = mkdtempSync(join(tmpdir(), "iewsc-pool-"));
/** A worker that says it is ready, then answers each item after `item` milliseconds (waiting, not computing). */
const worker = join(dir, "sleepy-worker.js");
writeFileSync(
  worker,
  `const { parentPort } = require("node:worker_threads");
   parentPort.on("message", ({ index, item }) => setTimeout(() => parentPort.postMessage({ index, result: "done " + index }), item));
   parentPort.postMessage({ ready: true });`,
);

/** Runs `items` (each a wait in ms) through the pool; the results and how many workers it started. */
async function run(items: number[], jobs: number, eager = false) {
  let workers = 0;
  const results = await mapInPool(items, {
    jobs,
    eager,
    workerFile: worker,
    inline: async () => "inline",
    failed: (_item, why) => why,
    onWorker: (n) => {
      workers = n;
    },
  });
  return { results, workers };
}

const expected = (n: number) => Array.from({ length: n }, (_, i) => `done ${i}`);

describe("the pool starts a further worker only when it pays", () => {
  test("a short batch stays on one worker whatever --jobs says: a second would cost more than it saves", async () => {
    const short = await run(Array<number>(8).fill(1), 2);
    expect(short.results).toEqual(expected(8));
    expect(short.workers).toBe(1);
  });

  test(`a long batch takes a second worker once the work left is ${WORTH_STARTING} start-ups or more`, async () => {
    // 24 items of 250 ms: after two, 5.5 s of work left against a start-up of tens of milliseconds.
    const long = await run(Array<number>(24).fill(250), 2);
    expect(long.results).toEqual(expected(24));
    expect(long.workers).toBe(Math.min(2, availableParallelism()));
  }, 30_000);

  test("never more workers than cores, even when --jobs asks for more", async () => {
    const many = await run(Array<number>(24).fill(250), 64);
    expect(many.results).toEqual(expected(24));
    expect(many.workers).toBeLessThanOrEqual(availableParallelism());
  }, 30_000);

  test("eager (IEWSC_EAGER_WORKERS=1): every worker --jobs allows, at once, as the tests of parallel runs need", async () => {
    expect(eagerWorkers({ IEWSC_EAGER_WORKERS: "1" })).toBe(true);
    expect(eagerWorkers({})).toBe(false);
    const eager = await run(Array<number>(3).fill(1), 2, true);
    expect(eager.results).toEqual(expected(3));
    expect(eager.workers).toBe(2);
  });
});
