import { z } from "zod";
import { finding } from "../../findings";
import type { InviteRule } from "../rule";

const Email = z.email();

/** `INVITE_EMAIL_INVALID` (warning): an Email that is not an e-mail address (`mailto:` aside). */
export const inviteEmailInvalid: InviteRule = {
  code: "INVITE_EMAIL_INVALID",
  severity: "warning",
  when: "an Email that is not an e-mail address",
  reads: ["Email"],
  check({ invitees, sheet }) {
    return invitees
      .filter((i) => i.email !== "" && !Email.safeParse(i.email.replace(/^mailto:/i, "")).success)
      .map((i) =>
        finding(
          "INVITE_EMAIL_INVALID",
          "warning",
          { sheet, row: i.row, column: "Email" },
          { name: i.name, value: i.email },
        ),
      );
  },
};
