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

/** What people should read for the host's error codes (matched by code, never by message). */
const HOST_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is busy while a cell is being edited: press Enter or Esc, then try again.",
  RequestPayloadSizeLimitExceeded: "The workbook answered with more data than Excel on the web allows in one go.",
  AccessDenied: "Excel refused the change: the sheet or workbook may be protected.",
  ItemAlreadyExists: "A sheet or table with that name already exists.",
  EditModeCellUpdateConflict: "Someone else is editing this workbook: try again in a moment.",
  ConflictWithCellEditMode: "Excel is busy while a cell is being edited: press Enter or Esc, then try again.",
};

/** Codes worth a retry: the user will finish editing the cell in a moment. */
const RETRY_CODES = new Set([
  "InvalidOperationInCellEditMode",
  "ConflictWithCellEditMode",
  "EditModeCellUpdateConflict",
]);

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
