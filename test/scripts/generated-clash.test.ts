/**
 * A user's sheet, table or name spelled as one IEWSC Workbench generates (any case) is theirs: the
 * command line refuses with one line and exit 2, and writes nothing.
 */
import { runCli } from "../helpers/cli";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { emptySheet, generatedNote } from "../../core";
import { templateBytes } from "../../scripts/commands/template";
import { renderSheet } from "../../scripts/xlsx/render";

const dir = mkdtempSync(join(tmpdir(), "iewsc-clash-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const iewsc = (args: string[]) => runCli(args, { cwd: dir });

/** The sample workbook with something of the user's added. */
async function sampleWith(name: string, add: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await templateBytes(true)) as unknown as ExcelJS.Buffer);
  add(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const userSheet = (sheet: string) => (wb: ExcelJS.Workbook) => {
  const ws = wb.addWorksheet(sheet);
  ws.getCell("A1").value = "my own figures";
  ws.getCell("A2").value = 2024;
};

describe.each([
  ["budget", "Budget"],
  ["CHECKS", "Checks"],
  ["RESOURCES", "Resources"],
])("iewsc build with a sheet of the user's called %s", (sheet, ours) => {
  test("exit 2, one line naming the sheet, nothing written, the input untouched", async () => {
    const file = await sampleWith(`own-${sheet}.xlsx`, userSheet(sheet));
    const before = sha(file);
    const out = join(dir, `own-${sheet}-built.xlsx`);
    const r = iewsc(["build", file, "--out", out]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `iewsc: ${file}: the sheet "${sheet}" is yours, not one IEWSC Workbench generated; rename it so that IEWSC Workbench can write its ${ours} sheet (nothing was written)\n`,
    });
    expect(existsSync(out)).toBe(false);
    expect(sha(file)).toBe(before);
  });
});

test("iewsc build leaves a sheet of the user's called Timeline View as it is: build never writes that sheet", async () => {
  const file = await sampleWith("own-view.xlsx", userSheet("Timeline View"));
  const out = join(dir, "own-view-built.xlsx");
  const r = iewsc(["build", file, "--out", out, "--as-of", "2024-03-01"]);
  expect(r.stderr).toBe("");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet("Timeline View")!.getCell("A1").value).toBe("my own figures");
});

test.each([
  [
    "a table of the user's called iewsc_checks",
    (wb: ExcelJS.Workbook) =>
      wb.addWorksheet("Mine").addTable({
        name: "iewsc_checks",
        ref: "A1",
        headerRow: true,
        columns: [{ name: "Item" }, { name: "Note" }],
        rows: [["a", "b"]],
      }),
    'the table "iewsc_checks" on the Mine sheet is yours, not one IEWSC Workbench generated; rename it so that IEWSC Workbench can write its IEWSC_Checks table (nothing was written)',
  ],
  [
    "a name of the user's spelled as the Checks table",
    (wb: ExcelJS.Workbook) => {
      wb.addWorksheet("Mine").getCell("A1").value = 1;
      wb.definedNames.add("Mine!$A$1", "IEWSC_CHECKS");
    },
    'the name "IEWSC_CHECKS" is yours and is spelled as the IEWSC_Checks table IEWSC Workbench writes; rename it so that IEWSC Workbench can write the table (nothing was written)',
  ],
])("iewsc build refuses %s: exit 2, one line, nothing written", async (_, add, message) => {
  const file = await sampleWith(`table-${message.length}.xlsx`, add);
  const out = join(dir, `table-${message.length}-built.xlsx`);
  const r = iewsc(["build", file, "--out", out]);
  expect(r).toEqual({ code: 2, stdout: "", stderr: `iewsc: ${file}: ${message}\n` });
  expect(existsSync(out)).toBe(false);
});

test("iewsc arbitrate --balance-out with a sheet of the user's called BALANCE: exit 2, one line, nothing written", async () => {
  const file = await sampleWith("own-balance.xlsx", userSheet("BALANCE"));
  const out = join(dir, "own-balance-out.xlsx");
  const r = iewsc(["arbitrate", file, "--balance-out", out]);
  expect(r).toEqual({
    code: 2,
    stdout: "",
    stderr: `iewsc: ${file}: the sheet "BALANCE" is yours, not one IEWSC Workbench generated; rename it so that IEWSC Workbench can write its Balance sheet (nothing was written)\n`,
  });
  expect(existsSync(out)).toBe(false);
});

test("a sheet we generated, under any case, is ours: rendered again, it is replaced", () => {
  const wb = new ExcelJS.Workbook();
  const old = wb.addWorksheet("BUDGET");
  old.getCell("A2").value = generatedNote("on 1 March 2024.").values[0]![0] as string;
  renderSheet(wb, { ...emptySheet("Budget"), blocks: [generatedNote("again.")] });
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Budget"]);
  expect(wb.getWorksheet("Budget")!.getCell("A2").value).toBe("Generated by IEWSC Workbench again.");
});
