import {
  type CheckResult,
  type Day,
  type DescribedFinding,
  type Summary,
  TableMissingError,
  UnreadableWorkbookError,
  WorkbookError,
  checkWorkbook,
  dayOfLocalDate,
  describe,
} from "../core";
import { readWorkbookInput } from "./xlsx/read-workbook";

/** The outcome of checking one file, as `check --json` reports it. */
export type FileOutcome =
  | { ok: true; file: string; findings: DescribedFinding[]; summary: Summary; checked: string[] }
  | { ok: false; file: string; error: string };

/**
 * Checks one workbook file. Never throws: a workbook that cannot be used becomes `{ ok: false }`
 * with one line that names the file and what is wrong.
 */
export async function checkFile(file: string, options: { asOf?: Day } = {}): Promise<FileOutcome> {
  try {
    // "Today" is the calendar day on this computer's clock, as the user reads it.
    const result: CheckResult = checkWorkbook(await readWorkbookInput(file), {
      ...options,
      today: dayOfLocalDate(new Date()),
    });
    return { ok: true, file, findings: describe(result.findings), summary: result.summary, checked: result.checked };
  } catch (e) {
    return { ok: false, file, error: oneLine(e, file) };
  }
}

/** The one line a user sees for a workbook that cannot be used: no stack trace, ever. */
export function oneLine(e: unknown, file: string): string {
  // No check can run: say how to get a workbook that has the tables.
  if (e instanceof TableMissingError)
    return `${(e.where.file ? e : e.inFile(file)).message}; to start from a workbook with every table, run iewsc template --out iewsc.xlsx`;
  if (e instanceof WorkbookError) return e.where.file ? e.message : e.inFile(file).message;
  const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return new UnreadableWorkbookError(`could not be read (${detail})`, { file }).message;
}
