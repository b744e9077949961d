import type { Finding } from "../findings";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import { regionsOf } from "../vocab";
import { readMembers } from "./member";
import type { RosterRule } from "./rule";
import { arbitration } from "./rules/arbitration";
import { duplicatePerson } from "./rules/duplicate-person";
import { emailInvalid } from "./rules/email";
import { genderBalance } from "./rules/gender-balance";
import { invalidValue } from "./rules/invalid-value";
import { justificationMissing } from "./rules/justification";
import { regionOver, regionShort } from "./rules/regions";
import { roleDuplicate, roleMissing } from "./rules/roles";
import { committeeSize } from "./rules/size";

/** Every roster rule (the arbitration itself is its own module; `arbitration` reports it). */
export const ROSTER_RULES: readonly RosterRule[] = [
  invalidValue,
  roleMissing,
  roleDuplicate,
  regionShort,
  regionOver,
  justificationMissing,
  duplicatePerson,
  genderBalance,
  committeeSize,
  emailInvalid,
  arbitration,
];

/**
 * Runs every roster rule over the Roster table.
 *
 * @example checkRoster(readTable(rawRoster), DEFAULT_SETTINGS) // → Finding[]
 */
export function checkRoster(
  view: TableView,
  settings: Settings,
  rules: readonly RosterRule[] = ROSTER_RULES,
): Finding[] {
  const ctx = {
    members: readMembers(view, settings),
    settings,
    sheet: view.sheet,
    regions: regionsOf(settings.regionModel),
  };
  return rules.flatMap((rule) => rule.check(ctx));
}
