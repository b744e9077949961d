import { parentPort } from "node:worker_threads";
import { checkFile } from "./check-file";

/** Worker side of `iewsc check` on several workbooks: one file per message. */
parentPort?.on("message", async ({ index, item }: { index: number; item: { file: string; asOf?: number } }) => {
  const result = await checkFile(item.file, item.asOf === undefined ? {} : { asOf: item.asOf });
  parentPort!.postMessage({ index, result });
});
parentPort?.postMessage({ ready: true });
