/**
 * Three things ExcelJS 4.4 reads wrongly in files that Excel never writes but other programs (or an
 * attacker) can, put right where it reads them, so that it reads what the fast reader of `check`
 * (`fast-read.ts`) reads and never a silent wrong value:
 *
 * 1. A row given twice (`<row r="3">` … `<row r="3">`): ExcelJS keeps the last one and loses the
 *    cells of the first. The cells of both are read, as LibreOffice and gnumeric read them. A cell
 *    whose address names another row than its element's (`<row r="5"><c r="C2">`) is read where its
 *    address says, as LibreOffice, gnumeric and openpyxl read it (ExcelJS put it in row 5). A cell
 *    given twice is the sign of a damaged file: those programs keep the last value without a word; we
 *    refuse the workbook, naming the sheet and the cell (`cellGivenTwice`).
 * 2. A boolean stored as `false` (`parseInt` gives NaN, and NaN is not 0): read as TRUE. Booleans
 *    are read by the core's `readStoredBoolean`; one that is neither is the error `#VALUE!`.
 * 3. Which number formats make a date: ExcelJS's own test calls `[h]:mm:ss` a date (and misses `[s]`,
 *    and escaped letters such as `0 \h`). The core's `numberFormatKind` decides; a duration stays a
 *    number, which the reader hands over as a duration.
 *
 * Loaded for its effect by the reader (`read-workbook.ts`).
 */
import { numberFormatKind, readStoredBoolean } from "../../core";
import { cellGivenTwice } from "./fast-read";

// ExcelJS's classes are reachable only by their CommonJS paths (no types).
const Worksheet = require("exceljs/lib/doc/worksheet");
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform");
const colCache = require("exceljs/lib/utils/col-cache") as {
  decodeAddress(address: string): { row: number; col: number };
  n2l(col: number): string;
};
const exceljsUtils = require("exceljs/lib/utils/utils") as { isDateFmt(fmt: string | undefined): boolean };
const ValueType = require("exceljs/lib/doc/enums").ValueType as { Merge: number; Error: number };

interface CellModel {
  type: number;
  address?: string;
  value?: unknown;
  result?: unknown;
  formula?: string;
  shareType?: string;
}
interface RowModel {
  number: number;
  cells: CellModel[];
}

const worksheetProto = Worksheet.prototype;
const originalParseRows = worksheetProto._parseRows;
worksheetProto._parseRows = function _parseRows(this: { name: string }, model: { rows: RowModel[] }) {
  const at = new Map<number, number>();
  const rows: RowModel[] = [];
  /** Rows made for a cell whose address names a row that has no element (yet). */
  const bare = new Set<number>();
  const rowOf = (n: number, element?: RowModel): RowModel => {
    const i = at.get(n);
    if (i === undefined) {
      at.set(n, rows.length);
      rows.push(element ? { ...element, cells: [] } : { number: n, cells: [] });
      if (!element) bare.add(n);
      return rows[rows.length - 1]!;
    }
    // The first row element's height and style stay; the cells of every element are the row's.
    if (element && bare.delete(n)) rows[i] = { ...element, cells: rows[i]!.cells };
    return rows[i]!;
  };
  for (const element of model.rows) {
    const row = rowOf(element.number, element);
    for (const cell of element.cells) {
      // A cell is where its own address says, even inside another row's element, as LibreOffice,
      // gnumeric and openpyxl read it (ExcelJS would put it in the element's row).
      const r = cell.address ? colCache.decodeAddress(cell.address).row : element.number;
      (r === element.number || !(r >= 1 && r <= 1_048_576) ? row : rowOf(r)).cells.push(cell);
    }
  }
  for (const row of rows) refuseCellGivenTwice(this.name, row);
  return originalParseRows.call(this, { ...model, rows });
};

/** Columns as ExcelJS's `Row.model` places the cells (one without an address follows the one before). */
function refuseCellGivenTwice(sheet: string, row: RowModel): void {
  let previous = 0;
  let ascending = true;
  const columns: number[] = [];
  for (const cell of row.cells) {
    if (cell.type === ValueType.Merge) continue; // no value and no style: ExcelJS makes no cell of it
    const col = cell.address ? colCache.decodeAddress(cell.address).col : previous + 1;
    if (col <= previous) ascending = false;
    previous = col;
    columns.push(col);
  }
  if (ascending) return;
  const seen = new Set<number>();
  for (const col of columns) {
    if (seen.has(col)) throw cellGivenTwice(sheet, `${colCache.n2l(col)}${row.number}`);
    seen.add(col);
  }
}

interface CellXformThis {
  t?: string;
  model: CellModel;
}

const cellProto = CellXform.prototype;
const originalCellParseClose = cellProto.parseClose;
cellProto.parseClose = function parseClose(this: CellXformThis, name: string) {
  if (name !== "c" || this.t !== "b" || typeof this.model.value !== "string")
    return originalCellParseClose.call(this, name);
  const value = readStoredBoolean(this.model.value);
  // ExcelJS's own reading (`parseInt(v) !== 0`) is right for 0 and 1: hand it those.
  this.model.value = value === undefined ? "0" : value ? "1" : "0";
  const done = originalCellParseClose.call(this, name);
  if (value === undefined) {
    if (this.model.formula || this.model.shareType) this.model.result = { error: "#VALUE!" };
    else {
      this.model.type = ValueType.Error;
      this.model.value = { error: "#VALUE!" };
    }
  }
  return done;
};

// ExcelJS calls `utils.isDateFmt` by the module's property: a date is what the core calls one.
exceljsUtils.isDateFmt = (fmt) => numberFormatKind(fmt) === "date";
