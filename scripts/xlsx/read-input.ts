import type { WorkbookInput } from "../../core";
import { readTablesFast } from "./fast-read";
import { checkWorkbookBytes, readInputFile } from "./input-file";

/** The parts the fast reader reads: the workbook, its relationships, strings, styles, sheets and tables. */
const READ_PARTS =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|tables\/table\d+\.xml)$/;

/**
 * Reads a workbook file into what the core checks, for `iewsc check` (which writes nothing): the file
 * is refused as `readInputFile` and `checkWorkbookBytes` refuse it, then read by the fast reader
 * (`fast-read.ts`), or by ExcelJS when the fast reader cannot promise ExcelJS's answer. ExcelJS is
 * loaded only then: most checks never pay for loading it.
 */
export async function readCheckInput(file: string): Promise<WorkbookInput> {
  const bytes = await readInputFile(file);
  const fast = await readTablesFast(checkWorkbookBytes(bytes, file, (name) => READ_PARTS.test(name)));
  if (fast) return fast;
  const { findTables, loadWorkbookBytes } = await import("./read-workbook");
  return findTables(await loadWorkbookBytes(bytes, file, { checked: true }));
}
