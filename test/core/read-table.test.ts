import { ColumnMissingError, readTable, checkWorkbook, TableMissingError } from "../../core";
import { raw, ROSTER_HEADER, LEADERS, member } from "../helpers/tables";

describe("finding columns", () => {
  test("headers match case- and space-insensitively, in any order; extra columns are kept aside", () => {
    const view = readTable(
      raw(
        "Roster",
        [
          ["  gender ", "NAME", "Notes", "role", "E-mail"],
          ["Female", "Ada", "n", "TSB Director", "a@example.org"],
        ],
        { row: 3, column: 2 },
      ),
    );
    expect(view.columns).toEqual({ Gender: 2, Name: 3, Role: 5, Email: 6 });
    expect(view.extraColumns).toEqual(["Notes"]);
    expect(view.rows).toEqual([
      { row: 4, cells: { Gender: "Female", Name: "Ada", Role: "TSB Director", Email: "a@example.org" } },
    ]);
  });

  test("inner runs of white space are folded: 'Depends   On'", () => {
    const view = readTable(
      raw("Timeline", [
        ["ID", "Calendar", "Depends   On"],
        ["TL01", "June 2023", "TL00"],
      ]),
    );
    expect(view.columns["Depends On"]).toBe(3);
  });

  test("a required column that is missing names the table and the column", () => {
    const read = () =>
      readTable(
        raw(
          "Roster",
          [
            ["Name", "Role"],
            ["Ada", "TSB Director"],
          ],
          { sheet: "Members" },
        ),
      );
    expect(read).toThrow(ColumnMissingError);
    expect(read).toThrow('the Roster table on sheet "Members" has no "Gender" column');
    try {
      read();
    } catch (e) {
      expect((e as ColumnMissingError).where).toEqual({ table: "Roster", column: "Gender" });
    }
  });

  test("Region and Justification are required only when the roster has volunteers", () => {
    const header = ["Name", "Role", "Gender"];
    expect(() =>
      checkWorkbook({
        tables: { Roster: raw("Roster", [header, ...LEADERS.map((r) => [r[0]!, r[1]!, r[3]!])]) },
        date1904: false,
      }),
    ).not.toThrow();
    expect(() =>
      checkWorkbook({
        tables: { Roster: raw("Roster", [header, ["V", "Regional Volunteer", "Male"]]) },
        date1904: false,
      }),
    ).toThrow('the Roster table on sheet "Roster" has no "Region" column, which every Regional Volunteer needs');
  });
});

describe("the sheet fallback", () => {
  test("the header is the first non-empty row; blank rows inside are skipped; rows are numbered as Excel shows them", () => {
    const values = [
      [null, null, null],
      ["", "  ", null],
      ["Name", "Role", "Gender"],
      ["Ada", "TSB Director", "Female"],
      [null, null, null],
      ["Bo", "ITU Counsellor", "Male"],
    ];
    const view = readTable(raw("Roster", values, { source: "sheet", row: 2, column: 1 }));
    expect(view.headerRow).toBe(4);
    expect(view.rows.map((r) => r.row)).toEqual([5, 7]);
  });
});

describe("a workbook with nothing to check", () => {
  test("is unusable, and says which table it lacks", () => {
    expect(() => checkWorkbook({ tables: {}, date1904: false })).toThrow(TableMissingError);
    expect(() => checkWorkbook({ tables: {}, date1904: false })).toThrow(
      /no Roster, Timeline, Tasks, Program or Invitees table was found/,
    );
  });
  test("a roster with only a header row is checked (and is short of everyone)", () => {
    const result = checkWorkbook({ tables: { Roster: raw("Roster", [ROSTER_HEADER]) }, date1904: false });
    expect(result.summary.errors).toBe(3 + 6);
  });
  test("the check returns findings in display order: errors first, then by row", () => {
    const rows = [
      ROSTER_HEADER,
      ...LEADERS,
      member({ Name: "x", Role: "TSB Director", Email: "bad" }),
      member({ Name: "", Role: "Deputy Secretary-General" }),
    ];
    const { findings } = checkWorkbook({ tables: { Roster: raw("Roster", rows) }, date1904: false });
    const severities = findings.map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)),
    );
    expect(findings[0]).toMatchObject({ row: null });
  });
});
