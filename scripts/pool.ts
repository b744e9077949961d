import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * Runs `task` over `items` on up to `jobs` worker threads (both cores of these machines), keeping the
 * results in input order. `workerFile` is a compiled module that answers each `{ index, item }`
 * message with `{ index, result }`. With one job (or one item) it runs in this thread instead,
 * which saves the workers' start-up.
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
  await Promise.all(
    Array.from(
      { length: jobs },
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
          worker.on("message", (msg: { index: number; result: R }) => {
            results[msg.index] = msg.result;
            options.onDone?.(++done);
            feed();
          });
          worker.on("error", reject);
          feed();
        }),
    ),
  );
  return results;
}
