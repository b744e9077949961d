import type { TimelineContext } from "./rule";
import { dueDay } from "./milestone";

/** A parent body the committee reports to: TSAG, or its Working Party 2 (`WP2`, `WP 2`, `WP2/TSAG`). */
export const isReportingBody = (body: string): boolean => /\b(TSAG|WP\s?2)\b/i.test(body);

/**
 * The workshop milestone (the first of Kind `Workshop`) and the meeting its report is due before.
 *
 * @example reportTarget(ctx)?.deadline // the day, ReportLeadDays before the first TSAG/WP2 meeting after the workshop
 */
export function reportTarget(ctx: Pick<TimelineContext, "milestones" | "meetings" | "settings">) {
  const workshop = ctx.milestones.find((m) => m.kind === "Workshop" && dueDay(m) !== undefined);
  if (!workshop) return undefined;
  const held = dueDay(workshop)!;
  const meeting = ctx.meetings.find((mt) => isReportingBody(mt.body) && mt.start > held);
  if (!meeting) return undefined;
  return { workshop, held, meeting, deadline: meeting.start - ctx.settings.reportLeadDays };
}
