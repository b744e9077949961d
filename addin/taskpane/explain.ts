import { isWorkbookError } from "../../core";
import { BusyError } from "../excel/one-at-a-time";
import { HostError } from "../excel/run-excel";

/**
 * One plain sentence for whatever went wrong: the workbook (a missing table or column), Excel (by
 * its error code), or, rarely, something unexpected.
 */
export function explain(e: unknown): string {
  if (isWorkbookError(e)) return `This workbook cannot be checked: ${e.problem}.`;
  if (e instanceof HostError || e instanceof BusyError) return e.message;
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}
