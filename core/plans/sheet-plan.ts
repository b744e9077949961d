/**
 * The plain model of what we write into a workbook. Builders in the core produce it; the Office.js
 * adapter and the ExcelJS adapter render it. A builder is tested once, on its plan.
 */

/** A value to write. A `string` is always written as text, never read as a formula. */
export type PlanValue =
  | null
  | string
  | number
  | boolean
  | { date: string }
  /** A formula we generate, without the leading `=`; `result` is what the core computed. */
  | { formula: string; result?: string | number | boolean };

export type CellStyle = "title" | "subtitle" | "note" | "label" | "total";

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

/** An empty sheet plan to fill in. */
export function emptySheet(name: string): SheetPlan {
  return { name, blocks: [], tables: [], columns: [], conditionalFormats: [], validations: [] };
}

/** Fluent UI's status colours: fills light enough to read through, text dark enough to read. */
export const RAG = {
  red: { fill: "FDE7E9", font: "A4262C" },
  amber: { fill: "FFF4CE", font: "8A5100" },
  green: { fill: "DFF6DD", font: "107C10" },
  blue: { fill: "EFF6FC", font: "005A9E" },
} as const;

/** The Office theme's accent blue, for headers and tabs. */
export const ACCENT = "0F6CBD";
