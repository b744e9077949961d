import { parseRange } from "../a1";
import type { TableView } from "../tables/read-table";

/**
 * Whether a change to the Timeline's sheet makes the status columns beside it stale. They are
 * same-row formulas of Forecast and Actual, so editing one of those cells is followed live; but the
 * planned window, the certainty and which rows hold a milestone were written as the check read them,
 * by position. A change that touches the ID, Calendar (the plan) or Kind column of the table's rows, or more than one
 * row at once (a sort, a paste, rows inserted or deleted), moves milestones away from them.
 *
 * @param address the changed range, as Office.js reports it ("C5", "Plan!B3:J10")
 * @example statusStaleAfter(view, "G5") // false: one Forecast cell, followed live
 * @example statusStaleAfter(view, "B3:J10") // true: a sort of the table
 */
export function statusStaleAfter(view: TableView, address: string): boolean {
  const changed = parseRange(address.split("!").pop()!.replace(/\$/g, ""));
  const bottom = Math.max(view.lastRow, view.headerRow + 1);
  const overlaps =
    changed.top <= bottom &&
    changed.bottom >= view.headerRow &&
    changed.left <= view.span.last &&
    changed.right >= view.span.first;
  if (!overlaps) return false;
  if (changed.bottom > changed.top) return true;
  const positional = ["ID", "Calendar", "Kind"].map((c) => view.columns[c]).filter((c) => c !== undefined);
  return positional.some((c) => c! >= changed.left && c! <= changed.right);
}
