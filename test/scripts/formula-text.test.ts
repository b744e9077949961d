import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CHECKS_SHEET, checksSheet, dayOfIso, safeText } from "../../core";
import { checkRosterIn } from "../../addin/excel/check";
import { renderSheet } from "../../scripts/xlsx/render";
import { fakeExcel, tableSheet } from "../addin/fake";
import { readCsv } from "../helpers/csv";
import { libreConvert } from "../helpers/libreoffice";
import { SOFFICE, describeWith } from "../helpers/programs";
import { checkTables, goodRoster, member } from "../helpers/tables";

const today = dayOfIso("2026-11-28")!;
const EVIL = '=HYPERLINK("http://evil.example","x")';

/** A roster whose duplicate's name is a formula: its findings' messages begin with user text. */
function roster() {
  return [
    ...goodRoster(),
    member({ Name: EVIL, Role: "Deputy Secretary-General" }),
    member({ Name: EVIL, Role: "Deputy Secretary-General", Status: "Candidate" }),
  ];
}

describe("safeText: what no program reads as a formula", () => {
  test.each([
    ["=1+1", "'=1+1"],
    ["+41 22 730 5111", "'+41 22 730 5111"],
    ["-5 days", "'-5 days"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["Sophie Laurent", "Sophie Laurent"],
    ["", ""],
    ["a=b", "a=b"],
  ])("%j is written %j", (text, written) => {
    expect(safeText(text)).toBe(written);
  });
});

describe("text that begins like a formula stays text in both adapters", () => {
  test("Office.js: the apostrophe is kept as text (Excel takes the first of two as the quote prefix)", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Roster", roster())] });
    const outcome = await excel.run((ctx) => checkRosterIn(ctx, { today }));
    const message = outcome.findings.find((f) => f.code === "ROSTER_DUPLICATE_PERSON")!.message;
    expect(message.startsWith("=HYPERLINK")).toBe(true);
    const row = 6 + outcome.findings.indexOf(outcome.findings.find((f) => f.code === "ROSTER_DUPLICATE_PERSON")!);
    expect(excel.cell(CHECKS_SHEET, `F${row}`)).toEqual({ value: `'${message}`, formula: null, numberFormat: "@" });
  });
});

describeWith("LibreOffice", SOFFICE)("exported to CSV and read back, the Checks sheet holds no live formula", () => {
  test("ExcelJS writes the Checks sheet; LibreOffice exports it to CSV and imports the CSV again: still text", async () => {
    const result = checkTables({ Roster: roster() });
    const wb = new ExcelJS.Workbook();
    renderSheet(wb, checksSheet(result.findings, result.summary, result.views, today));
    const dir = mkdtempSync(join(tmpdir(), "iewsc-formula-text-"));
    const xlsx = join(dir, "checks.xlsx");
    await wb.xlsx.writeFile(xlsx);

    const [csv] = libreConvert([xlsx], "csv");
    const messages = readCsv(csv!)
      .map((r) => r[5] ?? "")
      .filter((m) => m.includes("evil.example"));
    expect(messages.length).toBeGreaterThan(0);
    // No field of the export begins with a character that makes a spreadsheet evaluate it.
    expect(messages.filter((m) => /^[=+\-@]/.test(m))).toEqual([]);
    expect(messages.every((m) => m.startsWith("'=HYPERLINK"))).toBe(true);

    // LibreOffice opens the CSV as a spreadsheet (formulas in CSV are evaluated on import): no formula.
    const [again] = libreConvert([csv!], "xlsx");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(again!);
    const formulas: string[] = [];
    back.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
      }),
    );
    expect(formulas.filter((f) => /HYPERLINK/i.test(f) && f.includes("evil"))).toEqual([]);
  });
});
