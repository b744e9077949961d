/**
 * Gender counting, once: the gender-balance rule, the arbitration, the `Balance` sheet and the task
 * pane all count stated genders and name the less-represented one by these functions.
 */
import type { Member } from "./member";

/** Stated genders of a group, and the share of its less-represented gender (women or men). */
export interface GenderCounts {
  female: number;
  male: number;
  other: number;
  /** The share of the less-represented of women and men among stated genders (0 when none is stated). */
  share: number;
}

/** Members whose gender is stated (`Female`, `Male` or `Other`). */
export const statedOf = (c: Pick<GenderCounts, "female" | "male" | "other">): number => c.female + c.male + c.other;

/**
 * The counts and share from the three figures.
 *
 * @example genderCountsOf(4, 6, 0) // { female: 4, male: 6, other: 0, share: 0.4 }
 */
export function genderCountsOf(female: number, male: number, other: number): GenderCounts {
  const stated = female + male + other;
  return { female, male, other, share: stated === 0 ? 0 : Math.min(female, male) / stated };
}

/**
 * Counts stated genders among members (`Not stated`, blank and unreadable genders count for nothing).
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
  return genderCountsOf(female, male, other);
}

/**
 * The less-represented of women and men: women on a tie, as `ROSTER_GENDER_BALANCE` says it.
 *
 * @example lessRepresented({ female: 6, male: 9, other: 0, share: 0.4 }) // "women"
 */
export function lessRepresented(c: Pick<GenderCounts, "female" | "male">): "women" | "men" {
  return c.female <= c.male ? "women" : "men";
}

/**
 * A share rounded as findings and JSON give it (4 decimals).
 *
 * @example roundShare(2 / 3) // 0.6667
 */
export const roundShare = (share: number): number => Math.round(share * 10_000) / 10_000;

/**
 * The shares of women and of men among stated genders (`null` when no gender is stated).
 *
 * @example sharesOf({ female: 3, male: 1, other: 0 }) // { women: 0.75, men: 0.25 }
 */
export function sharesOf(c: Pick<GenderCounts, "female" | "male" | "other">): {
  women: number | null;
  men: number | null;
} {
  const stated = statedOf(c);
  return stated === 0 ? { women: null, men: null } : { women: c.female / stated, men: c.male / stated };
}
