import { CHECKS_SHEET_MAX_ROWS, type Finding, checksSheet } from "../../core";
import { finding } from "../../core/findings";

const overdue = (i: number): Finding =>
  finding(
    "TASK_OWNER_UNKNOWN",
    "warning",
    { sheet: "Tasks", row: i + 2, column: "Owner" },
    { id: `T${i}`, owner: "Nobody" },
  );
const email = (i: number): Finding =>
  finding("ROSTER_EMAIL_INVALID", "error", { sheet: "Roster", row: i + 2, column: "Email" }, { value: "jo at x" });

function sheetOf(findings: Finding[]) {
  const summary = {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    info: 0,
  };
  return checksSheet(findings, summary, {}, 19_000);
}

describe("the Checks sheet lists what a person can read", () => {
  test("up to the limit, every finding in the check's order and no note", () => {
    const findings = [overdue(0), email(1), overdue(2)];
    const sheet = sheetOf(findings);
    expect(sheet.tables[0]!.rows.map((r) => r[1])).toEqual([
      "TASK_OWNER_UNKNOWN",
      "ROSTER_EMAIL_INVALID",
      "TASK_OWNER_UNKNOWN",
    ]);
    expect(sheet.blocks.some((b) => b.ref === "A4")).toBe(false);
  });

  test("beyond it, the most severe first, cut at the limit, and A4 says how many are not listed", () => {
    const findings = [...Array.from({ length: CHECKS_SHEET_MAX_ROWS }, (_, i) => overdue(i)), email(7), email(3)];
    const sheet = sheetOf(findings);
    const rows = sheet.tables[0]!.rows;
    expect(rows).toHaveLength(CHECKS_SHEET_MAX_ROWS);
    expect(rows.slice(0, 3).map((r) => [r[0], r[3]])).toEqual([
      ["Error", 9],
      ["Error", 5],
      ["Warning", 2],
    ]);
    const note = sheet.blocks.find((b) => b.ref === "A4");
    expect(note?.values).toEqual([
      [
        "Only the first 10,000 findings of 10,002 are listed here, the most severe first: run iewsc check, or the check in the task pane, to see them all.",
      ],
    ]);
    // The counts above the table are the check's, not the list's.
    expect(sheet.blocks.find((b) => b.ref === "A3")?.values).toEqual([["2 errors · 10,000 warnings · 0 notes"]]);
    // The severity colours cover exactly the rows listed.
    expect(sheet.conditionalFormats[0]!.ref).toBe(`A6:A${5 + CHECKS_SHEET_MAX_ROWS}`);
  });
});
