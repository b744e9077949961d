import { type Finding, finding } from "../../findings";
import type { ProgramRule } from "../rule";

/**
 * `PROGRAM_SPEAKER_UNKNOWN` (warning): a Moderator or Speaker who is not in Invitees (names matched as
 * duplicates are: case, accents and spaces aside); on the session's cell that names them, so the fix is
 * one click away. Without an Invitees table nobody can be looked up, and nothing is reported.
 */
export const programSpeakerUnknown: ProgramRule = {
  code: "PROGRAM_SPEAKER_UNKNOWN",
  severity: "warning",
  when: "a speaker or moderator who is not in the Invitees table",
  reads: ["Moderator", "Speakers", "Invitees.Name"],
  check({ sessions, sheet, invitees }) {
    if (!invitees) return [];
    const out: Finding[] = [];
    for (const s of sessions) {
      for (const p of s.people) {
        if (invitees.byKey.has(p.key)) continue;
        out.push(
          finding(
            "PROGRAM_SPEAKER_UNKNOWN",
            "warning",
            { sheet, row: s.row, column: p.as === "Moderator" ? "Moderator" : "Speakers" },
            { id: s.id, name: p.name, as: p.as },
          ),
        );
      }
    }
    return out;
  },
};
