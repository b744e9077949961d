import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ReportPlan, TrendChartPlan } from "../../core";
import { utcDateOf } from "./dates";
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, REL_CHART, REL_DRAWING, drawingXml, trendChartXml } from "./chart";
import { renderWorkbook } from "./render";

/**
 * The report's .xlsx package, as bytes: the plan rendered through ExcelJS, the trend chart added as
 * native DrawingML parts, and every timestamp fixed to the as-of day (zip entries and document
 * properties), so the same workbook gives the same bytes whatever the machine, the hour or the number
 * of jobs. No file system: the task pane builds the same bytes in the browser.
 */
export async function reportPackage(report: ReportPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  renderWorkbook(wb, report.workbook);
  const stamp = utcDateOf(report.asOf);
  wb.created = stamp;
  wb.modified = stamp;
  // Stored, not compressed: the entries are compressed once, when they are packed again with fixed dates.
  const written = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions);
  const zip = await JSZip.loadAsync(written as ArrayBuffer);
  if (report.chart) await addChart(zip, report.chart);
  return repack(zip, stamp);
}

/** The same entries, in the same order, each dated `stamp`, compressed the same way every time. */
async function repack(zip: JSZip, stamp: Date): Promise<Uint8Array> {
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: stamp, createFolders: false });
  }
  return out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}

const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** The worksheet part of a sheet, found through the workbook and its relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const xmlName = sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const element = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]).find((e) => attr(e, "name") === xmlName);
  const id = element && attr(element, "r:id");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((e) => attr(e, "Id") === id);
  const target = rel && attr(rel, "Target");
  if (!target) throw new Error(`the report has no ${sheet} sheet to draw the chart on`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Elements that come after `<drawing>` in a worksheet (ECMA-376's order), before which it is inserted. */
const AFTER_DRAWING = [
  "<legacyDrawing ",
  "<legacyDrawing>",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

async function addChart(zip: JSZip, chart: TrendChartPlan): Promise<void> {
  const sheetPath = await sheetPart(zip, chart.sheet);
  const sheetFile = sheetPath.split("/").pop()!;
  const relsPath = sheetPath.replace(sheetFile, `_rels/${sheetFile}.rels`);
  const n = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length + 1;
  const c = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length + 1;
  zip.file(`xl/charts/chart${c}.xml`, trendChartXml(chart));
  zip.file(`xl/drawings/drawing${n}.xml`, drawingXml(chart, "rId1"));
  zip.file(
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${c}.xml"/></Relationships>`,
  );
  const relId = "rIdIewscTrend";
  const rel = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${n}.xml"/>`;
  const existing = zip.file(relsPath);
  zip.file(
    relsPath,
    existing
      ? (await existing.async("string")).replace("</Relationships>", `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
  let xml = await zip.file(sheetPath)!.async("string");
  if (!xml.includes('xmlns:r="'))
    xml = xml.replace(
      "<worksheet ",
      `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" `,
    );
  const at = Math.min(...AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
  zip.file(sheetPath, `${xml.slice(0, at)}<drawing r:id="${relId}"/>${xml.slice(at)}`);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart${c}.xml" ContentType="${CHART_CONTENT_TYPE}"/><Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/></Types>`,
    ),
  );
}
