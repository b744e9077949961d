import {
  type BesideTablePlan,
  type CellStyle,
  GENERATED,
  type GeneratedKey,
  NOTE_CELL,
  type PlanBorder,
  STYLES,
  type WorkbookShape,
  cellFormat,
  columnWidthPoints,
  generatedClash,
  type PlanColumnFormat,
  type PlanConditionalFormat,
  type PlanPrint,
  type PlanTable,
  type PlanValue,
  type SheetPlan,
  a1,
  dayOfIso,
  parseA1,
  parseRange,
  rowHeightsOf,
  safeText,
  serialOf,
} from "../../core";
import { type RequestBudget, chunkRows, jsonBytes } from "./payload";

/** What phase 1 found of a generated sheet: the sheet (maybe a null object), its tables and names. */
export interface SheetLookup {
  key: GeneratedKey;
  sheet: Excel.Worksheet;
  /** The registry's tables of this sheet, by name (null objects where there is none). */
  tables: Excel.Table[];
  /** Defined names spelled as those tables, and tables spelled as the sheet's names: clashes if found. */
  namesAsTables: Excel.NamedItem[];
  tablesAsNames: Excel.Table[];
  /** Phase 2: the sheet's A2, where every sheet we generate says so (see `queueOwnership`). */
  note?: Excel.Range;
  /** Phase 2: the worksheet of each table found, to tell ours from a user's table of that name. */
  homes?: (Excel.Worksheet | undefined)[];
}

/**
 * Phase 1: looks up a generated sheet of the registry, its tables and the names that could clash with
 * them (no round trip of its own). Excel finds sheets, tables and names without case, as the core compares.
 */
export function queueSheetLookup(context: Excel.RequestContext, key: GeneratedKey): SheetLookup {
  const g = GENERATED[key];
  return {
    key,
    sheet: context.workbook.worksheets.getItemOrNullObject(g.sheet).load("name"),
    tables: g.tables.map((name) => context.workbook.tables.getItemOrNullObject(name).load("name")),
    namesAsTables: g.tables.map((name) => context.workbook.names.getItemOrNullObject(name).load("name")),
    tablesAsNames: g.names.map((name) => context.workbook.tables.getItemOrNullObject(name).load("name")),
  };
}

const keepApostrophe = (text: string) => (text.startsWith("'") ? `'${text}` : text);

/** Phase 2: loads the A2 of a generated sheet that exists and the sheet of each table found. */
export function queueOwnership(found: SheetLookup): void {
  if (!found.sheet.isNullObject) found.note = found.sheet.getRange(NOTE_CELL).load("values");
  found.homes = [...found.tables, ...found.tablesAsNames].map((t) =>
    t.isNullObject ? undefined : t.worksheet.load("name"),
  );
}

/**
 * Before anything is written: the core's one decision (`generatedClash`) on what phase 1 and 2 found.
 * A sheet of a generated name without our note, a table of ours elsewhere, a name spelled as one of
 * our tables: the user's, never cleared; nothing is written.
 */
export function assertOurs(found: readonly SheetLookup[], timelineSheet?: string): void {
  const sheets: WorkbookShape["sheets"][number][] = [];
  const tables: WorkbookShape["tables"][number][] = [];
  const names: string[] = [];
  for (const f of found) {
    if (!f.sheet.isNullObject) sheets.push({ name: f.sheet.name, a2: f.note?.values[0]?.[0] });
    [...f.tables, ...f.tablesAsNames].forEach((t, i) => {
      const home = f.homes?.[i];
      if (!t.isNullObject && home) tables.push({ name: t.name, sheet: home.name });
    });
    for (const n of f.namesAsTables) if (!n.isNullObject) names.push(n.name);
  }
  const clash = generatedClash(
    { sheets, tables, names },
    found.map((f) => f.key),
    timelineSheet,
  );
  if (clash) throw clash;
}

/** One cell as Office.js writes it, with the number format the core decides (text stays text). */
function officeCell(
  value: PlanValue,
  columnFormat: string | undefined,
  date1904: boolean,
): { formula: unknown; format: string } {
  const format = cellFormat(value, columnFormat);
  if (value === null) return { formula: "", format };
  // Excel takes a leading apostrophe as a quote prefix and drops it, as when typed: one more keeps it.
  if (typeof value === "string") return { formula: keepApostrophe(safeText(value)), format };
  if (typeof value !== "object") return { formula: value, format };
  if ("date" in value) {
    const day = dayOfIso(value.date);
    return { formula: day === undefined ? keepApostrophe(safeText(value.date)) : serialOf(day, date1904), format };
  }
  // Office.js wants the leading "=" (ExcelJS and the plan do not). An `array` formula is written as a
  // plain one: Office.js has no way to write a legacy (Ctrl+Shift+Enter) array formula through
  // `range.formulas`, and none is needed in Excel, which evaluates SUMPRODUCT's arguments as arrays in
  // every version (and every formula as an array formula in dynamic-array Excel). Only gnumeric needs it.
  return { formula: `=${value.formula}`, format };
}

/** Queues one block of cells: the number formats first, so that text is never read as a formula. */
export function queueBlock(
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: PlanValue[][],
  formats: (string | undefined)[],
  date1904: boolean,
): void {
  if (!rows.length) return;
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) =>
    Array.from({ length: width }, (_, j) => officeCell(r[j] ?? null, formats[j], date1904)),
  );
  const range = sheet.getRange(a1(top, left, top + rows.length - 1, left + width - 1));
  range.numberFormat = cells.map((r) => r.map((c) => c.format));
  range.formulas = cells.map((r) => r.map((c) => c.formula)) as unknown[][];
}

/** Estimated request bytes of one row (its formulas and its formats). */
const rowBytes = (row: PlanValue[]) => jsonBytes(row) + row.length * 12;

/** Queues rows from (top, left) in chunks that keep each request under the shared budget. */
export async function queueRows(
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: PlanValue[][],
  formats: (string | undefined)[],
  date1904: boolean,
  budget: RequestBudget,
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
export async function renderSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  found: { sheet: Excel.Worksheet; tables: readonly Excel.Table[] },
  options: { date1904: boolean; budget: RequestBudget },
): Promise<void> {
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
    const width = Math.max(1, ...block.values.map((r) => r.length));
    const rows = block.values.length;
    styleRange(sheet.getRange(a1(row, column, row + rows - 1, column + width - 1)), rows, block.style);
    if (block.wrap) {
      const range = sheet.getRange(a1(row, column, row + rows - 1, column + width - 1));
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
  }
  queueColumnWidths(sheet, plan.columns);
  // Setting a cell's row height sets its whole row's; rows of one height side by side are set at once
  // (`A5:A9`), so that a Checks sheet of thousands of findings costs fewer operations than rows.
  for (const { from, to, height } of heightRuns(rowHeightsOf(plan)))
    sheet.getRange(`A${from}:A${to}`).format.rowHeight = height;
  if (plan.freezeBelowRow && plan.freezeBelowRow > 1) sheet.freezePanes.freezeRows(plan.freezeBelowRow - 1);
  for (const table of plan.tables) await queueTable(sheet, table, options.date1904, options.budget);
  for (const column of plan.wrapColumns ?? []) {
    const letter = a1(1, column).replace(/\d+$/, "");
    const whole = sheet.getRange(`${letter}:${letter}`);
    whole.format.wrapText = true;
    whole.format.verticalAlignment = "Top";
  }
  if (plan.print) queuePrint(sheet, plan.print, !found.sheet.isNullObject);
  queueConditionalFormats(sheet, plan.conditionalFormats);
  for (const v of plan.validations) {
    const range = sheet.getRange(v.ref);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: "Not in the list",
      message: v.error ?? `Choose one of: ${v.list.join(", ")}.`,
    };
  }
}

/** Queues an Excel table: its header, its rows (chunked under the shared budget), then the table object over them. */
export async function queueTable(
  sheet: Excel.Worksheet,
  table: PlanTable,
  date1904: boolean,
  budget: RequestBudget,
): Promise<void> {
  const { top, left } = parseRange(table.ref);
  const right = left + table.columns.length - 1;
  queueBlock(sheet, top, left, [table.columns.map((c) => c.header)], [], date1904);
  styleRange(sheet.getRange(a1(top, left, top, right)), 1, "header");
  if (table.rows.length)
    styleRange(sheet.getRange(a1(top + 1, left, top + table.rows.length, right)), table.rows.length, "body");
  await queueRows(
    sheet,
    top + 1,
    left,
    table.rows,
    table.columns.map((c) => c.numFmt),
    date1904,
    budget,
  );
  const added = sheet.tables.add(
    a1(top, left, top + Math.max(table.rows.length, 1), left + table.columns.length - 1),
    true,
  );
  added.name = table.name;
  if (table.style) added.style = table.style;
  table.columns.forEach((c, j) => {
    if (c.wrap && table.rows.length) {
      const column = sheet.getRange(a1(top + 1, left + j, top + table.rows.length, left + j));
      column.format.wrapText = true;
      column.format.verticalAlignment = "Top";
    }
  });
}

/** Consecutive rows of the same height, as runs. */
function heightRuns(rows: readonly { row: number; height: number }[]): { from: number; to: number; height: number }[] {
  const runs: { from: number; to: number; height: number }[] = [];
  for (const { row, height } of rows) {
    const last = runs[runs.length - 1];
    if (last && last.to === row - 1 && last.height === height) last.to = row;
    else runs.push({ from: row, to: row, height });
  }
  return runs;
}

/**
 * Queues a sheet's page setup (Worksheet.pageLayout, ExcelApi 1.9, which the manifest requires): the
 * orientation, A4, a fixed scale or one page wide and as many tall as needed, manual page breaks, the rows repeated on every page, and the
 * header and footer. The plan writes a header or footer as one string with Excel's section codes
 * (`&L`, `&C`, `&R`); Office.js takes the three sections apart, with the same codes inside them.
 */
export function queuePrint(sheet: Excel.Worksheet, print: PlanPrint, existed = false): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = print.paper === "Letter" ? "Letter" : "A4";
  // A fixed scale (Excel honours manual page breaks only then), or one page wide and as many tall as the
  // plan says (0 is "automatic", as fitToHeight="0" is in the file format).
  layout.zoom = print.scale
    ? { scale: print.scale }
    : { horizontalFitToPages: 1, verticalFitToPages: print.pagesTall ?? 0 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.replace(":", ":$")}`);
  const pages = layout.headersFooters.defaultForAllPages;
  const header = sections(print.header ?? "");
  const footer = sections(print.footer ?? "");
  pages.leftHeader = header.L;
  pages.centerHeader = header.C;
  pages.rightHeader = header.R;
  pages.leftFooter = footer.L;
  pages.centerFooter = footer.C;
  pages.rightFooter = footer.R;
  // Manual page breaks above the rows that begin a page (the old ones removed first when the sheet existed).
  if (existed) sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of print.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row}`);
}

/**
 * Splits an Excel header/footer string into its left, centre and right sections (`&&` is a literal
 * ampersand, not a section code).
 *
 * @example sections("&LBudget&CPage &P of &N") // { L: "Budget", C: "Page &P of &N", R: "" }
 */
export function sections(text: string): { L: string; C: string; R: string } {
  const out = { L: "", C: "", R: "" };
  let at: "L" | "C" | "R" = "C";
  for (const part of text.split(/(&&|&[LCR])/)) {
    if (part === "&L" || part === "&C" || part === "&R") at = part[1] as "L" | "C" | "R";
    else out[at] += part;
  }
  return out;
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
    if (width) sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width);
  }
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** A named style of the plan as Office.js sets it on a range: a translation, nothing decided here. */
function styleRange(range: Excel.Range, rows: number, style: CellStyle = "body"): void {
  const spec = STYLES[style];
  const f = range.format.font;
  f.name = spec.font.name;
  f.size = spec.font.size;
  f.bold = spec.font.bold;
  f.italic = spec.font.italic;
  f.color = `#${spec.font.color}`;
  if (spec.fill) range.format.fill.color = `#${spec.fill}`;
  const line = (edges: Excel.BorderIndex[], b: PlanBorder | undefined) => {
    if (!b) return;
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = b.weight === "thin" ? "Thin" : "Medium";
      border.color = `#${b.color}`;
    }
  };
  // A border on every row of the range, as the plan says: the edge and the lines between rows.
  const inside: Excel.BorderIndex[] = rows > 1 ? ["InsideHorizontal" as Excel.BorderIndex] : [];
  line(["EdgeTop" as Excel.BorderIndex, ...inside], spec.border?.top);
  line(["EdgeBottom" as Excel.BorderIndex, ...inside], spec.border?.bottom);
  const a = spec.alignment;
  if (a?.horizontal) range.format.horizontalAlignment = HORIZONTAL[a.horizontal];
  if (a?.vertical) range.format.verticalAlignment = VERTICAL[a.vertical];
  if (a?.wrap) range.format.wrapText = true;
}

/**
 * Queues the generated table beside a user's table: the previous run's table is cleared and deleted,
 * then the new one is written (chunked under the request budget), with its marked conditional formats.
 */
export async function queueBesideTable(
  context: Excel.RequestContext,
  plan: BesideTablePlan,
  old: Excel.Table | undefined,
  oldRange: Excel.Range | undefined,
  render: { date1904: boolean; budget: RequestBudget },
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  if (old && !old.isNullObject && oldRange) {
    oldRange.clear("All");
    old.delete();
  }
  await queueTable(sheet, plan.table, render.date1904, render.budget);
  queueConditionalFormats(sheet, plan.conditionalFormats);
  queueColumnWidths(sheet, plan.columns);
}
