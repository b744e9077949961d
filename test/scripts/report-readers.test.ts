/**
 * Reports are workbooks we write, so they too must open in programs nobody here wrote (the fidelity
 * issue): gnumeric opens each one cleanly, openpyxl reads its sheets and the milestone trend chart
 * (one series per milestone and the diagonal), and the shared version's package passes the same check.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CLI, runCli } from "../helpers/cli";
import { packageProblems } from "../helpers/package-check";
import { PYTHON, SSCONVERT, requireProgram } from "../helpers/programs";
import { gnumericRecalc } from "../helpers/readers";
import { SAMPLE_HISTORY, withHistory } from "../helpers/report";

const ROOT = join(__dirname, "../..");
const SAMPLE = join(ROOT, "templates/iewsc-sample.xlsx");
const dir = mkdtempSync(join(tmpdir(), "iewsc-report-readers-"));
const iewsc = (args: string[]) => runCli(args, { cwd: dir, timeoutMs: 300_000 });

/** What openpyxl sees: the sheets in order, and each chart's sheet, type and number of series. */
function openpyxlCharts(file: string): { sheets: string[]; charts: { sheet: string; type: string; series: number }[] } {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
charts = [{"sheet": ws.title, "type": type(c).__name__, "series": len(c.series)} for ws in wb.worksheets for c in ws._charts]
print(json.dumps({"sheets": wb.sheetnames, "charts": charts}))
`;
  const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`openpyxl could not open ${file}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function exceljsSheets(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ws.name);
}

const haveAll = [requireProgram("gnumeric", SSCONVERT), requireProgram("python3 with openpyxl", PYTHON)].every(Boolean);

(haveAll ? describe : describe.skip)("the sample's report in gnumeric and openpyxl", () => {
  const reports: Record<"full" | "shared", string> = { full: "", shared: "" };
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build:cli first.`);
    const input = join(dir, "sample.xlsx");
    await withHistory(SAMPLE, input);
    for (const [kind, extra] of [
      ["full", []],
      ["shared", ["--share"]],
    ] as const) {
      const out = join(dir, kind);
      const r = iewsc(["report", input, "--out", out, "--as-of", "2024-03-01", ...extra]);
      expect(r.code).toBeLessThan(2);
      reports[kind] = join(out, "sample-report.xlsx");
    }
  }, 600_000);

  test.each(["full", "shared"] as const)(
    "the %s version: a sound package that gnumeric opens cleanly",
    async (kind) => {
      const file = reports[kind];
      expect(await packageProblems(readFileSync(file))).toEqual([]);
      expect(() => gnumericRecalc(file)).not.toThrow();
    },
  );

  test.each(["full", "shared"] as const)(
    "the %s version: openpyxl reads the sheets ExcelJS reads, and the trend as a scatter chart (dates both ways) with a series per milestone and the diagonal",
    async (kind) => {
      const file = reports[kind];
      const seen = openpyxlCharts(file);
      expect(seen.sheets).toEqual(await exceljsSheets(file));
      const milestones = new Set(SAMPLE_HISTORY.map(([, id]) => id)).size;
      expect(seen.charts).toEqual([{ sheet: "Trend", type: "ScatterChart", series: milestones + 1 }]);
    },
  );
});
