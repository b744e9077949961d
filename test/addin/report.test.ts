import ExcelJS from "exceljs";
import JSZip from "jszip";
import { AGENDA_SHEET, type CellValue, INVITATIONS_SHEET, SUMMARY_SHEET, dayOfIso, serialOf } from "../../core";
import { SAMPLE_ROSTER } from "../../core/sample";
import { recordForecastsIn } from "../../addin/excel/record-forecasts";
import { exportReportIn, toBase64 } from "../../addin/excel/report";
import * as invitee from "../../core/program/invitee";
import * as session from "../../core/program/session";
import { reportPackage } from "../../scripts/xlsx/report-package";
import { WORKSHOP, goodInvitees, goodProgram } from "../helpers/program";
import { ROSTER_HEADER } from "../helpers/tables";
import { edit, torTimeline } from "../helpers/timeline";
import { type FakeExcel, fakeExcel, mockExcel, tableSheet } from "./fake";

const day = (iso: string) => dayOfIso(iso)!;

function fixture() {
  const timeline = edit(torTimeline(), "TL01", { Actual: serialOf(day("2023-05-30")) });
  return {
    sheets: [
      tableSheet("Roster", [ROSTER_HEADER, ...(SAMPLE_ROSTER as CellValue[][])]),
      tableSheet("Timeline", timeline),
    ],
  };
}

const exportReport = (excel: FakeExcel, today: string, share = false) =>
  excel.run((ctx) =>
    exportReportIn(ctx, {
      today: day(today),
      title: "committee.xlsx",
      share,
      createWorkbook: (b64) => excel.createWorkbook(b64),
    }),
  );

describe("Export report (fake host)", () => {
  test("two round trips, and the report opens as a new workbook: the same package the command line writes", async () => {
    const excel = mockExcel(fixture());
    const outcome = await exportReport(excel, "2024-03-01");
    expect(outcome.syncs).toBe(2);
    expect(excel.world.syncs).toBe(2);
    expect(excel.created()).toHaveLength(1);
    const bytes = Buffer.from(excel.created()[0]!, "base64");
    expect(bytes.length).toBe(outcome.bytes);
    expect(new Uint8Array(bytes)).toEqual(await reportPackage(outcome.plan));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, "Findings", "Balance", "Timeline"]);
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getCell("A1").value).toBe("IEWSC report: committee.xlsx");
    // The open workbook is left as it was.
    expect(excel.sheet(SUMMARY_SHEET)).toBeNull();
  });

  test("with a Program and Invitees, the report holds the Agenda and the Invitations, in the same two round trips", async () => {
    /** What Office.js gives for date cells: serial numbers. */
    const office = (rows: CellValue[][]): CellValue[][] =>
      rows.map((r) =>
        r.map((c) => (c !== null && typeof c === "object" && "date" in c ? serialOf(dayOfIso(c.date)!) : c)),
      );
    const base = fixture();
    const excel = mockExcel({
      sheets: [
        ...base.sheets,
        tableSheet("Workshop", office(WORKSHOP)),
        tableSheet("Program", office(goodProgram())),
        tableSheet("Invitees", office(goodInvitees())),
      ],
    });
    const reads = [jest.spyOn(invitee, "readInvitees"), jest.spyOn(session, "readSessions")];
    const outcome = await exportReport(excel, "2024-03-01");
    // Each table read once, by the check; the Agenda, Invitations and the Summary take its rows.
    for (const read of reads) expect(read).toHaveBeenCalledTimes(1);
    for (const read of reads) read.mockRestore();
    expect(excel.world.syncs).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(excel.created()[0]!, "base64") as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name).slice(-2)).toEqual([AGENDA_SHEET, INVITATIONS_SHEET]);
    expect(wb.getWorksheet(AGENDA_SHEET)!.getCell("A1").value).toMatch(/^Agenda — /);
    const invitations = wb.getWorksheet(INVITATIONS_SHEET)!;
    expect(invitations.getCell("A5").value).toBe(goodInvitees()[1]![0]);
    expect(outcome.plan.lines.filter((l) => l.area === "Invitations").map((l) => l.measure)).toEqual([
      "Invitees by status",
      "To contact without an e-mail",
      "Speakers not yet confirmed",
      "Late invitations",
      "Replies overdue",
    ]);
  });

  test("with a Forecast history recorded in Excel, the report carries the trend as a native chart", async () => {
    const excel = fakeExcel(fixture());
    await excel.run((ctx) => recordForecastsIn(ctx, { today: day("2023-09-01") }));
    await excel.run((ctx) => recordForecastsIn(ctx, { today: day("2024-01-08") }));
    const outcome = await exportReport(excel, "2024-03-01");
    expect(outcome.plan.chart?.series.map((s) => s.name).slice(0, 3)).toEqual(["Diagonal", "TL01", "TL02"]);
    expect(outcome.plan.chart?.x.values).toEqual([serialOf(day("2023-09-01")), serialOf(day("2024-01-08"))]);
    const zip = await JSZip.loadAsync(Buffer.from(excel.created()[0]!, "base64"));
    expect(await zip.file("xl/charts/chart1.xml")?.async("string")).toContain("<c:scatterChart>");
  });

  test("shared: no e-mail address of the roster in the package", async () => {
    const excel = fakeExcel(fixture());
    await exportReport(excel, "2024-03-01", true);
    const zip = await JSZip.loadAsync(Buffer.from(excel.created()[0]!, "base64"));
    const text = (await Promise.all(Object.values(zip.files).map((f) => f.async("string")))).join("\n");
    const addresses = SAMPLE_ROSTER.flat().filter((v): v is string => typeof v === "string" && v.includes("@"));
    expect(addresses.length).toBeGreaterThan(5);
    for (const a of addresses) expect(text).not.toContain(a);
  });

  test("Excel refuses what is not an .xlsx package, as createWorkbook does", async () => {
    const excel = fakeExcel(fixture());
    await expect(excel.createWorkbook(toBase64(new TextEncoder().encode("not a workbook")))).rejects.toThrow(/invalid/);
    await expect(excel.createWorkbook("%%%")).rejects.toThrow(/invalid/);
  });
});
