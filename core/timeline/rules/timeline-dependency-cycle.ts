import { finding } from "../../findings";
import type { TimelineRule } from "../rule";

/** `TIMELINE_DEPENDENCY_CYCLE`: one finding per loop, on its first row. */
export const dependencyCycle: TimelineRule = {
  code: "TIMELINE_DEPENDENCY_CYCLE",
  severity: "error",
  reads: ["ID", "Depends On"],
  when: "dependencies loop; one finding per loop, on its first row",
  check({ graph, sheet }) {
    return graph.cycles.map((cycle) => {
      const first = cycle[0]!;
      const path = cycle.map((m) => m.id);
      return finding(
        "TIMELINE_DEPENDENCY_CYCLE",
        "error",
        { sheet, row: first.row, column: "Depends On" },
        { id: first.id, cycle: [...path, first.id] },
      );
    });
  },
};
