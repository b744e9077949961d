import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../core";

// The fake is plain JavaScript so that the browser test can inject the very same file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeExcel } = require("../fakes/fake-excel.js") as {
  createFakeExcel: (fixture: Fixture, options?: { wrap?: (data: object) => object }) => FakeExcel;
};

export interface Fixture {
  sheets: {
    name: string;
    cells?: CellValue[][];
    at?: string;
    tables?: { name: string; ref: string }[];
    visibility?: "Visible" | "Hidden" | "VeryHidden";
    /** Merged areas, e.g. `["L2:M3"]`. */
    merged?: string[];
  }[];
  date1904?: boolean;
  /** The Excel locale's list separator: `";"` plays a German, French or Swiss Excel. */
  listSeparator?: "," | ";";
  /** Defined names already in the workbook. */
  names?: { name: string; reference: string }[];
}

/** The two list separators Excel's locales use: every add-in action is tested under both. */
export const LOCALES = [
  { locale: "comma (en-US)", listSeparator: "," },
  { locale: "semicolon (de-CH)", listSeparator: ";" },
] as const;

/** A cell of the fake: what Office.js would read back, and the format properties the add-in set. */
export interface FakeCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  style: Partial<{
    fontName: string;
    fontSize: number;
    bold: boolean;
    italic: boolean;
    fontColor: string;
    fill: string;
    horizontal: string;
    vertical: string;
    wrap: boolean;
  }>;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  world: {
    syncs: number;
    requestBytes: number[];
    selected: { sheet: string; address: string } | null;
    activeSheet: string | null;
  };
  sheet(name: string): {
    name: string;
    frozenRows: number;
    tabColor: string;
    /** Manual page breaks: the rows that begin a printed page. */
    rowBreaks: number[];
    print: {
      orientation: string;
      paperSize: string;
      zoom: unknown;
      titleRows: string;
      header: string;
      footer: string;
      rowBreaks: number[];
    };
  } | null;
  table(
    name: string,
  ): { name: string; style: string; box: { top: number; left: number; bottom: number; right: number } } | null;
  cell(sheet: string, address: string): { value: unknown; formula: string | null; numberFormat: string };
  values(sheet: string, address: string): unknown[][];
  formats(sheet: string): { address: string; formula: string; fill: string; font: string }[];
  conditionalFormats(
    sheet: string,
  ): { address: string; formula: string; fill: string; font: string; bold: boolean; priority: number }[];
  /** Every cell the add-in wrote on a sheet, by A1 address, with what it set of its format. */
  cells(sheet: string): Record<string, FakeCell>;
  /** Lines between rows: "row,column" is the line below that row (row 0: above row 1). */
  lines(sheet: string): Record<string, { style: string; weight: string; color: string }>;
  /** Column widths in points by 1-based column. */
  widths(sheet: string): Record<number, number>;
  /** Row heights in points by 1-based row (rows never set are absent). */
  heights(sheet: string): Record<number, number>;
  validations(sheet: string): {
    address: string;
    rule: { list?: { inCellDropDown: boolean; source: string } };
    errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
  }[];
  tables(sheet: string): { name: string; address: string; style: string }[];
  names(): { name: string; reference: string }[];
  /** Worksheet.pageLayout as the add-in set it. */
  pageLayout(sheet: string): {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    printTitleRows: string;
    headersFooters: { defaultForAllPages: Record<`${"left" | "center" | "right"}${"Header" | "Footer"}`, string> };
  };
  charts(sheet: string): {
    name: string;
    type: string;
    source: string;
    seriesBy: string;
    title: string;
    axes: { x: string; y: string };
    legend: string;
    at: string;
  }[];
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.createWorkbook: opens a new workbook from base64 .xlsx bytes (rejects what is not one). */
  createWorkbook(base64: string): Promise<void>;
  /** The workbooks opened so far, as base64. */
  created(): string[];
}

/**
 * The locale every fixture plays unless it says: `IEWSC_LIST_SEPARATOR=";"` (npm run test:semicolon)
 * runs the whole add-in suite as a German, French or Swiss Excel.
 */
const localeOf = (fixture: Fixture): Fixture =>
  fixture.listSeparator || process.env.IEWSC_LIST_SEPARATOR !== ";" ? fixture : { ...fixture, listSeparator: ";" };

/** The fake with plain objects: behaviour only. */
export function fakeExcel(fixture: Fixture): FakeExcel {
  return createFakeExcel(localeOf(fixture));
}

/**
 * The fake with every object an office-addin-mock `OfficeMockObject`: a property read before it was
 * loaded and synced gives "Error, property was not loaded", as Office.js would throw.
 */
export function mockExcel(fixture: Fixture): FakeExcel {
  return createFakeExcel(localeOf(fixture), {
    wrap: (data) => new OfficeMockObject(data as never, "excel" as never) as unknown as object,
  });
}

/** A 2-D table as a fixture sheet holding an Excel table over it. */
export function tableSheet(name: string, rows: CellValue[][], options: { sheet?: string; at?: string } = {}) {
  const at = options.at ?? "A1";
  const m = /^([A-Z]+)(\d+)$/.exec(at)!;
  const left = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const letters = (n: number): string =>
    (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const ref = `${at}:${letters(left + rows[0]!.length - 1)}${top + rows.length - 1}`;
  return { name: options.sheet ?? name, cells: rows, at, tables: [{ name, ref }] };
}
