import { CLI, runCli } from "../helpers/cli";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../core";
import { templateBytes } from "../../scripts/commands/template";
import { loadWorkbook } from "../../scripts/xlsx/read-workbook";
import { renderWorkbook } from "../../scripts/xlsx/render";
import { REAL_WORKBOOKS } from "../helpers/fixtures";
import { libreConvert } from "../helpers/libreoffice";
import { SOFFICE, describeWith } from "../helpers/programs";

const dir = mkdtempSync(join(tmpdir(), "iewsc-build-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const iewsc = (args: string[]) => runCli(args, { cwd: dir });

/** The sample workbook with some Workshop values changed (by key). */
async function sample(name: string, workshop: Record<string, CellValue> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await templateBytes(true)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Workshop")!;
  ws.eachRow((row) => {
    const key = String(row.getCell(1).value);
    if (key in workshop) row.getCell(2).value = workshop[key] as ExcelJS.CellValue;
  });
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The value LibreOffice computed for a workbook-level name (ExcelJS drops a cached 0, which reads as 0). */
async function named(file: string, name: string): Promise<number> {
  const wb = await loadWorkbook(file);
  const [ref] = (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(name).ranges;
  const [sheet, address] = ref!.replace(/\$/g, "").split("!") as [string, string];
  const v = wb.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(address).value;
  return typeof v === "number" ? v : v && typeof v === "object" && "formula" in v ? Number(v.result ?? 0) : NaN;
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error("dist/scripts/iewsc.js is missing: run `npm run build:cli` first (npm test does).");
});

describe("iewsc build", () => {
  test("writes a new file with the budget and resources, and never touches its input", async () => {
    const file = await sample("plain.xlsx");
    const before = sha(file);
    const out = join(dir, "plain-built.xlsx");
    const r = iewsc(["build", file, "--out", out, "--json", "--as-of", "2024-01-10"]);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file, out, currency: "CHF", added: [] });
    expect(sha(file)).toBe(before);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["Budget", "Resources", "Checks", "Roster", "Timeline"]),
    );
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  test("building the built file again gives the same sheets and totals", async () => {
    const file = await sample("twice.xlsx");
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice-built.xlsx");
    const a = JSON.parse(iewsc(["build", file, "--out", once, "--json", "--as-of", "2024-01-10"]).stdout);
    const b = JSON.parse(iewsc(["build", once, "--out", twice, "--json", "--as-of", "2024-01-10"]).stdout);
    expect({ ...b, file: undefined, out: undefined }).toEqual({ ...a, file: undefined, out: undefined });
    const [x, y] = [await loadWorkbook(once), await loadWorkbook(twice)];
    const cells = (wb: ExcelJS.Workbook, sheet: string) => {
      const out: unknown[] = [];
      wb.getWorksheet(sheet)!.eachRow((row, i) => out.push([i, JSON.stringify(row.values)]));
      return out;
    };
    for (const sheet of ["Budget", "Resources"]) expect(cells(y, sheet)).toEqual(cells(x, sheet));
    expect(y.worksheets.map((w) => w.name)).toEqual(x.worksheets.map((w) => w.name));
  });

  test("rebuilding when the checks find less than before is no loss (the generated sheets are ours)", async () => {
    const file = await sample("fewer.xlsx");
    const first = join(dir, "fewer-1.xlsx");
    expect(iewsc(["build", file, "--out", first, "--as-of", "2026-11-28"]).code).toBe(1);
    const second = iewsc(["build", first, "--out", join(dir, "fewer-2.xlsx"), "--as-of", "2023-06-01"]);
    expect(second.stderr).toBe("");
  });

  test("a sheet of the user's called Budget is refused, not replaced", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "my own budget";
    const file = join(dir, "own-budget.xlsx");
    await wb.xlsx.writeFile(file);
    const out = join(dir, "own-budget-built.xlsx");
    const r = iewsc(["build", file, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the sheet "Budget" is yours, not one IEWSC Workbench generated/);
    expect(existsSync(out)).toBe(false);
  });

  test("a name keeps one address when its cell moves between builds", () => {
    const wb = new ExcelJS.Workbook();
    renderWorkbook(wb, { sheets: [], names: [{ name: "BudgetTotal", ref: "Budget!$F$30" }] });
    renderWorkbook(wb, { sheets: [], names: [{ name: "BudgetTotal", ref: "Budget!$F$32" }] });
    expect(wb.definedNames.getRanges("BudgetTotal").ranges).toEqual(["Budget!$F$32"]);
  });

  test("a Roster that cannot be used, and no other check's table: built, and the Checks sheet says so (exit 1)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Roster").addRows([
      ["Name", "Role"],
      ["Ada", "TSB Director"],
    ]);
    const file = join(dir, "roster-unusable.xlsx");
    await wb.xlsx.writeFile(file);
    const out = join(dir, "roster-unusable-built.xlsx");
    const r = iewsc(["build", file, "--out", out, "--as-of", "2024-01-10"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("The checks found 1 error · 0 warnings · 0 notes: see the Checks sheet");
    expect(r.code).toBe(1);
    const checks = (await loadWorkbook(out)).getWorksheet("Checks")!;
    expect(checks.getCell("B6").value).toBe("TABLE_UNUSABLE");
    expect(String(checks.getCell("F6").value)).toContain('has no "Gender" column, so the roster was not checked');
    expect(String(checks.getCell("A2").value)).toContain("from the workbook's tables.");
  });

  test("a bare workbook gets the Workshop, Rates and Tasks tables to fill in", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "my notes";
    const file = join(dir, "bare.xlsx");
    await wb.xlsx.writeFile(file);
    const r = iewsc(["build", file, "--out", join(dir, "bare-built.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Added with defaults, to fill in: the Workshop, Rates and Tasks tables.");
  });

  test("refuses an output that is its input; nothing is written", async () => {
    const file = await sample("self.xlsx");
    const before = sha(file);
    expect(iewsc(["build", file, "--out", file])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/is the input workbook/),
    });
    expect(sha(file)).toBe(before);
  });

  // Every real workbook is built (its parts copied as they were: test/scripts/splice.test.ts), but one
  // that is damaged.
  const REFUSED: Record<string, RegExp> = {
    "invalid-xml.xlsx": /its contents are damaged/,
  };
  test.each(readdirSync(REAL_WORKBOOKS).filter((f) => f.endsWith(".xlsx")))(
    "real workbook %s: built, or refused in one line with nothing written; never changed",
    (name) => {
      const file = join(REAL_WORKBOOKS, name);
      const before = sha(file);
      const out = join(dir, `real-${name}`);
      const r = iewsc(["build", file, "--out", out]);
      expect(sha(file)).toBe(before);
      if (REFUSED[name]) {
        expect({ code: r.code, lines: r.stderr.trim().split("\n").length, written: existsSync(out) }).toEqual({
          code: 2,
          lines: 1,
          written: false,
        });
        expect(r.stderr).toMatch(REFUSED[name]!);
      } else {
        expect({ code: r.code, stderr: r.stderr, written: existsSync(out) }).toEqual({
          code: 0,
          stderr: "",
          written: true,
        });
      }
    },
  );

  test("images.xlsx is built with its images intact", async () => {
    const out = join(dir, "images-built.xlsx");
    const r = iewsc(["build", join(REAL_WORKBOOKS, "images.xlsx"), "--out", out]);
    expect(r.stderr).toBe("");
    const count = async (f: string) => (await loadWorkbook(f)).model.media.length;
    expect(await count(out)).toBe(await count(join(REAL_WORKBOOKS, "images.xlsx")));
  });
});

describeWith("LibreOffice", SOFFICE)("LibreOffice recomputes the built budget and resources", () => {
  test("a workbook saved by LibreOffice (tables without a style) is built", async () => {
    const [saved] = libreConvert([await sample("lo-saved.xlsx")], "xlsx");
    const out = join(dir, "lo-saved-built.xlsx");
    const r = iewsc(["build", saved!, "--out", out, "--as-of", "2024-01-10"]);
    expect(r.stderr).toBe("");
    expect(existsSync(out)).toBe(true);
  }, 240_000);

  test.each<[string, Record<string, CellValue>]>([
    ["Geneva, two languages, 10 % contingency", {}],
    ["a host city, no interpretation", { Venue: "New Delhi", InterpretationLanguages: null, ContingencyPercent: 0 }],
    [
      "all six languages, captioning and webcast, two days",
      {
        InterpretationLanguages: "Arabic, Chinese, English, French, Russian, Spanish",
        Days: 2,
        ContingencyPercent: 15,
      },
    ],
  ])(
    "%s: the core's total, the --json total and LibreOffice's BudgetTotal agree; a rate edit moves it by quantity × change",
    async (label, workshop) => {
      const file = await sample(`${label.replace(/\W+/g, "-")}.xlsx`, workshop);
      const out = join(dir, `${label.replace(/\W+/g, "-")}-built.xlsx`);
      const json = JSON.parse(iewsc(["build", file, "--out", out, "--json", "--as-of", "2024-01-10"]).stdout);
      // Edit the Interpretation rate in the built file by +100, as a user would.
      const edited = await loadWorkbook(out);
      const rates = edited.getWorksheet("Rates")!;
      rates.getCell("C2").value = Number(rates.getCell("C2").value) + 100;
      const editedFile = out.replace(/\.xlsx$/, "-edited.xlsx");
      await edited.xlsx.writeFile(editedFile);
      const [recalc, recalcEdited] = libreConvert([out, editedFile], "xlsx");
      const total = await named(recalc!, "BudgetTotal");
      expect(total).toBeCloseTo(json.budgetTotal, 2);
      const languages =
        workshop.InterpretationLanguages === null
          ? 0
          : String(workshop.InterpretationLanguages ?? "English, French").split(",").length;
      const days = Number(workshop.Days ?? 2); // the sample workshop runs two days
      const contingency = Number(workshop.ContingencyPercent ?? 10);
      expect(await named(recalcEdited!, "BudgetTotal")).toBeCloseTo(
        total + languages * days * 100 * (1 + contingency / 100),
        2,
      );
      expect(await named(recalc!, "ResourceTotalDays")).toBeCloseTo(json.resourceTotalDays, 6);
    },
    240_000,
  );
});
