import { isoOf } from "../../dates/calendar";
import { finding } from "../../findings";
import type { TaskRule } from "../rule";

/** `TASK_OVERDUE`: not Done, and the as-of day is past Due. */
export const taskOverdue: TaskRule = {
  code: "TASK_OVERDUE",
  severity: "warning",
  reads: ["ID", "Task", "Due", "Status"],
  when: "not `Done` and `AsOf` is past `Due`",
  check({ tasks, asOf, sheet }) {
    if (asOf === undefined) return [];
    return tasks
      .filter((t) => !t.done && t.due !== undefined && asOf > t.due)
      .map((t) =>
        finding(
          "TASK_OVERDUE",
          "warning",
          { sheet, row: t.row, column: "Due" },
          { id: t.id, task: t.task, due: isoOf(t.due!), asOf: isoOf(asOf), daysOverdue: asOf - t.due! },
        ),
      );
  },
};
