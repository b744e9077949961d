import { type Finding, finding } from "../../findings";
import type { TaskRule } from "../rule";

const NUMERIC = ["Start", "Due", "Effort"] as const;

/**
 * `TASK_INVALID_VALUE`: text in a task's Start, Due or Effort. The Resources formulas do arithmetic on
 * these cells: text there shows #VALUE! until it is fixed.
 */
export const taskInvalidValue: TaskRule = {
  code: "TASK_INVALID_VALUE",
  severity: "warning",
  reads: ["ID", "Start", "Due", "Effort"],
  when: "text in a task's Start, Due or Effort, which the Resources formulas cannot count; one finding per cell",
  check({ tasks, view, sheet }) {
    const out: Finding[] = [];
    const cellsOf = new Map(view.rows.map((r) => [r.row, r.cells]));
    for (const t of tasks) {
      const cells = cellsOf.get(t.row) ?? {};
      for (const field of NUMERIC) {
        const v = cells[field];
        if (typeof v === "string" && v.trim() !== "")
          out.push(
            finding(
              "TASK_INVALID_VALUE",
              "warning",
              { sheet, row: t.row, column: field },
              { id: t.id, field, value: v },
            ),
          );
      }
    }
    return out;
  },
};
