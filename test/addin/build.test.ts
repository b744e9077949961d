import { BUDGET_SHEET, type CellValue, RESOURCES_SHEET, dayOfIso } from "../../core";
import { buildIn } from "../../addin/excel/build";
import { fakeExcel, mockExcel, tableSheet } from "./fake";

const today = dayOfIso("2026-11-28")!;

describe("Build budget & resources in Excel (fake host)", () => {
  test("on a bare workbook: adds Workshop, Rates and Tasks with defaults, the two sheets and the two names", async () => {
    const excel = mockExcel({ sheets: [{ name: "Notes", cells: [["my notes"]] }] });
    const outcome = await excel.run((ctx) => buildIn(ctx, { today }));
    expect(outcome.syncs).toBe(3);
    expect(outcome.plan.added.map((s) => s.name)).toEqual(["Workshop", "Rates", "Tasks"]);
    expect(excel.names()).toEqual([
      { name: "BudgetTotal", reference: expect.stringMatching(/^Budget!F\d+$/) },
      { name: "ResourceTotalDays", reference: expect.stringMatching(/^Resources!B\d+$/) },
    ]);
    const total = excel.names()[0]!.reference.split("!")[1]!;
    // Formulas with the leading "=" Office.js wants, and the user's sheet untouched.
    expect(excel.cell(BUDGET_SHEET, total).formula).toMatch(/^=F\d+\+F\d+$/);
    expect(excel.cell(BUDGET_SHEET, "B5").formula).toBe(
      '=IFERROR(--INDEX(Workshop!$B$2:$B$15,MATCH("Days",Workshop!$A$2:$A$15,0)),0)',
    );
    expect(excel.cell("Notes", "A1").value).toBe("my notes");
    expect(excel.cell(RESOURCES_SHEET, "B5").formula).toMatch(
      /^=SUMPRODUCT\(EXACT\(LOWER\(Tasks!\$E\$2:\$E\$13\),LOWER\(\$A5\)\)/,
    );
  });

  test("a Roster that cannot be used, and no other check's table: the Checks sheet says so", async () => {
    const excel = fakeExcel({
      sheets: [
        {
          name: "Roster",
          cells: [
            ["Name", "Role"],
            ["Ada", "TSB Director"],
          ],
        },
      ],
    });
    await excel.run((ctx) => buildIn(ctx, { today }));
    expect(excel.values("Checks", "A6:B6")).toEqual([["Error", "TABLE_UNUSABLE"]]);
  });

  test("a sheet of the user's called Budget is never cleared: one sentence, nothing written", async () => {
    const excel = fakeExcel({ sheets: [{ name: "Budget", cells: [["My own budget"], ["2024", 1000]] }] });
    await expect(excel.run((ctx) => buildIn(ctx, { today }))).rejects.toThrow(
      'the sheet "Budget" is yours, not one IEWSC Workbench generated',
    );
    expect(excel.values("Budget", "A1:B2")).toEqual([
      ["My own budget", ""],
      ["2024", 1000],
    ]);
    expect(excel.sheet("Workshop")).toBeNull();
    expect(excel.names()).toEqual([]);
  });

  test("building twice leaves the same workbook, and the user's tables are used as they are", async () => {
    const workshop: CellValue[][] = [
      ["Key", "Value"],
      ["Start", 45401],
      ["Days", 2],
      ["Venue", "Bangkok"],
      ["InterpretationLanguages", "English"],
      ["ContingencyPercent", 5],
    ];
    const rates: CellValue[][] = [
      ["Item", "Unit", "Rate"],
      ["Venue", "per day", 2000],
      ["Interpretation", "per language per day", 3000],
    ];
    const excel = fakeExcel({ sheets: [tableSheet("Workshop", workshop), tableSheet("Rates", rates)] });
    const first = await excel.run((ctx) => buildIn(ctx, { today }));
    expect(first.plan.added.map((s) => s.name)).toEqual(["Tasks"]);
    expect(first.plan.budget.total).toBe((2 * 2000 + 1 * 2 * 3000) * 1.05);
    expect(first.plan.budget.host).toBe(4000);
    const once = {
      budget: excel.values(BUDGET_SHEET, "A1:G40"),
      resources: excel.values(RESOURCES_SHEET, "A1:P20"),
      names: excel.names(),
      workshop: excel.values("Workshop", "A1:B6"),
    };
    const second = await excel.run((ctx) => buildIn(ctx, { today }));
    expect(second.plan.added).toEqual([]); // the Tasks table added the first time is now the user's
    expect({
      budget: excel.values(BUDGET_SHEET, "A1:G40"),
      resources: excel.values(RESOURCES_SHEET, "A1:P20"),
      names: excel.names(),
      workshop: excel.values("Workshop", "A1:B6"),
    }).toEqual(once);
  });
});
