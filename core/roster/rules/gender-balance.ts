import { finding } from "../../findings";
import type { Member } from "../member";
import { isConfirmed } from "../member";
import type { RosterRule } from "../rule";

export interface GenderCounts {
  female: number;
  male: number;
  other: number;
  /** The share of the less-represented of women and men among stated genders (0 when none). */
  share: number;
}

/**
 * Counts stated genders among members and the share of the less-represented of women and men.
 *
 * @example genderCounts(members) // { female: 4, male: 6, other: 0, share: 0.4 }
 */
export function genderCounts(members: readonly Member[]): GenderCounts {
  let female = 0;
  let male = 0;
  let other = 0;
  for (const m of members) {
    if (m.gender === "Female") female++;
    else if (m.gender === "Male") male++;
    else if (m.gender === "Other") other++;
  }
  const stated = female + male + other;
  return { female, male, other, share: stated === 0 ? 0 : Math.min(female, male) / stated };
}

/**
 * `ROSTER_GENDER_BALANCE`: among confirmed members whose gender is stated, the share of women or of
 * men is below `MinGenderShare`.
 */
export const genderBalance: RosterRule = {
  codes: ["ROSTER_GENDER_BALANCE"],
  reads: ["Gender", "Status"],
  check({ members, settings, sheet }) {
    const counts = genderCounts(members.filter(isConfirmed));
    const stated = counts.female + counts.male + counts.other;
    if (stated === 0 || counts.share >= settings.minGenderShare) return [];
    return [
      finding(
        "ROSTER_GENDER_BALANCE",
        "warning",
        { sheet, row: null, column: "Gender" },
        {
          ...counts,
          share: Math.round(counts.share * 10_000) / 10_000,
          under: counts.female <= counts.male ? "women" : "men",
          minShare: settings.minGenderShare,
        },
      ),
    ];
  },
};
