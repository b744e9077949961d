import {
  type CellValue,
  FORECAST_HISTORY_SHEET,
  FORECAST_HISTORY_TABLE,
  MTA_CHART,
  dayOfIso,
  isoOf,
  serialOf,
} from "../../core";
import { readHistory, recordForecastsIn } from "../../addin/excel/record-forecasts";
import { TIMELINE_HEADER, edit, milestone, torTimeline } from "../helpers/timeline";
import { type FakeExcel, fakeExcel, mockExcel, tableSheet } from "./fake";

const day = (iso: string) => dayOfIso(iso)!;
const serial = (iso: string) => serialOf(day(iso));

/** Records with the timeline as it stands, on a given day (a fresh fake holding the previous history). */
async function record(excel: FakeExcel, today: string) {
  return excel.run((ctx) => recordForecastsIn(ctx, { today: day(today) }));
}

const history = (excel: FakeExcel) =>
  readHistory(
    excel.values(FORECAST_HISTORY_SHEET, `A5:C${excel.table(FORECAST_HISTORY_TABLE)!.box.bottom}`),
    false,
  ).map((r) => `${isoOf(r.asOf)} ${r.id} ${isoOf(r.forecast)}`);

describe("Record forecasts and the milestone trend (fake host)", () => {
  test("records every milestone's forecast of the day and draws the trend chart with its diagonal", async () => {
    const timeline = edit(edit(torTimeline(), "TL01", { Actual: serial("2023-05-30") }), "TL03", {
      Forecast: "November 2023",
    });
    const excel = fakeExcel({ sheets: [tableSheet("Timeline", timeline)] });
    const outcome = await record(excel, "2023-09-01");
    expect(outcome.syncs).toBe(3);
    expect(history(excel)).toEqual([
      "2023-09-01 TL01 2023-05-30",
      "2023-09-01 TL02 2023-06-30",
      "2023-09-01 TL03 2023-11-30",
      "2023-09-01 TL04 2024-01-31",
      "2023-09-01 TL05 2024-05-31",
      "2023-09-01 TL06 2024-08-31",
      "2023-09-01 TL07 2024-08-31",
      "2023-09-01 TL08 2024-11-30",
    ]);
    // The chart's data: reporting date, the diagonal, one column per milestone.
    expect(excel.values(FORECAST_HISTORY_SHEET, "F4:H5")).toEqual([
      ["Reporting date", "Diagonal", "TL01"],
      [serial("2023-09-01"), serial("2023-09-01"), serial("2023-05-30")],
    ]);
    expect(excel.charts(FORECAST_HISTORY_SHEET)).toEqual([
      expect.objectContaining({
        name: MTA_CHART,
        type: "XYScatterLines",
        seriesBy: "Columns",
        source: `${FORECAST_HISTORY_SHEET}!F4:O5`,
        axes: { x: "Reporting date", y: "Forecast date" },
        at: "Q4",
      }),
    ]);
  });

  test("a later record adds a reporting date; the same day again replaces its record; one chart stays", async () => {
    let timeline: CellValue[][] = torTimeline();
    const excel = fakeExcel({ sheets: [tableSheet("Timeline", timeline)] });
    await record(excel, "2023-09-01");
    // The committee's forecast for TL03 moves: the trend line rises.
    timeline = edit(timeline, "TL03", { Forecast: serial("2023-12-15") });
    const later = fakeExcel({
      sheets: [
        tableSheet("Timeline", timeline),
        {
          name: FORECAST_HISTORY_SHEET,
          cells: excel.values(FORECAST_HISTORY_SHEET, "A1:C12") as CellValue[][],
          tables: [{ name: FORECAST_HISTORY_TABLE, ref: "A4:C12" }],
        },
      ],
    });
    const second = await record(later, "2023-10-01");
    expect(second.reports).toBe(2);
    const again = await record(later, "2023-10-01");
    expect(again.reports).toBe(2);
    expect(history(later).filter((r) => r.includes("TL03"))).toEqual([
      "2023-09-01 TL03 2023-10-31",
      "2023-10-01 TL03 2023-12-15",
    ]);
    expect(history(later)).toHaveLength(16);
    expect(later.charts(FORECAST_HISTORY_SHEET)).toHaveLength(1);
  });

  test("three round trips at 10, 1,000 and 10,000 milestones (office-addin-mock)", async () => {
    for (const n of [10, 1_000, 10_000]) {
      const rows = [
        [...TIMELINE_HEADER],
        ...Array.from({ length: n }, (_, i) => milestone({ ID: `M${i}`, Calendar: "Q3 2024" })),
      ];
      const excel = mockExcel({ sheets: [tableSheet("Timeline", rows)] });
      const outcome = await excel.run((ctx) => recordForecastsIn(ctx, { today: day("2024-05-01") }));
      expect({ n, syncs: outcome.syncs, recorded: outcome.recorded.length }).toEqual({
        n,
        syncs: n <= 1_000 ? 3 : outcome.syncs,
        recorded: n,
      });
      expect(outcome.syncs).toBeLessThanOrEqual(5);
    }
  }, 120_000);
});
