import { isoOf } from "../../dates/calendar";
import { clock } from "../../dates/read-time";
import { type Finding, finding } from "../../findings";
import { overlapsWithin } from "../overlaps";
import type { ProgramRule } from "../rule";
import { type TimedSession, isTimed } from "../session";

/**
 * `PROGRAM_OVERLAP`: two sessions in the same room (blank is the plenary room) overlap in time; on the
 * later-starting one, `data.session` the other. Sessions that only touch do not overlap.
 */
export const programOverlap: ProgramRule = {
  code: "PROGRAM_OVERLAP",
  severity: "error",
  when: "two sessions in the same room (blank is the plenary room) overlap in time; sessions that only touch do not",
  reads: ["Session", "Day", "Start", "End", "Room"],
  check({ sessions, sheet }) {
    const rooms = new Map<string, TimedSession[]>();
    for (const s of sessions.filter(isTimed)) {
      const group = rooms.get(s.roomKey);
      if (group) group.push(s);
      else rooms.set(s.roomKey, [s]);
    }
    const out: Finding[] = [];
    for (const group of rooms.values()) {
      for (const { later, other, from, to } of overlapsWithin(group)) {
        out.push(
          finding(
            "PROGRAM_OVERLAP",
            "error",
            { sheet, row: later.row, column: "Start" },
            {
              id: later.id,
              session: other.id,
              room: later.room,
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
