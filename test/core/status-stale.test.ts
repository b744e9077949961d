import { type TableView, readTable, statusStaleAfter } from "../../core";
import { raw } from "../helpers/tables";
import { type TIMELINE_HEADER, torTimeline } from "../helpers/timeline";

/** The ToR timeline as a table at B2 (header row 2, rows 3–10, columns B–J). */
function view(): TableView {
  const t = raw("Timeline", torTimeline());
  return readTable({ ...t, origin: { row: 2, column: 2 } });
}

describe("statusStaleAfter: which changes leave the status columns beside the Timeline on the wrong rows", () => {
  const v = view();
  const col = (h: (typeof TIMELINE_HEADER)[number]) => String.fromCharCode(64 + v.columns[h]!);

  test.each([
    ["a sort of the table", "B3:J10", true],
    ["a paste over two rows of Forecast", `${col("Forecast")}4:${col("Forecast")}5`, true],
    ["a new ID typed", `${col("ID")}5`, true],
    ["a new plan typed", `${col("Calendar")}7`, true],
    ["a milestone's Kind changed", `Plan!${col("Kind")}7`, true],
    ["one Forecast date typed (followed live)", `${col("Forecast")}5`, false],
    ["one Actual date typed (followed live)", `$${col("Actual")}$6`, false],
    ["a note far to the right", "Z3:Z30", false],
    ["a cell above the table", "B1", false],
  ])("%s (%s): %s", (_what, address, stale) => {
    expect(statusStaleAfter(v, address)).toBe(stale);
  });
});
