import { a1, sheetRef } from "../a1";
import { type CellValue, cellText, matchKey } from "../cells";
import { type Day, dayFromSerial, dayOfIso, isoOf, serialOf } from "../dates/calendar";
import { type ForecastRecord, mergeHistory, trendTable } from "./forecast-history";
import { type PlanValue, RAG, type SheetPlan, emptySheet } from "./sheet-plan";

export const TREND_SHEET = "Trend";
/** The chart covers these rows (1-based) and columns A–L; the data it draws starts below it. */
const CHART_TOP = 4;
const CHART_BOTTOM = 30;
const CHART_RIGHT = 12;
const DATA_HEADER_ROW = CHART_BOTTOM + 2;

/**
 * A native scatter chart, as plain data: the ExcelJS adapter turns it into DrawingML (ExcelJS writes no
 * charts). Ranges are absolute A1 references on `sheet`; values are the cached serial dates.
 */
export interface TrendChartPlan {
  sheet: string;
  title: string;
  xTitle: string;
  yTitle: string;
  /** The cell block the chart covers: top-left and bottom-right (1-based, the bottom-right cell excluded). */
  from: { row: number; column: number };
  to: { row: number; column: number };
  /** The reporting dates (x of every series). */
  x: { ref: string; values: number[] };
  /** The diagonal first, then one series per milestone. */
  series: { name: string; nameRef: string; ref: string; values: (number | null)[]; diagonal?: boolean }[];
}

/**
 * Reads the `Forecast history` table (header row first: `As of`, `ID`, `Forecast`, in any order) into
 * records. Rows that are not a date, an ID and a date are left out; a later record of the same day and
 * milestone replaces an earlier one, as Record forecasts keeps it.
 *
 * @example readForecastHistory([["As of", "ID", "Forecast"], [45292, "TL01", 45300]], false)[0]?.id // "TL01"
 */
export function readForecastHistory(values: readonly (readonly CellValue[])[], date1904: boolean): ForecastRecord[] {
  const headerAt = values.findIndex((row) => row.some((v) => matchKey(cellText(v)) === "as of"));
  if (headerAt < 0) return [];
  const header = values[headerAt]!.map((v) => matchKey(cellText(v)));
  const [asOfAt, idAt, forecastAt] = ["as of", "id", "forecast"].map((h) => header.indexOf(h));
  if (asOfAt === undefined || idAt === undefined || forecastAt === undefined) return [];
  if (asOfAt < 0 || idAt < 0 || forecastAt < 0) return [];
  const day = (v: CellValue | undefined): Day | undefined =>
    typeof v === "number"
      ? dayFromSerial(v, date1904)
      : v && typeof v === "object" && "date" in v
        ? dayOfIso(v.date)
        : undefined;
  const records = values.slice(headerAt + 1).flatMap((row) => {
    const asOf = day(row[asOfAt]);
    const id = cellText(row[idAt]);
    const forecast = day(row[forecastAt]);
    return asOf !== undefined && forecast !== undefined && id !== "" ? [{ asOf, id, forecast }] : [];
  });
  return records.reduce<ForecastRecord[]>((all, r) => mergeHistory(all, [r]), []);
}

/**
 * The report's `Trend` sheet: the milestone trend chart (reporting date across, forecast date up, one
 * line per milestone and the diagonal on which a milestone is due that day) over the data it draws.
 */
export function trendSheet(
  history: readonly ForecastRecord[],
  note: string,
): { plan: SheetPlan; chart: TrendChartPlan } | undefined {
  const { ids, rows } = trendTable(history);
  if (ids.length === 0 || rows.length === 0) return undefined;
  const plan = emptySheet(TREND_SHEET);
  plan.blocks.push(
    { ref: "A1", values: [["Milestone trend"]], style: "title" },
    {
      ref: "A2",
      values: [
        [
          `${note} A flat line is on plan; a rising line slips; a line that meets the diagonal is due that day (${rows.length} reporting dates, ${ids.length} milestones).`,
        ],
      ],
      style: "note",
    },
  );
  const header: PlanValue[] = ["Reporting date", "Diagonal", ...ids];
  plan.blocks.push({ ref: a1(DATA_HEADER_ROW, 1), values: [header], style: "label", numFmt: "@" });
  plan.blocks.push({
    ref: a1(DATA_HEADER_ROW + 1, 1),
    values: rows.map((r) => [
      { date: isoOf(r.asOf) },
      { date: isoOf(r.asOf) },
      ...r.forecasts.map((d) => (d === null ? null : { date: isoOf(d) })),
    ]),
    numFmt: "yyyy-mm-dd",
  });
  plan.columns = header.map((_, i) => ({ column: i + 1, width: 12 }));
  plan.tabColor = RAG.blue.font;
  const first = DATA_HEADER_ROW + 1;
  const last = DATA_HEADER_ROW + rows.length;
  const column = (c: number) => `${sheetPrefix(TREND_SHEET)}${a1abs(first, c)}:${a1abs(last, c)}`;
  const serials = rows.map((r) => serialOf(r.asOf));
  const chart: TrendChartPlan = {
    sheet: TREND_SHEET,
    title: "Milestone trend: forecast date by reporting date",
    xTitle: "Reporting date",
    yTitle: "Forecast date",
    from: { row: CHART_TOP, column: 1 },
    to: { row: CHART_BOTTOM, column: CHART_RIGHT },
    x: { ref: column(1), values: serials },
    series: [
      {
        name: "Diagonal",
        nameRef: `${sheetPrefix(TREND_SHEET)}${a1abs(DATA_HEADER_ROW, 2)}`,
        ref: column(2),
        values: serials,
        diagonal: true,
      },
      ...ids.map((id, i) => ({
        name: id,
        nameRef: `${sheetPrefix(TREND_SHEET)}${a1abs(DATA_HEADER_ROW, 3 + i)}`,
        ref: column(3 + i),
        values: rows.map((r) => {
          const d = r.forecasts[i];
          return d === null || d === undefined ? null : serialOf(d);
        }),
      })),
    ],
  };
  return { plan, chart };
}

const sheetPrefix = (sheet: string) => `${sheetRef(sheet)}!`;

function a1abs(row: number, column: number): string {
  const cell = a1(row, column);
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return `$${m[1]}$${m[2]}`;
}
