/**
 * `iewsc report` in batch beside its floor (ExcelJS merely reading and rewriting the same inputs in one
 * process), with peak memory, and what a worker thread costs to start: the figures issue 12 asks for.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import ExcelJS from "exceljs";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/scripts/iewsc.js");
const SAMPLE = join(ROOT, "templates/iewsc-sample.xlsx");

/** The sample with four reporting dates of forecasts: every sheet of a report, the trend chart included. */
async function fullWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const dates = ["2023-07-03", "2023-10-02", "2024-01-08", "2024-03-01"];
  const rows = dates.flatMap((d, i) =>
    ["TL03", "TL04", "TL05", "TL06"].map((id, j) => [
      new Date(`${d}T00:00:00Z`),
      id,
      new Date(Date.UTC(2023, 9 + 3 * j + i, 28)),
    ]),
  );
  wb.addWorksheet("Forecast history").addTable({
    name: "IEWSC_ForecastHistory",
    ref: "A4",
    columns: [{ name: "As of" }, { name: "ID" }, { name: "Forecast" }],
    rows,
  });
  await wb.xlsx.writeFile(file);
}

/** Runs node on a script or the CLI, returning the wall time and the process's peak resident memory. */
function measure(peak: string, args: string[]): { ms: number; peakMb: number; code: number | null } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--require", peak, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const kb = Number(/PEAK_RSS (\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { ms, peakMb: kb / 1024, code: r.status };
}

const FLOOR = `
const ExcelJS = require(${JSON.stringify(join(ROOT, "node_modules/exceljs"))});
const fs = require("node:fs"), path = require("node:path");
const [input, output] = process.argv.slice(2);
(async () => {
  for (const name of fs.readdirSync(input).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(input, name));
    fs.writeFileSync(path.join(output, name), Buffer.from(await wb.xlsx.writeBuffer()));
  }
})();
`;

/** Milliseconds from `new Worker` until the worker says it has loaded its modules. */
function workerStartup(file: string): Promise<number> {
  const start = performance.now();
  return new Promise((ok, fail) => {
    const w = new Worker(file);
    w.once("message", () => {
      const ms = performance.now() - start;
      void w.terminate().then(() => ok(ms));
    });
    w.once("error", fail);
  });
}

export async function benchReport(line: (label: string, value: string, goal?: string) => void): Promise<void> {
  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const dir = mkdtempSync(join(tmpdir(), "iewsc-bench-report-"));
  const peak = join(dir, "peak.js");
  writeFileSync(
    peak,
    'process.on("exit", () => process.stderr.write("PEAK_RSS " + process.resourceUsage().maxRSS + "\\n"));\n',
  );
  const floorScript = join(dir, "floor.js");
  writeFileSync(floorScript, FLOOR);
  const full = join(dir, "full.xlsx");
  await fullWorkbook(full);

  console.log("\nWorker start-up (new Worker until its modules are loaded and it says ready):");
  for (const worker of ["check-worker.js", "report-worker.js"]) {
    const file = join(ROOT, "dist/scripts", worker);
    await workerStartup(file);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await workerStartup(file));
    line(worker, fmt(times.sort((a, b) => a - b)[1]!), "ExcelJS and the core loaded again in each worker");
  }

  console.log("\n`iewsc report` in batch (copies of the sample with a forecast history) beside the floor:");
  for (const n of [30, 300]) {
    const input = join(dir, `in-${n}`);
    mkdirSync(input);
    for (let i = 0; i < n; i++) copyFileSync(full, join(input, `w${String(i).padStart(3, "0")}.xlsx`));
    const floorOut = join(dir, `floor-${n}`);
    mkdirSync(floorOut);
    const floor = measure(peak, [floorScript, input, floorOut]);
    if (floor.code !== 0)
      throw new Error(`the floor script failed (exit ${floor.code}): the comparison would mean nothing`);
    line(`${n}: floor (ExcelJS read + rewrite, 1 process)`, fmt(floor.ms), `peak ${floor.peakMb.toFixed(0)} MB`);
    for (const jobs of [1, 2]) {
      const out = join(dir, `out-${n}-${jobs}`);
      const r = measure(peak, [CLI, "report", input, "--out", out, "--as-of", "2024-03-01", "--jobs", String(jobs)]);
      line(
        `${n}: iewsc report --jobs ${jobs}`,
        fmt(r.ms),
        `×${(r.ms / floor.ms).toFixed(2)} the floor${n === 30 ? ` (goal ≤ 2: ${r.ms <= 2 * floor.ms ? "met" : "NOT MET"})` : ""}, peak ${r.peakMb.toFixed(0)} MB, exit ${r.code}`,
      );
      rmSync(out, { recursive: true, force: true });
    }
    rmSync(floorOut, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
}
