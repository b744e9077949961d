import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { planOf } from "../milestone";
import type { TimelineRule } from "../rule";

/**
 * `TIMELINE_AT_RISK`: a milestone with no date of its own, pushed past its window by a real date
 * upstream (see `knockOn`); an error on a Fixed milestone, whose date cannot move.
 */
export const atRisk: TimelineRule = {
  code: "TIMELINE_AT_RISK",
  severity: "warning",
  severityNote: "warning (error on a `Fixed` milestone)",
  reads: ["Calendar", "Forecast", "Actual", "Depends On", "Fixed"],
  when: "a milestone with no Actual or Forecast is pushed past its window's latest day by a real date upstream",
  check({ milestones, pushed, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      const push = pushed.get(m);
      if (!push) continue;
      const latest = planOf(m)!.latest;
      out.push(
        finding(
          "TIMELINE_AT_RISK",
          m.fixed ? "error" : "warning",
          { sheet, row: m.row, column: "Calendar" },
          {
            id: m.id,
            projected: isoOf(push.projected),
            drivenBy: push.drivenBy.id,
            latest: isoOf(latest),
            slipDays: push.projected - latest,
            fixed: m.fixed === true,
          },
        ),
      );
    }
    return out;
  },
};
