import { readTasks } from "../budget/tasks";
import type { Day } from "../dates/calendar";
import type { Finding } from "../findings";
import { isWithdrawn, readMembers } from "../roster/member";
import { TASK_RULES } from "../rules";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import type { TaskContext, TaskRule } from "./rule";

/**
 * Runs every task rule over the Tasks table. `roster` is the Roster table when the workbook has a
 * usable one: without it the owners cannot be checked and are not.
 *
 * @example checkTasks(readTable(rawTasks), undefined, DEFAULT_SETTINGS, dayOfIso("2024-03-01"), false)
 */
export function checkTasks(
  view: TableView,
  roster: TableView | undefined,
  settings: Settings,
  asOf: Day | undefined,
  date1904: boolean,
  rules: readonly TaskRule[] = TASK_RULES,
): Finding[] {
  const members = roster && readMembers(roster, settings);
  const ctx: TaskContext = {
    tasks: readTasks(view, date1904),
    view,
    members: members && new Set(members.filter((m) => !isWithdrawn(m) && m.name).map((m) => m.nameKey)),
    asOf,
    sheet: view.sheet,
  };
  return rules.flatMap((rule) => rule.check(ctx));
}
