/**
 * A user's sheet, table or name spelled as one IEWSC Workbench generates (any case) is theirs: every
 * action of the add-in refuses before it queues a single write, with the same sentence as the command line.
 */
import { type CellValue, type Day, GeneratedClashError, dayOfIso } from "../../core";
import { proposeIn } from "../../addin/excel/arbitrate";
import { buildIn } from "../../addin/excel/build";
import { checkRosterIn, checkTimelineIn } from "../../addin/excel/check";
import { recordForecastsIn } from "../../addin/excel/record-forecasts";
import { goodRoster } from "../helpers/tables";
import { torTimeline } from "../helpers/timeline";
import { type FakeExcel, type Fixture, fakeExcel, mockExcel, tableSheet } from "./fake";

const today = dayOfIso("2024-03-01")!;
const mine: CellValue[][] = [["my own figures"], [2024]];

type Action = (context: Excel.RequestContext, options: { today: Day }) => Promise<unknown>;
const ACTIONS: Record<string, Action> = {
  "Check roster": checkRosterIn,
  "Check timeline": checkTimelineIn,
  "Build budget & resources": buildIn,
  Arbitrate: proposeIn,
  "Record forecasts": recordForecastsIn,
};

/** What the user's workbook holds: a roster and a timeline, and what the case adds. */
const base = (): Fixture["sheets"] => [tableSheet("Roster", goodRoster()), tableSheet("Timeline", torTimeline())];

/** Every sheet's cells and every table, to compare before and after. */
function state(excel: FakeExcel, fixture: Fixture) {
  return fixture.sheets.map((s) => ({ sheet: s.name, cells: excel.cells(s.name), tables: excel.tables(s.name) }));
}

async function refuses(fixture: Fixture, action: Action, message: string) {
  for (const make of [fakeExcel, mockExcel]) {
    const excel = make(fixture);
    const before = state(excel, fixture);
    const run = excel.run((ctx) => action(ctx, { today }));
    await expect(run).rejects.toThrow(GeneratedClashError);
    await expect(run).rejects.toThrow(message);
    // Not one byte of writes reached Excel, and nothing changed.
    expect(excel.world.requestBytes.every((b) => b === 0)).toBe(true);
    expect(state(excel, fixture)).toEqual(before);
    expect(excel.names()).toEqual([]);
  }
}

describe.each([
  ["budget", "Budget", "Build budget & resources"],
  ["RESOURCES", "Resources", "Build budget & resources"],
  ["CHECKS", "Checks", "Check roster"],
  ["CHECKS", "Checks", "Check timeline"],
  ["CHECKS", "Checks", "Build budget & resources"],
  ["Timeline View", "Timeline view", "Check timeline"],
  ["BALANCE", "Balance", "Arbitrate"],
  ["forecast HISTORY", "Forecast history", "Record forecasts"],
])("a sheet of the user's called %s", (sheet, ours, action) => {
  test(`${action} refuses before anything is written`, async () => {
    await refuses(
      { sheets: [...base(), { name: sheet, cells: mine }] },
      ACTIONS[action]!,
      `the sheet "${sheet}" is yours, not one IEWSC Workbench generated; rename it so that IEWSC Workbench can write its ${ours} sheet (nothing was written)`,
    );
  });
});

test.each([
  ["Check roster", "iewsc_checks", "IEWSC_Checks"],
  ["Check timeline", "IEWSC_TIMELINESTATUS", "IEWSC_TimelineStatus"],
  ["Record forecasts", "Iewsc_ForecastHistory", "IEWSC_ForecastHistory"],
])("%s refuses a table of the user's called %s on a sheet of theirs", async (action, table, ours) => {
  const theirs = tableSheet(table, [["Item"], ["a"]], { sheet: "Mine" });
  await refuses(
    { sheets: [...base(), theirs] },
    ACTIONS[action]!,
    `the table "${table}" on the Mine sheet is yours, not one IEWSC Workbench generated; rename it so that IEWSC Workbench can write its ${ours} table (nothing was written)`,
  );
});

test("Check timeline writes the status table where the previous run left it: on the Timeline's sheet it is ours", async () => {
  const excel = fakeExcel({ sheets: base() });
  await excel.run((ctx) => checkTimelineIn(ctx, { today }));
  await excel.run((ctx) => checkTimelineIn(ctx, { today }));
  expect(excel.tables("Timeline").map((t) => t.name)).toEqual(["Timeline", "IEWSC_TimelineStatus"]);
});
