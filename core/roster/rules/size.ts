import { finding } from "../../findings";
import { isConfirmed } from "../member";
import type { RosterRule } from "../rule";

/** `ROSTER_SIZE`: more confirmed members than `MaxCommitteeSize` ("a limited group"). */
export const committeeSize: RosterRule = {
  codes: ["ROSTER_SIZE"],
  reads: ["Status"],
  check({ members, settings, sheet }) {
    const count = members.filter(isConfirmed).length;
    return count > settings.maxCommitteeSize
      ? [
          finding(
            "ROSTER_SIZE",
            "warning",
            { sheet, row: null, column: null },
            { count, max: settings.maxCommitteeSize },
          ),
        ]
      : [];
  },
};
