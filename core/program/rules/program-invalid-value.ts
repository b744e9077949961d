import { type Finding, finding } from "../../findings";
import { clock } from "../../dates/read-time";
import { FORMATS } from "../../vocab";
import type { ProgramRule } from "../rule";

/**
 * `PROGRAM_INVALID_VALUE`, one finding per cell: a blank Session, Day, Start or End; a Day or time that
 * cannot be read; an End not after its Start; a Format outside the list.
 */
export const programInvalidValue: ProgramRule = {
  code: "PROGRAM_INVALID_VALUE",
  severity: "error",
  when: "a blank Session, Day, Start or End; a Day or time that cannot be read; an End that is not after its Start; a Format that is not in the list",
  reads: ["Session", "Day", "Start", "End", "Format"],
  check({ sessions, sheet }) {
    const out: Finding[] = [];
    for (const s of sessions) {
      const bad = (field: string, value: string, problem: "blank" | "unreadable" | "not-after-start" | "not-allowed") =>
        out.push(
          finding(
            "PROGRAM_INVALID_VALUE",
            "error",
            { sheet, row: s.row, column: field },
            { session: s.id, field, value, problem, ...(problem === "not-allowed" ? { allowed: [...FORMATS] } : {}) },
          ),
        );
      if (s.id === "") bad("Session", "", "blank");
      for (const [field, cell] of [
        ["Day", s.day],
        ["Start", s.start],
        ["End", s.end],
      ] as const) {
        if (cell.blank) bad(field, "", "blank");
        else if (cell.value === undefined) bad(field, cell.text, "unreadable");
      }
      if (s.start.value !== undefined && s.end.value !== undefined && s.end.value <= s.start.value)
        bad("End", clock(s.end.value), "not-after-start");
      if (s.format === undefined) bad("Format", s.formatText, "not-allowed");
    }
    return out;
  },
};
