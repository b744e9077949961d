import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { effectiveOf, planOf } from "../milestone";
import type { TimelineRule } from "../rule";

/**
 * `TIMELINE_SLIPPED`: the effective date (its latest day, when fuzzy) is after the plan's latest day;
 * amber below `RedSlipDays`, red from it on.
 */
export const slipped: TimelineRule = {
  code: "TIMELINE_SLIPPED",
  severity: "warning",
  severityNote: "warning, or error from `RedSlipDays` on",
  reads: ["Calendar", "Forecast", "Actual"],
  when: "the effective date is later than the window's latest day",
  check({ milestones, settings, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      const plan = planOf(m);
      const effective = effectiveOf(m);
      if (!plan || !effective || effective.window.latest <= plan.latest) continue;
      const slipDays = effective.window.latest - plan.latest;
      out.push(
        finding(
          "TIMELINE_SLIPPED",
          slipDays >= settings.redSlipDays ? "error" : "warning",
          { sheet, row: m.row, column: effective.by },
          {
            id: m.id,
            slipDays,
            planned: isoOf(plan.latest),
            effective: isoOf(effective.window.latest),
            redSlipDays: settings.redSlipDays,
            by: effective.by,
          },
        ),
      );
    }
    return out;
  },
};
