import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { libreConvert } from "../helpers/libreoffice";
import { PDFTOPPM, PDFTOTEXT, SOFFICE, requireProgram, run } from "../helpers/programs";

/*
 * The built sample as a delegate prints it: every sheet with its page setup, and, through
 * LibreOffice's PDF, few pages and no "###". One picture per generated sheet is kept in
 * test-artifacts/ for a person to look at.
 */
const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/scripts/iewsc.js");
const dir = mkdtempSync(join(tmpdir(), "iewsc-print-"));
const built = join(dir, "built-sample.xlsx");

beforeAll(() => {
  for (const args of [
    ["template", "--sample", "--out", "sample.xlsx"],
    ["build", "sample.xlsx", "--out", built, "--as-of", "2024-03-01"],
  ]) {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    if (r.status === 2) throw new Error(r.stderr);
  }
});

test("every sheet of the built sample: an orientation, A4, one page wide, print titles, header and footer", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built);
  const seen: string[] = [];
  wb.eachSheet((ws) => {
    seen.push(ws.name);
    const p = ws.pageSetup;
    expect([ws.name, p.orientation]).toEqual([ws.name, expect.stringMatching(/^(portrait|landscape)$/)]);
    if (ws.name === "Agenda") {
      // A fixed scale with a page break above each day: Excel ignores manual breaks on a sheet fitted to pages.
      expect({ paper: p.paperSize, fit: p.fitToPage, scale: p.scale }).toEqual({ paper: 9, fit: false, scale: 65 });
    } else {
      expect({ paper: p.paperSize, fit: p.fitToPage, wide: p.fitToWidth, tall: p.fitToHeight }).toEqual({
        paper: 9,
        fit: true,
        wide: 1,
        tall: 0,
      });
    }
    // The Agenda breaks above each day, whose own heading starts the page: no repeated rows.
    if (ws.name !== "How to use" && ws.name !== "Agenda") expect(p.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
    expect(ws.headerFooter.oddHeader).toMatch(/&R(As of \d{1,2} \w+ \d{4}|Printed &D)/);
    expect(ws.headerFooter.oddFooter).toContain("Page &P of &N");
  });
  expect(seen).toEqual(expect.arrayContaining(["Budget", "Resources", "Checks", "Roster", "Tasks"]));
  expect(wb.getWorksheet("Roster")!.headerFooter.oddFooter).toContain("personal data");
  expect(wb.getWorksheet("Budget")!.headerFooter.oddHeader).toContain("As of 1 March 2024");
});

/**
 * LibreOffice fits a sheet one page wide by whole columns: a single column wider than the printable
 * width is not shrunk but cut at the margin (as the How to use text once was). Column widths are in
 * characters of Calibri 11 (7 pixels each, plus 5), margins in inches, at 96 pixels an inch.
 */
test("no column is wider than its page's printable width", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built);
  const tooWide: string[] = [];
  wb.eachSheet((ws) => {
    const p = ws.pageSetup;
    const paper = p.orientation === "landscape" ? 11.69 : 8.27; // A4, inches
    const margins = (p.margins?.left ?? 0.7) + (p.margins?.right ?? 0.7);
    const printable = (paper - margins) * 96;
    // A sheet printed at a fixed scale (the Agenda) shrinks its columns by that scale; one fitted to
    // pages is shrunk by LibreOffice only when it has several columns.
    const scale = p.fitToPage ? 1 : (p.scale ?? 100) / 100;
    ws.columns.forEach((c, i) => {
      const px = ((c.width ?? 9) * 7 + 5) * scale;
      if (px > printable)
        tooWide.push(
          `${ws.name} column ${i + 1}: ${c.width} characters, ${Math.round(px)} px > ${Math.round(printable)} px`,
        );
    });
  });
  expect(tooWide).toEqual([]);
});

test("rows of wrapped text are as tall as their lines: the Checks messages and the How to use text", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built);
  // Row by row: [text length, column width, height set]; LibreOffice does not grow a row on opening.
  const rows = (sheet: string, column: number, from: number) => {
    const ws = wb.getWorksheet(sheet)!;
    const width = ws.getColumn(column).width!;
    const out: { length: number; lines: number; height: number | undefined }[] = [];
    ws.eachRow((row, r) => {
      const v = row.getCell(column).value;
      if (r >= from && typeof v === "string")
        out.push({ length: v.length, lines: Math.ceil(v.length / (width - 1)), height: row.height });
    });
    return out;
  };
  const checks = rows("Checks", 6, 6);
  const guide = rows("How to use", 1, 2);
  for (const all of [checks, guide]) {
    expect(all.some((r) => r.lines > 1)).toBe(true);
    for (const r of all) expect(r).toEqual({ ...r, height: r.lines > 1 ? r.lines * 15 : undefined });
  }
});

(requireProgram("LibreOffice", SOFFICE) && requireProgram("poppler-utils", PDFTOTEXT) ? test : test.skip)(
  "printed by LibreOffice: no more pages than sheets plus three, no ###, one picture per generated sheet kept",
  async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(built);
    const sheets = wb.worksheets.map((w) => w.name);
    const [pdf] = libreConvert([built], "pdf");
    const info = run("/usr/bin/pdfinfo", [pdf!]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeLessThanOrEqual(sheets.length + 3);
    const text = run(PDFTOTEXT, ["-layout", pdf!, "-"]);
    expect(text).not.toContain("###");
    // Each generated sheet starts a page whose header is the sheet's title: keep that page as a PNG.
    const perPage = text.split("\f");
    const artifacts = join(ROOT, "test-artifacts", "print");
    mkdirSync(artifacts, { recursive: true });
    const pictures = join(dir, "pages");
    mkdirSync(pictures, { recursive: true });
    run(PDFTOPPM, ["-png", "-r", "60", pdf!, join(pictures, "page")]);
    const pngs = readdirSync(pictures).sort();
    for (const [sheet, title] of [
      ["Budget", "Budget — First ITU-T Industry Engagement Workshop"],
      ["Resources", "Resources: person-days by role and month"],
      ["Checks", "IEWSC checks"],
      ["How to use", "IEWSC workbook: how to use it"],
    ] as const) {
      const page = perPage.findIndex((p) => p.includes(title));
      expect([sheet, page]).toEqual([sheet, expect.any(Number)]);
      expect(page).toBeGreaterThanOrEqual(0);
      copyFileSync(join(pictures, pngs[page]!), join(artifacts, `${sheet.toLowerCase().replace(/\s+/g, "-")}.png`));
    }
  },
);
