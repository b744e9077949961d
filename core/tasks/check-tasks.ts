import { personKey } from "../cells";
import type { Day } from "../dates/calendar";
import { isoOf } from "../dates/calendar";
import { type Finding, finding } from "../findings";
import { readTasks } from "../budget/tasks";
import { isWithdrawn, readMembers } from "../roster/member";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";

/**
 * The Tasks rules: `TASK_INVALID_VALUE` (text in Start, Due or Effort, which the Resources formulas
 * cannot count — an addition to checks.md), `TASK_OVERDUE` (not Done and the as-of day is past Due) and `TASK_OWNER_UNKNOWN`
 * (an Owner who is not a non-withdrawn roster member, names compared as for duplicates: case, accents
 * and spaces ignored). Without a Roster table the owners cannot be checked and are not.
 */
export function checkTasks(
  view: TableView,
  roster: TableView | undefined,
  settings: Settings,
  asOf: Day | undefined,
  date1904: boolean,
): Finding[] {
  const tasks = readTasks(view, date1904);
  const out: Finding[] = [];
  const members = roster
    ? new Set(
        readMembers(roster, settings)
          .filter((m) => !isWithdrawn(m) && m.name)
          .map((m) => m.nameKey),
      )
    : undefined;
  const cellsOf = new Map(view.rows.map((r) => [r.row, r.cells]));
  for (const t of tasks) {
    // The Resources formulas do arithmetic on these cells: text there shows #VALUE! until it is fixed.
    const cells = cellsOf.get(t.row)!;
    for (const field of ["Start", "Due", "Effort"] as const) {
      const v = cells[field];
      if (typeof v === "string" && v.trim() !== "") {
        out.push(
          finding(
            "TASK_INVALID_VALUE",
            "warning",
            { sheet: view.sheet, row: t.row, column: field },
            { id: t.id, field, value: v },
          ),
        );
      }
    }
    if (asOf !== undefined && !t.done && t.due !== undefined && asOf > t.due) {
      out.push(
        finding(
          "TASK_OVERDUE",
          "warning",
          { sheet: view.sheet, row: t.row, column: "Due" },
          {
            id: t.id,
            task: t.task,
            due: isoOf(t.due),
            asOf: isoOf(asOf),
            daysOverdue: asOf - t.due,
          },
        ),
      );
    }
    if (members && t.owner && !members.has(personKey(t.owner))) {
      out.push(
        finding(
          "TASK_OWNER_UNKNOWN",
          "warning",
          { sheet: view.sheet, row: t.row, column: "Owner" },
          { id: t.id, owner: t.owner },
        ),
      );
    }
  }
  return out;
}
