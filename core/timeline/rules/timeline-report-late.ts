import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { dueDay, effectiveOf } from "../milestone";
import { reportTarget } from "../report-target";
import type { TimelineRule } from "../rule";

/**
 * `TIMELINE_REPORT_LATE`: a Report milestone dated (effective, else its plan's latest day) after
 * `ReportLeadDays` before the first TSAG or WP2 meeting that starts after the workshop.
 */
export const reportLate: TimelineRule = {
  code: "TIMELINE_REPORT_LATE",
  severity: "error",
  reads: ["Calendar", "Forecast", "Actual", "Kind"],
  when: "a `Report` milestone's date is later than `ReportLeadDays` before the first TSAG or WP2 meeting (from `Meetings`) that starts after the `Workshop` milestone's date",
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
