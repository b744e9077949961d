import { finding } from "../../findings";
import type { TimelineRule } from "../rule";

/** `TIMELINE_DUPLICATE_ID`: on every later row that reuses an ID (case and spaces ignored). */
export const duplicateId: TimelineRule = {
  code: "TIMELINE_DUPLICATE_ID",
  severity: "error",
  reads: ["ID"],
  when: "an ID used twice (case and spaces ignored); on every later row",
  check({ milestones, graph, sheet }) {
    return milestones
      .filter((m) => m.key !== "" && graph.byKey.get(m.key) !== m)
      .map((m) =>
        finding(
          "TIMELINE_DUPLICATE_ID",
          "error",
          { sheet, row: m.row, column: "ID" },
          { id: m.id, firstRow: graph.byKey.get(m.key)!.row },
        ),
      );
  },
};
