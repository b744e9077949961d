import { BUDGET_SHEET, RESOURCES_SHEET, dayOfIso } from "../../core";
import { buildIn } from "../../addin/excel/build";
import { sections } from "../../addin/excel/render-sheet";
import { fakeExcel } from "./fake";

const today = dayOfIso("2026-11-28")!;

describe("page setup in Excel (fake host): every sheet the add-in writes prints as its plan says", () => {
  test("Build budget & resources: orientation, A4, one page wide, print titles, header and footer", async () => {
    const excel = fakeExcel({ sheets: [{ name: "Notes", cells: [["my notes"]] }] });
    const outcome = await excel.run((ctx) => buildIn(ctx, { today }));
    for (const plan of [...outcome.plan.added, ...outcome.plan.generated]) {
      const layout = excel.pageLayout(plan.name);
      expect(layout.orientation).toBe(plan.print!.orientation === "landscape" ? "Landscape" : "Portrait");
      expect(layout.paperSize).toBe("A4");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(layout.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
      expect(layout.headersFooters.defaultForAllPages.centerFooter).toBe("Page &P of &N");
    }
    const budget = excel.pageLayout(BUDGET_SHEET).headersFooters.defaultForAllPages;
    expect(budget.leftHeader).toBe('&"Calibri,Bold"Budget');
    expect(budget.rightHeader).toBe("As of 28 November 2026");
    expect(excel.pageLayout(RESOURCES_SHEET).printTitleRows).toBe("$4:$4");
    // The user's own sheet keeps the host's defaults.
    expect(excel.pageLayout("Notes").orientation).toBe("Portrait");
  });

  test.each([
    ["&LBudget&CPage &P of &N&R&A", { L: "Budget", C: "Page &P of &N", R: "&A" }],
    ["&LR&&D budget&RAs of 1 May", { L: "R&&D budget", C: "", R: "As of 1 May" }],
    ["plain", { L: "", C: "plain", R: "" }],
  ])("sections(%j): the three parts Office.js takes", (text, parts) => {
    expect(sections(text)).toEqual(parts);
  });
});
