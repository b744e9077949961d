import {
  type PlanValue, type SheetPlan, a1, dayOfIso, parseA1, parseRange, serialOf,
} from "../../core";
import { DEFAULT_BUDGET_BYTES, chunkRows, jsonBytes } from "./payload";

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
function queueBlock(sheet: Excel.Worksheet, top: number, left: number, rows: PlanValue[][], formats: (string | undefined)[], date1904: boolean): void {
  if (!rows.length) return;
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, j) => officeCell(r[j] ?? null, formats[j], date1904)));
  const range = sheet.getRange(a1(top, left, top + rows.length - 1, left + width - 1));
  range.numberFormat = cells.map((r) => r.map((c) => c.format));
  range.formulas = cells.map((r) => r.map((c) => c.formula)) as unknown[][];
}

/** Estimated request bytes of one row (its formulas and its formats). */
const rowBytes = (row: PlanValue[]) => jsonBytes(row) + row.length * 12;

/**
 * Phase 3: renders a sheet plan into Excel. The sheet is ours: if it exists it is cleared (its table
 * deleted, its formats and conditional formats cleared) and written again, so that running twice
 * leaves the same sheet as running once. Table rows are written in chunks under the 5 MB request
 * limit of Excel on the web; each chunk after the first costs one more sync.
 *
 * @returns the number of extra syncs the chunking needed (0 for everything that fits in one request)
 */
export async function renderSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  found: SheetLookup,
  options: { date1904: boolean; budgetBytes?: number },
): Promise<number> {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
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
    queueBlock(sheet, row, column, block.values, [], options.date1904);
    if (block.style) styleRange(sheet.getRange(a1(row, column, row + block.values.length - 1, column)), block.style);
  }
  for (const { column, width } of plan.columns) {
    // Excel measures column widths in points; a character of Calibri 11 is about 5.6 points wide.
    if (width) sheet.getRange(`${a1(1, column).replace(/\d+$/, "")}:${a1(1, column).replace(/\d+$/, "")}`).format.columnWidth = Math.round(width * 5.6 + 5);
  }
  if (plan.freezeBelowRow && plan.freezeBelowRow > 1) sheet.freezePanes.freezeRows(plan.freezeBelowRow - 1);
  let extraSyncs = 0;
  for (const table of plan.tables) {
    const { top, left } = parseRange(table.ref);
    const formats = table.columns.map((c) => c.numFmt);
    queueBlock(sheet, top, left, [table.columns.map((c) => c.header)], [], options.date1904);
    const chunks = chunkRows(table.rows, rowBytes, budget);
    let at = top + 1;
    for (const [i, chunk] of chunks.entries()) {
      if (i > 0) {
        // Flush before the next chunk, so that no single request exceeds Excel on the web's limit.
        await context.sync();
        extraSyncs++;
      }
      queueBlock(sheet, at, left, chunk, formats, options.date1904);
      at += chunk.length;
    }
    const added = sheet.tables.add(a1(top, left, top + Math.max(table.rows.length, 1), left + table.columns.length - 1), true);
    added.name = table.name;
    if (table.style) added.style = table.style;
  }
  for (const cf of plan.conditionalFormats) {
    const format = sheet.getRange(cf.ref).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${cf.formula}`;
    format.custom.format.fill.color = `#${cf.fill}`;
    if (cf.font) format.custom.format.font.color = `#${cf.font}`;
    if (cf.bold) format.custom.format.font.bold = true;
  }
  for (const v of plan.validations) {
    const range = sheet.getRange(v.ref);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    range.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "Not in the list", message: v.error ?? `Choose one of: ${v.list.join(", ")}.` };
  }
  return extraSyncs;
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
