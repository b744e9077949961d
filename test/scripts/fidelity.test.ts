import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { libreConvert } from "../helpers/libreoffice";
import { packageProblems } from "../helpers/package-check";
import { PYTHON, SOFFICE, SSCONVERT, requireProgram } from "../helpers/programs";
import { formulaResults, gnumericRecalc, openpyxlRead } from "../helpers/readers";

/*
 * Every workbook we write, opened by programs nobody here wrote: LibreOffice and gnumeric recompute
 * every formula and must get what the core computed (the cached results we write); openpyxl opens it
 * and finds every defined name where it points.
 */
const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/scripts/iewsc.js");
const dir = mkdtempSync(join(tmpdir(), "iewsc-fidelity-"));

function iewsc(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  if (r.status === 2) throw new Error(`iewsc ${args.join(" ")} failed: ${r.stderr}`);
  return r;
}

const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)) : a === b;

/** The workbooks we write: the template, the sample, a build of each, and arbitrate --balance-out. */
function writeAll(): Record<string, string> {
  iewsc(["template", "--out", "template.xlsx"]);
  iewsc(["template", "--sample", "--out", "sample.xlsx"]);
  iewsc(["build", "sample.xlsx", "--out", "built-sample.xlsx", "--as-of", "2024-03-01"]);
  iewsc(["build", "template.xlsx", "--out", "built-template.xlsx", "--as-of", "2024-03-01"]);
  iewsc(["arbitrate", "sample.xlsx", "--balance-out", "balance.xlsx"]);
  const files = ["template", "sample", "built-sample", "built-template", "balance"];
  return Object.fromEntries(files.map((f) => [f, join(dir, `${f}.xlsx`)]));
}

const haveAll = [
  requireProgram("LibreOffice", SOFFICE),
  requireProgram("gnumeric", SSCONVERT),
  requireProgram("python3 with openpyxl", PYTHON),
].every(Boolean);

(haveAll ? describe : describe.skip)("round trips through LibreOffice, gnumeric and openpyxl", () => {
  let files: Record<string, string>;
  let libre: Record<string, string>;
  beforeAll(() => {
    files = writeAll();
    const names = Object.keys(files);
    const converted = libreConvert(Object.values(files), "xlsx");
    libre = Object.fromEntries(names.map((n, i) => [n, converted[i]!]));
  }, 600_000);

  test.each(["template", "sample", "built-sample", "built-template", "balance"])(
    "%s: a sound package, and LibreOffice and gnumeric compute every formula as the core did",
    async (name) => {
      const file = files[name]!;
      expect(await packageProblems(readFileSync(file))).toEqual([]);
      const ours = await formulaResults(file);
      const byLibre = await formulaResults(libre[name]!);
      const byGnumeric = await formulaResults(gnumericRecalc(file));
      const disagree: string[] = [];
      for (const [at, { formula, result }] of ours) {
        // Every formula we write carries the core's result, for programs that do not recalculate.
        if (result === undefined) disagree.push(`${at}: =${formula} has no cached result`);
        const lo = byLibre.get(at)?.result;
        if (!same(result, lo) && !(result === "" && lo === undefined))
          disagree.push(`${at}: =${formula} core ${String(result)}, LibreOffice ${String(lo)}`);
        // ExcelJS misreads gnumeric's cached text (toolchain.md): compare its numbers.
        const gn = byGnumeric.get(at)?.result;
        if (typeof result === "number" && !same(result, gn))
          disagree.push(`${at}: =${formula} core ${result}, gnumeric ${String(gn)}`);
      }
      expect(disagree).toEqual([]);
    },
  );

  test("the Resources month table is written as array formulas, which gnumeric needs", async () => {
    const xml = await sheetXml(files["built-sample"]!, "Resources");
    expect(xml).toMatch(/<f t="array" ref="B5">SUMPRODUCT\(/);
  });

  test.each(["built-sample", "built-template", "balance"])(
    "%s: openpyxl opens it and every defined name points at a cell of a sheet that is there",
    (name) => {
      const read = openpyxlRead(files[name]!);
      expect(read.sheets).toContain(name === "balance" ? "Balance" : "Budget");
      // The built copies name their totals; the balance copy names nothing (and openpyxl finds nothing).
      expect(read.names.map((n) => n.name).sort()).toEqual(
        name === "balance" ? [] : ["BudgetTotal", "ResourceTotalDays"],
      );
      for (const n of read.names) expect(read.sheets).toContain(n.sheet);
    },
  );

  test("openpyxl reads the cached totals we write: BudgetTotal 58,124 CHF (the two-day sample) and ResourceTotalDays 54", () => {
    const read = openpyxlRead(files["built-sample"]!);
    const value = (name: string) => read.names.find((n) => n.name === name)?.value;
    expect(value("BudgetTotal")).toBeCloseTo(58124, 6);
    expect(value("ResourceTotalDays")).toBe(54);
  });

  test("LibreOffice keeps the defined names, pointing where we wrote them", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(libre["built-sample"]!);
    expect(wb.definedNames.getRanges("BudgetTotal").ranges[0]).toMatch(/^'?Budget'?!\$F\$\d+$/);
    expect(wb.definedNames.getRanges("ResourceTotalDays").ranges[0]).toMatch(/^'?Resources'?!\$B\$\d+$/);
  });
});

async function sheetXml(file: string, sheet: string): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return zip.file(`xl/${target[1] ?? target[2]}`)!.async("string");
}
