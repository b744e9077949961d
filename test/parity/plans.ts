import ExcelJS from "exceljs";
import {
  AGENDA_SHEET,
  type BesideTablePlan,
  type Day,
  type GeneratedKey,
  type SheetPlan,
  type WorkbookInput,
  arbitrate,
  balanceSheet,
  buildPlan,
  checkWorkbook,
  checksSheet,
  dayOfIso,
  forecastHistorySheet,
  mergeHistory,
  readMembers,
  recordForecasts,
  templatePlan,
  timelineSheets,
} from "../../core";
import { findTables } from "../../scripts/xlsx/read-workbook";
import { prepareForWrite, renderWorkbook } from "../../scripts/xlsx/render";

export const TODAY: Day = dayOfIso("2024-03-01")!;

/** The sample workbook as the command line reads it: the template with the sample, written and read back. */
export async function sampleInput(sample = true): Promise<WorkbookInput> {
  const wb = new ExcelJS.Workbook();
  renderWorkbook(wb, templatePlan({ sample }));
  prepareForWrite(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return findTables(back);
}

/** One case of the parity table: the plans of one generated sheet (or of the template), built from the sample. */
export interface ParityCase {
  /** The registry entry the case renders (none for the template's own sheets). */
  key?: GeneratedKey;
  what: string;
  sheets?: (input: WorkbookInput) => SheetPlan[];
  /** A table written beside a user's table, with the user's sheet it goes on. */
  beside?: (input: WorkbookInput) => { plan: BesideTablePlan; sheet: { name: string; cells: unknown[][] } };
}

const result = (input: WorkbookInput) => checkWorkbook(input, { today: TODAY });

/**
 * Every sheet plan the product makes, built from the sample committee. Adding a generated sheet means
 * adding its case here (CONTRIBUTING.md, "Adding a generated sheet"): the registry test fails otherwise.
 */
export const PARITY_CASES: readonly ParityCase[] = [
  { what: "the template's sheets", sheets: () => templatePlan({ sample: false }).sheets },
  { what: "the sample's sheets", sheets: () => templatePlan({ sample: true }).sheets },
  {
    key: "checks",
    what: "Checks, with findings",
    sheets: (input) => {
      const r = result(input);
      return [checksSheet(r.findings, r.summary, r.views, TODAY, "the roster and the timeline")];
    },
  },
  {
    key: "checks",
    what: "Checks, without findings",
    sheets: () => [checksSheet([], { errors: 0, warnings: 0, info: 0 }, {}, TODAY)],
  },
  { key: "budget", what: "Budget", sheets: (input) => [buildPlan(input, TODAY).generated[0]!] },
  { key: "resources", what: "Resources", sheets: (input) => [buildPlan(input, TODAY).generated[1]!] },
  {
    what: "the tables Build adds with defaults (Workshop, Rates, Tasks)",
    sheets: () => buildPlan({ tables: {}, date1904: false }, TODAY).added,
  },
  {
    key: "agenda",
    what: "Agenda",
    sheets: (input) => buildPlan(input, TODAY).generated.filter((g) => g.name === AGENDA_SHEET),
  },
  {
    key: "balance",
    what: "Balance",
    sheets: (input) => {
      const r = result(input);
      const view = r.views.Roster!;
      return [
        balanceSheet(view, r.settings, arbitrate(readMembers(view, r.settings), r.settings), { generatedOn: TODAY }),
      ];
    },
  },
  {
    key: "timelineView",
    what: "Timeline view",
    sheets: (input) => {
      const r = result(input);
      return [timelineSheets(r, { date1904: false, today: TODAY })!.view];
    },
  },
  {
    key: "timelineStatus",
    what: "the status table beside the Timeline",
    beside: (input) => {
      const r = result(input);
      const plan = timelineSheets(r, { date1904: false, today: TODAY })!.status;
      const raw = input.tables.Timeline!;
      const cells = raw.values.map((row) => row.map((v) => (v !== null && typeof v === "object" ? null : v)));
      return { plan, sheet: { name: raw.sheet, cells } };
    },
  },
  {
    key: "forecastHistory",
    what: "Forecast history",
    sheets: (input) => {
      const r = result(input);
      const { ctx } = timelineSheets(r, { date1904: false, today: TODAY })!;
      const earlier = recordForecasts(ctx, TODAY - 14).map((rec) => ({ ...rec, forecast: rec.forecast - 7 }));
      return [forecastHistorySheet(mergeHistory(earlier, recordForecasts(ctx, TODAY)), TODAY)];
    },
  },
];

/**
 * Registered sheets that no plan builder makes yet: a new entry of the registry may wait here until its
 * builder lands; then this list loses it and the table gains it.
 */
export const NOT_YET_BUILT: readonly GeneratedKey[] = [];
