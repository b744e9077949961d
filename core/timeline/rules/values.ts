import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { KINDS } from "../../vocab";
import type { DateField, Milestone } from "../milestone";
import type { TimelineRule } from "../rule";

const FIELDS: readonly DateField[] = ["Calendar", "Forecast", "Actual"];
const cellOf = (m: Milestone, field: DateField) =>
  field === "Calendar" ? m.calendar : field === "Forecast" ? m.forecast : m.actual;

/**
 * `TIMELINE_DATE_UNPARSEABLE` (a blank Calendar too: every milestone needs a plan) and
 * `TIMELINE_DATE_AMBIGUOUS`, one per cell.
 */
export const dateValues: TimelineRule = {
  codes: ["TIMELINE_DATE_UNPARSEABLE", "TIMELINE_DATE_AMBIGUOUS"],
  check({ milestones, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      for (const field of FIELDS) {
        const cell = cellOf(m, field);
        const at = { sheet, row: m.row, column: field };
        if (cell.state === "unreadable" || (cell.state === "blank" && field === "Calendar")) {
          out.push(
            finding("TIMELINE_DATE_UNPARSEABLE", "error", at, { text: cell.state === "blank" ? "" : cell.text, field }),
          );
        } else if (cell.state === "read" && cell.window.ambiguous) {
          const { earliest, latest, note } = cell.window;
          out.push(
            finding("TIMELINE_DATE_AMBIGUOUS", "info", at, {
              text: cell.text,
              reading: note ?? `${isoOf(earliest)} to ${isoOf(latest)}`,
              earliest: isoOf(earliest),
              latest: isoOf(latest),
            }),
          );
        }
      }
    }
    return out;
  },
};

/** `TIMELINE_INVALID_VALUE`: a blank ID, a Kind outside the list, a Fixed cell that is not yes or no. */
export const otherValues: TimelineRule = {
  codes: ["TIMELINE_INVALID_VALUE"],
  check({ milestones, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      if (m.id === "")
        out.push(
          finding(
            "TIMELINE_INVALID_VALUE",
            "error",
            { sheet, row: m.row, column: "ID" },
            { field: "ID", value: "", problem: "blank" },
          ),
        );
      if (m.kind === undefined) {
        out.push(
          finding(
            "TIMELINE_INVALID_VALUE",
            "error",
            { sheet, row: m.row, column: "Kind" },
            { field: "Kind", value: m.kindText, problem: "not-allowed", allowed: [...KINDS] },
          ),
        );
      }
      if (m.fixed === undefined) {
        out.push(
          finding(
            "TIMELINE_INVALID_VALUE",
            "error",
            { sheet, row: m.row, column: "Fixed" },
            { field: "Fixed", value: m.fixedText, problem: "not-allowed", allowed: ["Yes", "No"] },
          ),
        );
      }
    }
    return out;
  },
};

/** `TIMELINE_DUPLICATE_ID`: on every later row that reuses an ID (case and spaces ignored). */
export const duplicateId: TimelineRule = {
  codes: ["TIMELINE_DUPLICATE_ID"],
  check({ milestones, graph, sheet }) {
    return milestones
      .filter((m) => m.key !== "" && graph.byKey.get(m.key) !== m)
      .map((m) =>
        finding(
          "TIMELINE_DUPLICATE_ID",
          "error",
          { sheet, row: m.row, column: "ID" },
          { id: m.id, firstRow: graph.byKey.get(m.key)!.row },
        ),
      );
  },
};
