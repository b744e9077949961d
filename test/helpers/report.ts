import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";

/**
 * Forecasts recorded at four reporting dates for the sample's milestones: TL03 (the WP2 review) slipping
 * a month each quarter, TL05 (the workshop) brought forward, TL06 (the report) slipping late: what
 * Record forecasts would have kept.
 */
export const SAMPLE_HISTORY: [string, string, string][] = [
  ["2023-07-03", "TL03", "2023-10-31"],
  ["2023-07-03", "TL04", "2024-01-31"],
  ["2023-07-03", "TL05", "2024-05-31"],
  ["2023-07-03", "TL06", "2024-08-31"],
  ["2023-10-02", "TL03", "2023-11-30"],
  ["2023-10-02", "TL04", "2024-01-31"],
  ["2023-10-02", "TL05", "2024-05-31"],
  ["2023-10-02", "TL06", "2024-08-31"],
  ["2024-01-08", "TL03", "2024-01-31"],
  ["2024-01-08", "TL04", "2024-01-22"],
  ["2024-01-08", "TL05", "2024-04-19"],
  ["2024-01-08", "TL06", "2024-08-31"],
  ["2024-03-01", "TL03", "2024-03-29"],
  ["2024-03-01", "TL04", "2024-01-22"],
  ["2024-03-01", "TL05", "2024-04-19"],
  ["2024-03-01", "TL06", "2024-09-13"],
];

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A copy of `source` with a `Forecast history` table (and, when asked, an extra personal column in the Roster). */
export async function withHistory(source: string, target: string, options: { phone?: string } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.addWorksheet("Forecast history");
  ws.getCell("A1").value = "Forecast history and milestone trend";
  ws.addTable({
    name: "IEWSC_ForecastHistory",
    ref: "A4",
    headerRow: true,
    columns: [{ name: "As of" }, { name: "ID" }, { name: "Forecast" }],
    rows: SAMPLE_HISTORY.map(([asOf, id, forecast]) => [utc(asOf), id, utc(forecast)]),
  });
  if (options.phone) {
    const roster = wb.getWorksheet("Roster")!;
    const header = roster.getRow(1);
    let col = 1;
    header.eachCell((_c, n) => {
      col = Math.max(col, n + 1);
    });
    roster.getCell(3, col + 3).value = options.phone;
  }
  await wb.xlsx.writeFile(target);
}

/** Every part of an .xlsx package as text (binary parts as latin1), by name. */
export async function packageParts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    parts.set(name, Buffer.from(await zip.files[name]!.async("uint8array")).toString("latin1"));
  }
  return parts;
}

/** Every e-mail address in a package's cells and properties. */
export async function emailsIn(file: string): Promise<string[]> {
  const found = new Set<string>();
  for (const text of (await packageParts(file)).values())
    for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) found.add(m[0]);
  return [...found];
}
