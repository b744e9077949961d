import { finding } from "../../findings";
import { isConfirmed } from "../member";
import type { RosterRule } from "../rule";

/** `ROSTER_SIZE`: more confirmed members than `MaxCommitteeSize` ("a limited group"). */
export const committeeSize: RosterRule = {
  code: "ROSTER_SIZE",
  severity: "warning",
  reads: ["Status"],
  when: "more confirmed members than `MaxCommitteeSize`",
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
