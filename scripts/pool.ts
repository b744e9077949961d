import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * Runs `task` over `items` on up to `jobs` worker threads (both cores of these machines), keeping the
 * results in input order. `workerFile` is a compiled module that answers each `{ index, item }`
 * message with `{ index, result }`, after saying `{ ready: true }` once loaded. This thread takes items too, so `jobs` threads means `jobs − 1`
 * workers; with one job (or one item) no worker is started.
 */
export async function mapInPool<T, R>(
  items: readonly T[],
  options: { jobs?: number; workerFile: string; inline: (item: T) => Promise<R>; onDone?: (done: number) => void },
): Promise<R[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), items.length));
  const results = new Array<R>(items.length);
  let done = 0;
  if (jobs === 1) {
    for (let i = 0; i < items.length; i++) {
      results[i] = await options.inline(items[i]!);
      options.onDone?.(++done);
    }
    return results;
  }
  let next = 0;
  // This thread works too, beside jobs − 1 workers: it starts at once while the workers are still
  // loading their modules (measured: about half a second each for ExcelJS on these machines), so a
  // batch on more jobs is never slower than on one, and one worker fewer is started.
  const inlineLane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await options.inline(items[index]!);
      options.onDone?.(++done);
    }
  };
  await Promise.all([
    inlineLane(),
    ...Array.from(
      { length: jobs - 1 },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(options.workerFile);
          const feed = () => {
            if (next >= items.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            const index = next++;
            worker.postMessage({ index, item: items[index] });
          };
          // The worker says `{ ready: true }` once its modules are loaded: only then is it given an item,
          // so that an item never waits on a worker's start-up while this thread could take it.
          worker.on("message", (msg: { ready: true } | { index: number; result: R }) => {
            if ("index" in msg) {
              results[msg.index] = msg.result;
              options.onDone?.(++done);
            }
            feed();
          });
          worker.on("error", reject);
        }),
    ),
  ]);
  return results;
}
