import { z } from "zod";
import { finding } from "../../findings";
import type { RosterRule } from "../rule";

const Email = z.email();

/** `ROSTER_EMAIL_INVALID`: an Email that is not an e-mail address (withdrawn rows too). */
export const emailInvalid: RosterRule = {
  code: "ROSTER_EMAIL_INVALID",
  severity: "warning",
  reads: ["Email"],
  when: "an Email that is not an e-mail address",
  check({ members, sheet }) {
    return members
      .filter((m) => m.email !== "" && !Email.safeParse(m.email.replace(/^mailto:/i, "")).success)
      .map((m) =>
        finding("ROSTER_EMAIL_INVALID", "warning", { sheet, row: m.row, column: "Email" }, { value: m.email }),
      );
  },
};
