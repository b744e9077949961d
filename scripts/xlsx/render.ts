import type ExcelJS from "exceljs";
import {
  ACCENT,
  type BesideTablePlan,
  type CellStyle,
  GENERATED_NOTE,
  WouldLoseDataError,
  besideConflict,
  takenCells,
  type PlanBlock,
  type PlanTable,
  type PlanValue,
  type SheetPlan,
  type WorkbookPlan,
  a1,
  dayOfIso,
  parseA1,
  parseRange,
  utcDateOf,
} from "../../core";

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
 * a table gets the style that means "none" (no name, no stripes), which is what it showed.
 */
export function prepareForWrite(wb: ExcelJS.Workbook): void {
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

/** Renders one sheet plan, replacing a sheet of that name if there is one. */
export function renderSheet(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const old = wb.getWorksheet(plan.name);
  if (old) {
    // A sheet of that name we did not generate is the user's: refuse rather than replace it.
    const note = old.getCell("A2").value;
    if (!(typeof note === "string" && note.startsWith(GENERATED_NOTE))) {
      throw new WouldLoseDataError(
        `the sheet "${old.name}" is yours, not one IEWSC Workbench generated; rename it so that the ${plan.name} sheet can be written (nothing was written)`,
        { table: plan.name },
      );
    }
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: plan.freezeBelowRow ? [{ state: "frozen", ySplit: plan.freezeBelowRow - 1, xSplit: 0 }] : [],
  });
  for (const { column, width } of plan.columns) if (width) ws.getColumn(column).width = width;
  if (plan.print) applyPrint(ws, plan.print);
  for (const block of plan.blocks) writeBlock(ws, block);
  for (const { row, height } of plan.rowHeights ?? []) ws.getRow(row).height = height;
  for (const table of plan.tables) writeTable(ws, table);
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
  for (const { column, width } of plan.columns) if (width) ws.getColumn(column).width = width;
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
  for (const [i, line] of block.values.entries()) {
    for (const [j, value] of line.entries()) {
      const cell = ws.getCell(row + i, column + j);
      cell.value = toExcel(value);
      if (block.numFmt) cell.numFmt = block.numFmt;
      if (block.style) cell.style = { ...cell.style, ...STYLES[block.style] };
      if (block.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    }
  }
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
    rows: table.rows.map((r) => r.map(toExcel)),
  });
  const { top, left } = parseRange(table.ref);
  // Bold headers for readers that do not draw Excel's table styles (LibreOffice, Google Sheets).
  table.columns.forEach((_, j) => {
    ws.getCell(top, left + j).font = { bold: true };
  });
  table.columns.forEach((c, j) => {
    if (!c.numFmt) return;
    for (let i = 0; i < table.rows.length; i++) ws.getCell(top + 1 + i, left + j).numFmt = c.numFmt;
  });
}

/** A plan value as ExcelJS writes it. A string stays a string: ExcelJS never reads it as a formula. */
export function toExcel(value: PlanValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if ("date" in value) {
    const day = dayOfIso(value.date);
    return day === undefined ? value.date : utcDateOf(day);
  }
  return value.result === undefined
    ? ({ formula: value.formula, date1904: false } as ExcelJS.CellFormulaValue)
    : ({ formula: value.formula, result: value.result, date1904: false } as ExcelJS.CellFormulaValue);
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 16, color: { argb: argb(ACCENT) } } },
  subtitle: { font: { bold: true, size: 12 } },
  note: { font: { italic: true, color: { argb: "FF605E5C" } } },
  label: { font: { bold: true } },
  total: { font: { bold: true }, border: { top: { style: "thin" } } },
};

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
    ws.pageSetup.fitToHeight = 0;
  }
  // ExcelJS puts a break below a row: the row above each one that begins a page.
  for (const row of print.rowBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
  if (print.titleRows) ws.pageSetup.printTitlesRow = print.titleRows;
  if (print.header) ws.headerFooter.oddHeader = print.header;
  if (print.footer) ws.headerFooter.oddFooter = print.footer;
}
