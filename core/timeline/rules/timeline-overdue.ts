import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { planOf, windowOf } from "../milestone";
import type { TimelineRule } from "../rule";

/** `TIMELINE_OVERDUE`: no Actual, and the as-of day is past the Forecast's latest day (else the plan's). */
export const overdue: TimelineRule = {
  code: "TIMELINE_OVERDUE",
  severity: "error",
  reads: ["Calendar", "Forecast", "Actual"],
  when: "no Actual, and `AsOf` is past the latest day of the Forecast (or, without one, of the window)",
  check({ milestones, asOf, sheet }) {
    if (asOf === undefined) return [];
    const out: Finding[] = [];
    for (const m of milestones) {
      if (m.actual.state !== "blank") continue;
      const forecast = windowOf(m.forecast);
      const due = forecast?.latest ?? planOf(m)?.latest;
      if (due === undefined || asOf <= due) continue;
      out.push(
        finding(
          "TIMELINE_OVERDUE",
          "error",
          { sheet, row: m.row, column: "Actual" },
          {
            id: m.id,
            due: isoOf(due),
            asOf: isoOf(asOf),
            daysOverdue: asOf - due,
            by: forecast ? "Forecast" : "Calendar",
          },
        ),
      );
    }
    return out;
  },
};
