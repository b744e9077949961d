import {
  type CellValue,
  ColumnMissingError,
  type FindingOf,
  HeaderRowMissingError,
  type TableName,
  checkWorkbook,
  dayOfIso,
  messageOf,
  runChecks,
} from "../../core";
import { goodRoster, raw } from "../helpers/tables";
import { torTimeline } from "../helpers/timeline";

const today = dayOfIso("2024-06-01")!;
/** A roster without its Gender column. */
const rosterWithoutGender = () => goodRoster().map((r) => [...r.slice(0, 3), ...r.slice(4)]);
const TASKS = [
  ["ID", "Task", "Owner", "Due", "Status"],
  ["T1", "Agenda", "Helena Varga", { date: "2024-03-01" }, "Open"],
];

function check(tables: Partial<Record<TableName, CellValue[][]>>, focus?: "roster" | "timeline" | "all") {
  const input = Object.fromEntries(Object.entries(tables).map(([n, rows]) => [n, raw(n as TableName, rows!)]));
  return checkWorkbook({ tables: input, date1904: false }, { today, ...(focus ? { focus } : {}) });
}
const unusableOf = (r: ReturnType<typeof check>) =>
  r.findings.filter((f): f is FindingOf<"TABLE_UNUSABLE"> => f.code === "TABLE_UNUSABLE");

describe("TABLE_UNUSABLE: a table that is there but cannot be used", () => {
  test("a Roster without Gender beside a good Timeline: the timeline is checked, the roster reported", () => {
    const result = check({ Roster: rosterWithoutGender(), Timeline: torTimeline() });
    expect(result.runs).toEqual([
      { check: "roster", table: "Roster", state: "skipped", reason: "table-unusable" },
      { check: "timeline", table: "Timeline", state: "ran" },
      { check: "tasks", table: "Tasks", state: "skipped", reason: "no-table" },
      { check: "program", table: "Program", state: "skipped", reason: "no-table" },
      { check: "invitees", table: "Invitees", state: "skipped", reason: "no-table" },
    ]);
    expect(result.checked).toEqual(["timeline"]);
    const [unusable, ...others] = unusableOf(result);
    expect(others).toEqual([]);
    expect(unusable).toEqual({
      code: "TABLE_UNUSABLE",
      severity: "error",
      sheet: "Roster",
      row: null,
      column: "Gender",
      data: { table: "Roster", column: "Gender", reason: "column-missing", check: "roster", effect: "not-checked" },
    });
    expect(messageOf(unusable!)).toBe(
      'The Roster table on sheet "Roster" has no "Gender" column, so the roster was not checked; add the column and check again.',
    );
    expect(result.findings.some((f) => f.code === "TIMELINE_OVERDUE")).toBe(true);
    expect(result.findings[0]).toBe(unusable);
    expect(result.summary.errors).toBe(result.findings.filter((f) => f.severity === "error").length);
  });

  test("the focus decides which findings are listed: Check roster lists the roster's table, Check timeline does not", () => {
    const tables = { Roster: rosterWithoutGender(), Timeline: torTimeline() };
    const roster = check(tables, "roster");
    expect(roster.focused.map((f) => f.code)).toEqual(["TABLE_UNUSABLE"]);
    expect(roster.focusedSummary).toEqual({ errors: 1, warnings: 0, info: 0 });
    const timeline = check(tables, "timeline");
    expect(timeline.focused.some((f) => f.code === "TABLE_UNUSABLE")).toBe(false);
    expect(timeline.focused.length).toBeGreaterThan(0);
    expect(timeline.findings).toEqual(roster.findings);
  });

  test.each<[string, Partial<Record<TableName, CellValue[][]>>, Partial<FindingOf<"TABLE_UNUSABLE">["data"]>, string]>([
    [
      "a Timeline without Calendar",
      { Roster: goodRoster(), Timeline: torTimeline().map((r) => [r[0]!, ...r.slice(2)]) },
      { table: "Timeline", column: "Calendar", check: "timeline", effect: "not-checked" },
      "roster",
    ],
    [
      "a Tasks table without Task",
      { Roster: goodRoster(), Tasks: TASKS.map((r) => [r[0]!, ...r.slice(2)]) },
      { table: "Tasks", column: "Task", check: "tasks", effect: "not-checked" },
      "roster",
    ],
    [
      "a Roster with volunteers and no Region",
      { Roster: goodRoster().map((r) => [...r.slice(0, 2), ...r.slice(3)]), Tasks: TASKS },
      { table: "Roster", column: "Region", requiredFor: "volunteers", check: "roster", effect: "not-checked" },
      "tasks",
    ],
    [
      "a Meetings table without Start: the timeline is checked without it",
      {
        Timeline: torTimeline(),
        Meetings: [
          ["Body", "Place"],
          ["TSAG", "Geneva"],
        ],
      },
      { table: "Meetings", column: "Start", check: "timeline", effect: "checked-without" },
      "timeline",
    ],
    [
      "a Blackouts table without To",
      {
        Timeline: torTimeline(),
        Blackouts: [
          ["Name", "From"],
          ["Summer", "15 July"],
        ],
      },
      { table: "Blackouts", column: "To", check: "timeline", effect: "checked-without" },
      "timeline",
    ],
    [
      "a Settings table without Value: the defaults are used",
      { Roster: goodRoster(), Settings: [["Key"], ["VolunteersPerRegion"]] },
      { table: "Settings", column: "Value", check: "settings", effect: "defaults-used" },
      "roster",
    ],
  ])("a missing column: %s", (_, tables, data, ran) => {
    const result = check(tables);
    expect(unusableOf(result).map((f) => f.data)).toEqual([{ reason: "column-missing", ...data }]);
    expect(unusableOf(result)[0]).toMatchObject({ severity: "error", column: data.column, sheet: data.table });
    expect(result.checked).toContain(ran);
  });

  test.each<[string, Partial<Record<TableName, CellValue[][]>>, string]>([
    [
      "the roster",
      { Roster: rosterWithoutGender(), Timeline: torTimeline() },
      'The Roster table on sheet "Roster" has no "Gender" column, so the roster was not checked; add the column and check again.',
    ],
    [
      "the tasks",
      { Roster: goodRoster(), Tasks: TASKS.map((r) => [r[0]!, ...r.slice(2)]) },
      'The Tasks table on sheet "Tasks" has no "Task" column, so the tasks were not checked; add the column and check again.',
    ],
    [
      "the timeline, without its Meetings",
      { Timeline: torTimeline(), Meetings: [["Body"], ["TSAG"]] },
      'The Meetings table on sheet "Meetings" has no "Start" column, so the timeline was checked without it; add the column and check again.',
    ],
  ])("the message is plain English for %s", (_, tables, message) => {
    expect(unusableOf(check(tables)).map(messageOf)).toEqual([message]);
  });

  test.each<TableName>(["Roster", "Timeline", "Tasks"])(
    "no header row: a %s sheet whose rows hold none of the table's headers",
    (name) => {
      const other: TableName = name === "Roster" ? "Timeline" : "Roster";
      const input = {
        [name]: raw(name, [["My notes"], ["to do", "later"]], { source: "sheet" }),
        [other]: raw(other, other === "Roster" ? goodRoster() : torTimeline()),
      };
      const result = checkWorkbook({ tables: input, date1904: false }, { today });
      const [f] = unusableOf(result);
      expect(f).toMatchObject({ sheet: name, row: null, column: null });
      expect(f!.data).toMatchObject({ table: name, reason: "no-header-row", effect: "not-checked" });
      expect(f!.data).not.toHaveProperty("column");
      expect(messageOf(f!)).toMatch(
        new RegExp(`^The sheet "${name}" has no header row with the ${name} table's columns`),
      );
    },
  );

  test("where no check can run at all the workbook is unusable: the table's own error, as before", () => {
    const input = { tables: { Roster: raw("Roster", rosterWithoutGender()) }, date1904: false };
    const outcome = runChecks(input);
    expect(outcome.usable).toBe(false);
    expect(!outcome.usable && outcome.error).toBeInstanceOf(ColumnMissingError);
    expect(() => checkWorkbook(input)).toThrow('the Roster table on sheet "Roster" has no "Gender" column');
    const empty = { tables: { Roster: raw("Roster", [], { source: "sheet" }) }, date1904: false };
    expect(() => checkWorkbook(empty)).toThrow(HeaderRowMissingError);
  });

  test("a focus whose table is missing cannot be checked, whatever else is there", () => {
    const outcome = runChecks(
      { tables: { Timeline: raw("Timeline", torTimeline()) }, date1904: false },
      { focus: "roster" },
    );
    expect(outcome).toMatchObject({ usable: false, error: { name: "TableMissingError" } });
  });

  test("the timeline is read once and handed over for the generated sheets", () => {
    const result = check({ Timeline: torTimeline() });
    expect(result.timeline?.view).toBe(result.views.Timeline);
    expect(result.timeline?.ctx.milestones.length).toBe(8);
  });
});
