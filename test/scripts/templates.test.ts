import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { CONTRACT, TEMPLATE_TABLES, VALIDATED_ROWS, checkWorkbook, checksSheet, dayOfIso } from "../../core";
import { templateBytes } from "../../scripts/commands/template";
import { findTables, loadWorkbook } from "../../scripts/xlsx/read-workbook";
import { renderSheet } from "../../scripts/xlsx/render";
import { writeFileAtomic } from "../../scripts/atomic-write";
import { describeWith, SOFFICE } from "../helpers/programs";
import { libreConvert } from "../helpers/libreoffice";

const ROOT = resolve(__dirname, "../..");
const COMMITTED = {
  template: join(ROOT, "templates/iewsc-template.xlsx"),
  sample: join(ROOT, "templates/iewsc-sample.xlsx"),
};

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name]!.dir) out[name] = await zip.files[name]!.async("string");
  return out;
}

describe.each([
  ["template", false],
  ["sample", true],
] as const)("the committed %s", (which, sample) => {
  test("is exactly what the generator writes (part by part)", async () => {
    const generated = await parts(await templateBytes(sample));
    const committed = await parts(readFileSync(COMMITTED[which]));
    expect(Object.keys(committed)).toEqual(Object.keys(generated));
    for (const name of Object.keys(generated))
      expect({ name, xml: committed[name] }).toEqual({ name, xml: generated[name] });
  });

  test("reads back with ExcelJS: every contract table as an Excel table, with dropdowns, formats and frozen headers", async () => {
    const wb = await loadWorkbook(COMMITTED[which], { keepValidations: true });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["How to use", ...TEMPLATE_TABLES]);
    const input = findTables(wb);
    for (const name of TEMPLATE_TABLES) {
      const table = input.tables[name]!;
      expect({ name, source: table.source, sheet: table.sheet }).toEqual({ name, source: "table", sheet: name });
      const headers = table.values[0]!.slice(0, CONTRACT[name].columns.length);
      expect(headers).toEqual(CONTRACT[name].columns.map((c) => c.header));
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const roster = wb.getWorksheet("Roster")!;
    const validation = (ws: ExcelJS.Worksheet, address: string) =>
      (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[
        address
      ];
    for (const [col, header] of [
      ["B", "Role"],
      ["C", "Region"],
      ["D", "Gender"],
      ["E", "Status"],
    ]) {
      const rule = validation(roster, `${col}2:${col}${VALIDATED_ROWS + 1}`) ?? validation(roster, `${col}2`);
      expect({ header, type: rule?.type }).toEqual({ header, type: "list" });
      expect(rule!.formulae[0]).toContain(
        header === "Region"
          ? "Asia-Pacific"
          : header === "Role"
            ? "Regional Volunteer"
            : header === "Gender"
              ? "Not stated"
              : "Withdrawn",
      );
    }
    const timeline = wb.getWorksheet("Timeline")!;
    expect((validation(timeline, `E2:E${VALIDATED_ROWS + 1}`) ?? validation(timeline, "E2"))!.formulae[0]).toContain(
      "Workshop",
    );
    expect(wb.getWorksheet("Meetings")!.getCell("B2").numFmt).toBe("d mmmm yyyy");
    expect(wb.getWorksheet("Tasks")!.getCell("F2").numFmt).toBe("d mmmm yyyy");
    expect(String(wb.getWorksheet("How to use")!.getCell("A1").value)).toContain("IEWSC Workbench");
    const program = wb.getWorksheet("Program")!;
    expect(program.getCell("C2").numFmt).toBe("hh:mm");
    expect(program.getCell("B2").numFmt).toBe("d mmmm yyyy");
    expect((validation(program, `F2:F${VALIDATED_ROWS + 1}`) ?? validation(program, "F2"))!.formulae[0]).toContain(
      "Fireside chat",
    );
    const invitees = wb.getWorksheet("Invitees")!;
    for (const [col, value] of [
      ["C", "Academia"],
      ["E", "Arab States"],
      ["F", "Not stated"],
      ["H", "Panellist"],
      ["K", "To invite"],
    ] as const)
      expect(
        (validation(invitees, `${col}2:${col}${VALIDATED_ROWS + 1}`) ?? validation(invitees, `${col}2`))!.formulae[0],
      ).toContain(value);
  });
});

describe("the sample", () => {
  test("holds the Terms of Reference's committee, timeline and meetings", async () => {
    const input = findTables(await loadWorkbook(COMMITTED.sample));
    const roster = input.tables.Roster!.values;
    expect(roster).toHaveLength(19);
    const regions = roster
      .slice(1)
      .map((r) => r[2])
      .filter(Boolean);
    expect(new Set(regions)).toEqual(new Set(["Africa", "Americas", "Arab States", "Asia-Pacific", "CIS", "Europe"]));
    const timeline = input.tables.Timeline!.values;
    expect(timeline.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ["TL01", "30th of May 2023"],
      ["TL02", "June 2023"],
      ["TL03", "October 2023"],
      ["TL04", "January 2024 TBC"],
      ["TL05", "Spring 2024 TBD"],
      ["TL06", "Summer 2024 TBD"],
      ["TL07", "Summer 2024 TBD"],
      ["TL08", "Fall 2024"],
    ]);
    expect(timeline[5]![6]).toEqual({ date: "2024-04-19" }); // the workshop happened on 19 April 2024
    // A two-day programme (18–19 April 2024) whose times read back as times of day, not as dates.
    const program = input.tables.Program!.values;
    expect(program[1]!.slice(0, 4)).toEqual([
      "S01",
      { date: "2024-04-18" },
      { date: "1899-12-30", time: 9 * 3600 },
      { date: "1899-12-30", time: 9.5 * 3600 },
    ]);
    expect(new Set(program.slice(1).map((r) => (r[1] as { date: string }).date))).toEqual(
      new Set(["2024-04-18", "2024-04-19"]),
    );
    expect(input.tables.Invitees!.values.slice(1).map((r) => r[0])).toContain("Nguyễn Thị Lan");
    expect(input.tables.Meetings!.values[3]).toEqual([
      "WTSA",
      { date: "2024-10-15" },
      { date: "2024-10-24" },
      "New Delhi",
    ]);
  });

  test("checks to one deliberate finding: a volunteer without a justification", async () => {
    const result = checkWorkbook(findTables(await loadWorkbook(COMMITTED.sample)));
    expect(result.findings.map((f) => [f.code, f.row])).toEqual([["ROSTER_JUSTIFICATION_MISSING", 10]]);
  });
});

describeWith("LibreOffice", SOFFICE)("LibreOffice opens what we write", () => {
  test("the template and the sample open, and the sample converted by LibreOffice checks the same", async () => {
    const [template, sample] = libreConvert([COMMITTED.template, COMMITTED.sample], "xlsx");
    const reread = findTables(await loadWorkbook(template!));
    expect(Object.keys(reread.tables).sort()).toEqual([...TEMPLATE_TABLES].sort());
    const result = checkWorkbook(findTables(await loadWorkbook(sample!)));
    expect(result.findings.map((f) => [f.code, f.row])).toEqual([["ROSTER_JUSTIFICATION_MISSING", 10]]);
  });

  test("the Checks sheet plan, rendered through ExcelJS, recomputes in LibreOffice to the cells it links to", async () => {
    const wb = await loadWorkbook(COMMITTED.sample);
    const result = checkWorkbook(findTables(wb));
    const plan = checksSheet(result.findings, result.summary, result.views, dayOfIso("2026-11-28")!);
    // Drop the results the core computed, so that what comes back is LibreOffice's own arithmetic.
    plan.tables[0]!.rows = plan.tables[0]!.rows.map((r) =>
      r.map((v) => (v !== null && typeof v === "object" && "formula" in v ? { formula: v.formula } : v)),
    );
    renderSheet(wb, plan);
    const file = join(mkdtempSync(join(tmpdir(), "iewsc-checks-")), "checks.xlsx");
    await writeFileAtomic(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const [converted] = libreConvert([file], "xlsx");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(converted!);
    const checks = back.getWorksheet("Checks")!;
    expect(checks.getCell("A6").value).toBe("Error");
    expect(checks.getCell("B6").value).toBe("ROSTER_JUSTIFICATION_MISSING");
    const link = checks.getCell("G6").value as ExcelJS.CellFormulaValue;
    expect(link.formula).toContain("HYPERLINK");
    expect(link.result).toBe("I10");
    expect(String(checks.getCell("A2").value)).toContain("28 November 2026");
  });
});
