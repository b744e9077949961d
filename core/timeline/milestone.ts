import { type CellValue, cellText, isBlank, readYesNo } from "../cells";
import type { Day } from "../dates/calendar";
import { type DateWindow, readWindow } from "../dates/read-window";
import type { TableView } from "../tables/read-table";
import { type Kind, matchKind } from "../vocab";

export type DateField = "Calendar" | "Forecast" | "Actual";
/** The date columns of a milestone, in the table's order. */
export const DATE_FIELDS: readonly DateField[] = ["Calendar", "Forecast", "Actual"];

/** A date cell of a milestone as read: its window, or the text that could not be read. */
export type DateCell =
  | { state: "blank" }
  | { state: "read"; text: string; window: DateWindow }
  | { state: "unreadable"; text: string };

/** One Timeline row as the rules see it. */
export interface Milestone {
  row: number;
  /** The ID as typed (trimmed). */
  id: string;
  /** The ID for matching `Depends On` (case and spaces ignored). */
  key: string;
  /** The Milestone column: what it is. */
  title: string;
  calendar: DateCell;
  forecast: DateCell;
  actual: DateCell;
  kindText: string;
  /** Blank is `Milestone`; an unreadable value is `undefined` (and reported). */
  kind: Kind | undefined;
  /** The IDs of `Depends On` as typed, split on commas, semicolons or spaces. */
  dependsOn: string[];
  fixedText: string;
  /** Yes or no (blank is no); `undefined` when unreadable (and reported). */
  fixed: boolean | undefined;
}

/** The key an ID is matched by: `tl 01` and `TL01` are one milestone. */
/** The cell of one date column. */
export const dateCellOf = (m: Milestone, field: DateField): DateCell =>
  field === "Calendar" ? m.calendar : field === "Forecast" ? m.forecast : m.actual;

export const idKey = (id: string): string => id.replace(/\s+/g, "").toUpperCase();

function dateCell(value: CellValue | undefined, date1904: boolean): DateCell {
  if (isBlank(value)) return { state: "blank" };
  const read = readWindow(value, date1904);
  return read.ok
    ? { state: "read", text: cellText(value), window: read.window }
    : { state: "unreadable", text: read.text };
}

/** The window of a date cell, when it was read. */
export const windowOf = (cell: DateCell): DateWindow | undefined => (cell.state === "read" ? cell.window : undefined);

/** The planned window (from Calendar). */
export const planOf = (m: Milestone): DateWindow | undefined => windowOf(m.calendar);

/** What the milestone's date now is: its Actual, else its Forecast, else none. */
export function effectiveOf(m: Milestone): { window: DateWindow; by: "Actual" | "Forecast" } | undefined {
  const actual = windowOf(m.actual);
  if (actual) return { window: actual, by: "Actual" };
  const forecast = windowOf(m.forecast);
  return forecast ? { window: forecast, by: "Forecast" } : undefined;
}

/** The day that counts for lateness: the effective date's latest day, else the plan's latest. */
export function dueDay(m: Milestone): Day | undefined {
  return effectiveOf(m)?.window.latest ?? planOf(m)?.latest;
}

/** Reads the Timeline's rows into milestones. */
export function readMilestones(view: TableView, date1904: boolean): Milestone[] {
  return view.rows.map(({ row, cells }): Milestone => {
    const id = cellText(cells["ID"]);
    const kindText = cellText(cells["Kind"]);
    const fixedText = cellText(cells["Fixed"]);
    return {
      row,
      id,
      key: idKey(id),
      title: cellText(cells["Milestone"]),
      calendar: dateCell(cells["Calendar"], date1904),
      forecast: dateCell(cells["Forecast"], date1904),
      actual: dateCell(cells["Actual"], date1904),
      kindText,
      kind: matchKind(kindText),
      dependsOn: cellText(cells["Depends On"])
        .split(/[,;\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      fixedText,
      fixed: readYesNo(cells["Fixed"]),
    };
  });
}
