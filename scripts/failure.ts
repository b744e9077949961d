import { TableMissingError, UnreadableWorkbookError, WorkbookError } from "../core";
import { OutputWriteError } from "./output-path";
import { writeErrLine } from "./printable";

/** What the user is told when a command stops: a workbook that cannot be used, or a bug of ours. */
export type Failure =
  | { internal: false; message: string }
  | { internal: true; message: string /** For --debug only. */; stack: string };

/** The one line for an internal error: a bug of ours is never dressed as a damaged workbook. */
export const INTERNAL_ERROR = "internal error: please report it";

/**
 * Sorts a thrown value: a `WorkbookError` (the file cannot be read, a table is missing …) is the
 * workbook's, one line naming the file; anything else is a bug in our code, said as such.
 *
 * @example describeFailure(new TypeError("x is undefined"), "a.xlsx").message
 * // "a.xlsx: internal error: please report it (run again with --debug for the details)"
 */
export function describeFailure(e: unknown, file?: string): Failure {
  // No check can run: say how to get a workbook that has the tables.
  if (e instanceof TableMissingError) {
    const message = e.where.file || file === undefined ? e.message : e.inFile(file).message;
    return {
      internal: false,
      message: `${message}; to start from a workbook with every table, run iewsc template --out iewsc.xlsx`,
    };
  }
  if (e instanceof WorkbookError)
    return { internal: false, message: e.where.file || file === undefined ? e.message : e.inFile(file).message };
  // A failed write names the output, never the input.
  if (e instanceof OutputWriteError) return { internal: false, message: e.message };
  // A workbook too big for the reader (a call stack or an array past its limit) is the workbook's.
  if (e instanceof RangeError && /call stack|array length|allocation/i.test(e.message))
    return { internal: false, message: new UnreadableWorkbookError("is too large to be read", { file }).message };
  const where = file === undefined ? "" : `${file}: `;
  return {
    internal: true,
    message: `${where}${INTERNAL_ERROR} (run again with --debug for the details)`,
    stack: e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e),
  };
}

/** Writes a failure to standard error: one line, and the stack trace of an internal error on --debug. */
export function reportFailure(failure: Failure, debug = false): void {
  // Escaped: a file name or a quoted cell may carry terminal control sequences.
  writeErrLine(failure.message);
  if (failure.internal && debug) process.stderr.write(`${failure.stack}\n`);
}
