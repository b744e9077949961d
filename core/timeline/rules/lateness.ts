import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { effectiveOf, planOf, windowOf } from "../milestone";
import type { TimelineRule } from "../rule";

/**
 * `TIMELINE_SLIPPED`: the effective date (its latest day, when fuzzy) is after the plan's latest day;
 * amber below `RedSlipDays`, red from it on.
 */
export const slipped: TimelineRule = {
  codes: ["TIMELINE_SLIPPED"],
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

/** `TIMELINE_OVERDUE`: no Actual, and the as-of day is past the Forecast's latest day (else the plan's). */
export const overdue: TimelineRule = {
  codes: ["TIMELINE_OVERDUE"],
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

/**
 * `TIMELINE_AT_RISK`: a milestone with no date of its own, pushed past its window by a real date
 * upstream (see `knockOn`); an error on a Fixed milestone, whose date cannot move.
 */
export const atRisk: TimelineRule = {
  codes: ["TIMELINE_AT_RISK"],
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
