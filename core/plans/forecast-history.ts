import { a1 } from "../a1";
import { type Day, isoOf, longDate } from "../dates/calendar";
import { effectiveOf, planOf } from "../timeline/milestone";
import type { TimelineContext } from "../timeline/rule";
import { GENERATED, generatedNote } from "./generated";
import { type PlanValue, RAG, type SheetPlan, emptySheet, printSetup } from "./sheet-plan";

export const FORECAST_HISTORY_SHEET = GENERATED.forecastHistory.sheet;
export const FORECAST_HISTORY_TABLE = GENERATED.forecastHistory.tables[0];
export const MTA_CHART = "IEWSC milestone trend";
const HEADER_ROW = 4;
/** The chart's data block starts this many columns right of the history table. */
const MTA_COLUMN = 6;

/** One recorded forecast: on `asOf`, milestone `id` was expected on `forecast`. */
export interface ForecastRecord {
  asOf: Day;
  id: string;
  forecast: Day;
}

/**
 * Today's forecast of every milestone, as a milestone trend analysis records it: its Actual or
 * Forecast (latest day), else its planned latest day. Milestones without an ID or any date are left out.
 */
export function recordForecasts(ctx: TimelineContext, asOf: Day): ForecastRecord[] {
  return ctx.milestones.flatMap((m) => {
    const forecast = effectiveOf(m)?.window.latest ?? planOf(m)?.latest;
    return m.id && forecast !== undefined ? [{ asOf, id: m.id, forecast }] : [];
  });
}

/** The history with a new record: a record for the same day and milestone replaces the old one. */
export function mergeHistory(history: readonly ForecastRecord[], record: readonly ForecastRecord[]): ForecastRecord[] {
  const key = (r: ForecastRecord) => `${r.asOf}\u0000${r.id.toUpperCase()}`;
  const replaced = new Set(record.map(key));
  return [...history.filter((r) => !replaced.has(key(r))), ...record].sort((a, b) => a.asOf - b.asOf);
}

/** An Excel chart holds at most 255 series; a trend of more milestones is no longer readable anyway. */
export const MAX_TREND_MILESTONES = 250;

/**
 * The trend as a table: one row per reporting date, the diagonal, then one column per milestone (the
 * first `MAX_TREND_MILESTONES` recorded).
 */
export function trendTable(history: readonly ForecastRecord[]): {
  ids: string[];
  rows: { asOf: Day; forecasts: (Day | null)[] }[];
} {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const r of history) {
    if (seen.has(r.id) || ids.length >= MAX_TREND_MILESTONES) continue;
    seen.add(r.id);
    ids.push(r.id);
  }
  const at = new Map(history.map((r) => [`${r.asOf}\u0000${r.id}`, r.forecast]));
  const dates = [...new Set(history.map((r) => r.asOf))].sort((a, b) => a - b);
  const rows = dates.map((asOf) => ({
    asOf,
    forecasts: ids.map((id) => at.get(`${asOf}\u0000${id}`) ?? null),
  }));
  return { ids, rows };
}

/** Where the chart's data is on the sheet (for the Office.js adapter, which draws the chart). */
export function trendRange(history: readonly ForecastRecord[]): string {
  const { ids, rows } = trendTable(history);
  return a1(HEADER_ROW, MTA_COLUMN, HEADER_ROW + Math.max(rows.length, 1), MTA_COLUMN + 1 + ids.length);
}

/** Where the chart's top-left corner goes: two columns right of its data. */
export function trendChartAnchor(history: readonly ForecastRecord[]): string {
  return a1(HEADER_ROW, MTA_COLUMN + 3 + trendTable(history).ids.length);
}

/**
 * The generated `Forecast history` sheet: the recorded forecasts as a table (as of, ID, forecast), and
 * beside it the trend data the milestone trend chart draws — reporting dates down, a diagonal (a
 * milestone on that line is due that day), one column of forecasts per milestone.
 */
export function forecastHistorySheet(history: readonly ForecastRecord[], generatedOn: Day): SheetPlan {
  const plan = emptySheet(FORECAST_HISTORY_SHEET);
  const { ids, rows } = trendTable(history);
  plan.blocks.push(
    { ref: "A1", values: [["Forecast history and milestone trend"]], style: "title" },
    generatedNote(
      `(Record forecasts), last on ${longDate(generatedOn)}. A flat line is on plan; a rising line slips; a line that meets the diagonal is due that day.`,
    ),
  );
  plan.tables.push({
    name: FORECAST_HISTORY_TABLE,
    ref: a1(HEADER_ROW, 1),
    columns: [
      { header: "As of", numFmt: "yyyy-mm-dd" },
      { header: "ID", numFmt: "@" },
      { header: "Forecast", numFmt: "yyyy-mm-dd" },
    ],
    rows: history.map((r) => [{ date: isoOf(r.asOf) }, r.id, { date: isoOf(r.forecast) }]),
    style: "TableStyleLight9",
  });
  const header: PlanValue[] = ["Reporting date", "Diagonal", ...ids];
  const body: PlanValue[][] = rows.map((r) => [
    { date: isoOf(r.asOf) },
    { date: isoOf(r.asOf) },
    ...r.forecasts.map((d) => (d === null ? null : { date: isoOf(d) })),
  ]);
  plan.blocks.push({ ref: a1(HEADER_ROW, MTA_COLUMN), values: [header], style: "label", numFmt: "@" });
  if (body.length) plan.blocks.push({ ref: a1(HEADER_ROW + 1, MTA_COLUMN), values: body, numFmt: "yyyy-mm-dd" });
  plan.columns = [
    { column: 1, width: 12 },
    { column: 2, width: 10 },
    { column: 3, width: 12 },
    ...header.map((_, i) => ({ column: MTA_COLUMN + i, width: 12 })),
  ];
  plan.freezeBelowRow = HEADER_ROW + 1;
  plan.tabColor = RAG.blue.font;
  plan.print = printSetup({
    title: "Forecast history",
    asOf: longDate(generatedOn),
    orientation: "landscape",
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  });
  return plan;
}
