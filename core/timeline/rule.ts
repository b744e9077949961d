import type { Day } from "../dates/calendar";
import type { Rule } from "../rule";
import type { Settings } from "../settings";
import type { Blackout, Meeting } from "./calendar-tables";
import type { Push, TimelineGraph } from "./graph";
import type { Milestone } from "./milestone";

/** What every timeline rule is given: the milestones read once, their graph and knock-on. */
export interface TimelineContext {
  milestones: readonly Milestone[];
  graph: TimelineGraph;
  pushed: ReadonlyMap<Milestone, Push>;
  settings: Settings;
  /** The day "today" means; `undefined` leaves out the overdue check. */
  asOf: Day | undefined;
  sheet: string;
  meetings: readonly Meeting[];
  blackouts: readonly Blackout[];
}

/** A timeline rule: its metadata and one pure function (see `Rule`). */
export type TimelineRule = Rule<TimelineContext>;
