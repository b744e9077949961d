import { parentPort } from "node:worker_threads";
import { type ReportJob, reportFile } from "./report-file";

/** Worker side of `iewsc report` on several workbooks: one report per message. */
parentPort?.on("message", async ({ index, item }: { index: number; item: ReportJob }) => {
  parentPort!.postMessage({ index, result: await reportFile(item) });
});
parentPort?.postMessage({ ready: true });
