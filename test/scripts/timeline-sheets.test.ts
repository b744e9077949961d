import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  type Day,
  STATUS_MARKER,
  TIMELINE_STATUS_TABLE,
  TIMELINE_VIEW_SHEET,
  WouldLoseDataError,
  checkWorkbook,
  dayFromSerial,
  dayOfIso,
  isoOf,
  milestoneState,
  timelineSheets,
} from "../../core";
import { dayFromUtcDate } from "../../scripts/xlsx/dates";
import { findTables, loadWorkbook } from "../../scripts/xlsx/read-workbook";
import { renderBesideTable, renderSheet, toExcel } from "../../scripts/xlsx/render";
import { readCsv } from "../helpers/csv";
import { libreConvert } from "../helpers/libreoffice";
import { SOFFICE, describeWith } from "../helpers/programs";
import { edit, on, torTimeline } from "../helpers/timeline";

const dir = mkdtempSync(join(tmpdir(), "iewsc-timeline-"));
const TODAY = dayOfIso("2026-11-28")!;

/** The ToR timeline in the states a real one is in: slipped by a date, by words, done late, done, untouched. */
function rows() {
  let t = torTimeline();
  t = edit(t, "TL01", { Actual: on("2023-05-30") });
  t = edit(t, "TL03", { Forecast: on("2023-12-15") }); // 45 days late: red
  t = edit(t, "TL04", { Actual: on("2024-01-22") }); // done on plan
  t = edit(t, "TL05", { Forecast: "May 2024" }); // words: the formula carries the core's reading
  t = edit(t, "TL06", { Actual: "September 2024" }); // done late, written in words
  t = edit(t, "TL08", { Actual: on("2024-10-15") });
  return t;
}

/** A user's workbook: a title above the Timeline table, at C3, and a Settings table with AsOf. */
async function userWorkbook(
  name: string,
  asOf: string | null,
  extra?: (ws: ExcelJS.Worksheet) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.getCell("C1").value = "IEWSC timeline (kept by TSB)";
  const [header, ...body] = rows();
  ws.addTable({
    name: "Timeline",
    ref: "C3",
    headerRow: true,
    columns: header!.map((h) => ({ name: String(h) })),
    rows: body.map((r) => r.map((v) => toExcel(v as never))),
  });
  for (let i = 0; i < body.length; i++) for (const c of [8, 9]) ws.getCell(4 + i, c).numFmt = "yyyy-mm-dd";
  extra?.(ws);
  if (asOf)
    wb.addWorksheet("Settings").addRows([
      ["Key", "Value"],
      ["AsOf", asOf],
    ]);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Reads, checks and writes the timeline's generated columns and view, as the add-in does. */
async function generate(file: string, out: string) {
  const wb = await loadWorkbook(file);
  const input = findTables(wb);
  const result = checkWorkbook(input, { today: TODAY });
  const plans = timelineSheets(result, { date1904: input.date1904, today: TODAY })!;
  renderBesideTable(wb, plans.status, STATUS_MARKER);
  renderSheet(wb, plans.view);
  await wb.xlsx.writeFile(out);
  return plans;
}

const asDay = (v: ExcelJS.CellValue): Day | "" => {
  // ExcelJS leaves out a formula's cached result when it is an empty string.
  const value = v !== null && typeof v === "object" && "formula" in v ? v.result : v;
  if (value instanceof Date) return dayFromUtcDate(value);
  if (typeof value === "number") return dayFromSerial(value);
  return value === undefined || value === null ? "" : (value as never);
};
const displayed = readCsv;

describe("the generated status columns and Timeline view, written through ExcelJS", () => {
  test("sit one column right of the Timeline table, on its header row, as one table; the user's cells are untouched", async () => {
    const file = await userWorkbook("place.xlsx", "2024-05-15");
    const out = join(dir, "place-out.xlsx");
    const plans = await generate(file, out);
    expect(plans.status.table.ref).toBe("M3"); // Timeline is C3:K11, so one blank column (L), then ours
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("Plan")!;
    expect(ws.getCell("C1").value).toBe("IEWSC timeline (kept by TSB)");
    expect([...Array(6)].map((_, i) => ws.getCell(3, 13 + i).value)).toEqual([
      "IEWSC planned from",
      "IEWSC planned to",
      "IEWSC certainty",
      "IEWSC date now",
      "IEWSC slip days",
      "IEWSC status",
    ]);
    expect(ws.getCell("L3").value).toBeNull();
    const again = findTables(wb);
    expect(again.tables.Timeline!.values.slice(1).map((r) => r.slice(0, 9))).toEqual(
      findTables(await loadWorkbook(file))
        .tables.Timeline!.values.slice(1)
        .map((r) => r.slice(0, 9)),
    );
  });

  test("running twice leaves one table and one set of conditional formats", async () => {
    const file = await userWorkbook("twice.xlsx", "2024-05-15");
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice-out.xlsx");
    await generate(file, once);
    await generate(once, twice);
    const [a, b] = [await loadWorkbook(once), await loadWorkbook(twice)];
    const shape = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet("Plan")! as unknown as {
        tables: Record<string, unknown>;
        conditionalFormattings: unknown[];
      };
      return {
        tables: Object.keys(ws.tables).sort(),
        cfs: ws.conditionalFormattings.length,
        sheets: wb.worksheets.map((w) => w.name),
      };
    };
    expect(shape(b)).toEqual(shape(a));
    expect(shape(b)).toEqual({
      tables: [TIMELINE_STATUS_TABLE, "Timeline"].sort(),
      cfs: 3,
      sheets: ["Plan", "Settings", TIMELINE_VIEW_SHEET],
    });
  });

  test("refuses, changing nothing, when the user has data where the columns go", async () => {
    const file = await userWorkbook("taken.xlsx", null, (ws) => (ws.getCell("O6").value = "my note"));
    const wb = await loadWorkbook(file);
    const input = findTables(wb);
    const result = checkWorkbook(input, { today: TODAY });
    const plans = timelineSheets(result, { date1904: false, today: TODAY })!;
    expect(() => renderBesideTable(wb, plans.status, STATUS_MARKER)).toThrow(WouldLoseDataError);
    expect(() => renderBesideTable(wb, plans.status, STATUS_MARKER)).toThrow(
      /cells O6 of the Plan sheet hold data of yours/,
    );
    expect(wb.getWorksheet("Plan")!.getCell("O6").value).toBe("my note");
  });
});

describeWith("LibreOffice", SOFFICE)("LibreOffice recomputes the live formulas", () => {
  test("slip days, date now and status equal the core's; editing a forecast moves them without a re-run", async () => {
    const file = await userWorkbook("live.xlsx", "2024-05-15");
    const out = join(dir, "live-out.xlsx");
    const plans = await generate(file, out);
    // Edit the generated file as a user would: TL03's forecast moves to 10 January 2024, TL07 gets one.
    const edited = await loadWorkbook(out);
    edited.getWorksheet("Plan")!.getCell("H6").value = new Date(Date.UTC(2024, 0, 10));
    edited.getWorksheet("Plan")!.getCell("H10").value = new Date(Date.UTC(2024, 8, 2));
    const editedFile = join(dir, "live-edited.xlsx");
    await edited.xlsx.writeFile(editedFile);

    const [csv, csvEdited] = libreConvert([out, editedFile], "csv");
    const asOf = dayOfIso("2024-05-15")!;
    const read = (f: string) => {
      const grid = displayed(f);
      return plans.ctx.milestones.map((m) => {
        const row = grid[m.row - 1]!;
        return { id: row[2], dateNow: row[15], slipDays: row[16], status: row[17] };
      });
    };
    const core = plans.ctx.milestones
      .map((m) => milestoneState(m, asOf))
      .map((s) => ({
        id: s.id,
        dateNow: s.dateNow === undefined ? "" : isoOf(s.dateNow),
        slipDays: s.slipDays === undefined ? "" : String(s.slipDays),
        status: s.status,
      }));
    expect(read(csv!)).toEqual(core);
    // The story, in words: TL03 is 45 days late and overdue, TL05's "May 2024" is inside Spring, TL06 was done late.
    expect(core.map((c) => `${c.id} ${c.status} ${c.slipDays}`)).toEqual([
      "TL01 Done 0",
      "TL02 Overdue ",
      "TL03 Overdue 45",
      "TL04 Done 0",
      "TL05 On plan 0",
      "TL06 Done late 30",
      "TL07 On plan ",
      "TL08 Done 0",
    ]);

    const after = read(csvEdited!);
    expect(after[2]).toEqual({ id: "TL03", dateNow: "2024-01-10", slipDays: "71", status: "Overdue" });
    expect(after[6]).toEqual({ id: "TL07", dateNow: "2024-09-02", slipDays: "2", status: "Slipping" });
  }, 240_000);

  test("odd cells agree too: an Actual in words, a year as a number, a date with a time of day", async () => {
    const file = await userWorkbook("odd.xlsx", "2024-05-15", (ws) => {
      ws.getCell("I5").value = "done"; // TL02 Actual, in words
      ws.getCell("H5").value = new Date(Date.UTC(2023, 8, 1)); // and a late forecast behind it
      ws.getCell("H10").value = 2024; // TL07 Forecast: the year 2024 (a plain number, not a date cell)
      ws.getCell("H10").numFmt = "General";
      ws.getCell("I7").value = new Date(Date.UTC(2024, 0, 22, 18, 0)); // TL04 Actual at 18:00
    });
    const out = join(dir, "odd-out.xlsx");
    const plans = await generate(file, out);
    const [csv] = libreConvert([out], "csv");
    const grid = displayed(csv!);
    const asOf = dayOfIso("2024-05-15")!;
    const got = plans.ctx.milestones.map((m) => grid[m.row - 1]!.slice(15, 18));
    const want = plans.ctx.milestones
      .map((m) => milestoneState(m, asOf))
      .map((st) => [
        st.dateNow === undefined ? "" : isoOf(st.dateNow),
        st.slipDays === undefined ? "" : String(st.slipDays),
        st.status,
      ]);
    expect(got).toEqual(want);
    expect(want[1]).toEqual(["", "", "Done"]);
    expect(want[3]).toEqual(["2024-01-22", "0", "Done"]);
    expect(want[6]).toEqual(["2024-12-31", "122", "Slipping"]);
  }, 240_000);

  test("the Timeline view's Forecast and Actual follow the Timeline sheet", async () => {
    const file = await userWorkbook("view.xlsx", "2024-05-15");
    const out = join(dir, "view-out.xlsx");
    const plans = await generate(file, out);
    const [recalc] = libreConvert([out], "xlsx");
    const ws = (await loadWorkbook(recalc!)).getWorksheet(TIMELINE_VIEW_SHEET)!;
    const got = plans.ctx.milestones.map((_, i) => [
      ws.getCell(6 + i, 1).value,
      asDay(ws.getCell(6 + i, 5).value),
      asDay(ws.getCell(6 + i, 6).value),
    ]);
    expect(got.map(([id, f, a]) => [id, f === "" ? "" : isoOf(f as Day), a === "" ? "" : isoOf(a as Day)])).toEqual([
      ["TL01", "", "2023-05-30"],
      ["TL02", "", ""],
      ["TL03", "2023-12-15", ""],
      ["TL04", "", "2024-01-22"],
      ["TL05", "2024-05-31", ""],
      ["TL06", "", "2024-09-30"],
      ["TL07", "", ""],
      ["TL08", "", "2024-10-15"],
    ]);
    expect(plans.view.conditionalFormats).toHaveLength(4);
  }, 240_000);
});
