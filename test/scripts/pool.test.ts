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

/** Like `sleepy-worker.js`, but an item of -1 ends its thread at once, as a hostile workbook may. */
const hostile = join(dir, "hostile-worker.js");
writeFileSync(
  hostile,
  `const { parentPort } = require("node:worker_threads");
   parentPort.on("message", ({ index, item }) => item < 0 ? process.exit(1) : setTimeout(() => parentPort.postMessage({ index, result: "done " + index }), item));
   parentPort.postMessage({ ready: true });`,
);
/** A worker whose module throws as it loads. */
const broken = join(dir, "broken-worker.js");
writeFileSync(broken, `throw new Error("cannot load");`);

/** Runs `items` (each a wait in ms) through the pool; the results and how many workers it started. */
async function run(items: number[], jobs: number, eager = false, workerFile = worker) {
  let workers = 0;
  const results = await mapInPool(items, {
    jobs,
    eager,
    workerFile,
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

describe("the pool when the first workbooks are hostile or slow", () => {
  test("a first workbook that ends its worker before any pace is measured: its failure, then every other one, in order", async () => {
    const r = await run([-1, ...Array<number>(7).fill(1)], 2, false, hostile);
    expect(r.results[0]).toMatch(/the checking thread stopped/);
    expect(r.results.slice(1)).toEqual(expected(8).slice(1));
  });

  test("a worker that cannot even load: every item is its own failure, and the batch ends", async () => {
    const r = await run([1, 1, 1, 1], 2, false, broken);
    expect(r.results).toHaveLength(4);
    for (const result of r.results) expect(result).toMatch(/internal error of IEWSC Workbench/);
  });

  test("a slow first workbook does not hold the batch on one worker: a second starts after WORTH_STARTING start-ups", async () => {
    // No pace is known while the first item runs: before, its answer alone could start a second worker.
    const r = await run([4000, 1, 1, 1, 1, 1], 2);
    expect(r.results).toEqual(expected(6));
    expect(r.workers).toBe(Math.min(2, availableParallelism()));
  }, 30_000);

  test("--jobs 1 stays a maximum, even behind a slow first workbook", async () => {
    const r = await run([2000, 1, 1, 1], 1);
    expect(r.results).toEqual(expected(4));
    expect(r.workers).toBe(1);
  }, 30_000);
});
