import { type Finding, finding } from "../../findings";
import { DATE_FIELDS, dateCellOf } from "../milestone";
import type { TimelineRule } from "../rule";

/** `TIMELINE_DATE_UNPARSEABLE`, one per cell (a blank Calendar too: every milestone needs a plan). */
export const dateUnparseable: TimelineRule = {
  code: "TIMELINE_DATE_UNPARSEABLE",
  severity: "error",
  reads: ["Calendar", "Forecast", "Actual"],
  when: "a Calendar, Forecast or Actual value cannot be read as a date or window (a blank Calendar too; also an unreadable `Meetings` Start/End or `Blackouts` From/To, on its own sheet)",
  check({ milestones, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      for (const field of DATE_FIELDS) {
        const cell = dateCellOf(m, field);
        if (cell.state === "unreadable" || (cell.state === "blank" && field === "Calendar")) {
          out.push(
            finding(
              "TIMELINE_DATE_UNPARSEABLE",
              "error",
              { sheet, row: m.row, column: field },
              { text: cell.state === "blank" ? "" : cell.text, field },
            ),
          );
        }
      }
    }
    return out;
  },
};
