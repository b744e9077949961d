import {
  type PlanColumnFormat, type PlanConditionalFormat, type PlanTable, type PlanValue, type SheetPlan, a1, dayOfIso, parseA1, parseRange, serialOf,
} from "../../core";
import { type RequestBudget, chunkRows, jsonBytes } from "./payload";

/** What phase 1 found of a generated sheet: the sheet (maybe a null object) and its tables. */
export interface SheetLookup {
  sheet: Excel.Worksheet;
  tables: Excel.Table[];
}

/** Phase 1: looks up a generated sheet and its tables by name (no round trip of its own). */
export function queueSheetLookup(context: Excel.RequestContext, sheetName: string, tableNames: readonly string[]): SheetLookup {
  return {
    sheet: context.workbook.worksheets.getItemOrNullObject(sheetName).load("name"),
    tables: tableNames.map((name) => context.workbook.tables.getItemOrNullObject(name).load("name")),
  };
}

/** One cell as Office.js writes it, with the number format that keeps text as text. */
function officeCell(value: PlanValue, columnFormat: string | undefined, date1904: boolean): { formula: unknown; format: string } {
  if (value === null) return { formula: "", format: columnFormat ?? "General" };
  if (typeof value === "string") return { formula: value, format: "@" };
  if (typeof value === "number" || typeof value === "boolean") return { formula: value, format: columnFormat && columnFormat !== "@" ? columnFormat : "General" };
  if ("date" in value) {
    const day = dayOfIso(value.date);
    return day === undefined ? { formula: value.date, format: "@" } : { formula: serialOf(day, date1904), format: columnFormat && columnFormat !== "@" ? columnFormat : "yyyy-mm-dd" };
  }
  // Office.js wants the leading "=" (ExcelJS and the plan do not).
  return { formula: `=${value.formula}`, format: columnFormat && columnFormat !== "@" ? columnFormat : "General" };
}

/** Queues one block of cells: the number formats first, so that text is never read as a formula. */
export function queueBlock(sheet: Excel.Worksheet, top: number, left: number, rows: PlanValue[][], formats: (string | undefined)[], date1904: boolean): void {
  if (!rows.length) return;
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, j) => officeCell(r[j] ?? null, formats[j], date1904)));
  const range = sheet.getRange(a1(top, left, top + rows.length - 1, left + width - 1));
  range.numberFormat = cells.map((r) => r.map((c) => c.format));
  range.formulas = cells.map((r) => r.map((c) => c.formula)) as unknown[][];
}

/** Estimated request bytes of one row (its formulas and its formats). */
const rowBytes = (row: PlanValue[]) => jsonBytes(row) + row.length * 12;

/** Queues rows from (top, left) in chunks that keep each request under the shared budget. */
export async function queueRows(
  sheet: Excel.Worksheet, top: number, left: number, rows: PlanValue[][], formats: (string | undefined)[], date1904: boolean, budget: RequestBudget,
): Promise<void> {
  let at = top;
  for (const chunk of chunkRows(rows, rowBytes, budget.limit)) {
    await budget.reserve(chunk.reduce((n, r) => n + rowBytes(r), 0));
    queueBlock(sheet, at, left, chunk, formats, date1904);
    at += chunk.length;
  }
}

/**
 * Phase 3: renders a sheet plan into Excel. The sheet is ours: if it exists it is cleared (its table
 * deleted, its formats and conditional formats cleared) and written again, so that running twice
 * leaves the same sheet as running once. Rows are written in chunks under the shared request budget
 * (see `RequestBudget`): only what does not fit in one request costs more syncs.
 */
export async function renderSheet(context: Excel.RequestContext, plan: SheetPlan, found: SheetLookup, options: { date1904: boolean; budget: RequestBudget }): Promise<void> {
  let sheet: Excel.Worksheet;
  if (found.sheet.isNullObject) {
    sheet = context.workbook.worksheets.add(plan.name);
  } else {
    sheet = found.sheet;
    for (const t of found.tables) if (!t.isNullObject) t.delete();
    sheet.getRange().conditionalFormats.clearAll();
    sheet.getRange().clear("All");
  }
  if (plan.tabColor) sheet.tabColor = `#${plan.tabColor}`;
  for (const block of plan.blocks) {
    const { row, column } = parseA1(block.ref);
    const formats = block.numFmt ? block.values[0]!.map(() => block.numFmt) : [];
    await queueRows(sheet, row, column, block.values, formats, options.date1904, options.budget);
    if (block.style) styleRange(sheet.getRange(a1(row, column, row + block.values.length - 1, column)), block.style);
  }
  queueColumnWidths(sheet, plan.columns);
  if (plan.freezeBelowRow && plan.freezeBelowRow > 1) sheet.freezePanes.freezeRows(plan.freezeBelowRow - 1);
  for (const table of plan.tables) await queueTable(sheet, table, options.date1904, options.budget);
  queueConditionalFormats(sheet, plan.conditionalFormats);
  for (const v of plan.validations) {
    const range = sheet.getRange(v.ref);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    range.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "Not in the list", message: v.error ?? `Choose one of: ${v.list.join(", ")}.` };
  }
}

/** Queues an Excel table: its header, its rows (chunked under the shared budget), then the table object over them. */
export async function queueTable(sheet: Excel.Worksheet, table: PlanTable, date1904: boolean, budget: RequestBudget): Promise<void> {
  const { top, left } = parseRange(table.ref);
  queueBlock(sheet, top, left, [table.columns.map((c) => c.header)], [], date1904);
  await queueRows(sheet, top + 1, left, table.rows, table.columns.map((c) => c.numFmt), date1904, budget);
  const added = sheet.tables.add(a1(top, left, top + Math.max(table.rows.length, 1), left + table.columns.length - 1), true);
  added.name = table.name;
  if (table.style) added.style = table.style;
}

/** Queues conditional formats, in priority order (the first wins where two apply). */
export function queueConditionalFormats(sheet: Excel.Worksheet, formats: readonly PlanConditionalFormat[]): void {
  formats.forEach((cf, i) => {
    const format = sheet.getRange(cf.ref).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${cf.formula}`;
    format.custom.format.fill.color = `#${cf.fill}`;
    if (cf.font) format.custom.format.font.color = `#${cf.font}`;
    if (cf.bold) format.custom.format.font.bold = true;
    format.priority = i;
  });
}

/** Sets column widths, given in characters (a character of Calibri 11 is about 5.6 points wide). */
export function queueColumnWidths(sheet: Excel.Worksheet, columns: readonly PlanColumnFormat[]): void {
  for (const { column, width } of columns) {
    const letter = a1(1, column).replace(/\d+$/, "");
    if (width) sheet.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(width * 5.6 + 5);
  }
}

function styleRange(range: Excel.Range, style: NonNullable<SheetPlan["blocks"][number]["style"]>): void {
  if (style === "title") {
    range.format.font.bold = true;
    range.format.font.size = 16;
    range.format.font.color = "#0F6CBD";
  } else if (style === "subtitle" || style === "label" || style === "total") {
    range.format.font.bold = true;
  } else if (style === "note") {
    range.format.font.italic = true;
    range.format.font.color = "#605E5C";
  }
}
