import { finding } from "../../findings";
import type { TimelineRule } from "../rule";

/** `TIMELINE_DEPENDENCY_UNKNOWN`: a `Depends On` entry that names no milestone. */
export const dependencyUnknown: TimelineRule = {
  code: "TIMELINE_DEPENDENCY_UNKNOWN",
  severity: "error",
  reads: ["ID", "Depends On"],
  when: "`Depends On` names an ID that is not in the table",
  check({ graph, sheet }) {
    return graph.unknown.map(({ milestone, dependsOn }) =>
      finding(
        "TIMELINE_DEPENDENCY_UNKNOWN",
        "error",
        { sheet, row: milestone.row, column: "Depends On" },
        { id: milestone.id, dependsOn },
      ),
    );
  },
};
