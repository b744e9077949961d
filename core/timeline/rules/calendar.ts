import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { blackoutHolding } from "../calendar-tables";
import { type Milestone, dueDay, effectiveOf, planOf } from "../milestone";
import type { TimelineContext, TimelineRule } from "../rule";

/** A parent body the committee reports to: TSAG, or its Working Party 2 (`WP2`, `WP 2`, `WP2/TSAG`). */
export const isReportingBody = (body: string): boolean => /\b(TSAG|WP\s?2)\b/i.test(body);

/** The workshop milestone (the first of Kind `Workshop`) and the meeting its report is due before. */
export function reportTarget(ctx: Pick<TimelineContext, "milestones" | "meetings" | "settings">) {
  const workshop = ctx.milestones.find((m) => m.kind === "Workshop" && dueDay(m) !== undefined);
  if (!workshop) return undefined;
  const held = dueDay(workshop)!;
  const meeting = ctx.meetings.find((mt) => isReportingBody(mt.body) && mt.start > held);
  if (!meeting) return undefined;
  return { workshop, held, meeting, deadline: meeting.start - ctx.settings.reportLeadDays };
}

/**
 * `TIMELINE_REPORT_LATE`: a Report milestone dated (effective, else its plan's latest day) after
 * `ReportLeadDays` before the first TSAG or WP2 meeting that starts after the workshop.
 */
export const reportLate: TimelineRule = {
  codes: ["TIMELINE_REPORT_LATE"],
  check(ctx) {
    const target = reportTarget(ctx);
    if (!target) return [];
    const out: Finding[] = [];
    for (const m of ctx.milestones) {
      if (m.kind !== "Report") continue;
      const date = dueDay(m);
      if (date === undefined || date <= target.deadline) continue;
      out.push(
        finding(
          "TIMELINE_REPORT_LATE",
          "error",
          { sheet: ctx.sheet, row: m.row, column: effectiveOf(m)?.by ?? "Calendar" },
          {
            id: m.id,
            date: isoOf(date),
            meeting: target.meeting.body,
            meetingStart: isoOf(target.meeting.start),
            deadline: isoOf(target.deadline),
            workshop: target.workshop.id,
            leadDays: ctx.settings.reportLeadDays,
          },
        ),
      );
    }
    return out;
  },
};

const heldInPerson = (m: Milestone) => m.kind === "Workshop" || m.kind === "Meeting";

/**
 * `TIMELINE_BLACKOUT`: a Workshop or Meeting whose effective date, or (without one) whose whole
 * planned window, falls in a blackout period.
 */
export const blackout: TimelineRule = {
  codes: ["TIMELINE_BLACKOUT"],
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
