import { type Finding, finding } from "../../findings";
import type { ProgramRule } from "../rule";
import { sessionSpeakers } from "../speakers";

/**
 * `PROGRAM_SINGLE_GENDER_PANEL` (warning): a `Panel` whose speakers (Moderator and Speakers who have not
 * declined) of stated gender — two or more — are all women or all men: the International Gender
 * Champions' Panel Parity Pledge, which Geneva's international organisations follow. A panel of one
 * stated gender-person is not a panel to balance; anyone of another stated gender makes it mixed.
 */
export const programSingleGenderPanel: ProgramRule = {
  code: "PROGRAM_SINGLE_GENDER_PANEL",
  severity: "warning",
  when: "a `Panel` whose speakers of stated gender (two or more) are all women or all men",
  reads: ["Format", "Moderator", "Speakers", "Invitees.Gender", "Invitees.Status"],
  check({ sessions, sheet, invitees }) {
    if (!invitees) return [];
    const out: Finding[] = [];
    for (const s of sessions) {
      if (s.format !== "Panel") continue;
      const stated = sessionSpeakers(s, invitees).filter(
        (i) => i.gender === "Female" || i.gender === "Male" || i.gender === "Other",
      );
      if (stated.length < 2) continue;
      const gender = stated[0]!.gender;
      if (gender === "Other" || !stated.every((i) => i.gender === gender)) continue;
      out.push(
        finding(
          "PROGRAM_SINGLE_GENDER_PANEL",
          "warning",
          { sheet, row: s.row, column: "Speakers" },
          {
            id: s.id,
            gender: gender === "Female" ? "women" : "men",
            count: stated.length,
            names: stated.map((i) => i.name),
          },
        ),
      );
    }
    return out;
  },
};
