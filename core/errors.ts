/**
 * Errors at the edge. A workbook that cannot be used raises a `WorkbookError` naming the file, the
 * table and the column; the command line turns it into one line and exit code 2, the task pane into
 * one message. Findings (problems *in* a usable workbook) are data, never errors.
 */
export class WorkbookError extends Error {
  override readonly name: string = "WorkbookError";
  constructor(
    /** What is wrong, in plain English, without the file name (it is added when known). */
    readonly problem: string,
    readonly where: { file?: string; table?: string; column?: string } = {},
  ) {
    super(where.file ? `${where.file}: ${problem}` : problem);
  }

  /** The same error, naming the file it came from. */
  inFile(file: string): WorkbookError {
    const copy = new (this.constructor as new (p: string, w: WorkbookError["where"]) => WorkbookError)(this.problem, {
      ...this.where,
      file,
    });
    return copy;
  }
}

/** A required table is in neither a table of that name nor a sheet of that name. */
export class TableMissingError extends WorkbookError {
  override readonly name = "TableMissingError";
}

/** Why a table that is there cannot be used (`TABLE_UNUSABLE`'s `data.reason`). */
export type UnusableReason = "column-missing" | "no-header-row";

/** A table is there but cannot be used: the check that needs it cannot run (see `TABLE_UNUSABLE`). */
export abstract class TableUnusableError extends WorkbookError {
  abstract readonly reason: UnusableReason;
}

/** A required column is not in a table's header row. */
export class ColumnMissingError extends TableUnusableError {
  override readonly name = "ColumnMissingError";
  readonly reason = "column-missing";
  /** Set when the column is required only for some rows ("every Regional Volunteer needs"). */
  requiredFor?: "volunteers";
}

/** A sheet read as a table has no row holding the table's headers. */
export class HeaderRowMissingError extends TableUnusableError {
  override readonly name = "HeaderRowMissingError";
  readonly reason = "no-header-row";
}

/** The file is not there, or is not an .xlsx workbook a spreadsheet program wrote. */
export class UnreadableWorkbookError extends WorkbookError {
  override readonly name = "UnreadableWorkbookError";
}

/** The workbook holds something that a rewrite would lose, so nothing is written. */
export class WouldLoseDataError extends WorkbookError {
  override readonly name: string = "WouldLoseDataError";
}

/**
 * Writing a generated sheet, table or name would touch something of the user's of the same name (any
 * case): a sheet without our note, a table elsewhere, a defined name. Nothing is written.
 */
export class GeneratedClashError extends WouldLoseDataError {
  override readonly name = "GeneratedClashError";
}

/** True for any of the workbook errors above. */
export function isWorkbookError(e: unknown): e is WorkbookError {
  return e instanceof WorkbookError;
}
