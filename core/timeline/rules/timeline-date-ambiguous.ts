import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { DATE_FIELDS, dateCellOf } from "../milestone";
import type { TimelineRule } from "../rule";

/** `TIMELINE_DATE_AMBIGUOUS`, one per cell: the text has more than one reading. */
export const dateAmbiguous: TimelineRule = {
  code: "TIMELINE_DATE_AMBIGUOUS",
  severity: "info",
  reads: ["Calendar", "Forecast", "Actual"],
  when: "a Calendar, Forecast or Actual text has more than one reading (e.g. `Winter 2024`)",
  check({ milestones, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      for (const field of DATE_FIELDS) {
        const cell = dateCellOf(m, field);
        if (cell.state !== "read" || !cell.window.ambiguous) continue;
        const { earliest, latest, note } = cell.window;
        out.push(
          finding(
            "TIMELINE_DATE_AMBIGUOUS",
            "info",
            { sheet, row: m.row, column: field },
            {
              text: cell.text,
              reading: note ?? `${isoOf(earliest)} to ${isoOf(latest)}`,
              earliest: isoOf(earliest),
              latest: isoOf(latest),
            },
          ),
        );
      }
    }
    return out;
  },
};
