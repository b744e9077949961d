import { join } from "node:path";
import { SingleBar } from "cli-progress";
import type { Day } from "../../core";
import type { FileOutcome } from "../check-file";
import { EXIT } from "../exit-codes";
import { reportFailure } from "../failure";
import { mapInPool } from "../pool";
import { jsonText, writeOut } from "../printable";
import { formatOutcome, painter, useColour } from "../terminal";

/** From this many workbooks on, `check` uses every core unless --jobs says otherwise. */
export const PARALLEL_FROM = 16;

/**
 * `iewsc check <workbook...>`: checks every workbook (several at once on worker threads), prints the
 * findings or one JSON document, and returns the exit code: 70 when our code failed on any workbook,
 * else 2 when any workbook could not be used, else 1 when any has an error finding, else 0.
 */
export async function runCheck(
  files: string[],
  opts: { json?: boolean; asOf?: Day; jobs?: number; debug?: boolean },
): Promise<number> {
  const showProgress = files.length > 2 && Boolean(process.stderr.isTTY);
  const bar = showProgress
    ? new SingleBar({
        format: "checking {bar} {value}/{total} workbooks",
        stream: process.stderr,
        clearOnComplete: true,
      })
    : undefined;
  bar?.start(files.length, 0);
  const asOf = opts.asOf;
  // Measured (npm run bench): one check already keeps the second core busy with V8's garbage collector
  // and compiler threads, so a second thread only pays for its start-up from about 16 workbooks on. A
  // batch still runs on a worker thread, so that each workbook has its own memory and time budget.
  const jobs = opts.jobs ?? (files.length >= PARALLEL_FROM ? undefined : 1);
  const outcomes = await mapInPool<{ file: string; asOf?: Day }, FileOutcome>(
    files.map((file) => (asOf === undefined ? { file } : { file, asOf })),
    {
      jobs,
      workerFile: join(__dirname, "..", "check-worker.js"),
      // Loaded only when a workbook is checked in this thread: a batch's workers load ExcelJS themselves.
      inline: async (item) =>
        (await import("../check-file")).checkFile(item.file, item.asOf === undefined ? {} : { asOf: item.asOf }),
      // A workbook whose thread died (memory, time, a fault of ours) is that workbook's failure only.
      failed: (item, why) => ({ ok: false, file: item.file, error: `${item.file}: ${why}`, internal: false }),
      onDone: (n) => bar?.update(n),
    },
  );
  bar?.stop();
  const failed = outcomes.filter((o): o is Extract<FileOutcome, { ok: false }> => !o.ok);
  const results = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok);
  for (const f of failed)
    reportFailure(
      f.internal ? { internal: true, message: f.error, stack: f.stack } : { internal: false, message: f.error },
      opts.debug,
    );
  if (opts.json) {
    const doc = {
      results: results.map(({ file, findings, summary }) => ({ file, findings, summary })),
      failed: failed.map(({ file, error }) => ({ file, error })),
    };
    writeOut(jsonText(doc));
  } else {
    const paint = painter(useColour(process.stdout));
    writeOut(results.map((r) => formatOutcome(r, paint)).join("\n\n") + (results.length ? "\n" : ""));
  }
  if (failed.some((f) => f.internal)) return EXIT.internal;
  if (failed.length) return EXIT.unusable;
  return results.some((r) => r.summary.errors > 0) ? EXIT.findings : EXIT.ok;
}
