import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** What one item may use before it is given up as that item's failure (the others carry on). */
export interface Budget {
  /** V8 heap of the worker that runs it, in MB. */
  memoryMb: number;
  /** Wall-clock time for the item, in seconds. */
  seconds: number;
}

/**
 * Per workbook: 2 GB of heap (100,000 rows take well under 1 GB) and two minutes. The environment
 * variables `IEWSC_WORKBOOK_MEMORY_MB` and `IEWSC_WORKBOOK_SECONDS` change them (tests use small ones).
 */
export function workbookBudget(env: NodeJS.ProcessEnv = process.env): Budget {
  const read = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { memoryMb: read("IEWSC_WORKBOOK_MEMORY_MB", 2048), seconds: read("IEWSC_WORKBOOK_SECONDS", 120) };
}

/**
 * Runs `task` over `items` on up to `jobs` worker threads, keeping the results in input order.
 * `workerFile` is a compiled module that answers each `{ index, item }` message with `{ index, result }`.
 *
 * Each item has a budget: a worker that throws, runs out of its memory or time is ended, that item's
 * result is `failed(item, why)`, and a fresh worker takes the next items — one hostile workbook never
 * costs the others their results. A single item runs in this thread (`inline`), which saves the
 * worker's start-up; so does a batch when `jobs` is 0 (for tests of the inline path only).
 */
export async function mapInPool<T, R>(
  items: readonly T[],
  options: {
    jobs?: number;
    workerFile: string;
    inline: (item: T) => Promise<R>;
    failed: (item: T, why: string) => R;
    budget?: Budget;
    onDone?: (done: number) => void;
  },
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let done = 0;
  if (items.length === 1 || options.jobs === 0) {
    for (let i = 0; i < items.length; i++) {
      results[i] = await options.inline(items[i]!);
      options.onDone?.(++done);
    }
    return results;
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), items.length));
  const budget = options.budget ?? workbookBudget();
  let next = 0;
  const settle = (index: number, result: R) => {
    results[index] = result;
    options.onDone?.(++done);
  };

  /** One lane: a worker that takes items until none are left, replaced when it fails. */
  const lane = async () => {
    while (next < items.length) {
      await new Promise<void>((resolve) => {
        const worker = new Worker(options.workerFile, {
          resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
          stdout: false,
          stderr: true, // a dying worker's own complaints are not the user's business
        });
        worker.stderr.resume();
        let current: number | undefined;
        let timer: NodeJS.Timeout | undefined;
        const fail = (why: string) => {
          if (current === undefined) return;
          const index = current;
          current = undefined;
          clearTimeout(timer);
          settle(index, options.failed(items[index]!, why));
          void worker.terminate();
        };
        const feed = () => {
          clearTimeout(timer);
          if (next >= items.length) {
            current = undefined;
            void worker.terminate();
            return;
          }
          current = next++;
          timer = setTimeout(() => {
            fail(`took longer than the ${budget.seconds} s a workbook may take; it was given up`);
          }, budget.seconds * 1000);
          worker.postMessage({ index: current, item: items[current] });
        };
        worker.on("message", (msg: { index: number; result: R }) => {
          if (msg.index !== current) return;
          current = undefined;
          settle(msg.index, msg.result);
          feed();
        });
        worker.on("error", (e: Error & { code?: string }) => {
          fail(
            e.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? `needs more than the ${budget.memoryMb.toLocaleString("en-GB")} MB of memory a workbook may use; it was given up`
              : `could not be read: an internal error of IEWSC Workbench (${e.name}); please report it`,
          );
        });
        worker.on("exit", () => {
          fail("could not be read: the checking thread stopped; please report it");
          resolve();
        });
        feed();
      });
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  return results;
}
