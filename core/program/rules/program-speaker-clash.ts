import { isoOf } from "../../dates/calendar";
import { clock } from "../../dates/read-time";
import { type Finding, finding } from "../../findings";
import { overlapsWithin } from "../overlaps";
import type { ProgramRule } from "../rule";
import { type TimedSession, isTimed } from "../session";

/**
 * `PROGRAM_SPEAKER_CLASH`: one person (Moderator or Speaker, names matched as duplicates are) speaks in
 * two sessions that overlap in time, in any room; on the later-starting one. Linear in sessions × speakers.
 */
export const programSpeakerClash: ProgramRule = {
  code: "PROGRAM_SPEAKER_CLASH",
  severity: "error",
  when: "one person speaks in two sessions that overlap in time, in any rooms",
  reads: ["Session", "Day", "Start", "End", "Moderator", "Speakers"],
  check({ sessions, sheet }) {
    const byPerson = new Map<string, { name: string; sessions: TimedSession[] }>();
    for (const s of sessions.filter(isTimed)) {
      for (const p of s.people) {
        const entry = byPerson.get(p.key);
        if (entry) entry.sessions.push(s);
        else byPerson.set(p.key, { name: p.name, sessions: [s] });
      }
    }
    const out: Finding[] = [];
    for (const [key, { sessions: own }] of byPerson) {
      if (own.length < 2) continue;
      for (const { later, other, from, to } of overlapsWithin(own)) {
        const named = later.people.find((p) => p.key === key)!;
        out.push(
          finding(
            "PROGRAM_SPEAKER_CLASH",
            "error",
            { sheet, row: later.row, column: named.as === "Moderator" ? "Moderator" : "Speakers" },
            {
              id: later.id,
              name: named.name,
              session: other.id,
              day: isoOf(later.day.value),
              start: clock(from),
              end: clock(to),
            },
          ),
        );
      }
    }
    return out;
  },
};
