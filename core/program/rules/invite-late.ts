import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import type { InviteRule } from "../rule";

/**
 * `INVITE_LATE` (warning): a Speaker, Moderator or Panellist — by `Invited As`, or named by a session —
 * who is still `To invite` after the day `InvitationLeadDays` before the workshop's start, or whose
 * `Invited On` is later than that day. Without a Workshop Start there is no deadline to miss.
 */
export const inviteLate: InviteRule = {
  code: "INVITE_LATE",
  severity: "warning",
  when: "a Speaker, Moderator or Panellist is still `To invite` after the day `InvitationLeadDays` before the workshop's start, or was invited after it",
  reads: ["Invited As", "Invited On", "Status", "Program.Moderator", "Program.Speakers", "Workshop.Start"],
  check({ invitees, sheet, settings, asOf, workshop, named }) {
    if (!workshop) return [];
    const deadline = workshop.start - settings.invitationLeadDays;
    const out: Finding[] = [];
    for (const i of invitees) {
      const as = i.invitedAs && i.invitedAs !== "Participant" ? i.invitedAs : named?.get(i.key);
      if (!as) continue;
      const base = { name: i.name, as, deadline: isoOf(deadline), leadDays: settings.invitationLeadDays };
      if (i.status === "To invite" && asOf !== undefined && asOf > deadline) {
        out.push(finding("INVITE_LATE", "warning", { sheet, row: i.row, column: "Status" }, { ...base, by: "status" }));
      } else if (i.invitedOn.value !== undefined && i.invitedOn.value > deadline) {
        out.push(
          finding(
            "INVITE_LATE",
            "warning",
            { sheet, row: i.row, column: "Invited On" },
            { ...base, by: "invited-on", invitedOn: isoOf(i.invitedOn.value) },
          ),
        );
      }
    }
    return out;
  },
};
