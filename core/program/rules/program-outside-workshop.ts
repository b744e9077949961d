import { isoOf } from "../../dates/calendar";
import { finding } from "../../findings";
import type { ProgramRule } from "../rule";

/**
 * `PROGRAM_OUTSIDE_WORKSHOP`: a session's Day is not one of the workshop's days (`Start` … `Start + Days − 1`
 * of the Workshop table). Without a Workshop Start there is nothing to compare with.
 */
export const programOutsideWorkshop: ProgramRule = {
  code: "PROGRAM_OUTSIDE_WORKSHOP",
  severity: "error",
  when: "a session whose Day is not one of the workshop's days",
  reads: ["Day", "Workshop.Start", "Workshop.Days"],
  check({ sessions, sheet, workshop }) {
    if (!workshop) return [];
    const last = workshop.start + workshop.days - 1;
    return sessions
      .filter((s) => s.day.value !== undefined && (s.day.value < workshop.start || s.day.value > last))
      .map((s) =>
        finding(
          "PROGRAM_OUTSIDE_WORKSHOP",
          "error",
          { sheet, row: s.row, column: "Day" },
          { session: s.id, day: isoOf(s.day.value!), first: isoOf(workshop.start), last: isoOf(last) },
        ),
      );
  },
};
