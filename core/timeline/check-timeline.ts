import type { Day } from "../dates/calendar";
import type { Finding } from "../findings";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import { readBlackouts, readMeetings } from "./calendar-tables";
import { buildGraph, knockOn } from "./graph";
import { readMilestones } from "./milestone";
import type { TimelineContext, TimelineRule } from "./rule";
import { TIMELINE_RULES } from "../rules";

export { TIMELINE_RULES };

export interface TimelineTables {
  timeline: TableView;
  meetings?: TableView;
  blackouts?: TableView;
}

/**
 * Reads the timeline once (milestones, graph, knock-on, meetings, blackouts) for the rules and for
 * the generated columns and views.
 */
export function timelineContext(
  tables: TimelineTables,
  settings: Settings,
  asOf: Day | undefined,
  date1904: boolean,
): { ctx: TimelineContext; findings: Finding[] } {
  const milestones = readMilestones(tables.timeline, date1904);
  const graph = buildGraph(milestones);
  const meetings = readMeetings(tables.meetings, date1904);
  const blackouts = readBlackouts(tables.blackouts, date1904);
  const ctx: TimelineContext = {
    milestones,
    graph,
    pushed: knockOn(graph),
    settings,
    asOf,
    sheet: tables.timeline.sheet,
    meetings: meetings.meetings,
    blackouts: blackouts.blackouts,
  };
  return { ctx, findings: [...meetings.findings, ...blackouts.findings] };
}

/**
 * Runs every timeline rule.
 *
 * @example checkTimeline({ timeline: readTable(raw) }, DEFAULT_SETTINGS, dayOfIso("2024-03-01"), false)
 */
export function checkTimeline(
  tables: TimelineTables,
  settings: Settings,
  asOf: Day | undefined,
  date1904: boolean,
  rules: readonly TimelineRule[] = TIMELINE_RULES,
): Finding[] {
  const { ctx, findings } = timelineContext(tables, settings, asOf, date1904);
  return [...findings, ...rules.flatMap((rule) => rule.check(ctx))];
}
