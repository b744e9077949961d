import { type Finding, finding } from "../../findings";
import type { Role } from "../../vocab";
import { isConfirmed } from "../member";
import type { RosterRule } from "../rule";

/** Roles that one person holds. */
const SINGLE_ROLES: readonly Role[] = ["TSB Director", "ITU Counsellor", "Deputy Secretary-General"];

/** `ROSTER_ROLE_DUPLICATE`: a one-person role confirmed more than once; on each extra row. */
export const roleDuplicate: RosterRule = {
  code: "ROSTER_ROLE_DUPLICATE",
  severity: "error",
  reads: ["Role", "Status"],
  when: "more than one confirmed `TSB Director`, `ITU Counsellor` or `Deputy Secretary-General`; on each extra row",
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
