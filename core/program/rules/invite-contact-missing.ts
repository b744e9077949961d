import { finding } from "../../findings";
import { isPendingWithoutEmail } from "../invitee";
import type { InviteRule } from "../rule";

/** `INVITE_CONTACT_MISSING`: an invitee who is `To invite` or `Invited` has no Email: no means of contact. */
export const inviteContactMissing: InviteRule = {
  code: "INVITE_CONTACT_MISSING",
  severity: "error",
  when: "an invitee who is `To invite` or `Invited` has no Email: there is no means of contact",
  reads: ["Email", "Status"],
  check({ invitees, sheet }) {
    return invitees
      .filter(isPendingWithoutEmail)
      .map((i) =>
        finding(
          "INVITE_CONTACT_MISSING",
          "error",
          { sheet, row: i.row, column: "Email" },
          { name: i.name, status: i.status as "To invite" | "Invited" },
        ),
      );
  },
};
