import {
  BUDGET_SHEET,
  type CellValue,
  CHECKS_SHEET,
  FORECAST_HISTORY_SHEET,
  TIMELINE_STATUS_TABLE,
  dayOfIso,
  serialOf,
} from "../../core";
import { applyIn, proposeIn, undoIn } from "../../addin/excel/arbitrate";
import { buildIn } from "../../addin/excel/build";
import { checkRosterIn, checkTimelineIn, goToCell } from "../../addin/excel/check";
import { recordForecastsIn } from "../../addin/excel/record-forecasts";
import { MARKER } from "../../addin/excel/highlights";
import { goodRoster, member } from "../helpers/tables";
import { edit, torTimeline } from "../helpers/timeline";
import { type Fixture, LOCALES, fakeExcel, mockExcel, tableSheet } from "./fake";

const today = dayOfIso("2026-11-28")!;
const serial = (iso: string) => serialOf(dayOfIso(iso)!);

/** A roster with findings in two columns (so highlights have several areas) and an arbitration in Europe. */
function roster(): CellValue[][] {
  const rows = goodRoster();
  rows[5] = member({ Name: "Amara Nwosu", Role: "Regional Volunteer", Region: "Africa", Gender: "Female" });
  rows.push(member({ Name: "X", Role: "Deputy Secretary-General", Email: "bad" }));
  rows.push(
    member({
      Name: "Ana Kovač",
      Role: "Regional Volunteer",
      Region: "Europe",
      Gender: "Female",
      Status: "Candidate",
      Justification: "x",
    }),
  );
  return rows;
}

/** The ToR timeline, TL03 45 days late, TL01 done: findings on two columns. */
function timeline(): CellValue[][] {
  return edit(edit(torTimeline(), "TL01", { Actual: serial("2023-05-30") }), "TL03", {
    Forecast: serial("2023-12-15"),
  });
}

function workbook(listSeparator: "," | ";"): Fixture {
  return {
    listSeparator,
    sheets: [
      tableSheet("Roster", roster()),
      tableSheet("Timeline", timeline(), { sheet: "Plan", at: "B2" }),
      tableSheet("Settings", [
        ["Key", "Value"],
        ["AsOf", "2024-01-10"],
      ]),
    ],
  };
}

describe.each(LOCALES)(
  "every add-in action where the list separator is $listSeparator ($locale)",
  ({ listSeparator }) => {
    test("Check roster highlights each area and writes the Checks sheet", async () => {
      const excel = fakeExcel(workbook(listSeparator));
      const outcome = await excel.run((ctx) => checkRosterIn(ctx, { today }));
      const areas = excel.formats("Roster").filter((f) => f.formula.includes(MARKER));
      expect(areas.length).toBeGreaterThan(1);
      expect(areas.every((f) => !f.address.includes(",") && !f.address.includes(";"))).toBe(true);
      const codes = excel.values(CHECKS_SHEET, "B6:B40").flat();
      for (const f of outcome.findings) expect(codes).toContain(f.code);
    });

    test("Check timeline writes the highlights, the status table and the Timeline view", async () => {
      const excel = fakeExcel(workbook(listSeparator));
      const outcome = await excel.run((ctx) => checkTimelineIn(ctx, { today }));
      expect(outcome.findings.map((f) => f.code)).toContain("TIMELINE_SLIPPED");
      expect(excel.formats("Plan").filter((f) => f.formula.includes(MARKER)).length).toBeGreaterThan(1);
      expect(excel.table(TIMELINE_STATUS_TABLE)).not.toBeNull();
    });

    test("Arbitrate, Apply and Undo", async () => {
      const excel = fakeExcel(workbook(listSeparator));
      const proposal = await excel.run((ctx) => proposeIn(ctx, { today }));
      const before = excel.values("Roster", "A1:J40");
      const applied = await excel.run((ctx) => applyIn(ctx, proposal.changes));
      if (applied.length) expect(excel.values("Roster", "A1:J40")).not.toEqual(before);
      await excel.run((ctx) => undoIn(ctx, applied));
      expect(excel.values("Roster", "A1:J40")).toEqual(before);
    });

    test("Build budget & resources, Record forecasts, and going to a finding's cell", async () => {
      const excel = mockExcel(workbook(listSeparator));
      const built = await excel.run((ctx) => buildIn(ctx, { today }));
      expect(built.plan.added.map((s) => s.name)).toEqual(["Workshop", "Rates", "Tasks"]);
      expect(excel.sheet(BUDGET_SHEET)).not.toBeNull();
      const recorded = await excel.run((ctx) => recordForecastsIn(ctx, { today }));
      expect(recorded.recorded).toHaveLength(8);
      expect(excel.charts(FORECAST_HISTORY_SHEET)).toHaveLength(1);
      await excel.run((ctx) => goToCell(ctx, { sheet: "Plan", address: "G5" }));
      expect(excel.world.selected).toEqual({ sheet: "Plan", address: "G5" });
    });
  },
);

describe("the fake refuses what a semicolon-locale Excel refuses (so the tests above can fail)", () => {
  test("a comma list of areas fails with InvalidArgument at sync, as in German, French or Swiss Excel", async () => {
    const excel = fakeExcel({ ...workbook(";") });
    const queue = (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("Roster").getRanges("A2,C5").conditionalFormats.add("Custom");
      return ctx.sync();
    };
    await expect(excel.run(queue)).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(fakeExcel(workbook(",")).run(queue)).resolves.toBeUndefined();
  });
});
