/**
 * One expectation table, every renderer: each sheet plan the product makes is rendered through the
 * ExcelJS adapter (written and read back) and through the Office.js adapter (into the fake, which
 * records what Office.js sets), and the two are compared cell by cell, style included.
 *
 * Row heights and the page setup (orientation, paper, fit or scale, print titles, header and footer
 * by section, manual page breaks) are compared too: both renderers take them from the plan.
 */
import ExcelJS from "exceljs";
import { type SheetPlan, STATUS_MARKER, type WorkbookInput, columnWidthPoints, dayOfIso } from "../../core";
import { RequestBudget } from "../../addin/excel/payload";
import { queueBesideTable, renderSheet as renderOffice, sections } from "../../addin/excel/render-sheet";
import { prepareForWrite, renderBesideTable, renderSheet as renderExcelJS } from "../../scripts/xlsx/render";
import { type FakeExcel, fakeExcel } from "../addin/fake";
import { PARITY_CASES, sampleInput } from "./plans";

/** What both renderers are compared on, per cell. Defaults are what a cell without that setting shows. */
interface CellShot {
  value: unknown;
  numberFormat: string;
  font: { name: string | null; size: number | null; bold: boolean; italic: boolean; color: string | null };
  fill: string | null;
  horizontal: string | null;
  vertical: string | null;
  wrap: boolean;
}

interface SheetShot {
  cells: Record<string, CellShot>;
  /** "row,column" → the line below that row. */
  lines: Record<string, string>;
  widths: Record<number, number>;
  /** Rows given a height, in points. */
  heights: Record<number, number>;
  print: PrintShot | null;
  frozenRows: number;
  tabColor: string;
  validations: { address: string; list: string; error: string }[];
  conditionalFormats: { address: string; formula: string; fill: string; font: string; bold: boolean }[];
  tables: { name: string; address: string; style: string }[];
}

/** A page setup as both renderers express it. */
interface PrintShot {
  orientation: string;
  paper: string;
  zoom: { fitWide: number; fitTall: number } | { scale: number };
  titleRows: string;
  header: { L: string; C: string; R: string };
  footer: { L: string; C: string; R: string };
  rowBreaks: number[];
}

const upper = (hex: string | null | undefined) =>
  hex ? hex.replace(/^#|^FF(?=[0-9A-F]{6}$)/i, "").toUpperCase() : null;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function excelValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  // A serial number, to the second: whole days for dates, fractions for times of day (the Program's).
  if (v instanceof Date) return Math.round((v.getTime() - EXCEL_EPOCH) / 1000) / 86_400;
  if (typeof v === "object" && "formula" in v) return `=${v.formula}`;
  if (typeof v === "object" && "sharedFormula" in v) throw new Error("a shared formula: the plan never writes one");
  return v;
}

const VERTICAL: Record<string, string> = { middle: "center" };

/** The ExcelJS rendering of a sheet, as read back from the file. */
function excelShot(ws: ExcelJS.Worksheet, written: ExcelJS.Worksheet, box?: Box): SheetShot {
  const cells: Record<string, CellShot> = {};
  const lines: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const r = Number(cell.row);
      const c = Number(cell.col);
      if (box && !inBox(box, r, c)) return;
      // eachCell with includeEmpty visits every column up to the row's last: only cells the file holds count.
      if (cell.value === null && Object.keys(cell.style ?? {}).length === 0) return;
      const f = cell.font ?? {};
      const a = cell.alignment ?? {};
      const fill = cell.fill && cell.fill.type === "pattern" ? upper(cell.fill.fgColor?.argb) : null;
      cells[cell.address] = {
        value: excelValue(cell.value),
        numberFormat: cell.numFmt ?? "General",
        font: {
          name: f.name ?? null,
          size: f.size ?? null,
          bold: Boolean(f.bold),
          italic: Boolean(f.italic),
          color: upper(f.color?.argb),
        },
        fill,
        horizontal: a.horizontal ?? null,
        vertical: a.vertical ? (VERTICAL[a.vertical] ?? a.vertical) : null,
        wrap: Boolean(a.wrapText),
      };
      const b = cell.border ?? {};
      if (b.top?.style) lines[`${r - 1},${c}`] = `${b.top.style} ${upper(b.top.color?.argb)}`;
      if (b.bottom?.style) lines[`${r},${c}`] = `${b.bottom.style} ${upper(b.bottom.color?.argb)}`;
    }),
  );
  const widths: Record<number, number> = {};
  (ws.columns ?? []).forEach((col, i) => {
    if (col.width && (!box || (i + 1 >= box.left && i + 1 <= box.right))) widths[i + 1] = columnWidthPoints(col.width);
  });
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    if (row.height && (!box || (row.number >= box.top && row.number <= box.bottom))) heights[row.number] = row.height;
  });
  const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
  const model = (written as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  const validations = Object.entries(model).map(([address, v]) => ({
    address: address.replace(/^range:/, ""),
    list: String(v.formulae[0]).replace(/^"|"$/g, ""),
    error: v.error ?? "",
  }));
  const cfs = (written as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  const conditionalFormats = cfs.flatMap((cf) =>
    cf.rules.map((rule) => {
      const style = (rule as { style?: { fill?: { bgColor?: { argb?: string } }; font?: ExcelJS.Font } }).style ?? {};
      return {
        address: cf.ref,
        formula: `=${(rule as { formulae: string[] }).formulae[0]}`,
        fill: upper(style.fill?.bgColor?.argb) ?? "",
        font: upper(style.font?.color?.argb) ?? "",
        bold: Boolean(style.font?.bold),
      };
    }),
  );
  const tables = Object.values(
    (
      ws as unknown as {
        tables: Record<string, { table: { name: string; tableRef: string; style?: { theme?: string } } }>;
      }
    ).tables,
  ).map((t) => ({ name: t.table.name, address: t.table.tableRef, style: t.table.style?.theme ?? "" }));
  return {
    cells,
    lines,
    widths,
    heights,
    print: box ? null : excelPrint(ws, written),
    frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
    tabColor: upper((ws.properties.tabColor as { argb?: string } | undefined)?.argb) ?? "",
    validations,
    conditionalFormats,
    tables,
  };
}

/** The page setup as read back from the file (the page breaks as written: ExcelJS does not read them). */
function excelPrint(ws: ExcelJS.Worksheet, written: ExcelJS.Worksheet): PrintShot | null {
  const p = ws.pageSetup;
  const header = ws.headerFooter?.oddHeader ?? "";
  const footer = ws.headerFooter?.oddFooter ?? "";
  if (!header && !footer && !p.printTitlesRow && !p.fitToPage) return null;
  const breaks = (written as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? [];
  return {
    orientation: p.orientation ?? "portrait",
    paper: ({ 9: "A4", 1: "Letter" } as Record<number, string>)[Number(p.paperSize)] ?? String(p.paperSize),
    zoom: p.fitToPage ? { fitWide: p.fitToWidth ?? 1, fitTall: p.fitToHeight ?? 1 } : { scale: p.scale ?? 100 },
    titleRows: (p.printTitlesRow ?? "").replace(/\$/g, ""),
    header: sections(header),
    footer: sections(footer),
    rowBreaks: breaks.map((b) => b.id + 1),
  };
}

/** The page layout as the fake recorded what the add-in set; null when the add-in set none. */
function officePrint(excel: FakeExcel, sheet: string): PrintShot | null {
  const p = excel.pageLayout(sheet);
  const d = p.headersFooters.defaultForAllPages;
  const header = { L: d.leftHeader, C: d.centerHeader, R: d.rightHeader };
  const footer = { L: d.leftFooter, C: d.centerFooter, R: d.rightFooter };
  if (!Object.values(header).join("") && !Object.values(footer).join("") && !p.printTitleRows) return null;
  return {
    orientation: p.orientation.toLowerCase(),
    paper: p.paperSize,
    zoom:
      p.zoom.scale !== undefined
        ? { scale: p.zoom.scale }
        : { fitWide: p.zoom.horizontalFitToPages ?? 0, fitTall: p.zoom.verticalFitToPages ?? 0 },
    titleRows: p.printTitleRows.replace(/\$/g, ""),
    header,
    footer,
    rowBreaks: excel.sheet(sheet)!.rowBreaks,
  };
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
const inBox = (b: Box, r: number, c: number) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;

/** The Office.js rendering, as the fake recorded what the add-in set. */
function officeShot(excel: FakeExcel, sheet: string, box?: Box): SheetShot {
  const cells: Record<string, CellShot> = {};
  for (const [address, cell] of Object.entries(excel.cells(sheet))) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    if (box && !inBox(box, Number(m[2]), c)) continue;
    const s = cell.style;
    cells[address] = {
      value: cell.formula ?? cell.value,
      numberFormat: cell.numberFormat,
      font: {
        name: s.fontName ?? null,
        size: s.fontSize ?? null,
        bold: Boolean(s.bold),
        italic: Boolean(s.italic),
        color: upper(s.fontColor),
      },
      fill: upper(s.fill),
      horizontal: s.horizontal ? s.horizontal.toLowerCase() : null,
      vertical: s.vertical ? s.vertical.toLowerCase() : null,
      wrap: Boolean(s.wrap),
    };
  }
  const lines = Object.fromEntries(
    Object.entries(excel.lines(sheet)).map(([k, v]) => [k, `${v.weight.toLowerCase()} ${upper(v.color)}`]),
  );
  const state = excel.sheet(sheet)!;
  return {
    cells,
    lines,
    widths: Object.fromEntries(Object.entries(excel.widths(sheet)).map(([k, v]) => [Number(k), v])),
    heights: Object.fromEntries(
      Object.entries(excel.heights(sheet))
        .filter(([k]) => !box || (Number(k) >= box.top && Number(k) <= box.bottom))
        .map(([k, v]) => [Number(k), v]),
    ),
    print: box ? null : officePrint(excel, sheet),
    frozenRows: box ? 0 : state.frozenRows,
    tabColor: upper(state.tabColor) ?? "",
    validations: excel.validations(sheet).map((v) => ({
      address: v.address,
      list: v.rule.list?.source ?? "",
      error: v.errorAlert?.message ?? "",
    })),
    conditionalFormats: excel.conditionalFormats(sheet).map((cf) => ({
      address: cf.address,
      formula: cf.formula,
      fill: upper(cf.fill) ?? "",
      font: upper(cf.font) ?? "",
      bold: Boolean(cf.bold),
    })),
    tables: excel.tables(sheet).map((t) => ({ name: t.name, address: t.address, style: t.style })),
  };
}

async function viaExcelJS(build: (wb: ExcelJS.Workbook) => ExcelJS.Worksheet, box?: Box): Promise<SheetShot> {
  const wb = new ExcelJS.Workbook();
  const written = build(wb);
  prepareForWrite(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return excelShot(back.getWorksheet(written.name)!, written, box);
}

async function sheetViaOffice(plan: SheetPlan): Promise<SheetShot> {
  const excel = fakeExcel({ sheets: [] });
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(plan.name).load("name");
    await context.sync();
    await renderOffice(context, plan, { sheet, tables: [] }, { date1904: false, budget: new RequestBudget(context) });
    await context.sync();
  });
  return officeShot(excel, plan.name);
}

/** Every cell that differs, by address: an empty list when the renderers agree. */
function differences(a: SheetShot, b: SheetShot): string[] {
  const out: string[] = [];
  for (const address of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
    const x = JSON.stringify(a.cells[address] ?? null);
    const y = JSON.stringify(b.cells[address] ?? null);
    if (x !== y) out.push(`${address}: ExcelJS ${x} · Office.js ${y}`);
  }
  for (const key of [
    "lines",
    "widths",
    "heights",
    "print",
    "frozenRows",
    "tabColor",
    "validations",
    "conditionalFormats",
    "tables",
  ] as const) {
    const x = JSON.stringify(a[key]);
    const y = JSON.stringify(b[key]);
    if (x !== y) out.push(`${key}: ExcelJS ${x} · Office.js ${y}`);
  }
  return out;
}

let input: WorkbookInput;
beforeAll(async () => {
  input = await sampleInput();
});

describe.each(PARITY_CASES.filter((c) => c.sheets).map((c) => [c.what, c] as const))(
  "both renderers write the same %s",
  (_, c) => {
    test("cell by cell: values, formulas, number formats, fonts, fills, borders, widths, panes, validations, formats, tables", async () => {
      const plans = c.sheets!(input);
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        const excel = await viaExcelJS((wb) => renderExcelJS(wb, plan));
        const office = await sheetViaOffice(plan);
        expect(Object.keys(excel.cells).length).toBeGreaterThan(0);
        expect({ sheet: plan.name, differences: differences(excel, office) }).toEqual({
          sheet: plan.name,
          differences: [],
        });
      }
    });
  },
);

test.each(PARITY_CASES.filter((c) => c.beside).map((c) => [c.what, c] as const))(
  "both renderers write the same %s, on the user's sheet",
  async (_, c) => {
    const { plan, sheet } = c.beside!(input);
    const m = /^([A-Z]+)(\d+)$/.exec(plan.table.ref.split(":")[0]!)!;
    const left = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const top = Number(m[2]);
    const box = { top, left, bottom: top + plan.table.rows.length, right: left + plan.table.columns.length - 1 };
    const excel = await viaExcelJS((wb) => {
      const ws = wb.addWorksheet(sheet.name);
      for (const [i, row] of sheet.cells.entries())
        for (const [j, v] of row.entries()) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
      renderBesideTable(wb, plan, STATUS_MARKER);
      return ws;
    }, box);
    const fake = fakeExcel({ sheets: [{ name: sheet.name, cells: sheet.cells as never }] });
    await fake.run(async (context) => {
      await queueBesideTable(context, plan, undefined, undefined, {
        date1904: false,
        budget: new RequestBudget(context),
      });
      await context.sync();
    });
    const office = officeShot(fake, sheet.name, box);
    expect(Object.keys(excel.cells).length).toBeGreaterThan(0);
    expect(differences(excel, office)).toEqual([]);
  },
);

test("the comparison sees a difference: a plan whose ExcelJS rendering loses a font is caught", async () => {
  const plan: SheetPlan = {
    name: "Probe",
    blocks: [{ ref: "A1", values: [["Title"]], style: "title" }],
    tables: [],
    columns: [],
    conditionalFormats: [],
    validations: [],
  };
  const excel = await viaExcelJS((wb) => {
    const ws = renderExcelJS(wb, plan);
    // A new style object: the renderer shares one frozen style among the cells of one look.
    ws.getCell("A1").style = { ...ws.getCell("A1").style, font: { bold: true } };
    return ws;
  });
  const office = await sheetViaOffice(plan);
  expect(differences(excel, office)).toEqual([expect.stringMatching(/^A1: /)]);
  expect(dayOfIso("2024-03-01")).toBeDefined();
});

test("the table exercises every kind compared: borders, validations, conditional formats, tables, panes, fills, fonts", async () => {
  const all = PARITY_CASES.flatMap((c) => c.sheets?.(input) ?? []);
  const shots = await Promise.all(all.map((plan) => viaExcelJS((wb) => renderExcelJS(wb, plan))));
  const cells = shots.flatMap((s) => Object.values(s.cells));
  expect(shots.some((s) => Object.keys(s.lines).length > 0)).toBe(true);
  expect(shots.some((s) => s.validations.length > 0)).toBe(true);
  expect(shots.some((s) => s.conditionalFormats.length > 0)).toBe(true);
  expect(shots.some((s) => s.tables.length > 0)).toBe(true);
  expect(shots.some((s) => s.frozenRows > 0)).toBe(true);
  expect(shots.some((s) => s.tabColor !== "")).toBe(true);
  expect(shots.some((s) => Object.keys(s.heights).length > 0)).toBe(true);
  expect(shots.some((s) => s.print && s.print.titleRows !== "")).toBe(true);
  expect(shots.some((s) => s.print && "scale" in s.print.zoom && s.print.rowBreaks.length > 0)).toBe(true);
  expect(shots.some((s) => s.print?.orientation === "landscape")).toBe(true);
  expect(new Set(cells.map((c) => c.font.size))).toEqual(new Set([11, 12, 16]));
  // Every cell we write names its font: no reader falls back to a serif face.
  expect(cells.filter((c) => c.font.name !== "Calibri")).toEqual([]);
  expect(cells.some((c) => typeof c.value === "string" && c.value.startsWith("="))).toBe(true);
});

test("the comparison sees a row height and a page setup that differ", async () => {
  const plan: SheetPlan = {
    name: "Probe",
    blocks: [{ ref: "A1", values: [["word ".repeat(40)]], wrap: true }],
    tables: [],
    columns: [{ column: 1, width: 30 }],
    conditionalFormats: [],
    validations: [],
    print: { orientation: "portrait", paper: "A4", header: "&LProbe", titleRows: "1:1" },
  };
  const office = await sheetViaOffice(plan);
  expect(office.heights).toEqual({ 1: 105 }); // 200 characters in 29: 7 lines of 15 points
  expect(differences(await viaExcelJS((wb) => renderExcelJS(wb, plan)), office)).toEqual([]);
  const excel = await viaExcelJS((wb) => {
    const ws = renderExcelJS(wb, plan);
    ws.getRow(1).height = 15;
    ws.pageSetup.orientation = "landscape";
    return ws;
  });
  expect(differences(excel, office)).toEqual([expect.stringMatching(/^heights: /), expect.stringMatching(/^print: /)]);
});
