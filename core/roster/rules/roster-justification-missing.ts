import { finding } from "../../findings";
import { isVolunteer, isWithdrawn } from "../member";
import type { RosterRule } from "../rule";

/** `ROSTER_JUSTIFICATION_MISSING`: a confirmed or candidate volunteer with a blank Justification. */
export const justificationMissing: RosterRule = {
  code: "ROSTER_JUSTIFICATION_MISSING",
  severity: "error",
  reads: ["Role", "Status", "Justification"],
  when: "a confirmed or candidate volunteer has a blank Justification",
  check({ members, sheet }) {
    return members
      .filter((m) => isVolunteer(m) && m.status !== undefined && !isWithdrawn(m) && m.justification === "")
      .map((m) =>
        finding(
          "ROSTER_JUSTIFICATION_MISSING",
          "error",
          { sheet, row: m.row, column: "Justification" },
          { name: m.name },
        ),
      );
  },
};
