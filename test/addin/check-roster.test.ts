import { type CellValue, CHECKS_SHEET, CHECKS_SHEET_MAX_ROWS, TableMissingError, dayOfIso } from "../../core";
import { checkRosterIn, goToCell } from "../../addin/excel/check";
import { MARKER } from "../../addin/excel/highlights";
import { REQUEST_LIMIT_BYTES } from "../../addin/excel/payload";
import { checkTables, goodRoster, member, ROSTER_HEADER } from "../helpers/tables";
import { fakeExcel, mockExcel, tableSheet } from "./fake";

const today = dayOfIso("2026-11-28")!;

/** A roster of `n` members with unique names: the leaders, then volunteers spread over the regions. */
function bigRoster(n: number): CellValue[][] {
  const regions = ["Africa", "Americas", "Arab States", "Asia-Pacific", "CIS", "Europe"];
  const rows = goodRoster().slice(0, 4);
  for (let i = rows.length - 1; i < n; i++) {
    rows.push(
      member({
        Name: `Volunteer ${i}`,
        Role: "Regional Volunteer",
        Region: regions[i % 6],
        Gender: i % 2 ? "Female" : "Male",
        Status: i < 16 ? "Confirmed" : "Candidate",
        Justification: "Key expert",
        Email: `v${i}@example.org`,
      }),
    );
  }
  // The last member lacks a justification: a finding at the far end of the roster.
  rows[rows.length - 1]![8] = null;
  return rows;
}

describe("Check roster in Excel (fake host)", () => {
  test("finds what the core finds, highlights the cell and writes the Checks sheet", async () => {
    const rows = goodRoster();
    rows[5] = member({
      Name: "Amara Nwosu",
      Role: "Regional Volunteer",
      Region: "Africa",
      Gender: "Female",
      Justification: null,
    });
    const excel = fakeExcel({ sheets: [tableSheet("Roster", rows, { sheet: "Members", at: "B3" })] });
    const outcome = await excel.run((ctx) => checkRosterIn(ctx, { today }));

    expect(outcome.findings.map((f) => [f.code, f.row, f.cell?.address])).toEqual([
      ["ROSTER_JUSTIFICATION_MISSING", 8, "J8"],
    ]);
    expect(excel.formats("Members")).toEqual([
      { address: "J8", formula: `=N("${MARKER}: error")=0`, fill: "#FDE7E9", font: "#A4262C" },
    ]);
    expect(excel.table("IEWSC_Checks")).toMatchObject({ style: "TableStyleLight9" });
    expect(excel.values(CHECKS_SHEET, "A5:F6")).toEqual([
      ["Severity", "Code", "Sheet", "Row", "Column", "Message"],
      ["Error", "ROSTER_JUSTIFICATION_MISSING", "Members", 8, "Justification", outcome.findings[0]!.message],
    ]);
    expect(excel.cell(CHECKS_SHEET, "G6").formula).toBe('=HYPERLINK("#Members!J8","J8")');
    expect(excel.sheet(CHECKS_SHEET)).toMatchObject({ frozenRows: 5, tabColor: "#A4262C" });
  });

  test("running twice leaves the same workbook as running once, and the user's cells and formats alone", async () => {
    const rows = [...goodRoster(), member({ Name: "Dup", Role: "TSB Director", Email: "not-an-address" })];
    const excel = fakeExcel({ sheets: [tableSheet("Roster", rows)] });
    const before = excel.values("Roster", "A1:J20");
    await excel.run((ctx) => checkRosterIn(ctx, { today }));
    const once = { formats: excel.formats("Roster"), checks: excel.values(CHECKS_SHEET, "A1:G20") };
    await excel.run((ctx) => checkRosterIn(ctx, { today }));
    expect(excel.formats("Roster")).toEqual(once.formats);
    expect(excel.values(CHECKS_SHEET, "A1:G20")).toEqual(once.checks);
    expect(excel.values("Roster", "A1:J20")).toEqual(before);
    expect(once.formats.map((f) => f.address).sort()).toEqual(["B17", "H17"]);
  });

  test("a fixed roster clears its highlights on the next run", async () => {
    const rows = [...goodRoster(), member({ Name: "X", Role: "Deputy Secretary-General", Email: "bad" })];
    const excel = fakeExcel({ sheets: [tableSheet("Roster", rows)] });
    await excel.run((ctx) => checkRosterIn(ctx, { today }));
    expect(excel.formats("Roster")).toHaveLength(1);
    rows[16]![7] = "x@example.org";
    const fixed = fakeExcel({ sheets: [tableSheet("Roster", rows)] });
    const outcome = await fixed.run((ctx) => checkRosterIn(ctx, { today }));
    expect(outcome.findings).toEqual([]);
    expect(fixed.formats("Roster")).toEqual([]);
    expect(fixed.values(CHECKS_SHEET, "A6:A6")).toEqual([["OK"]]);
  });

  test("user text is never written as a formula: a name beginning with = stays text", async () => {
    const rows = [
      ...goodRoster(),
      member({ Name: '=HYPERLINK("http://evil","x")', Role: "Deputy Secretary-General" }),
      member({ Name: '=hyperlink("http://evil","x")', Role: "Deputy Secretary-General", Status: "Candidate" }),
    ];
    const excel = fakeExcel({ sheets: [tableSheet("Roster", rows)] });
    const outcome = await excel.run((ctx) => checkRosterIn(ctx, { today }));
    const message = outcome.findings.find((f) => f.code === "ROSTER_DUPLICATE_PERSON")!.message;
    expect(message.startsWith("=hyperlink")).toBe(true);
    const cell = excel.cell(CHECKS_SHEET, "F6");
    // Kept as text beyond the workbook too (a CSV export): a leading apostrophe (core safeText).
    expect(cell).toEqual({ value: `'${message}`, formula: null, numberFormat: "@" });
  });

  test("a workbook without a roster: a named error, and nothing is written", async () => {
    const excel = fakeExcel({ sheets: [{ name: "Sheet1", cells: [["hello"]] }] });
    await expect(excel.run((ctx) => checkRosterIn(ctx, { today }))).rejects.toThrow(TableMissingError);
    expect(excel.sheet(CHECKS_SHEET)).toBeNull();
  });

  test("the sheet fallback: a sheet named 'roster' with its header below a title", async () => {
    const cells: CellValue[][] = [["IEWSC members"], [], ...goodRoster()];
    const excel = fakeExcel({ sheets: [{ name: "roster", cells, at: "B2" }] });
    const outcome = await excel.run((ctx) => checkRosterIn(ctx, { today }));
    expect(outcome.findings).toEqual([]);
    expect(outcome.result.views.Roster).toMatchObject({ source: "sheet", headerRow: 4, sheet: "roster" });
  });

  test("Settings are read from the workbook (a date in a 1904 workbook)", async () => {
    const excel = fakeExcel({
      date1904: true,
      sheets: [
        tableSheet("Roster", goodRoster()),
        tableSheet("Settings", [
          ["Key", "Value"],
          ["VolunteersPerRegion", 3],
          ["AsOf", 43890],
        ]),
      ],
    });
    const outcome = await excel.run((ctx) => checkRosterIn(ctx, { today }));
    expect(outcome.result.settings).toMatchObject({ volunteersPerRegion: 3, asOf: dayOfIso("2024-03-01") });
    expect(outcome.findings.filter((f) => f.code === "ROSTER_REGION_SHORT")).toHaveLength(6);
    expect(String(excel.values(CHECKS_SHEET, "A2:A2")[0]![0])).toContain("1 March 2024");
  });

  test("clicking a finding selects its cell", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Roster", goodRoster(), { sheet: "Members" })] });
    await excel.run((ctx) => goToCell(ctx, { sheet: "Members", address: "C7" }));
    expect(excel.world.selected).toEqual({ sheet: "Members", address: "C7" });
    expect(excel.world.activeSheet).toBe("Members");
  });
});

describe("round trips (office-addin-mock)", () => {
  test.each([15, 1_000, 20_000])("Check roster takes 3 syncs for %i rows", async (n) => {
    const mock = mockExcel({
      sheets: [
        tableSheet("Roster", bigRoster(n)),
        tableSheet("Settings", [
          ["Key", "Value"],
          ["MaxCommitteeSize", 30],
        ]),
      ],
    });
    const sync = jest.spyOn(mock.context, "sync");
    const outcome = await checkRosterIn(mock.context, { today });
    expect(sync).toHaveBeenCalledTimes(3);
    expect(outcome.syncs).toBe(3);
    // The findings are the core's, read through the mock's load-then-sync rules.
    const expected = checkTables({
      Roster: bigRoster(n),
      Settings: [
        ["Key", "Value"],
        ["MaxCommitteeSize", 30],
      ],
    });
    expect(outcome.findings.map((f) => `${f.code}@${f.row}`)).toEqual(
      expected.findings.map((f) => `${f.code}@${f.row}`),
    );
    expect(outcome.findings.map((f) => `${f.code}@${f.row}`)).toContain(`ROSTER_JUSTIFICATION_MISSING@${n + 1}`);
  });

  // 20,000 members, every other one with a long unknown role or region, on a sheet with a long name:
  // some 30,000 findings, each quoting its cell and naming its sheet, so that the Checks sheet's 10,000
  // rows (CHECKS_SHEET_MAX_ROWS) and the roster's highlights (cells apart) are about 10 MB: more than one
  // request may carry.
  const WORDY_SHEET = "Steering Committee members 2025";
  const wordyRoster = (): CellValue[][] => [
    ROSTER_HEADER,
    ...Array.from({ length: 20_000 }, (_, i) =>
      member({
        Name: `Person ${i} with a rather long name to fill the request`,
        // Every other row: the highlights are cells apart, not one range down the column.
        Role: i % 2 ? "Regional Volunteer" : `Chair of ${"a committee that does not exist ".repeat(6)}${i}`,
        Gender: "Female",
        Region: i % 2 ? `${"Nowhere that the regional model knows ".repeat(6)}${i}` : "Europe",
      }),
    ),
  ];

  test("a roster whose findings exceed one request is written in chunks, each under the 5 MB limit", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Roster", wordyRoster(), { sheet: WORDY_SHEET })] });
    const outcome = await excel.run((ctx) => checkRosterIn(ctx, { today }));
    expect(outcome.findings.length).toBeGreaterThan(20_000);
    expect(outcome.syncs).toBeGreaterThan(3);
    expect(Math.max(...excel.world.requestBytes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    const last = 5 + CHECKS_SHEET_MAX_ROWS;
    expect(excel.values(CHECKS_SHEET, `A${last}:A${last + 1}`)).toEqual([["Error"], [""]]);
    expect(String(excel.values(CHECKS_SHEET, "A4:A4")[0]![0])).toMatch(/^Only the first 10,000 findings of 30,011 /);
  });

  test("without chunking the same write would be refused, as Excel on the web refuses it", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Roster", wordyRoster(), { sheet: WORDY_SHEET })] });
    await expect(
      excel.run((ctx) => checkRosterIn(ctx, { today, budgetBytes: Number.MAX_SAFE_INTEGER })),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});
