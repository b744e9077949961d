import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { blackoutHolding } from "../calendar-tables";
import { type Milestone, effectiveOf, planOf } from "../milestone";
import type { TimelineRule } from "../rule";

const heldInPerson = (m: Milestone) => m.kind === "Workshop" || m.kind === "Meeting";

/**
 * `TIMELINE_BLACKOUT`: a Workshop or Meeting whose effective date, or (without one) whose whole
 * planned window, falls in a blackout period.
 */
export const blackout: TimelineRule = {
  code: "TIMELINE_BLACKOUT",
  severity: "warning",
  reads: ["Calendar", "Forecast", "Actual", "Kind"],
  when: "a `Workshop` or `Meeting` milestone's effective date, or its whole window, falls in a blackout period",
  check({ milestones, blackouts, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      if (!heldInPerson(m)) continue;
      const effective = effectiveOf(m);
      const window = effective?.window ?? planOf(m);
      if (!window) continue;
      for (const b of blackouts) {
        const hit = blackoutHolding(b, window.earliest, window.latest);
        if (!hit) continue;
        out.push(
          finding(
            "TIMELINE_BLACKOUT",
            "warning",
            { sheet, row: m.row, column: effective?.by ?? "Calendar" },
            {
              id: m.id,
              period: b.name,
              from: isoOf(hit.from),
              to: isoOf(hit.to),
              by: effective ? "effective" : "plan",
            },
          ),
        );
        break;
      }
    }
    return out;
  },
};
