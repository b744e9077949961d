import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook, ColumnMissingError, TableMissingError, UnreadableWorkbookError } from "../../core";
import { findTables, loadWorkbook, readWorkbookInput } from "../../scripts/xlsx/read-workbook";
import { goodRoster } from "../helpers/tables";
import { REAL_WORKBOOKS } from "../helpers/fixtures";

const REAL = REAL_WORKBOOKS;
const dir = mkdtempSync(join(tmpdir(), "iewsc-reader-"));

async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("the ExcelJS adapter finds tables as the contract says", () => {
  test("an Excel table named roster (any case) on any sheet, anywhere on it, with extra columns and a totals row", async () => {
    const file = await save("table.xlsx", (wb) => {
      wb.addWorksheet("Cover").getCell("A1").value = "IEWSC";
      const ws = wb.addWorksheet("Members");
      const [header, ...rows] = goodRoster();
      ws.addTable({
        name: "ROSTER",
        ref: "C4",
        headerRow: true,
        totalsRow: true,
        columns: [
          ...header!.map((h) => ({ name: String(h), totalsRowLabel: h === "Name" ? "Total" : undefined })),
          { name: "Notes" },
        ],
        rows: rows.map((r) => [...r, "note"]),
      });
    });
    const input = await readWorkbookInput(file);
    expect(input.tables.Roster).toMatchObject({ sheet: "Members", source: "table", origin: { row: 4, column: 3 } });
    expect(input.tables.Roster!.values).toHaveLength(16); // header + 15 members, the totals row left out
    expect(checkWorkbook(input).findings).toEqual([]);
  });

  test("a sheet named Roster: header in its first non-empty row, data to its last row with content", async () => {
    const file = await save("sheet.xlsx", (wb) => {
      const ws = wb.addWorksheet(" roster ".trim().toUpperCase());
      for (const [i, r] of goodRoster().entries()) ws.getRow(i + 3).values = [null, ...r] as ExcelJS.CellValue[];
      ws.getCell("B40").style = { font: { bold: true } }; // formatting alone is not content
    });
    const input = await readWorkbookInput(file);
    expect(input.tables.Roster).toMatchObject({ sheet: "ROSTER", source: "sheet", origin: { row: 3, column: 2 } });
    const result = checkWorkbook(input);
    expect(result.views.Roster!.rows.at(-1)!.row).toBe(18);
    expect(result.findings).toEqual([]);
  });

  test("cells as spreadsheets hold them: formulas give their results, rich text its text, links their text, a merged cell its first cell", async () => {
    const file = await save("cells.xlsx", (wb) => {
      const ws = wb.addWorksheet("Roster");
      ws.addRow(["Name", "Role", "Gender", "Region", "Justification", "Status"]);
      ws.addRow([
        { richText: [{ text: "Helena " }, { font: { bold: true }, text: "Varga" }] },
        { formula: '"RG-IEM "&"Leadership"', result: "RG-IEM Leadership" },
        "Female",
        null,
        null,
        null,
      ]);
      ws.addRow([
        { text: "Kenji Morita", hyperlink: "mailto:k@example.org" },
        "TSB Director",
        "Male",
        null,
        null,
        { formula: "1/0", result: { error: "#DIV/0!" } },
      ]);
      ws.addRow(["Ada", "Regional Volunteer", "Female", "Africa", "Key expert", null]);
      ws.addRow(["Bo", "Regional Volunteer", "Male", null, "Key expert", null]);
      ws.mergeCells("D4:D5");
    });
    const input = await readWorkbookInput(file);
    expect(input.tables.Roster!.values.slice(1, 3).map((r) => r.slice(0, 3))).toEqual([
      ["Helena Varga", "RG-IEM Leadership", "Female"],
      ["Kenji Morita", "TSB Director", "Male"],
    ]);
    expect(input.tables.Roster!.values[2]![5]).toEqual({ error: "#DIV/0!" });
    const found = checkWorkbook(input).findings.filter((f) => f.code === "ROSTER_INVALID_VALUE");
    // As in Excel, a merged cell's value is in its first cell only: Bo's Region is blank.
    expect(input.tables.Roster!.values[4]![3]).toBeNull();
    expect(found.map((f) => [f.row, f.column, f.data.value])).toEqual([
      [3, "Status", "#DIV/0!"],
      [5, "Region", ""],
    ]);
  });

  test("date cells are calendar days, in the 1900 and the 1904 date systems", async () => {
    for (const date1904 of [false, true]) {
      const file = await save(`dates-${date1904}.xlsx`, (wb) => {
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet("Settings");
        ws.addRow(["Key", "Value"]);
        ws.addRow(["AsOf", new Date(Date.UTC(2024, 3, 19))]);
        ws.getCell("B2").numFmt = "d mmmm yyyy";
        wb.addWorksheet("Roster").addRows(goodRoster());
      });
      const input = await readWorkbookInput(file);
      expect(input.date1904).toBe(date1904);
      expect(input.tables.Settings!.values[1]![1]).toEqual({ date: "2024-04-19" });
    }
  });

  test("the real 1904 workbook's date reads as the day Excel shows", async () => {
    const input = findTables(await loadWorkbook(join(REAL, "1904.xlsx")), ["Roster"]);
    expect(input.date1904).toBe(true);
    const wb = await loadWorkbook(join(REAL, "1904.xlsx"));
    const cell = wb.getWorksheet("Sheet1")!.getCell("B4").value as Date;
    expect(cell.toISOString().slice(0, 10)).toBe("1904-01-01");
  });

  test("a missing column names the workbook's sheet, the table and the column", async () => {
    const file = await save("no-gender.xlsx", (wb) =>
      wb.addWorksheet("Roster").addRows([
        ["Name", "Role"],
        ["Ada", "TSB Director"],
      ]),
    );
    const input = await readWorkbookInput(file);
    expect(() => checkWorkbook(input)).toThrow(ColumnMissingError);
    expect(() => checkWorkbook(input)).toThrow('the Roster table on sheet "Roster" has no "Gender" column');
  });
});

describe("every real workbook: no crash, and a clear reason it cannot be checked", () => {
  const files = readdirSync(REAL).filter((f) => f.endsWith(".xlsx"));
  test("there are real workbooks to try", () => expect(files.length).toBeGreaterThanOrEqual(10));
  test.each(files)(
    "%s",
    async (name) => {
      const file = join(REAL, name);
      let error: unknown;
      try {
        checkWorkbook(await readWorkbookInput(file));
      } catch (e) {
        error = e;
      }
      if (name === "invalid-xml.xlsx") {
        expect(error).toBeInstanceOf(UnreadableWorkbookError);
        expect((error as Error).message).toMatch(
          /^.*invalid-xml\.xlsx: could not be read as an \.xlsx workbook: its contents are damaged/,
        );
      } else {
        expect(error).toBeInstanceOf(TableMissingError);
        expect((error as TableMissingError).where).toMatchObject({ table: "Roster" });
      }
    },
    30_000,
  );

  test("not a workbook at all: a text file, an old .xls, a folder, nothing", async () => {
    const text = join(dir, "notes.xlsx");
    writeFileSync(text, "just some text");
    const xls = join(dir, "old.xlsx");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(readWorkbookInput(text)).rejects.toThrow("notes.xlsx: is not an .xlsx workbook");
    await expect(readWorkbookInput(xls)).rejects.toThrow(
      "old.xlsx: is an old .xls file: open it in Excel and save it as .xlsx",
    );
    await expect(readWorkbookInput(dir)).rejects.toThrow("is a folder, not a workbook");
    await expect(readWorkbookInput(join(dir, "nope.xlsx"))).rejects.toThrow("nope.xlsx: no such file");
  });
});
