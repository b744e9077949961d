import { type Finding, finding } from "../../findings";
import type { ProgramRule } from "../rule";

/**
 * `PROGRAM_SPEAKER_DECLINED`: a session names someone whose invitation is `Declined`; on the session's
 * cell that names them (the programme is what must change), `data.inviteeRow` their Invitees row.
 */
export const programSpeakerDeclined: ProgramRule = {
  code: "PROGRAM_SPEAKER_DECLINED",
  severity: "error",
  when: "a speaker or moderator whose invitation is `Declined`",
  reads: ["Moderator", "Speakers", "Invitees.Name", "Invitees.Status"],
  check({ sessions, sheet, invitees }) {
    if (!invitees) return [];
    const out: Finding[] = [];
    for (const s of sessions) {
      for (const p of s.people) {
        const i = invitees.byKey.get(p.key);
        if (i?.status !== "Declined") continue;
        out.push(
          finding(
            "PROGRAM_SPEAKER_DECLINED",
            "error",
            { sheet, row: s.row, column: p.as === "Moderator" ? "Moderator" : "Speakers" },
            { id: s.id, name: p.name, as: p.as, inviteeRow: i.row },
          ),
        );
      }
    }
    return out;
  },
};
