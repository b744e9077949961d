import { finding } from "../../findings";
import { genderCounts, lessRepresented, roundShare, statedOf } from "../gender";
import { isConfirmed } from "../member";
import type { RosterRule } from "../rule";

/**
 * `ROSTER_GENDER_BALANCE`: among confirmed members whose gender is stated, the share of women or of
 * men is below `MinGenderShare`.
 */
export const genderBalance: RosterRule = {
  code: "ROSTER_GENDER_BALANCE",
  severity: "warning",
  reads: ["Gender", "Status"],
  when: "among confirmed members whose gender is stated (`Female`, `Male`, `Other`), the share of women or of men is below `MinGenderShare`",
  check({ members, settings, sheet }) {
    const counts = genderCounts(members.filter(isConfirmed));
    if (statedOf(counts) === 0 || counts.share >= settings.minGenderShare) return [];
    return [
      finding(
        "ROSTER_GENDER_BALANCE",
        "warning",
        { sheet, row: null, column: "Gender" },
        {
          ...counts,
          share: roundShare(counts.share),
          under: lessRepresented(counts),
          minShare: settings.minGenderShare,
        },
      ),
    ];
  },
};
