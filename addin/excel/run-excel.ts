import { WorkbookError } from "../../core";

/** A batch of Office.js work against one request context. */
export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
/** How a batch is run: `Excel.run` in Excel, a fake in tests. */
export type Runner = <T>(batch: Batch<T>) => Promise<T>;

/** An error from Excel itself, in plain English, with the host's code kept for logs. */
export class HostError extends Error {
  override readonly name = "HostError";
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * What people should read for the host's error codes (matched by code, never by message), each with
 * what to do. Every code is one of `Excel.ErrorCodes`, except RequestPayloadSizeLimitExceeded, which
 * Excel on the web raises for a request over 5 MB (documented with the error codes, not in the enum);
 * test/addin/run-excel.test.ts holds the list to the enum.
 */
export const HOST_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is busy while a cell is being edited: press Enter or Esc, then try again.",
  RequestPayloadSizeLimitExceeded:
    "The changes to write were more than Excel on the web accepts in one request (5 MB); nothing more was written. Try again in Excel on Windows or Mac, or with fewer rows.",
  ResponsePayloadSizeLimitExceeded:
    "The tables to read are more than Excel on the web can send in one answer (5 MB). Try again in Excel on Windows or Mac, or with fewer rows.",
  AccessDenied:
    "Excel refused the change: the sheet or workbook may be protected. Unprotect it (Review ▸ Unprotect), then try again.",
  ItemAlreadyExists:
    "A sheet, table or defined name of that name already exists: tables and names share one list (Formulas ▸ Name Manager). Rename yours, then try again.",
  ItemNotFound: "A sheet or table was renamed or deleted while IEWSC Workbench was working. Run the action again.",
  // Excel's answer to a table named like a table or name (office-js #551) and to a table over another
  // table or merged cells (office-js #1199), as well as to a value it cannot take.
  InvalidArgument:
    "Excel refused what IEWSC Workbench sent: a table or defined name of the same name (Formulas ▸ Name Manager), or a table or merged cells where it writes, can cause this. Rename or move yours, then run the action again; if it happens again, report it with the workbook's language settings.",
  InvalidOperation:
    "Excel refused the operation: a sheet may be hidden or protected, or cells merged. Unhide or unprotect it, then try again.",
  Conflict: "Someone else changed this workbook at the same moment: try again in a moment.",
};

/** Codes worth a retry: the user will finish editing the cell in a moment. */
const RETRY_CODES = new Set(["InvalidOperationInCellEditMode"]);

function hostCode(e: unknown): string | undefined {
  // Duck-typed rather than `instanceof OfficeExtension.Error`, which does not exist outside Office.
  return typeof e === "object" &&
    e !== null &&
    "code" in e &&
    typeof (e as { code: unknown }).code === "string" &&
    "debugInfo" in e
    ? (e as { code: string }).code
    : undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way this add-in talks to Excel: runs a batch in `Excel.run`, retries a bounded number of
 * times while the user is editing a cell, and turns host errors into `HostError` with a plain message.
 * Workbook errors (a missing table or column) pass through as they are.
 *
 * @example await runExcel(async (context) => { … await context.sync(); … })
 */
export async function runExcel<T>(
  batch: Batch<T>,
  options: { runner?: Runner; retries?: number; delayMs?: number } = {},
): Promise<T> {
  const runner: Runner = options.runner ?? ((b) => Excel.run(b));
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      return await runner(batch);
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      const code = hostCode(e);
      if (code && RETRY_CODES.has(code) && attempt < retries) {
        await pause((options.delayMs ?? 400) * (attempt + 1));
        continue;
      }
      if (code) throw new HostError(HOST_MESSAGES[code] ?? `Excel reported a problem (${code}).`, code);
      throw e;
    }
  }
}
