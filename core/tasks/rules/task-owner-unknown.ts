import { personKey } from "../../cells";
import { finding } from "../../findings";
import type { TaskRule } from "../rule";

/**
 * `TASK_OWNER_UNKNOWN`: an Owner who is not a non-withdrawn roster member, names compared as for
 * duplicates (case, accents and spaces ignored). Without a usable Roster the owners are not checked.
 */
export const taskOwnerUnknown: TaskRule = {
  code: "TASK_OWNER_UNKNOWN",
  severity: "warning",
  reads: ["ID", "Owner"],
  when: "an Owner who is not a non-withdrawn roster member (checked when the workbook has a usable Roster)",
  check({ tasks, members, sheet }) {
    if (!members) return [];
    return tasks
      .filter((t) => t.owner && !members.has(personKey(t.owner)))
      .map((t) =>
        finding("TASK_OWNER_UNKNOWN", "warning", { sheet, row: t.row, column: "Owner" }, { id: t.id, owner: t.owner }),
      );
  },
};
