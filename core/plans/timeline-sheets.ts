import type { CheckResult } from "../check";
import type { Day } from "../dates/calendar";
import type { TimelineContext } from "../timeline/rule";
import type { SheetPlan } from "./sheet-plan";
import { type BesideTablePlan, timelineStatusPlan } from "./timeline-status";
import { timelineViewSheet } from "./timeline-view";

/**
 * What Check timeline writes, as plans both adapters render: the status columns beside the Timeline
 * table and the `Timeline view` sheet, from the timeline the check read (its milestones and graph are
 * not built again). `settings.asOf` (the AsOf setting or --as-of) is written into the formulas as a
 * fixed day; without it they use TODAY() and stay live. `undefined` when the timeline check did not run.
 *
 * @example timelineSheets(checkWorkbook(input, { today }), { date1904: false, today })?.view.name // "Timeline view"
 */
export function timelineSheets(
  result: Pick<CheckResult, "timeline" | "settings">,
  options: { date1904: boolean; today: Day },
): { ctx: TimelineContext; status: BesideTablePlan; view: SheetPlan } | undefined {
  if (!result.timeline) return undefined;
  const { ctx, view } = result.timeline;
  const live = { date1904: options.date1904, liveAsOf: result.settings.asOf };
  return {
    ctx,
    status: timelineStatusPlan(ctx, view, live),
    view: timelineViewSheet(ctx, view, { ...live, generatedOn: options.today }),
  };
}
