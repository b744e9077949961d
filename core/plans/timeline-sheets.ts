import type { Day } from "../dates/calendar";
import type { Settings } from "../settings";
import type { TableName } from "../tables/contract";
import type { TableView } from "../tables/read-table";
import { timelineContext } from "../timeline/check-timeline";
import type { TimelineContext } from "../timeline/rule";
import type { SheetPlan } from "./sheet-plan";
import { type BesideTablePlan, timelineStatusPlan } from "./timeline-status";
import { timelineViewSheet } from "./timeline-view";

/**
 * What Check timeline writes, as plans both adapters render: the status columns beside the Timeline
 * table and the `Timeline view` sheet. `settings.asOf` (the AsOf setting or --as-of) is written into
 * the formulas as a fixed day; without it they use TODAY() and stay live.
 */
export function timelineSheets(
  views: Partial<Record<TableName, TableView>>,
  settings: Settings,
  options: { date1904: boolean; today: Day },
): { ctx: TimelineContext; status: BesideTablePlan; view: SheetPlan } {
  const timeline = views.Timeline;
  if (!timeline) throw new Error("timelineSheets needs the Timeline table read");
  const asOf = settings.asOf ?? options.today;
  const { ctx } = timelineContext(
    { timeline, meetings: views.Meetings, blackouts: views.Blackouts },
    settings,
    asOf,
    options.date1904,
  );
  const live = { date1904: options.date1904, liveAsOf: settings.asOf };
  return {
    ctx,
    status: timelineStatusPlan(ctx, timeline, live),
    view: timelineViewSheet(ctx, timeline, { ...live, generatedOn: options.today }),
  };
}
