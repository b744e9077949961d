import type ExcelJS from "exceljs";
import {
  type BesideTablePlan,
  type CellStyle,
  type CellStyleSpec,
  GENERATED,
  type GeneratedKey,
  NOTE_CELL,
  OWN_SHEETS,
  type PlanBorder,
  STYLES,
  WouldLoseDataError,
  type WorkbookShape,
  cellFormat,
  generatedClash,
  sameName,
  besideConflict,
  takenCells,
  type PlanBlock,
  type PlanTable,
  type PlanValue,
  type SheetPlan,
  type WorkbookPlan,
  a1,
  dayOfIso,
  safeText,
  parseA1,
  parseRange,
  rowHeightsOf,
} from "../../core";
import { utcDateOf } from "./dates";
import { repairModel } from "./package";

/**
 * Renders a workbook plan through ExcelJS: the same plan the Office.js adapter renders in Excel.
 * Sheets of the plan that already exist are replaced (they are generated sheets); others are added.
 */
export function renderWorkbook(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  if (plan.properties) {
    const p = plan.properties;
    if (p.title) wb.title = p.title;
    if (p.subject) wb.subject = p.subject;
    if (p.creator) {
      wb.creator = p.creator;
      wb.lastModifiedBy = p.creator;
    }
    if (p.created) {
      wb.created = new Date(p.created);
      wb.modified = new Date(p.created);
    }
  }
  for (const sheet of plan.sheets) renderSheet(wb, sheet);
  for (const { name, ref } of plan.names) {
    // Every old address of the name goes: a name pointing at two cells is #VALUE! in a formula.
    for (const old of wb.definedNames.getRanges(name).ranges) wb.definedNames.remove(old, name);
    wb.definedNames.add(ref, name);
  }
}

/**
 * Works around what ExcelJS cannot write back of what it read. LibreOffice writes tables without a
 * style (no tableStyleInfo), which ExcelJS reads as a null style and then crashes on when writing: such
 * a table gets the style that means "none" (no name, no stripes), which is what it showed. The theme and
 * the data validations are put right too (see `repairModel`).
 */
export function prepareForWrite(wb: ExcelJS.Workbook): void {
  repairModel(wb);
  wb.eachSheet((ws) => {
    const tables = (ws as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables ?? {};
    for (const t of Object.values(tables)) {
      if (t.table && !t.table.style)
        t.table.style = {
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
    }
  });
}

/**
 * What the core needs to tell the user's sheets, tables and names from ours: every sheet with its A2,
 * every table with its sheet, every defined name.
 */
export function workbookShape(wb: ExcelJS.Workbook): WorkbookShape {
  const sheets: { name: string; a2?: unknown }[] = [];
  const tables: { name: string; sheet: string }[] = [];
  wb.eachSheet((ws) => {
    sheets.push({ name: ws.name, a2: ws.getCell(NOTE_CELL).value });
    for (const name of Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {}))
      tables.push({ name, sheet: ws.name });
  });
  const names = (wb.definedNames.model as { name: string }[]).map((n) => n.name);
  return { sheets, tables, names };
}

/**
 * Refuses, before anything is rendered, to write generated sheets over something of the user's of
 * the same name, in any case (see `generatedClash`).
 */
export function assertGeneratedWritable(
  wb: ExcelJS.Workbook,
  keys: readonly GeneratedKey[],
  timelineSheet?: string,
): void {
  const clash = generatedClash(workbookShape(wb), keys, timelineSheet);
  if (clash) throw clash;
}

/**
 * Renders one sheet plan, replacing a sheet of that name (any case) if there is one: a sheet of a
 * generated name that does not say it is ours is refused, as `assertGeneratedWritable` would.
 */
export function renderSheet(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const old = wb.worksheets.find((ws) => sameName(ws.name, plan.name));
  if (old) {
    const key = OWN_SHEETS.find((k) => sameName(GENERATED[k].sheet, plan.name));
    if (key) assertGeneratedWritable(wb, [key]);
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: plan.freezeBelowRow ? [{ state: "frozen", ySplit: plan.freezeBelowRow - 1, xSplit: 0 }] : [],
  });
  setWidths(ws, plan.columns);
  if (plan.print) applyPrint(ws, plan.print);
  for (const block of plan.blocks) writeBlock(ws, block);
  for (const { row, height } of rowHeightsOf(plan)) ws.getRow(row).height = height;
  for (const table of plan.tables) writeTable(ws, table);
  for (const column of plan.wrapColumns ?? [])
    ws.getColumn(column).eachCell((cell) => {
      // A new style object: the cell's may be shared with other cells (see writeCell).
      cell.style = { ...cell.style, alignment: { ...cell.alignment, wrapText: true, vertical: "top" } };
    });
  for (const v of plan.validations) {
    // One validation over the bounded range: per-cell validations overlap and Excel rejects them.
    (
      ws as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(v.ref, {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.list.join(",")}"`],
      showErrorMessage: true,
      // A warning, not a stop: the readers also accept aliases (ATU, Region A …) that the list does not show.
      errorStyle: "warning",
      errorTitle: "Not in the list",
      error: v.error ?? `Choose one of: ${v.list.join(", ")}.`,
    });
  }
  plan.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            font: { ...(cf.font ? { color: { argb: argb(cf.font) } } : {}), ...(cf.bold ? { bold: true } : {}) },
          },
        },
      ],
    });
  });
  return ws;
}

/**
 * Renders a table that we write beside a user's table, on the user's sheet: the previous run's table
 * (same name) and its marked conditional formats are removed first, then the new table is written.
 * Refuses, changing nothing, when a cell it would cover holds something of the user's.
 */
export function renderBesideTable(wb: ExcelJS.Workbook, plan: BesideTablePlan, marker: string): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new WouldLoseDataError(`the sheet ${plan.sheet} is not in the workbook`, { table: plan.table.name });
  const old = findTable(ws, plan.table.name);
  const oldRange = old ? parseRange(old.ref) : undefined;
  const taken = takenCells(
    plan,
    (r, c) => {
      const v = ws.getCell(r, c).value;
      return v === null || v === undefined || v === "";
    },
    oldRange,
  );
  if (taken.length) throw besideConflict(plan, taken);
  if (old && oldRange) {
    ws.removeTable(plan.table.name);
    for (let r = oldRange.top; r <= oldRange.bottom; r++)
      for (let c = oldRange.left; c <= oldRange.right; c++) ws.getCell(r, c).value = null;
  }
  const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  const ours = (cf: ExcelJS.ConditionalFormattingOptions) =>
    cf.rules.some(
      (rule) => "formulae" in rule && (rule.formulae ?? []).some((f: unknown) => String(f).includes(marker)),
    );
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings =
    cfs.filter((cf) => !ours(cf));
  writeTable(ws, plan.table);
  setWidths(ws, plan.columns);
  plan.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            font: { ...(cf.font ? { color: { argb: argb(cf.font) } } : {}), ...(cf.bold ? { bold: true } : {}) },
          },
        },
      ],
    });
  });
}

/** A table of a worksheet by name (case-insensitive), with its A1 range. */
function findTable(ws: ExcelJS.Worksheet, name: string): { ref: string } | undefined {
  const tables =
    (ws as unknown as { tables: Record<string, { table?: { ref?: string; tableRef?: string }; ref?: string }> })
      .tables ?? {};
  for (const [key, t] of Object.entries(tables)) {
    if (key.toLowerCase() !== name.toLowerCase()) continue;
    const ref = t.table?.tableRef ?? t.table?.ref ?? t.ref;
    if (ref) return { ref };
  }
  return undefined;
}

function writeBlock(ws: ExcelJS.Worksheet, block: PlanBlock): void {
  const { row, column } = parseA1(block.ref);
  const width = Math.max(0, ...block.values.map((r) => r.length));
  for (const [i, line] of block.values.entries()) {
    for (let j = 0; j < width; j++)
      writeCell(ws.getCell(row + i, column + j), line[j] ?? null, block.numFmt, block.style, block.wrap);
  }
}

/**
 * One cell: its value, the number format the core decides for it, and its named style (wrapped to the
 * top when `wrap`). Cells of one look share one style object, never changed once made: ExcelJS then
 * files the look once when it writes (it remembers the objects it has seen), not once per cell.
 */
function writeCell(
  cell: ExcelJS.Cell,
  value: PlanValue,
  numFmt: string | undefined,
  style: CellStyle = "body",
  wrap = false,
): void {
  cell.value = toExcel(value, cell.address);
  cell.style = sharedStyle(style, cellFormat(value, numFmt), wrap);
}

const SHARED_STYLES = new Map<string, Partial<ExcelJS.Style>>();

/** The one frozen style object of a look (named style, number format, wrapped or not). */
function sharedStyle(style: CellStyle, numFmt: string, wrap: boolean): Partial<ExcelJS.Style> {
  const key = `${style}\u0000${wrap ? 1 : 0}\u0000${numFmt}`;
  let shared = SHARED_STYLES.get(key);
  if (!shared) {
    const base = excelStyle(STYLES[style]);
    shared = deepFreeze({
      ...base,
      numFmt,
      ...(wrap ? { alignment: { ...base.alignment, wrapText: true, vertical: "top" as const } } : {}),
    });
    SHARED_STYLES.set(key, shared);
  }
  return shared;
}

/** Frozen all the way down: a cell setter that tried to change a shared look would change every cell's. */
function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === "object") deepFreeze(v);
  return Object.freeze(o);
}

/** A style of the plan as ExcelJS writes it: a translation, nothing decided here. */
function excelStyle(spec: CellStyleSpec): Partial<ExcelJS.Style> {
  const f = spec.font;
  const line = (b: PlanBorder | undefined): Partial<ExcelJS.Border> | undefined =>
    b ? { style: b.weight, color: { argb: argb(b.color) } } : undefined;
  const top = line(spec.border?.top);
  const bottom = line(spec.border?.bottom);
  const a = spec.alignment;
  return {
    font: { name: f.name, size: f.size, bold: f.bold, italic: f.italic, color: { argb: argb(f.color) } },
    ...(spec.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } } } : {}),
    ...(top || bottom ? { border: { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) } } : {}),
    ...(a
      ? {
          alignment: {
            ...(a.horizontal ? { horizontal: a.horizontal } : {}),
            ...(a.vertical ? { vertical: a.vertical === "center" ? "middle" : a.vertical } : {}),
            ...(a.wrap ? { wrapText: true } : {}),
          },
        }
      : {}),
  };
}

function writeTable(ws: ExcelJS.Worksheet, table: PlanTable): void {
  ws.addTable({
    name: table.name,
    ref: table.ref,
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: table.rows.map((r) => r.map((v) => toExcel(v))),
  });
  const { top, left } = parseRange(table.ref);
  // addTable wrote the values; the styles and number formats are the plan's, as in every other cell.
  table.columns.forEach((c, j) => {
    writeCell(ws.getCell(top, left + j), c.header, undefined, "header");
    for (let i = 0; i < table.rows.length; i++)
      writeCell(ws.getCell(top + 1 + i, left + j), table.rows[i]![j] ?? null, c.numFmt, "body", c.wrap);
  });
}

/** A plan value as ExcelJS writes it. A string stays a string: ExcelJS never reads it as a formula. */
export function toExcel(value: PlanValue, address?: string): ExcelJS.CellValue {
  if (typeof value === "string") return safeText(value);
  // Beyond Excel's numbers (1e308 × 2): Excel shows #NUM!, and OOXML has no Infinity or NaN.
  if (typeof value === "number" && !Number.isFinite(value)) return { error: "#NUM!" } as ExcelJS.CellErrorValue;
  if (value === null || typeof value !== "object") return value;
  if ("date" in value) {
    const day = dayOfIso(value.date);
    return day === undefined ? safeText(value.date) : utcDateOf(day);
  }
  if (typeof value.result === "number" && !Number.isFinite(value.result))
    return { formula: value.formula, result: { error: "#NUM!" }, date1904: false } as ExcelJS.CellFormulaValue;
  // A one-cell array formula (<f t="array" ref="B5">) needs its own address.
  const array = value.array && address ? { shareType: "array", ref: address } : {};
  return value.result === undefined
    ? ({ formula: value.formula, date1904: false, ...array } as ExcelJS.CellFormulaValue)
    : ({ formula: value.formula, result: value.result, date1904: false, ...array } as ExcelJS.CellFormulaValue);
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/**
 * Column widths in characters. ExcelJS leaves out of the file a column whose width is its default (9),
 * and Excel then shows its own default (8.43): a hair more keeps the width the plan asked for.
 */
function setWidths(ws: ExcelJS.Worksheet, columns: SheetPlan["columns"]): void {
  for (const { column, width } of columns) if (width) ws.getColumn(column).width = width === 9 ? 9.0001 : width;
}

/** For tests and adapters: the A1 address of the data rows of a plan table. */
export function tableDataRange(table: PlanTable): string {
  const { top, left } = parseRange(table.ref);
  return a1(top + 1, left, top + table.rows.length, left + table.columns.length - 1);
}

/** Page setup: one page wide, as tall as needed, header rows repeated, header and footer. */
function applyPrint(ws: ExcelJS.Worksheet, print: NonNullable<SheetPlan["print"]>): void {
  ws.pageSetup.orientation = print.orientation;
  ws.pageSetup.paperSize = (print.paper === "Letter" ? 1 : 9) as ExcelJS.PaperSize;
  if (print.scale) {
    // A fixed scale: Excel honours manual page breaks only when the sheet is not fitted to pages.
    ws.pageSetup.fitToPage = false;
    ws.pageSetup.scale = print.scale;
  } else {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = print.pagesTall ?? 0;
  }
  // ExcelJS puts a break below a row: the row above each one that begins a page.
  for (const row of print.rowBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
  if (print.titleRows) ws.pageSetup.printTitlesRow = print.titleRows;
  if (print.header) ws.headerFooter.oddHeader = print.header;
  if (print.footer) ws.headerFooter.oddFooter = print.footer;
}
