import type { WorkbookInput } from "../../core";
import { readTablesFast } from "./fast-read";
import { checkWorkbookBytes, readInputFile } from "./input-file";

/** The parts the fast reader reads: the workbook, its relationships, strings, styles, sheets and tables. */
export const READ_PARTS =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|tables\/table\d+\.xml)$/;

/**
 * Reads a workbook file into what the core checks, for `iewsc check` (which writes nothing): the file
 * is refused as `readInputFile` and `checkWorkbookBytes` refuse it, then read by the fast reader
 * (`fast-read.ts`), or by ExcelJS when the fast reader cannot promise ExcelJS's answer. ExcelJS is
 * loaded only then: most checks never pay for loading it.
 */
export async function readCheckInput(file: string): Promise<WorkbookInput> {
  return (await readInputTables(await readInputFile(file), file)).input;
}

/**
 * The tables of a workbook's bytes (read from disk by `readInputFile`), with the parts the check
 * inflated on the way (to be reused, not inflated again, by a build that copies the package).
 */
export async function readInputTables(
  bytes: Buffer,
  file: string,
): Promise<{ input: WorkbookInput; parts: ReadonlyMap<string, Buffer> }> {
  const parts = checkWorkbookBytes(bytes, file, (name) => READ_PARTS.test(name) || PACKAGE_PARTS.test(name));
  const fast = await readTablesFast(parts);
  if (fast) return { input: fast, parts };
  const { findTables, loadWorkbookBytes } = await import("./read-workbook");
  return { input: findTables(await loadWorkbookBytes(bytes, file, { checked: true })), parts };
}

/** The package's own small parts, which a build edits. */
const PACKAGE_PARTS = /^(\[Content_Types\]\.xml|_rels\/\.rels)$/;
