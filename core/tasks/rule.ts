import type { TaskRow } from "../budget/tasks";
import type { Day } from "../dates/calendar";
import type { Rule } from "../rule";
import type { TableView } from "../tables/read-table";

/** What every task rule is given: the tasks read once, and the roster's names when there is a roster. */
export interface TaskContext {
  tasks: readonly TaskRow[];
  /** The Tasks table as read (the cells as typed, for the values a formula cannot count). */
  view: TableView;
  /** The names of the roster's members who are not withdrawn (`personKey`); `undefined` without a usable roster. */
  members: ReadonlySet<string> | undefined;
  /** The day "today" means; `undefined` leaves out the overdue check. */
  asOf: Day | undefined;
  sheet: string;
}

/** A task rule: its metadata and one pure function (see `Rule`). */
export type TaskRule = Rule<TaskContext>;
