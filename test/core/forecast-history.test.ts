import {
  type ForecastRecord,
  MAX_TREND_MILESTONES,
  dayOfIso,
  forecastHistorySheet,
  mergeHistory,
  recordForecasts,
  timelineContext,
  trendRange,
  trendTable,
} from "../../core";
import { DEFAULT_SETTINGS, readTable } from "../../core";
import { raw } from "../helpers/tables";
import { edit, on, torTimeline } from "../helpers/timeline";

const day = (iso: string) => dayOfIso(iso)!;
const rec = (asOf: string, id: string, forecast: string): ForecastRecord => ({
  asOf: day(asOf),
  id,
  forecast: day(forecast),
});

describe("recording forecasts for the milestone trend", () => {
  test("each milestone's Actual, else Forecast, else planned latest day; milestones without any date are left out", () => {
    let t = edit(torTimeline(), "TL01", { Actual: on("2023-05-30") });
    t = edit(t, "TL03", { Forecast: "mid November 2023" });
    t = edit(t, "TL07", { Calendar: "whenever" });
    const { ctx } = timelineContext(
      { timeline: readTable(raw("Timeline", t)) },
      DEFAULT_SETTINGS,
      day("2023-09-01"),
      false,
    );
    const recorded = recordForecasts(ctx, day("2023-09-01")).map((r) => [r.id, r.forecast]);
    expect(recorded).toEqual([
      ["TL01", day("2023-05-30")],
      ["TL02", day("2023-06-30")],
      ["TL03", day("2023-11-20")],
      ["TL04", day("2024-01-31")],
      ["TL05", day("2024-05-31")],
      ["TL06", day("2024-08-31")],
      ["TL08", day("2024-11-30")],
    ]);
  });

  test("a record on the same day replaces the earlier one, whatever the ID's case; history stays in date order", () => {
    const history = [rec("2023-09-01", "TL03", "2023-10-31"), rec("2023-10-01", "TL03", "2023-11-30")];
    expect(mergeHistory(history, [rec("2023-10-01", "tl03", "2023-12-15")])).toEqual([
      rec("2023-09-01", "TL03", "2023-10-31"),
      rec("2023-10-01", "tl03", "2023-12-15"),
    ]);
    expect(
      mergeHistory([rec("2023-10-01", "TL01", "2023-05-30")], [rec("2023-09-01", "TL01", "2023-05-30")]).map(
        (r) => r.asOf,
      ),
    ).toEqual([day("2023-09-01"), day("2023-10-01")]);
  });

  test("the trend table: a row per reporting date, a column per milestone, blanks where none was recorded", () => {
    const history = [
      rec("2023-09-01", "TL03", "2023-10-31"),
      rec("2023-10-01", "TL03", "2023-11-30"),
      rec("2023-10-01", "TL05", "2024-05-31"),
    ];
    expect(trendTable(history)).toEqual({
      ids: ["TL03", "TL05"],
      rows: [
        { asOf: day("2023-09-01"), forecasts: [day("2023-10-31"), null] },
        { asOf: day("2023-10-01"), forecasts: [day("2023-11-30"), day("2024-05-31")] },
      ],
    });
    expect(trendRange(history)).toBe("F4:I6");
    const sheet = forecastHistorySheet(history, day("2023-10-01"));
    expect(sheet.tables[0]!.rows).toHaveLength(3);
    expect(sheet.blocks.find((b) => b.ref === "F4")!.values).toEqual([["Reporting date", "Diagonal", "TL03", "TL05"]]);
  });

  test("a chart holds at most 250 milestones", () => {
    const many = Array.from({ length: 300 }, (_, i) => rec("2024-01-01", `M${i}`, "2024-06-30"));
    expect(trendTable(many).ids).toHaveLength(MAX_TREND_MILESTONES);
  });
});
