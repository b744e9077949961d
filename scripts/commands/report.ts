import { constants } from "node:fs";
import { access, mkdir, readdir, realpath, rmdir, stat } from "node:fs/promises";
import { basename, delimiter, join, resolve } from "node:path";
import { SingleBar } from "cli-progress";
import { type Day, countLine, dayOfLocalDate } from "../../core";
import { mapInPool } from "../pool";
import type { ReportJob, ReportOutcome } from "../report-file";

export interface ReportOptions {
  out: string;
  share?: boolean;
  pdf?: boolean;
  jobs?: number;
  asOf?: Day;
  json?: boolean;
}

/**
 * By default a batch may use every core: the pool starts a second worker only when the reports left are
 * worth its start-up (see `WORTH_STARTING` in `../pool`), so more workers are never slower. Measured idle
 * on two cores (npm run bench): 30 reports stay on one worker, 300 take two.
 */
export const REPORT_DEFAULT_JOBS: number | undefined = undefined;

/** The report of `file`: `<name>-report.xlsx`. */
export const reportName = (file: string): string => `${basename(file).replace(/\.xlsx$/i, "")}-report.xlsx`;

/**
 * `iewsc report <workbook or folder...> --out <folder>`: one report workbook per input (and its PDF
 * with --pdf). A workbook that cannot be used does not stop the others: it is listed under `failed`
 * and the exit code is 2; else 1 when any report holds an error finding, else 0.
 */
export async function runReport(inputs: string[], opts: ReportOptions): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`iewsc: ${message}\n`);
    return 2;
  };
  const soffice = opts.pdf ? await findProgram("soffice") : undefined;
  if (opts.pdf && !soffice)
    return fail(
      "--pdf needs LibreOffice (the soffice program), which is not installed here; install libreoffice-calc or leave out --pdf (nothing was written)",
    );
  const outDir = resolve(opts.out);
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory())
    return fail(`${opts.out} is a file, not a folder; --out names the folder the reports go to`);

  const failed: { file: string; error: string }[] = [];
  const files: string[] = [];
  const folders: string[] = [];
  for (const input of inputs) {
    const s = await stat(input).catch(() => undefined);
    if (s?.isDirectory()) {
      folders.push(await realpath(input));
      const names = (await readdir(input)).filter(
        (n) => /\.xlsx$/i.test(n) && !n.startsWith("~$") && !n.startsWith("."),
      );
      if (names.length === 0) failed.push({ file: input, error: `${input}: the folder holds no .xlsx workbook` });
      files.push(...names.sort().map((n) => join(input, n)));
    } else files.push(input);
  }
  const outReal = existing ? await realpath(outDir) : outDir;
  if (folders.includes(outReal))
    return fail(`${opts.out} is one of the input folders; choose another --out folder (nothing was written)`);

  const inputsReal = new Set(await Promise.all(files.map((f) => realpath(f).catch(() => resolve(f)))));
  const today = dayOfLocalDate(new Date());
  const jobs: ReportJob[] = [];
  const taken = new Map<string, string>();
  for (const file of files) {
    const out = join(outReal, reportName(file));
    if (inputsReal.has(out)) {
      failed.push({ file, error: `${file}: its report ${out} would replace an input; choose another --out folder` });
      continue;
    }
    const first = taken.get(out.toLowerCase());
    if (first) {
      failed.push({
        file,
        error: `${file}: its report would have the same name as the report of ${first}; rename one of them`,
      });
      continue;
    }
    taken.set(out.toLowerCase(), file);
    jobs.push({
      file,
      out,
      share: Boolean(opts.share),
      pdf: Boolean(opts.pdf),
      today,
      ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
      ...(soffice ? { soffice } : {}),
    });
  }
  if (jobs.length) await mkdir(outReal, { recursive: true });

  const bar =
    jobs.length > 1 && process.stderr.isTTY
      ? new SingleBar({
          format: "reporting {bar} {value}/{total} workbooks",
          stream: process.stderr,
          clearOnComplete: true,
        })
      : undefined;
  bar?.start(jobs.length, 0);
  const outcomes = await mapInPool<ReportJob, ReportOutcome>(jobs, {
    jobs: opts.jobs ?? REPORT_DEFAULT_JOBS,
    workerFile: join(__dirname, "..", "report-worker.js"),
    // Loaded only when a report runs in this thread: a batch's workers load ExcelJS themselves, and this
    // thread loading it too (~0.5 s of CPU) would only slow their start on a machine with few cores.
    inline: async (job) => (await import("../report-file")).reportFile(job),
    // A workbook whose thread died (memory, time, a fault of ours) is that workbook's failure only.
    failed: (job, why) => ({ ok: false, file: job.file, error: `${job.file}: ${why}` }),
    onDone: (n) => bar?.update(n),
  });
  bar?.stop();
  // A folder made for reports that all failed goes again: a failed batch leaves nothing behind.
  if (!existing && jobs.length && (await readdir(outReal).catch(() => ["?"])).length === 0)
    await rmdir(outReal).catch(() => undefined);

  for (const o of outcomes) if (!o.ok) failed.push({ file: o.file, error: o.error });
  // Paths as the user gave them: the --out folder as typed, then the report's name.
  const shown = (path: string) => join(opts.out, basename(path));
  const reports = outcomes
    .filter((o): o is Extract<ReportOutcome, { ok: true }> => o.ok)
    .map((r) => ({ ...r, out: shown(r.out), ...(r.pdf ? { pdf: shown(r.pdf) } : {}) }));
  for (const f of failed) process.stderr.write(`iewsc: ${f.error}\n`);
  if (opts.json) {
    const doc = {
      reports: reports.map(({ file, out, pdf, summary }) => ({ file, out, ...(pdf ? { pdf } : {}), summary })),
      failed,
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const r of reports)
      process.stdout.write(`Wrote ${r.out}${r.pdf ? ` and ${basename(r.pdf)}` : ""}: ${countLine(r.summary)}\n`);
    if (reports.length && !failed.length)
      process.stdout.write(`${reports.length} report${reports.length === 1 ? "" : "s"}; no input was changed.\n`);
  }
  if (failed.length) return 2;
  return reports.some((r) => r.summary.errors > 0) ? 1 : 0;
}

/** A program on the PATH, or `undefined`. */
async function findProgram(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}
