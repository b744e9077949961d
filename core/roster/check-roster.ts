import type { Finding } from "../findings";
import { ROSTER_RULES } from "../rules";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import { regionsOf } from "../vocab";
import { type Member, readMembers } from "./member";
import type { RosterContext, RosterRule } from "./rule";

export { ROSTER_RULES };

/**
 * Runs every roster rule over the Roster table (or over its members, already read).
 *
 * @example checkRoster(readTable(rawRoster), DEFAULT_SETTINGS) // → Finding[]
 */
export function checkRoster(
  view: TableView,
  settings: Settings,
  rules: readonly RosterRule[] = ROSTER_RULES,
  members: readonly Member[] = readMembers(view, settings),
): Finding[] {
  const ctx: RosterContext = { members, settings, sheet: view.sheet, regions: regionsOf(settings.regionModel) };
  return rules.flatMap((rule) => rule.check(ctx));
}
