import type ExcelJS from "exceljs";
import {
  type CellValue,
  type RawTable,
  type TableName,
  TABLE_NAMES,
  UnreadableWorkbookError,
  type WorkbookInput,
  WorkbookError,
  growBox,
  numberFormatKind,
  rangeOf,
} from "../../core";
import { toCellValue } from "./cell-value";
import { Workbook } from "./exceljs-workbook";
import { wantedBy } from "./fast-read";
import { normalizePackage } from "./normalize";
import "./exceljs-patches";
import "./exceljs-reading";
import { checkWorkbookBytes, readInputFile } from "./input-file";

/** ExcelJS's cell types, from the module `exceljs-workbook.ts` loads (not the whole of ExcelJS). */
const ValueType: typeof ExcelJS.ValueType = require("exceljs/lib/doc/enums").ValueType;
/**
 * Loads an .xlsx file with ExcelJS for reading. Data validations are skipped: we never need them to
 * read, and ExcelJS expands a validation over `A1:XFD1048576` cell by cell (it hangs on such files).
 * Every failure becomes an `UnreadableWorkbookError` with one plain line. `keepValidations` (for tests
 * that look at a copy's dropdowns) reads them.
 */
export async function loadWorkbook(
  file: string,
  options: { keepValidations?: boolean } = {},
): Promise<ExcelJS.Workbook> {
  return loadWorkbookBytes(await readInputFile(file), file, options);
}

/** Loads workbook bytes already read (a command that also needs the bytes reads the file once). */
export async function loadWorkbookBytes(
  bytes: Buffer,
  file: string,
  options: { keepValidations?: boolean; checked?: boolean } = {},
): Promise<ExcelJS.Workbook> {
  // Said plainly before ExcelJS sees it: not a zip, an encrypted or binary workbook, a zip bomb
  // (`checked`: the caller has already run checkWorkbookBytes on these bytes).
  if (!options.checked) checkWorkbookBytes(bytes, file);
  const wb = new Workbook();
  try {
    await wb.xlsx.load((await normalizePackage(bytes)) as unknown as ExcelJS.Buffer, {
      ignoreNodes: options.keepValidations ? [] : ["dataValidations"],
    });
  } catch (e) {
    // Our own refusals (a cell given twice, from exceljs-reading.ts) say what is wrong.
    if (e instanceof WorkbookError) throw e.inFile(file);
    // ExcelJS's own words ("Cannot read properties of undefined") mean nothing to a user: never shown.
    throw new UnreadableWorkbookError(
      "could not be read as an .xlsx workbook: its contents are damaged; open it in Excel and save it again, then retry",
      { file },
    );
  }
  return wb;
}

/**
 * Finds the contract's tables as the contract says: an Excel table of that name on any sheet; else a
 * sheet of that name (case-insensitive), from its first non-empty row to its last row with content.
 */
export function findTables(wb: ExcelJS.Workbook, names: readonly TableName[] | "every" = TABLE_NAMES): WorkbookInput {
  const tables: Partial<Record<TableName, RawTable>> = {};
  const wanted = wantedBy(names);
  wb.eachSheet((ws) => {
    // ExcelJS keeps the tables it read in `tables` (typed only as getTables()).
    const read = (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
    for (const table of Object.values(read)) {
      const model = (
        table as unknown as {
          table: {
            name: string;
            tableRef?: string;
            ref?: string;
            totalsRow?: boolean;
            headerRow?: boolean;
            columns?: { name: string }[];
          };
        }
      ).table;
      const name = wanted(model.name ?? "");
      const ref = model.tableRef ?? model.ref;
      if (!name || tables[name] || !ref) continue;
      const range = rangeOf(ref);
      // A totals row is not a member: leave it out, as Office.js's data body range does.
      if (range && model.totalsRow) range.bottom = Math.max(range.top, range.bottom - 1);
      // A table with its header row switched off: its first row is data; the header is its column names.
      const headerOff = model.headerRow === false && model.columns?.length;
      if (range)
        tables[name] = {
          name,
          sheet: ws.name,
          source: "table",
          origin: { row: headerOff ? range.top - 1 : range.top, column: range.left },
          values: headerOff
            ? [model.columns!.map((c) => c.name), ...readBlock(ws, range, { keepFirst: false })]
            : readBlock(ws, range),
        };
    }
  });
  wb.eachSheet((ws) => {
    const name = wanted(ws.name);
    if (!name || tables[name]) return;
    const range = usedRange(ws);
    tables[name] = {
      name,
      sheet: ws.name,
      source: "sheet",
      origin: { row: range?.top ?? 1, column: range?.left ?? 1 },
      values: range ? readBlock(ws, range) : [],
    };
  });
  return { tables, date1904: Boolean(wb.properties?.date1904) };
}

type Box = NonNullable<ReturnType<typeof rangeOf>>;

/** The smallest box holding every cell with a value (formatting alone does not count). */
function usedRange(ws: ExcelJS.Worksheet): Box | undefined {
  let box: Box | undefined;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cellValueOf(cell);
      if (v === null || (typeof v === "string" && v.trim() === "")) return;
      box = growBox(box, r, c);
    });
  });
  return box;
}

/**
 * A cell's value for the core. A formula's saved result is read from the cell's model: ExcelJS's
 * `cell.value` copies only a truthy result, so a saved 0, FALSE or "" would read as never calculated.
 */
function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const value =
    cell.type === ValueType.Formula
      ? toCellValue({
          formula: "",
          result: (cell.model as { result?: ExcelJS.CellValue }).result,
        } as ExcelJS.CellValue)
      : toCellValue(cell.value);
  // A number shown as elapsed time (`[h]:mm`) is a duration, not a date (see exceljs-reading.ts).
  return typeof value === "number" && numberFormatKind(cell.numFmt) === "duration" ? { duration: value } : value;
}

/** Columns from which a box is read sparsely (a table over the whole sheet is 16,384 wide). */
const WIDE = 1024;

/** A row the sheet does not have: read as blank, shared so that a sheet's empty rows cost nothing. */
const NO_CELLS: CellValue[] = [];

/**
 * The values in a box, read only where the sheet has cells and cut after the last row that holds a
 * value (the header row at least): a table formatted over whole columns (`A1:J1048576`) or a stray cell
 * at `XFD1048576` costs what the data costs, not what the sheet could hold. ExcelJS's `getRow`/`getCell`
 * would create every row and cell they are asked for; `findRow`/`findCell` create nothing.
 */
function readBlock(ws: ExcelJS.Worksheet, box: Box, options: { keepFirst?: boolean } = {}): CellValue[][] {
  const out: CellValue[][] = [];
  let last = box.top;
  ws.eachRow({ includeEmpty: false }, (_row, r) => {
    if (r <= box.bottom && r > last) last = r;
  });
  for (let r = box.top; r <= last; r++) {
    const row = ws.findRow(r) as (ExcelJS.Row & { findCell(c: number): ExcelJS.Cell | undefined }) | undefined;
    if (!row?.hasValues) {
      out.push(NO_CELLS);
      continue;
    }
    // A row is read to the box's right edge, unless the box is wider than any real table (a whole
    // sheet): then to its last cell, so that a stray cell at XFD costs one row, not every row.
    const end = box.right - box.left < WIDE ? box.right : Math.min(box.right, row.cellCount);
    const line: CellValue[] = [];
    for (let c = box.left; c <= end; c++) {
      const cell = row.findCell(c);
      // A merged cell's value lives in its master cell; the others read as blank.
      line.push(!cell || (cell.isMerged && cell.master !== cell) ? null : cellValueOf(cell));
    }
    out.push(line);
  }
  // Rows with cells but no value (formatting only) at the end are no data either.
  const keep = options.keepFirst === false ? 0 : 1;
  while (
    out.length > keep &&
    out[out.length - 1]!.every((v) => v === null || (typeof v === "string" && v.trim() === ""))
  )
    out.pop();
  return out;
}

/** Reads a workbook file into what the core checks. */
export async function readWorkbookInput(file: string): Promise<WorkbookInput> {
  return findTables(await loadWorkbook(file));
}
