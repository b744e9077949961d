import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
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
 * A further worker starts only when the work left, at the pace measured so far, would keep the workers
 * already running busy for at least this many times what starting one costs. Measured (npm run bench) on
 * two cores: one worker already keeps the second core half busy with V8's garbage collector and compiler
 * threads, and a second one pays its start-up (ExcelJS and the core loaded again, ~0.5 s of CPU) and a
 * second warm-up of the JIT. Two workers lost on 30 reports (about 5 start-ups of work left after the
 * first two) and on 8 checks (about 4), and won on 300 reports (about 26) and on 32 checks (about 13).
 */
export const WORTH_STARTING = 10;

/**
 * `IEWSC_EAGER_WORKERS=1` starts every worker at once, as many as `jobs` (and items) allow, whether they
 * pay or not: for the tests that must see several workers at work, and for the benchmark's comparison.
 */
export const eagerWorkers = (env: NodeJS.ProcessEnv = process.env): boolean => env["IEWSC_EAGER_WORKERS"] === "1";

/**
 * Runs `task` over `items` on worker threads, keeping the results in input order.
 * `workerFile` is a compiled module that answers each `{ index, item }` message with `{ index, result }`
 * (and may say `{ ready: true }` once its modules are loaded, which times its start-up).
 *
 * Workers are started as they pay: the first at once, each further one (up to `jobs`, and never more
 * than there are cores) only when the items left, at the pace the running workers have shown once
 * warm, amount to `WORTH_STARTING` times its measured start-up, or when a worker has been on one item that
 * long (a slow first workbook measures no pace). So a larger `jobs` is never slower than
 * a smaller one; the results do not depend on which worker ran an item.
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
    /** Start every worker at once (default: `eagerWorkers()`). */
    eager?: boolean;
    /** Told each time a worker starts (the tests count them). */
    onWorker?: (workers: number) => void;
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
  const cores = availableParallelism();
  const eager = options.eager ?? eagerWorkers();
  const wanted = Math.max(1, Math.min(options.jobs ?? cores, items.length));
  const maxLanes = eager ? wanted : Math.min(wanted, cores);
  const budget = options.budget ?? workbookBudget();
  let next = 0;
  let started = 0;
  /** What starting a worker cost (until it said it was ready, or answered), and an item once warm, in ms. */
  let startMs: number | undefined;
  let warmItemMs: number | undefined;
  let warmItems = 0;
  let quickest = Number.POSITIVE_INFINITY;
  const lanes: Promise<void>[] = [];
  const settle = (index: number, result: R) => {
    results[index] = result;
    options.onDone?.(++done);
  };
  /** `stalled`: a worker has been on one item for `WORTH_STARTING` start-ups, so another pays whatever is left. */
  const grow = (stalled = false) => {
    if (lanes.length >= maxLanes || next >= items.length) return;
    if (!eager && !stalled && lanes.length > 0) {
      if (startMs === undefined || warmItemMs === undefined) return;
      const left = ((items.length - next) * warmItemMs) / lanes.length;
      if (left < WORTH_STARTING * startMs) return;
    }
    lanes.push(lane());
  };

  /** One lane: a worker that takes items until none are left, replaced when it fails. */
  const lane = async () => {
    while (next < items.length) {
      await new Promise<void>((resolve) => {
        const born = performance.now();
        const worker = new Worker(options.workerFile, {
          resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
          stdout: false,
          stderr: true, // a dying worker's own complaints are not the user's business
        });
        options.onWorker?.(++started);
        worker.stderr.resume();
        let current: number | undefined;
        let sentAt = 0;
        let answered = 0;
        let timer: NodeJS.Timeout | undefined;
        // A slow or hanging first workbook measures no pace, and its answer is what grows the pool: without
        // this, the whole batch would wait behind it on one worker (up to the budget's two minutes).
        let stall: NodeJS.Timeout | undefined;
        const watch = () => {
          clearTimeout(stall);
          if (current !== undefined && startMs !== undefined)
            stall = setTimeout(() => grow(true), WORTH_STARTING * startMs);
        };
        const fail = (why: string) => {
          if (current === undefined) return;
          const index = current;
          current = undefined;
          clearTimeout(timer);
          clearTimeout(stall);
          settle(index, options.failed(items[index]!, why));
          void worker.terminate();
        };
        const feed = () => {
          clearTimeout(timer);
          clearTimeout(stall);
          if (next >= items.length) {
            current = undefined;
            void worker.terminate();
            return;
          }
          current = next++;
          timer = setTimeout(() => {
            fail(`took longer than the ${budget.seconds} s a workbook may take; it was given up`);
          }, budget.seconds * 1000);
          sentAt = performance.now();
          watch();
          worker.postMessage({ index: current, item: items[current] });
        };
        worker.on("message", (msg: { index: number; result: R } | { ready: true }) => {
          const now = performance.now();
          if ("ready" in msg) {
            startMs ??= now - born;
            watch();
            return;
          }
          if (msg.index !== current) return;
          current = undefined;
          startMs ??= sentAt - born + (now - sentAt) / 2;
          // A worker's first item runs cold (its JIT has compiled nothing yet): the pace is the next ones',
          // the quickest seen once two are known, so that one item slowed by a busy machine starts nothing.
          if (++answered > 1) {
            warmItems++;
            quickest = Math.min(quickest, now - sentAt);
            if (warmItems >= 2) warmItemMs = quickest;
          }
          settle(msg.index, msg.result);
          feed();
          grow();
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
  grow();
  if (eager) for (let i = 1; i < maxLanes; i++) grow();
  // Lanes started while others run are awaited too: the list grows while it is being walked.
  for (let i = 0; i < lanes.length; i++) await lanes[i];
  return results;
}
