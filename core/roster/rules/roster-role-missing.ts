import { finding } from "../../findings";
import type { Role } from "../../vocab";
import { isConfirmed } from "../member";
import type { RosterRule } from "../rule";

/** Roles the committee cannot be without. */
const REQUIRED_ROLES: readonly Role[] = ["TSB Director", "ITU Counsellor", "RG-IEM Leadership"];

/** `ROSTER_ROLE_MISSING`: no confirmed TSB Director, ITU Counsellor or RG-IEM Leadership. */
export const roleMissing: RosterRule = {
  code: "ROSTER_ROLE_MISSING",
  severity: "error",
  reads: ["Role", "Status"],
  when: "no confirmed `TSB Director`, no confirmed `ITU Counsellor`, or no confirmed `RG-IEM Leadership`",
  check({ members, sheet }) {
    return REQUIRED_ROLES.filter((role) => !members.some((m) => m.role === role && isConfirmed(m))).map((role) =>
      finding("ROSTER_ROLE_MISSING", "error", { sheet, row: null, column: "Role" }, { role }),
    );
  },
};
