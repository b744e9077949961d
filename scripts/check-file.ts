import {
  type CheckName,
  type Day,
  type DescribedFinding,
  type Summary,
  type WorkbookInput,
  checkWorkbook,
  dayOfLocalDate,
  describe,
} from "../core";
import { describeFailure } from "./failure";
import { readCheckInput } from "./xlsx/read-input";

/** The outcome of checking one file, as `check --json` reports it. */
export type FileOutcome =
  | { ok: true; file: string; findings: DescribedFinding[]; summary: Summary; checked: CheckName[] }
  | { ok: false; file: string; error: string; internal: false }
  | { ok: false; file: string; error: string; internal: true; stack: string };

/**
 * Checks one workbook file. Never throws: a workbook that cannot be used becomes `{ ok: false }` with
 * one line that names the file and what is wrong; a bug of ours, `{ ok: false, internal: true }`.
 * `read` is how the file is read (the tests give one that fails).
 *
 * @example await checkFile("iewsc.xlsx") // { ok: true, file: "iewsc.xlsx", findings: [...], summary, checked: ["roster"] }
 */
export async function checkFile(
  file: string,
  options: { asOf?: Day } = {},
  read: (file: string) => Promise<WorkbookInput> = readCheckInput,
): Promise<FileOutcome> {
  try {
    // "Today" is the calendar day on this computer's clock, as the user reads it.
    const result = checkWorkbook(await read(file), { ...options, today: dayOfLocalDate(new Date()) });
    return { ok: true, file, findings: describe(result.findings), summary: result.summary, checked: result.checked };
  } catch (e) {
    const failure = describeFailure(e, file);
    return failure.internal
      ? { ok: false, file, error: failure.message, internal: true, stack: failure.stack }
      : { ok: false, file, error: failure.message, internal: false };
  }
}
