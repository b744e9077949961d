import {
  type CellValue,
  type Day,
  FORECAST_HISTORY_SHEET,
  FORECAST_HISTORY_TABLE,
  type ReportPlan,
  TABLE_NAMES,
  reportPlan,
} from "../../core";
import { queueDiscovery, queueLoad, toWorkbookInput } from "./read-tables";

export interface ExportOutcome {
  plan: ReportPlan;
  /** The size of the report workbook handed to Excel. */
  bytes: number;
  syncs: number;
}

/** Opens a workbook from its bytes, as `Excel.createWorkbook` does (passed in, so that tests can watch it). */
export type CreateWorkbook = (base64: string) => Promise<void>;

/**
 * Export report, in two round trips whatever the size: reads every contract table and the Forecast
 * history, builds the same report workbook as `iewsc report` (ExcelJS runs in the browser; it is loaded
 * only when a report is asked for), and opens it as a new workbook. The open workbook is not changed.
 */
export async function exportReportIn(
  context: Excel.RequestContext,
  options: { today: Day; title: string; share?: boolean; createWorkbook: CreateWorkbook },
): Promise<ExportOutcome> {
  const found = queueDiscovery(context, TABLE_NAMES);
  const historyTable = context.workbook.tables.getItemOrNullObject(FORECAST_HISTORY_TABLE);
  const historySheet = context.workbook.worksheets.getItemOrNullObject(FORECAST_HISTORY_SHEET);
  await context.sync();

  const load = queueLoad(context, found);
  const history = !historyTable.isNullObject
    ? historyTable.getRange().load("values")
    : !historySheet.isNullObject
      ? historySheet.getUsedRangeOrNullObject(true).load("values")
      : undefined;
  await context.sync();

  const input = { ...toWorkbookInput(load), ...historyOf(history) };
  const plan = reportPlan(input, { today: options.today, title: options.title, share: Boolean(options.share) });
  const { reportPackage } = await import(/* webpackChunkName: "report-package" */ "../../scripts/xlsx/report-package");
  const bytes = await reportPackage(plan);
  await options.createWorkbook(toBase64(bytes));
  return { plan, bytes: bytes.length, syncs: 2 };
}

function historyOf(range: Excel.Range | undefined): { history?: CellValue[][] } {
  if (!range || range.isNullObject) return {};
  return {
    history: range.values.map((row) =>
      row.map((v) =>
        v === "" || v === null || v === undefined
          ? null
          : typeof v === "number" || typeof v === "boolean"
            ? v
            : String(v),
      ),
    ),
  };
}

/** Bytes as base64, in slices (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
}
