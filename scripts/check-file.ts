import {
  type CheckResult,
  type Day,
  type DescribedFinding,
  type Summary,
  UnreadableWorkbookError,
  WorkbookError,
  checkWorkbook,
  dayOfLocalDate,
  describe,
} from "../core";
import { OutputWriteError } from "./output-path";
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

/**
 * The one line a user sees for a workbook that cannot be used: no stack trace, ever. A failed write
 * names the output; anything else that is not a `WorkbookError` is a fault of ours, and its internal
 * text (a library's "Cannot read properties of undefined") never reaches the user.
 */
export function oneLine(e: unknown, file: string): string {
  if (e instanceof WorkbookError) return e.where.file ? e.message : e.inFile(file).message;
  if (e instanceof OutputWriteError) return e.message;
  if (e instanceof RangeError && /call stack|array length|allocation/i.test(e.message))
    return new UnreadableWorkbookError("is too large to be read", { file }).message;
  return new UnreadableWorkbookError(
    `could not be read: an internal error of IEWSC Workbench (${e instanceof Error ? e.name : "unknown"}); please report it`,
    { file },
  ).message;
}
