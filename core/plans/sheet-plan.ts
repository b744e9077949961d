import { parseRange } from "../a1";
import { dayOfIso } from "../dates/calendar";

/**
 * The plain model of what we write into a workbook. Builders in the core produce it; the Office.js
 * adapter and the ExcelJS adapter render it. A builder is tested once, on its plan.
 */

/** Declared before the styles that use it (see `ACCENT`). */
const ACCENT_HEX = "0F6CBD";

/** A value to write. A `string` is always written as text, never read as a formula. */
export type PlanValue =
  | null
  | string
  | number
  | boolean
  | { date: string }
  /**
   * A formula we generate, without the leading `=`; `result` is what the core computed (written as the
   * cached value, for programs that do not recalculate). `array`: written as a one-cell array formula
   * where the file format has them (gnumeric applies implicit intersection to range arguments of
   * functions nested in SUMPRODUCT unless the cell is an array formula; Excel and LibreOffice agree
   * either way).
   */
  | { formula: string; result?: string | number | boolean; array?: boolean };

/**
 * The named styles of generated cells. `body` is every cell a plan writes without another style, and
 * `header` a table's header row: every cell we write names its font, so that a program without the
 * workbook's default font (LibreOffice, gnumeric on Linux) does not fall back to a serif face.
 */
export type CellStyle = "body" | "title" | "subtitle" | "note" | "label" | "header" | "total";

/** A thin or medium line in a colour (hex, no `#`). */
export interface PlanBorder {
  weight: "thin" | "medium";
  color: string;
}

/**
 * What a named style looks like, as plain data both renderers translate (and nothing else decides).
 * A border on `top` draws above every row of the range, `bottom` below every row.
 */
export interface CellStyleSpec {
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  /** Solid fill (hex), none when absent. */
  fill?: string;
  border?: { top?: PlanBorder; bottom?: PlanBorder };
  alignment?: { horizontal?: "left" | "center" | "right"; vertical?: "top" | "center" | "bottom"; wrap?: boolean };
}

/** The body font of every generated cell: Office's default, so our sheets sit among the user's. */
const FONT_NAME = "Calibri";
const FONT_SIZE = 11;
/** Text colour of body cells (Office's "Text 1"), and of notes (Fluent UI's neutral secondary). */
const TEXT = "000000";
const QUIET = "605E5C";

const font = (extra: Partial<CellStyleSpec["font"]> = {}): CellStyleSpec["font"] => ({
  name: FONT_NAME,
  size: FONT_SIZE,
  bold: false,
  italic: false,
  color: TEXT,
  ...extra,
});

/**
 * The styles of generated cells, defined once: the ExcelJS and the Office.js renderers only translate
 * this table, and the parity test renders every plan through both and compares them cell by cell.
 */
export const STYLES: Readonly<Record<CellStyle, CellStyleSpec>> = {
  body: { font: font() },
  title: { font: font({ size: 16, bold: true, color: ACCENT_HEX }) },
  subtitle: { font: font({ size: 12, bold: true }) },
  note: { font: font({ italic: true, color: QUIET }) },
  label: { font: font({ bold: true }) },
  // Bold for readers that do not draw Excel's table styles (LibreOffice, Google Sheets).
  header: { font: font({ bold: true }) },
  total: { font: font({ bold: true }), border: { top: { weight: "thin", color: TEXT } } },
};

/** A rectangular block of values starting at `ref` (its top-left cell). */
export interface PlanBlock {
  ref: string;
  values: PlanValue[][];
  style?: CellStyle;
  /** Number format for every cell of the block. */
  numFmt?: string;
  /** Wrap long text inside the cells (aligned to the top), for sheets meant to be read and printed. */
  wrap?: boolean;
}

export interface PlanTableColumn {
  header: string;
  /** Number format of the column's data cells (`@` text, `yyyy-mm-dd` dates …). */
  numFmt?: string;
  /** Long text: the data cells wrap (on screen and on paper) instead of running past the column. */
  wrap?: boolean;
}

/** An Excel table (ListObject): a header row and data rows from `ref`. */
export interface PlanTable {
  name: string;
  ref: string;
  columns: PlanTableColumn[];
  rows: PlanValue[][];
  style?: string;
}

/** A conditional format: `formula` without the leading `=`, relative to the range's top-left cell. */
export interface PlanConditionalFormat {
  ref: string;
  formula: string;
  fill: string;
  font?: string;
  bold?: boolean;
}

/** An in-cell dropdown over a bounded range. */
export interface PlanValidation {
  ref: string;
  list: readonly string[];
  /** Shown when a value outside the list is typed; blank cells are always allowed. */
  error?: string;
}

export interface PlanColumnFormat {
  /** 1-based column. */
  column: number;
  /** Width in characters. */
  width?: number;
}

/**
 * How a sheet prints: designed, not left to chance. Every sheet fits one page wide (as many pages
 * tall as it needs), repeats its header rows, and carries a header and footer.
 */
export interface PlanPrint {
  orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every printed page, e.g. `1:3`. */
  titleRows?: string;
  /** Page header and footer in Excel's header/footer codes (`&P` page, `&N` pages, `&A` sheet). */
  header?: string;
  footer?: string;
  /** Paper: A4 unless said otherwise (ITU prints on A4). */
  paper?: "A4" | "Letter";
  /** Pages tall the sheet is fitted to (1: the whole sheet on one page); as many as it needs when absent. */
  pagesTall?: number;
  /**
   * A fixed scale in per cent instead of "one page wide": Excel ignores manual page breaks when a sheet
   * is fitted to pages, so a sheet with `rowBreaks` gives a scale at which its columns fit the page.
   */
  scale?: number;
  /** Rows that begin a new printed page (manual page breaks above them). */
  rowBreaks?: number[];
}

export interface SheetPlan {
  name: string;
  blocks: PlanBlock[];
  tables: PlanTable[];
  columns: PlanColumnFormat[];
  /** Rows above this one stay in view (1-based: 2 freezes the first row). */
  freezeBelowRow?: number;
  conditionalFormats: PlanConditionalFormat[];
  validations: PlanValidation[];
  tabColor?: string;
  /** Page setup; a sheet without one prints as the program's defaults do. */
  print?: PlanPrint;
  /** 1-based columns whose cells wrap their text (a sheet of prose, such as How to use). */
  wrapColumns?: number[];
  /**
   * Heights of rows holding wrapped text, in points: LibreOffice does not grow a row to its wrapped
   * text when it opens a file, so a sheet meant for printing says how tall its rows are.
   */
  rowHeights?: { row: number; height: number }[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Workbook-level defined names. */
  names: { name: string; ref: string }[];
  /** Document properties. */
  properties?: { title?: string; subject?: string; creator?: string; created?: string };
}

/**
 * The number format a cell gets, decided once for both renderers. Text is always `@`, so that Excel
 * never reads a user's `=…` or `-…` as a formula; numbers, dates and formulas take the column's (or
 * block's) format unless that format is text, when they stay `General` (dates `yyyy-mm-dd`).
 *
 * @example cellFormat("=1+1", "0") // "@"
 * @example cellFormat({ date: "2024-03-01" }, undefined) // "yyyy-mm-dd"
 */
export function cellFormat(value: PlanValue, columnFormat: string | undefined): string {
  const numeric = columnFormat && columnFormat !== "@" ? columnFormat : undefined;
  if (value === null) return columnFormat ?? "General";
  if (typeof value === "string") return "@";
  if (typeof value === "object" && "date" in value)
    return dayOfIso(value.date) === undefined ? "@" : (numeric ?? "yyyy-mm-dd");
  return numeric ?? "General";
}

/**
 * A column width in characters as Office.js wants it, in points (a character of Calibri 11 is about
 * 5.6 points wide, plus the cell's padding). ExcelJS takes the characters themselves.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 5.6 + 5);
}

/** Points per line of wrapped text in Calibri 11 (Excel's default row height); other sizes in proportion. */
export const LINE_POINTS = 15;
/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;
/** Excel's default column width, in characters, for a column the plan gives none. */
const DEFAULT_WIDTH = 8.43;

/**
 * How many lines a text takes wrapped in a column `width` characters wide: each paragraph (line break)
 * at least one, and as many as its characters fill, a character of Calibri 11 being about one width
 * unit (the width of a "0") and a cell's padding about one.
 *
 * @example wrappedLines("a".repeat(100), 51) // 2
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split(/\r\n|\r|\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / usable)), 0);
}

/**
 * The heights of the rows of a sheet that hold wrapped text taller than one line, decided once for
 * both renderers: LibreOffice (and Excel on the web when it prints) does not grow a row to its wrapped
 * text on opening a file, so a sheet meant to be read and printed says how tall its rows are. A row is
 * as tall as its tallest wrapped cell (lines × `LINE_POINTS`, scaled by the font size); heights the
 * plan gives itself (`rowHeights`, as the Agenda does) win.
 *
 * @example rowHeightsOf(checksPlan) // [{ row: 7, height: 30 }, …] for a message two lines long
 */
export function rowHeightsOf(plan: SheetPlan): { row: number; height: number }[] {
  const widths = new Map(plan.columns.map((c) => [c.column, c.width ?? DEFAULT_WIDTH]));
  const wrapColumns = new Set(plan.wrapColumns ?? []);
  const heights = new Map<number, number>();
  const cell = (row: number, column: number, value: PlanValue, style: CellStyle, wrap: boolean) => {
    const text = typeof value === "string" ? value : undefined;
    if (!text || !(wrap || wrapColumns.has(column) || STYLES[style].alignment?.wrap)) return;
    const lines = wrappedLines(text, widths.get(column) ?? DEFAULT_WIDTH);
    if (lines < 2) return;
    const height = Math.min(MAX_ROW_POINTS, Math.ceil((lines * LINE_POINTS * STYLES[style].font.size) / FONT_SIZE));
    heights.set(row, Math.max(heights.get(row) ?? 0, height));
  };
  for (const block of plan.blocks) {
    const { top: row, left: column } = parseRange(block.ref);
    block.values.forEach((line, i) => {
      line.forEach((v, j) => {
        cell(row + i, column + j, v, block.style ?? "body", Boolean(block.wrap));
      });
    });
  }
  for (const table of plan.tables) {
    const { top: row, left: column } = parseRange(table.ref);
    table.columns.forEach((c, j) => {
      cell(row, column + j, c.header, "header", false);
      table.rows.forEach((r, i) => {
        cell(row + 1 + i, column + j, r[j] ?? null, "body", Boolean(c.wrap));
      });
    });
  }
  for (const { row, height } of plan.rowHeights ?? []) heights.set(row, height);
  return [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/** An empty sheet plan to fill in. */
export function emptySheet(name: string): SheetPlan {
  return { name, blocks: [], tables: [], columns: [], conditionalFormats: [], validations: [] };
}

/** The status colours, defined with the other shared words (`core/words.ts`). */
export { RAG } from "../words";

/** The Office theme's accent blue, for headers and tabs. */
export const ACCENT = ACCENT_HEX;

/** Text for a page header or footer: `&` starts a code there, so a literal one is doubled. */
const headerText = (s: string) => s.replace(/&/g, "&&");

/**
 * The page setup of a sheet we write: one page wide, `titleRows` repeated on every page, the title and
 * the as-of date in the header (the date printed when there is none), "Page X of Y" and the sheet's
 * name in the footer. A sheet holding personal data (the Roster's e-mail addresses) says so on every page.
 *
 * @example printSetup({ title: "Budget", asOf: "19 April 2024", orientation: "portrait", titleRows: "1:2" })
 * // { orientation: "portrait", titleRows: "1:2", paper: "A4",
 * //   header: "&L&\"Calibri,Bold\"Budget&RAs of 19 April 2024", footer: "&LIEWSC Workbench&CPage &P of &N&R&A" }
 */
export function printSetup(options: {
  title: string;
  orientation: PlanPrint["orientation"];
  asOf?: string;
  titleRows?: string;
  personal?: boolean;
}): PlanPrint {
  const date = options.asOf ? `As of ${headerText(options.asOf)}` : "Printed &D";
  return {
    orientation: options.orientation,
    ...(options.titleRows ? { titleRows: options.titleRows } : {}),
    paper: "A4",
    header: `&L&"Calibri,Bold"${headerText(options.title)}${options.personal ? "&CPersonal data: do not share" : ""}&R${date}`,
    footer: `&L${options.personal ? "Holds personal data (e-mail addresses)" : "IEWSC Workbench"}&CPage &P of &N&R&A`,
  };
}

/**
 * The number format of an amount of money in the workbook's currency: two decimals always (never
 * `#,##0.##`, which shows `44,154.` in Excel), the currency after the figure.
 *
 * @example moneyFormat("CHF") // '#,##0.00 "CHF"'
 */
export function moneyFormat(currency: string): string {
  const c = currency.replace(/["\\]/g, "").trim();
  return c ? `#,##0.00 "${c}"` : "#,##0.00";
}
