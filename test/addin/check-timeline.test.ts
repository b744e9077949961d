import {
  type CellValue,
  CHECKS_SHEET,
  STATUS_MARKER,
  TIMELINE_STATUS_TABLE,
  TIMELINE_VIEW_SHEET,
  WouldLoseDataError,
  dayOfIso,
  serialOf,
} from "../../core";
import { checkRosterIn, checkTimelineIn } from "../../addin/excel/check";
import { MARKER } from "../../addin/excel/highlights";
import { goodRoster } from "../helpers/tables";
import { TIMELINE_HEADER, edit, milestone, torTimeline } from "../helpers/timeline";
import { fakeExcel, mockExcel, tableSheet } from "./fake";

const today = dayOfIso("2026-11-28")!;
/** Office.js hands dates over as serial numbers. */
const serial = (iso: string) => serialOf(dayOfIso(iso)!);

/** The ToR timeline with TL03 45 days late by its forecast and the workshop held on 19 April 2024. */
function timeline(): CellValue[][] {
  let t = torTimeline();
  t = edit(t, "TL01", { Actual: serial("2023-05-30") });
  t = edit(t, "TL03", { Forecast: serial("2023-12-15") });
  return edit(t, "TL05", { Actual: serial("2024-04-19"), Milestone: '=HYPERLINK("http://evil")' });
}

const settings = (asOf: string) =>
  tableSheet("Settings", [
    ["Key", "Value"],
    ["AsOf", asOf],
  ]);

describe("Check timeline in Excel (fake host)", () => {
  test("lists the timeline's findings, highlights them, and writes the status columns beside the table", async () => {
    const excel = fakeExcel({
      sheets: [tableSheet("Timeline", timeline(), { sheet: "Plan", at: "B2" }), settings("2024-01-10")],
    });
    const outcome = await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    expect(outcome.findings.map((f) => [f.code, f.severity, f.cell?.address])).toEqual([
      ["TIMELINE_OVERDUE", "error", "H4"],
      ["TIMELINE_OVERDUE", "error", "H5"],
      ["TIMELINE_SLIPPED", "error", "G5"],
    ]);
    // The Timeline table is B2:J10: one blank column (K), then ours from L2, on the same header row.
    expect(excel.table(TIMELINE_STATUS_TABLE)!.box).toEqual({ top: 2, left: 12, bottom: 10, right: 17 });
    expect(excel.values("Plan", "L2:Q2")).toEqual([
      [
        "IEWSC planned from",
        "IEWSC planned to",
        "IEWSC certainty",
        "IEWSC date now",
        "IEWSC slip days",
        "IEWSC status",
      ],
    ]);
    expect(
      excel
        .values("Plan", "K2:K10")
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    // Formulas go in with the leading "=" Office.js expects, over the user's own cells.
    expect(excel.cell("Plan", "P5").formula).toBe('=IF(AND(ISNUMBER(O5),ISNUMBER(M5)),MAX(0,O5-M5),"")');
    expect(excel.cell("Plan", "O5").formula).toMatch(
      /^=IF\(ISNUMBER\(H5\),INT\(H5\),IF\(LEN\(H5\)>0,"",IF\(ISNUMBER\(G5\),INT\(G5\),/,
    );
    const status = excel.formats("Plan").filter((f) => f.formula.includes(STATUS_MARKER));
    expect(status.map((f) => f.address)).toEqual(["P3:Q10", "P3:Q10", "P3:Q10"]);
    expect(status.every((f) => f.formula.startsWith('=AND(N("IEWSC status")=0,'))).toBe(true);
    expect(
      excel
        .formats("Plan")
        .filter((f) => f.formula.includes(MARKER))
        .map((f) => f.address),
    ).toEqual(["G5", "H4:H5"]); // one range per area: no list separator (see highlights.ts)
  });

  test("the Timeline view: one row per milestone, a user's '=' text stays text, the bars are live conditional formats", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Timeline", timeline())] });
    await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    expect(excel.values(TIMELINE_VIEW_SHEET, "A5:B7")).toEqual([
      ["ID", "Milestone"],
      ["TL01", "TSAG approves the committee"],
      ["TL02", "First committee meetings"],
    ]);
    expect(excel.cell(TIMELINE_VIEW_SHEET, "B10")).toMatchObject({
      value: `'=HYPERLINK("http://evil")`,
      formula: null,
      numberFormat: "@",
    });
    expect(excel.cell(TIMELINE_VIEW_SHEET, "E8").formula).toMatch(/^=IF\(ISNUMBER\(Timeline!F4\),INT\(Timeline!F4\),/);
    const bars = excel.formats(TIMELINE_VIEW_SHEET);
    expect(bars).toHaveLength(4);
    expect(bars.every((f) => f.formula.startsWith("=AND("))).toBe(true);
    expect(bars.map((f) => f.fill)).toEqual(["#107C10", "#FFB900", "#D13438", "#C7E0F4"]);
  });

  test("running twice leaves one status table, one set of rules and the same sheets", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Timeline", timeline())] });
    await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    const once = {
      plan: excel.values("Timeline", "A1:Q12"),
      formats: excel.formats("Timeline"),
      view: excel.formats(TIMELINE_VIEW_SHEET),
      checks: excel.values(CHECKS_SHEET, "A1:G12"),
    };
    await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    expect({
      plan: excel.values("Timeline", "A1:Q12"),
      formats: excel.formats("Timeline"),
      view: excel.formats(TIMELINE_VIEW_SHEET),
      checks: excel.values(CHECKS_SHEET, "A1:G12"),
    }).toEqual(once);
    expect(excel.formats("Timeline").filter((f) => f.formula.includes(STATUS_MARKER))).toHaveLength(3);
  });

  test("a shorter timeline on the next run leaves no stale rows of ours", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Timeline", timeline())] });
    await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    const short = fakeExcel({ sheets: [tableSheet("Timeline", timeline().slice(0, 4))] });
    await short.run((ctx) => checkTimelineIn(ctx, { today }));
    expect(short.table(TIMELINE_STATUS_TABLE)!.box).toEqual({ top: 1, left: 11, bottom: 4, right: 16 });
  });

  test("refuses, changing nothing, when the user has data where the status columns go", async () => {
    const sheets = [tableSheet("Timeline", timeline())];
    sheets[0]!.cells = sheets[0]!.cells.map((r, i) => (i === 3 ? [...r, null, null, null, "my note"] : r));
    const excel = fakeExcel({ sheets });
    const before = excel.values("Timeline", "A1:Q12");
    await expect(excel.run((ctx) => checkTimelineIn(ctx, { today }))).rejects.toThrow(WouldLoseDataError);
    await expect(excel.run((ctx) => checkTimelineIn(ctx, { today }))).rejects.toThrow(
      "cells M4 of the Timeline sheet hold data of yours",
    );
    expect(excel.values("Timeline", "A1:Q12")).toEqual(before);
    expect(excel.sheet(CHECKS_SHEET)).toBeNull();
    expect(excel.formats("Timeline")).toEqual([]);
  });

  test("the Checks sheet holds the roster's findings too; the pane lists only the timeline's", async () => {
    const roster = goodRoster();
    roster[5]![8] = null; // a missing justification
    const excel = fakeExcel({
      sheets: [tableSheet("Roster", roster), tableSheet("Timeline", timeline()), settings("2024-01-10")],
    });
    const outcome = await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    expect(outcome.findings.every((f) => f.code.startsWith("TIMELINE_"))).toBe(true);
    expect(excel.values(CHECKS_SHEET, "B6:B10").flat().sort()).toEqual([
      "",
      "ROSTER_JUSTIFICATION_MISSING",
      "TIMELINE_OVERDUE",
      "TIMELINE_OVERDUE",
      "TIMELINE_SLIPPED",
    ]);
    // And Check roster keeps the timeline's status columns as they are.
    const status = excel.values("Timeline", "K1:P10");
    await excel.run((ctx) => checkRosterIn(ctx, { today }));
    expect(excel.values("Timeline", "K1:P10")).toEqual(status);
    expect(excel.formats("Timeline").filter((f) => f.formula.includes(STATUS_MARKER))).toHaveLength(3);
  });

  test("without a Timeline table: one clear sentence, nothing written", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Roster", goodRoster())] });
    await expect(excel.run((ctx) => checkTimelineIn(ctx, { today }))).rejects.toThrow("no Timeline table was found");
    expect(excel.sheet(CHECKS_SHEET)).toBeNull();
  });
});

describe("Check timeline's round trips do not grow with the timeline (office-addin-mock)", () => {
  /** n milestones in dependency chains of ten, every fifth one slipped by its forecast. */
  function chains(n: number): CellValue[][] {
    const rows: CellValue[][] = [[...TIMELINE_HEADER]];
    for (let i = 0; i < n; i++) {
      rows.push(
        milestone({
          ID: `M${i}`,
          Calendar: "June 2024",
          Kind: "Milestone",
          "Depends On": i % 10 ? `M${i - 1}` : null,
          Forecast: i % 5 === 0 ? serial("2024-07-20") : null,
        }),
      );
    }
    return rows;
  }

  test.each([10, 1_000])(
    "%i milestones: three syncs",
    async (n) => {
      const excel = mockExcel({ sheets: [tableSheet("Timeline", chains(n)), settings("2024-06-15")] });
      const outcome = await excel.run((ctx) => checkTimelineIn(ctx, { today }));
      expect(outcome.syncs).toBe(3);
      expect(excel.world.syncs).toBe(3);
      // Every fifth milestone slipped 19 days (amber); the four after it in its chain are pushed (amber).
      expect(outcome.result.summary).toEqual({ errors: 0, warnings: n, info: 0 });
    },
    60_000,
  );

  test("10,000 milestones: what is written is split under Excel on the web's 5 MB limit, and only that adds syncs", async () => {
    const excel = mockExcel({ sheets: [tableSheet("Timeline", chains(10_000)), settings("2024-06-15")] });
    const outcome = await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    expect(excel.world.requestBytes.every((b) => b < 5 * 1024 * 1024)).toBe(true);
    expect(outcome.syncs).toBe(excel.world.syncs);
    // One conditional format per highlighted area (no locale-dependent area lists) adds their bytes.
    expect(outcome.syncs).toBeLessThanOrEqual(7);
    expect(outcome.result.summary.warnings).toBe(10_000);
  }, 120_000);
});

describe("a Timeline on a sheet without an Excel table", () => {
  test("the status columns stay where they are on the next run (ours are not read as the user's table)", async () => {
    const excel = fakeExcel({ sheets: [{ name: "Timeline", cells: timeline() }] });
    await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    const once = { at: excel.table(TIMELINE_STATUS_TABLE)!.box, cells: excel.values("Timeline", "A1:Z10") };
    await excel.run((ctx) => checkTimelineIn(ctx, { today }));
    expect({ at: excel.table(TIMELINE_STATUS_TABLE)!.box, cells: excel.values("Timeline", "A1:Z10") }).toEqual(once);
    expect(once.at.left).toBe(11);
  });
});
