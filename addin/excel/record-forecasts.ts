import {
  type Day,
  FORECAST_HISTORY_SHEET,
  type ForecastRecord,
  MTA_CHART,
  type TableName,
  dayFromSerial,
  forecastHistorySheet,
  mergeHistory,
  recordForecasts,
  readTimeline,
  trendChartAnchor,
  trendRange,
  trendTable,
} from "../../core";
import { queueDiscovery, queueLoad, toWorkbookInput } from "./read-tables";
import { assertOurs, queueOwnership, queueSheetLookup, renderSheet } from "./render-sheet";
import { RequestBudget } from "./payload";

const READS: readonly TableName[] = ["Timeline", "Settings"];

export interface RecordOutcome {
  recorded: ForecastRecord[];
  history: ForecastRecord[];
  /** Reporting dates in the trend so far. */
  reports: number;
  syncs: number;
}

/**
 * Record forecasts, in three round trips whatever the size: today's forecast of every milestone is
 * added to the `Forecast history` table (a second record on the same day replaces the first), and the
 * milestone trend chart — reporting date against forecast date, with the diagonal — is drawn again as
 * a native Excel chart beside it.
 */
export async function recordForecastsIn(
  context: Excel.RequestContext,
  options: { today: Day; budgetBytes?: number },
): Promise<RecordOutcome> {
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };
  const found = queueDiscovery(context, READS);
  const sheet = queueSheetLookup(context, "forecastHistory");
  await sync();

  const load = queueLoad(context, found);
  const historyTable = sheet.tables[0]!;
  const history = historyTable.isNullObject ? undefined : historyTable.getDataBodyRange().load("values");
  const oldChart = sheet.sheet.isNullObject
    ? undefined
    : sheet.sheet.charts.getItemOrNullObject(MTA_CHART).load("name");
  queueOwnership(sheet);
  await sync();
  assertOurs([sheet]);

  const input = toWorkbookInput(load);
  // Only the milestones are needed: no rule runs here.
  const { ctx, asOf } = readTimeline(input, { today: options.today });
  const recorded = recordForecasts(ctx, asOf ?? options.today);
  const merged = mergeHistory(readHistory(history?.values ?? [], input.date1904), recorded);

  if (oldChart && !oldChart.isNullObject) oldChart.delete();
  const budget = new RequestBudget(context, options.budgetBytes);
  await renderSheet(context, forecastHistorySheet(merged, options.today), sheet, { date1904: input.date1904, budget });
  const target = context.workbook.worksheets.getItem(FORECAST_HISTORY_SHEET);
  // The enums' string values: the same in Office.js, and they need no global Excel object.
  const chart = target.charts.add("XYScatterLines", target.getRange(trendRange(merged)), "Columns");
  chart.name = MTA_CHART;
  chart.title.text = "Milestone trend: forecast date by reporting date";
  chart.axes.categoryAxis.title.text = "Reporting date";
  chart.axes.valueAxis.title.text = "Forecast date";
  chart.legend.position = "Right";
  chart.setPosition(trendChartAnchor(merged));
  await sync();
  return { recorded, history: merged, reports: trendTable(merged).rows.length, syncs: syncs + budget.extraSyncs };
}

/** The history table's rows as records; rows that are not a date, an ID and a date are left out. */
export function readHistory(values: unknown[][], date1904: boolean): ForecastRecord[] {
  return values.flatMap(([asOf, id, forecast]) =>
    typeof asOf === "number" && typeof forecast === "number" && id !== "" && id !== null && id !== undefined
      ? [{ asOf: dayFromSerial(asOf, date1904), id: String(id), forecast: dayFromSerial(forecast, date1904) }]
      : [],
  );
}
