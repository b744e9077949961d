import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  AGENDA_SHEET,
  GENERATED_NOTE,
  type SheetPlan,
  agendaSheet,
  checkWorkbook,
  dayOfIso,
  readTable,
} from "../../core";
import { renderSheet as renderOffice } from "../../addin/excel/render-sheet";
import { RequestBudget } from "../../addin/excel/payload";
import { queueSheetLookup } from "../../addin/excel/render-sheet";
import { writeFileAtomic } from "../../scripts/atomic-write";
import { findTables, loadWorkbook } from "../../scripts/xlsx/read-workbook";
import { renderSheet } from "../../scripts/xlsx/render";
import { fakeExcel } from "../addin/fake";
import { libreConvert } from "../helpers/libreoffice";
import { SOFFICE, describeWith, run } from "../helpers/programs";

const ROOT = resolve(__dirname, "../..");
const SAMPLE = join(ROOT, "templates/iewsc-sample.xlsx");
const ARTIFACTS = join(ROOT, "test-artifacts");
const dir = mkdtempSync(join(tmpdir(), "iewsc-agenda-"));
const today = dayOfIso("2024-03-01")!;

/** The sample's Agenda plan, as `iewsc build` makes it. */
async function samplePlan(): Promise<SheetPlan> {
  const input = findTables(await loadWorkbook(SAMPLE));
  const result = checkWorkbook(input, { asOf: today });
  const views = { ...result.views };
  for (const name of ["Program", "Invitees", "Workshop"] as const)
    if (!views[name] && input.tables[name]) views[name] = readTable(input.tables[name]!);
  return agendaSheet({ views, settings: result.settings, date1904: input.date1904, generatedOn: today });
}

/** Writes one plan through ExcelJS into a workbook of its own. */
async function writeAgenda(plan: SheetPlan, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  renderSheet(wb, plan);
  const file = join(dir, name);
  await writeFileAtomic(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

describe("the Agenda sheet of the sample", () => {
  test("the plan: two days, every session in order, speakers with organizations, the balance beside it", async () => {
    const plan = await samplePlan();
    const cell = (ref: string) => plan.blocks.find((b) => b.ref === ref)?.values[0]?.[0];
    expect(cell("A1")).toBe("Agenda — First ITU-T Industry Engagement Workshop");
    expect(String(cell("A2"))).toMatch(new RegExp(`^${GENERATED_NOTE} on 1 March 2024`));
    expect(cell("A3")).toBe("18 April 2024 – 19 April 2024 · Geneva · 15 sessions");
    expect(cell("A5")).toBe("Thursday 18 April 2024");
    const speakers = plan.blocks.filter((b) => b.wrap).flatMap((b) => b.values.map((r) => r[5]));
    expect(speakers).toContain(
      "José Ramírez (Andes Cloud); Nguyễn Thị Lan (Mekong AI Labs); Björn Lindqvist (Nordlys Radio)",
    );
    expect(speakers.join()).not.toContain("[to confirm]");
    expect(plan.print).toMatchObject({ orientation: "landscape", paper: "A4", scale: 65, rowBreaks: [17] });
    expect(cell("A17")).toBe("Friday 19 April 2024");
    const panel = Object.fromEntries(
      plan.blocks
        .filter((b) => b.ref.startsWith("H") && b.values.length === 6)
        .map((b) => [b.ref, b.values.map((r) => r[0])]),
    );
    expect(panel.H7).toEqual([
      "Speakers (not declined)",
      "Women",
      "Men",
      "From industry",
      "Regions represented",
      "Not yet confirmed",
    ]);
    expect(plan.blocks.find((b) => b.ref === "I7")!.values.map((r) => r[0])).toEqual([22, 12, 10, 16, 6, 0]);
  });

  test("an unconfirmed speaker is marked, and the marks are drawn amber", async () => {
    const input = findTables(await loadWorkbook(SAMPLE));
    const invitees = input.tables.Invitees!;
    const row = invitees.values.findIndex((r) => r[0] === "Hiroshi Sato");
    invitees.values[row]![10] = "Invited";
    const result = checkWorkbook(input, { asOf: today });
    const plan = agendaSheet({ views: result.views, settings: result.settings, date1904: false });
    const all = plan.blocks.flatMap((b) => b.values.flat()).map(String);
    expect(all).toContain("Hiroshi Sato (Kansai Semiconductors) [to confirm]");
    expect(plan.blocks.find((b) => b.ref === "I7")!.values.at(-1)).toEqual([1]);
    expect(plan.conditionalFormats.some((cf) => cf.formula.includes("[to confirm]"))).toBe(true);
  });

  test("both adapters render the one plan to the same cells; ExcelJS reads back the print setup", async () => {
    const plan = await samplePlan();
    const file = await writeAgenda(plan, "agenda.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(AGENDA_SHEET)!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, scale: 65, fitToPage: false });
    // ExcelJS writes page breaks but does not read them: look at the sheet's XML (a break below row 16).
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="16" [^>]*man="1"\/><\/rowBreaks>/);
    expect(ws.getRow(10).height).toBeGreaterThan(15); // a panel of three speakers takes more than one line
    expect(ws.getCell("F8").alignment).toMatchObject({ wrapText: true, vertical: "top" });

    const excel = fakeExcel({ sheets: [] });
    await excel.run(async (ctx) => {
      const found = queueSheetLookup(ctx, "agenda");
      await ctx.sync();
      await renderOffice(ctx, plan, found, { date1904: false, budget: new RequestBudget(ctx) });
      await ctx.sync();
    });
    const last = ws.rowCount;
    const office = excel.values(AGENDA_SHEET, `A1:J${last}`);
    const exceljs = Array.from({ length: last }, (_, i) =>
      Array.from({ length: 10 }, (_, j) => {
        const v = ws.getCell(i + 1, j + 1).value;
        return v === null || v === undefined ? "" : v;
      }),
    );
    expect(office).toEqual(exceljs);
    expect(excel.pageLayout(AGENDA_SHEET)).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect(excel.sheet(AGENDA_SHEET)!.rowBreaks).toEqual([17]);
  });
});

describeWith("LibreOffice", SOFFICE)("the Agenda printed through LibreOffice", () => {
  test("prints on A4 landscape, one day per page", async () => {
    const file = await writeAgenda(await samplePlan(), "agenda-print.xlsx");
    const [pdf] = libreConvert([file], "pdf");
    const info = run("pdfinfo", [pdf!]);
    expect(info).toMatch(/Pages:\s+2\b/);
    // A4 landscape is 842 × 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts|Page size:\s+842 x 595 pts/);
    const page = (n: number) => run("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf!, "-"]);
    expect(page(1)).toContain("Thursday 18 April 2024");
    expect(page(1)).not.toContain("Friday 19 April 2024");
    expect(page(2)).toContain("Friday 19 April 2024");
    expect(page(1)).toContain("Nguyễn Thị Lan");
    // Pictures of the pages, to look at: test-artifacts/agenda-1.png and agenda-2.png.
    run("pdftoppm", ["-png", "-r", "60", pdf!, join(dir, "agenda")]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const pngs = readdirSync(dir)
      .filter((f) => /^agenda-\d+\.png$/.test(f))
      .sort();
    expect(pngs).toHaveLength(2);
    for (const [i, png] of pngs.entries()) copyFileSync(join(dir, png), join(ARTIFACTS, `agenda-${i + 1}.png`));
  });
});
