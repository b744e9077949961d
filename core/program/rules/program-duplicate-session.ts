import { matchKey } from "../../cells";
import { type Finding, finding } from "../../findings";
import type { ProgramRule } from "../rule";

/** `PROGRAM_DUPLICATE_SESSION`: a Session ID used twice (case and spaces aside); on the later row. */
export const programDuplicateSession: ProgramRule = {
  code: "PROGRAM_DUPLICATE_SESSION",
  severity: "error",
  when: "a Session ID used twice, on the later row",
  reads: ["Session"],
  check({ sessions, sheet }) {
    const out: Finding[] = [];
    const first = new Map<string, number>();
    for (const s of sessions) {
      const key = matchKey(s.id);
      if (key === "") continue;
      const firstRow = first.get(key);
      if (firstRow === undefined) first.set(key, s.row);
      else
        out.push(
          finding(
            "PROGRAM_DUPLICATE_SESSION",
            "error",
            { sheet, row: s.row, column: "Session" },
            { session: s.id, firstRow },
          ),
        );
    }
    return out;
  },
};
