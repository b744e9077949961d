import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type ExcelJS from "exceljs";
import {
  type CellValue,
  type Day,
  FORECAST_HISTORY_SHEET,
  FORECAST_HISTORY_TABLE,
  type ReportInput,
  type Summary,
  matchKey,
  reportPlan,
} from "../core";
import { writeFileAtomic } from "./atomic-write";
import { describeFailure } from "./failure";
import { toCellValue } from "./xlsx/cell-value";
import { findTables, loadWorkbook } from "./xlsx/read-workbook";
import { reportPackage } from "./xlsx/report-package";

/** One report to write: the input, where its report goes, and how. */
export interface ReportJob {
  file: string;
  /** The .xlsx to write; the .pdf goes beside it with `pdf`. */
  out: string;
  share: boolean;
  pdf: boolean;
  asOf?: Day;
  today: Day;
  /** LibreOffice's program, when `pdf`. */
  soffice?: string;
}

export type ReportOutcome =
  | { ok: true; file: string; out: string; pdf?: string; summary: Summary }
  | { ok: false; file: string; error: string };

/**
 * Writes the report of one workbook (and its PDF). Never throws: a workbook that cannot be used, or a
 * PDF that LibreOffice did not produce, becomes `{ ok: false }` with one line naming the file.
 */
export async function reportFile(job: ReportJob): Promise<ReportOutcome> {
  try {
    const wb = await loadWorkbook(job.file);
    const input: ReportInput = { ...findTables(wb) };
    const history = readHistoryValues(wb);
    if (history) input.history = history;
    const plan = reportPlan(input, {
      today: job.today,
      title: basename(job.file),
      share: job.share,
      ...(job.asOf === undefined ? {} : { asOf: job.asOf }),
    });
    const bytes = await reportPackage(plan);
    await writeFileAtomic(job.out, bytes);
    const outcome: ReportOutcome = { ok: true, file: job.file, out: job.out, summary: plan.summary };
    if (job.pdf) {
      const pdf = job.out.replace(/\.xlsx$/i, ".pdf");
      try {
        await printPdf(job.out, pdf, job.soffice ?? "soffice");
      } catch (e) {
        // A report without the PDF asked for is a failure: it leaves nothing behind, as any failure does.
        await unlink(job.out).catch(() => undefined);
        return { ok: false, file: job.file, error: `${job.file}: ${e instanceof Error ? e.message : String(e)}` };
      }
      outcome.pdf = pdf;
    }
    return outcome;
  } catch (e) {
    return { ok: false, file: job.file, error: describeFailure(e, job.file).message };
  }
}

/** The Forecast history table's cells (header first): its Excel table, else the sheet of that name. */
export function readHistoryValues(wb: ExcelJS.Workbook): CellValue[][] | undefined {
  let found: { ws: ExcelJS.Worksheet; ref?: string } | undefined;
  wb.eachSheet((ws) => {
    const tables = (
      ws as unknown as { tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }> }
    ).tables;
    for (const t of Object.values(tables ?? {})) {
      if (!found && matchKey(t.table?.name ?? "") === matchKey(FORECAST_HISTORY_TABLE))
        found = { ws, ref: t.table?.tableRef ?? t.table?.ref ?? "" };
    }
  });
  if (!found)
    wb.eachSheet((ws) => {
      if (!found && matchKey(ws.name) === matchKey(FORECAST_HISTORY_SHEET)) found = { ws };
    });
  if (!found) return undefined;
  const { ws, ref } = found;
  const box = ref ? /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(ref) : null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [top, left, bottom, right] = box
    ? [Number(box[2]), col(box[1]!), Number(box[4]), col(box[3]!)]
    : [1, 1, ws.rowCount, Math.min(ws.columnCount, 26)];
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const line: CellValue[] = [];
    for (let c = left; c <= right; c++) line.push(toCellValue(row.getCell(c).value));
    values.push(line);
  }
  return values;
}

/** Seconds LibreOffice is given to print one report before it counts as a failure. */
const PDF_TIMEOUT_MS = 180_000;

/**
 * Prints a report to PDF through LibreOffice, with a profile of its own (two conversions sharing one
 * lose files) in a private folder; the PDF is then written beside the report atomically. LibreOffice
 * exits 0 even when it converted nothing: only a PDF that is there and starts like one counts.
 */
export async function printPdf(xlsx: string, pdf: string, soffice: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "iewsc-pdf-"));
  try {
    const args = [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      xlsx,
    ];
    const ran = await new Promise<string>((resolve) => {
      execFile(soffice, args, { timeout: PDF_TIMEOUT_MS }, (error, _stdout, stderr) =>
        resolve(error ? `${error.message.split("\n")[0]} ${String(stderr).trim()}`.trim() : ""),
      );
    });
    const produced = join(work, basename(xlsx).replace(/\.xlsx$/i, ".pdf"));
    const bytes = await readFile(produced).catch(() => undefined);
    if (!bytes?.subarray(0, 5).equals(Buffer.from("%PDF-")))
      throw new Error(`LibreOffice did not print the report to PDF${ran ? ` (${ran})` : ""}`);
    await writeFileAtomic(pdf, bytes);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
