import { cellText } from "../../cells";
import { type Finding, finding } from "../../findings";
import type { TaskRule } from "../rule";

const NUMERIC = ["Start", "Due", "Effort"] as const;

/**
 * `TASK_INVALID_VALUE`: text in a task's Start, Due or Effort, or a duration (`[h]:mm`) in its Start or
 * Due. The Resources formulas do arithmetic on these cells: text there shows #VALUE! until it is fixed,
 * and a duration counts as the day its number is (a day of 1900, or a day nobody meant).
 */
export const taskInvalidValue: TaskRule = {
  code: "TASK_INVALID_VALUE",
  severity: "warning",
  reads: ["ID", "Start", "Due", "Effort"],
  when: "text in a task's Start, Due or Effort, which the Resources formulas cannot count, or a duration in its Start or Due; one finding per cell",
  check({ tasks, view, sheet }) {
    const out: Finding[] = [];
    const cellsOf = new Map(view.rows.map((r) => [r.row, r.cells]));
    for (const t of tasks) {
      const cells = cellsOf.get(t.row) ?? {};
      for (const field of NUMERIC) {
        const v = cells[field];
        // Elapsed time (`36:00`, a cell formatted `[h]:mm`) in Start or Due is a number but no date.
        const duration = field !== "Effort" && typeof v === "object" && v !== null && "duration" in v;
        if ((typeof v === "string" && v.trim() !== "") || duration)
          out.push(
            finding(
              "TASK_INVALID_VALUE",
              "warning",
              { sheet, row: t.row, column: field },
              duration
                ? { id: t.id, field, value: cellText(v), elapsed: true }
                : { id: t.id, field, value: cellText(v) },
            ),
          );
      }
    }
    return out;
  },
};
