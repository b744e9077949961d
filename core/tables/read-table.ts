import { type CellValue, cellText, isBlank, matchKey } from "../cells";
import { ColumnMissingError, HeaderRowMissingError } from "../errors";
import { CONTRACT, type TableName, type TableSpec } from "./contract";

/**
 * What an adapter hands over for one table: the raw cell values as a rectangle, and where it sits.
 * For an Excel table (ListObject) `values` is its range, header row first. For the sheet fallback it is
 * the sheet's used range; the header is its first non-empty row.
 */
export interface RawTable {
  /** The contract's table name (`Roster`). */
  name: TableName;
  /** The worksheet that holds it, as it is spelt in the workbook. */
  sheet: string;
  source: "table" | "sheet";
  /** 1-based worksheet row and column of `values[0][0]`. */
  origin: { row: number; column: number };
  values: CellValue[][];
}

/** One data row: its worksheet row number and its cells by contract header. */
export interface TableRow {
  row: number;
  cells: Readonly<Record<string, CellValue>>;
}

/** A table as the rules see it: columns matched to the contract, blank rows left out. */
export interface TableView {
  name: TableName;
  sheet: string;
  source: "table" | "sheet";
  /** Worksheet row of the header. */
  headerRow: number;
  /** Worksheet row of the last row of the table's range (the header row when it is empty). */
  lastRow: number;
  /** 1-based worksheet column of each contract column found, by contract header. */
  columns: Readonly<Record<string, number>>;
  /** First and last worksheet column of the table. */
  span: { first: number; last: number };
  /** Headers that the contract does not name (kept, never touched). */
  extraColumns: readonly string[];
  rows: readonly TableRow[];
}

/**
 * Matches a raw table to its contract: headers case- and space-insensitively, in any order; the
 * first matching header wins. Throws `ColumnMissingError` for a required column that is not there.
 *
 * @example
 * readTable({ name: "Roster", sheet: "Roster", source: "sheet", origin: { row: 1, column: 1 },
 *   values: [["name", " ROLE ", "Gender"], ["Ada", "TSB Director", "Female"]] })
 * // → columns { Name: 1, Role: 2, Gender: 3 }, rows [{ row: 2, cells: { Name: "Ada", … } }]
 */
export function readTable(raw: RawTable, spec: TableSpec = CONTRACT[raw.name]): TableView {
  const values = raw.values;
  const byKey = new Map<string, string>();
  for (const col of spec.columns) {
    byKey.set(matchKey(col.header), col.header);
    for (const a of col.aliases ?? []) byKey.set(matchKey(a), col.header);
  }
  const headerIndex = raw.source === "sheet" ? sheetHeaderIndex(values, spec, byKey) : 0;
  let header = values[headerIndex] ?? [];
  if (raw.source === "sheet") {
    // On a sheet without an Excel table, the columns we generate beside it (headers "IEWSC …", after
    // a blank column) are not part of the user's table.
    const ours = header.findIndex((c) => /^IEWSC /.test(cellText(c)));
    if (ours > 0) {
      let end = ours;
      while (end > 0 && isBlank(header[end - 1])) end--;
      header = header.slice(0, end);
    }
  }
  const columns: Record<string, number> = {};
  const indexOf: Record<string, number> = {};
  const extraColumns: string[] = [];
  header.forEach((cell, i) => {
    const text = cellText(cell);
    if (text === "") return;
    const canonical = byKey.get(matchKey(text));
    if (canonical && !(canonical in columns)) {
      columns[canonical] = raw.origin.column + i;
      indexOf[canonical] = i;
    } else {
      extraColumns.push(text);
    }
  });
  if (raw.source === "sheet" && Object.keys(columns).length === 0) {
    const required = spec.columns.filter((c) => c.required === true).map((c) => c.header);
    throw new HeaderRowMissingError(
      `the sheet "${raw.sheet}" has no header row with the ${spec.name} table's columns (${required.join(", ")}) in its first ${HEADER_SEARCH_ROWS} rows`,
      { table: spec.name },
    );
  }
  for (const col of spec.columns) {
    if (col.required === true && !(col.header in columns)) {
      throw new ColumnMissingError(`the ${spec.name} table on sheet "${raw.sheet}" has no "${col.header}" column`, {
        table: spec.name,
        column: col.header,
      });
    }
  }
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < values.length; i++) {
    const line = values[i]!;
    if (line.every((c) => isBlank(c))) continue;
    const cells: Record<string, CellValue> = {};
    for (const [headerName, index] of Object.entries(indexOf)) cells[headerName] = line[index] ?? null;
    rows.push({ row: raw.origin.row + i, cells });
  }
  const width = Math.max(header.length, 1);
  return {
    name: spec.name,
    sheet: raw.sheet,
    source: raw.source,
    headerRow: raw.origin.row + headerIndex,
    lastRow: raw.origin.row + Math.max(values.length - 1, headerIndex),
    columns,
    span: { first: raw.origin.column, last: raw.origin.column + width - 1 },
    extraColumns,
    rows,
  };
}

/** Rows looked at for a header below a title on a sheet without an Excel table. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row of a sheet without an Excel table: its first non-empty row, as the contract says;
 * but where that row lacks the required headers and one of the next non-empty rows has them all,
 * that row (people put a title above their table).
 */
function sheetHeaderIndex(values: CellValue[][], spec: TableSpec, byKey: Map<string, string>): number {
  const nonEmpty = values.map((r, i) => (r.some((c) => !isBlank(c)) ? i : -1)).filter((i) => i >= 0);
  if (nonEmpty.length === 0) return 0;
  const required = spec.columns.filter((c) => c.required === true).map((c) => c.header);
  const hasAll = (i: number) => {
    const found = new Set(values[i]!.map((c) => byKey.get(matchKey(cellText(c)))));
    return required.every((h) => found.has(h));
  };
  return nonEmpty.slice(0, HEADER_SEARCH_ROWS).find(hasAll) ?? nonEmpty[0]!;
}

/** Throws `ColumnMissingError` when a column that every Regional Volunteer needs is absent. */
export function requireColumn(view: TableView, header: string): void {
  if (!(header in view.columns)) {
    const error = new ColumnMissingError(
      `the ${view.name} table on sheet "${view.sheet}" has no "${header}" column, which every Regional Volunteer needs`,
      { table: view.name, column: header },
    );
    error.requiredFor = "volunteers";
    throw error;
  }
}
