import { type Finding, finding } from "../../findings";
import { KINDS } from "../../vocab";
import type { TimelineRule } from "../rule";

/** `TIMELINE_INVALID_VALUE`: a blank ID, a Kind outside the list, a Fixed cell that is not yes or no. */
export const invalidValue: TimelineRule = {
  code: "TIMELINE_INVALID_VALUE",
  severity: "error",
  reads: ["ID", "Kind", "Fixed"],
  when: "a blank ID, a Kind outside the list, or a Fixed cell that is neither yes nor no",
  check({ milestones, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      if (m.id === "")
        out.push(
          finding(
            "TIMELINE_INVALID_VALUE",
            "error",
            { sheet, row: m.row, column: "ID" },
            { field: "ID", value: "", problem: "blank" },
          ),
        );
      if (m.kind === undefined) {
        out.push(
          finding(
            "TIMELINE_INVALID_VALUE",
            "error",
            { sheet, row: m.row, column: "Kind" },
            { field: "Kind", value: m.kindText, problem: "not-allowed", allowed: [...KINDS] },
          ),
        );
      }
      if (m.fixed === undefined) {
        out.push(
          finding(
            "TIMELINE_INVALID_VALUE",
            "error",
            { sheet, row: m.row, column: "Fixed" },
            { field: "Fixed", value: m.fixedText, problem: "not-allowed", allowed: ["Yes", "No"] },
          ),
        );
      }
    }
    return out;
  },
};
