import { finding, type Finding } from "../../findings";
import type { Role } from "../../vocab";
import { isConfirmed } from "../member";
import type { RosterRule } from "../rule";

/** Roles the committee cannot be without. */
const REQUIRED_ROLES: readonly Role[] = ["TSB Director", "ITU Counsellor", "RG-IEM Leadership"];
/** Roles that one person holds. */
const SINGLE_ROLES: readonly Role[] = ["TSB Director", "ITU Counsellor", "Deputy Secretary-General"];

/** `ROSTER_ROLE_MISSING`: no confirmed TSB Director, ITU Counsellor or RG-IEM Leadership. */
export const roleMissing: RosterRule = {
  codes: ["ROSTER_ROLE_MISSING"],
  reads: ["Role", "Status"],
  check({ members, sheet }) {
    return REQUIRED_ROLES.filter((role) => !members.some((m) => m.role === role && isConfirmed(m))).map((role) =>
      finding("ROSTER_ROLE_MISSING", "error", { sheet, row: null, column: "Role" }, { role }),
    );
  },
};

/** `ROSTER_ROLE_DUPLICATE`: a one-person role confirmed more than once; on each extra row. */
export const roleDuplicate: RosterRule = {
  codes: ["ROSTER_ROLE_DUPLICATE"],
  reads: ["Role", "Status"],
  check({ members, sheet }) {
    const out: Finding[] = [];
    for (const role of SINGLE_ROLES) {
      const holders = members.filter((m) => m.role === role && isConfirmed(m));
      for (const extra of holders.slice(1)) {
        out.push(
          finding(
            "ROSTER_ROLE_DUPLICATE",
            "error",
            { sheet, row: extra.row, column: "Role" },
            { role, firstRow: holders[0]!.row },
          ),
        );
      }
    }
    return out;
  },
};
