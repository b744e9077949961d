import { isoOf } from "../../dates/calendar";
import { finding } from "../../findings";
import type { InviteRule } from "../rule";

/** `INVITE_NO_REPLY` (warning): `Invited`, and "today" is past `Reply By`. */
export const inviteNoReply: InviteRule = {
  code: "INVITE_NO_REPLY",
  severity: "warning",
  when: "an invitee is `Invited` and today is after their `Reply By`",
  reads: ["Status", "Reply By"],
  check({ invitees, sheet, asOf }) {
    if (asOf === undefined) return [];
    return invitees
      .filter((i) => i.status === "Invited" && i.replyBy.value !== undefined && asOf > i.replyBy.value)
      .map((i) =>
        finding(
          "INVITE_NO_REPLY",
          "warning",
          { sheet, row: i.row, column: "Reply By" },
          { name: i.name, replyBy: isoOf(i.replyBy.value!), asOf: isoOf(asOf), daysOverdue: asOf - i.replyBy.value! },
        ),
      );
  },
};
