import { a1, sheetRef } from "../a1";
import { type Day, serialOf } from "../dates/calendar";
import type { DateCell, Milestone } from "../timeline/milestone";

/**
 * Live formulas over the user's Timeline cells. A date typed into Forecast or Actual is read by the
 * formula itself (`ISNUMBER`), so editing it updates the generated cells without a re-run; a date
 * written in words ("May 2024") cannot be read by a formula, so its latest day, as the core read it
 * when the check ran, is written into the formula as a constant.
 */
export interface CellRefs {
  /** The sheet of the Timeline table (for references from another sheet). */
  sheet: string;
  forecastColumn: number | undefined;
  actualColumn: number | undefined;
  date1904: boolean;
}

/** A reference to a user cell, sheet-qualified when the formula lives on another sheet. */
const ref = (refs: CellRefs, row: number, column: number, fromOtherSheet: boolean) =>
  `${fromOtherSheet ? `${sheetRef(refs.sheet)}!` : ""}${a1(row, column)}`;

/** What the core read in a cell, as a constant for the formula: its latest day's serial, or "". */
function constant(cell: DateCell, date1904: boolean): string {
  return cell.state === "read" ? String(serialOf(cell.window.latest, date1904)) : '""';
}

/**
 * The live date of one date cell: the cell itself when it holds a date, what the core read when it
 * holds words, and `otherwise` when it is blank.
 */
function liveDate(
  refs: CellRefs,
  column: number | undefined,
  cell: DateCell,
  row: number,
  otherwise: string,
  fromOtherSheet: boolean,
): string {
  if (column === undefined) return otherwise;
  const r = ref(refs, row, column, fromOtherSheet);
  // A number the core read as a year (2024), not as a date serial: the formula takes the core's reading.
  if (cell.state === "read" && cell.window.precision === "year")
    return `IF(LEN(${r})>0,${constant(cell, refs.date1904)},${otherwise})`;
  // INT: a date with a time of day is that day.
  return `IF(ISNUMBER(${r}),INT(${r}),IF(LEN(${r})>0,${constant(cell, refs.date1904)},${otherwise}))`;
}

/** The date a milestone now has: its Actual, else its Forecast, else "" (a formula, no leading `=`). */
export function dateNowFormula(refs: CellRefs, m: Milestone | undefined, row: number, fromOtherSheet = false): string {
  const blank: DateCell = { state: "blank" };
  const forecast = liveDate(refs, refs.forecastColumn, m?.forecast ?? blank, row, '""', fromOtherSheet);
  return liveDate(refs, refs.actualColumn, m?.actual ?? blank, row, forecast, fromOtherSheet);
}

/** The live Forecast or Actual alone (for the Gantt). */
export function fieldFormula(
  refs: CellRefs,
  field: "Forecast" | "Actual",
  m: Milestone | undefined,
  row: number,
  fromOtherSheet = true,
): string {
  const column = field === "Forecast" ? refs.forecastColumn : refs.actualColumn;
  const cell = (field === "Forecast" ? m?.forecast : m?.actual) ?? { state: "blank" };
  return liveDate(refs, column, cell, row, '""', fromOtherSheet);
}

/** Whether the Actual cell holds anything (a formula condition). */
export function hasActualFormula(refs: CellRefs, row: number): string {
  return refs.actualColumn === undefined ? "FALSE" : `LEN(${a1(row, refs.actualColumn)})>0`;
}

/** "Today" in a formula: the AsOf setting as a fixed date, else the live `TODAY()`. */
export function todayFormula(asOf: Day | undefined, date1904: boolean): string {
  return asOf === undefined ? "TODAY()" : String(serialOf(asOf, date1904));
}
