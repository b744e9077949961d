import { type Finding, finding } from "../../findings";
import { GENDERS, INVITED_AS, INVITE_STATUSES, SECTORS, regionsOf } from "../../vocab";
import type { InviteRule } from "../rule";

/**
 * `INVITE_INVALID_VALUE`, one finding per cell: a blank Name; a Sector, Region (for the region model in
 * force), Gender, Invited As or Status outside its list; an Invited On or Reply By that is not a date.
 */
export const inviteInvalidValue: InviteRule = {
  code: "INVITE_INVALID_VALUE",
  severity: "error",
  when: "a blank Name; a Sector, Region, Gender, Invited As or Status that is not in its list; a date that cannot be read",
  reads: ["Name", "Sector", "Region", "Gender", "Invited As", "Invited On", "Reply By", "Status"],
  check({ invitees, sheet, settings }) {
    const out: Finding[] = [];
    const regions = regionsOf(settings.regionModel);
    for (const i of invitees) {
      const bad = (
        field: string,
        value: string,
        problem: "blank" | "not-allowed" | "unreadable",
        allowed?: readonly string[],
      ) =>
        out.push(
          finding(
            "INVITE_INVALID_VALUE",
            "error",
            { sheet, row: i.row, column: field },
            { name: i.name, field, value, problem, ...(allowed ? { allowed: [...allowed] } : {}) },
          ),
        );
      if (i.name === "") bad("Name", "", "blank");
      if (i.sectorText !== "" && !i.sector) bad("Sector", i.sectorText, "not-allowed", SECTORS);
      if (i.regionText !== "" && !i.region) bad("Region", i.regionText, "not-allowed", regions);
      if (!i.gender) bad("Gender", i.genderText, "not-allowed", GENDERS);
      if (!i.invitedAs) bad("Invited As", i.invitedAsText, "not-allowed", INVITED_AS);
      if (!i.invitedOn.blank && i.invitedOn.value === undefined) bad("Invited On", i.invitedOn.text, "unreadable");
      if (!i.replyBy.blank && i.replyBy.value === undefined) bad("Reply By", i.replyBy.text, "unreadable");
      if (!i.status) bad("Status", i.statusText, "not-allowed", INVITE_STATUSES);
    }
    return out;
  },
};
