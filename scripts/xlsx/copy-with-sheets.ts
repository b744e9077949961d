import type ExcelJS from "exceljs";
import type { WorkbookPlan } from "../../core";
import { Workbook } from "./exceljs-workbook";
import { ZIP_OPTIONS } from "./package";
import { prepareForWrite, renderWorkbook } from "./render";
import { splicePackage } from "./splice";

/**
 * A copy of the user's workbook with generated sheets in it, as `build` and `arbitrate --balance-out`
 * write it: the plan's sheets and names are rendered by ExcelJS into a workbook of their own, then
 * spliced into the user's package, every part of the user's copied as it was stored (`splice.ts`).
 * `remove` names the sheets of the input the copy leaves out (ours, being replaced or stale): the
 * caller has made sure they are ours.
 *
 * @example
 * await copyWithSheets({ file, input, inflated, plan: { sheets: [balance], names: [] }, remove: ["Balance"] });
 */
export async function copyWithSheets(options: {
  file: string;
  input: Buffer;
  inflated?: ReadonlyMap<string, Buffer>;
  plan: WorkbookPlan;
  remove: readonly string[];
}): Promise<Buffer> {
  const generated = new Workbook();
  renderWorkbook(generated, options.plan);
  prepareForWrite(generated);
  // A failure to serialise what we rendered is a bug of ours (an internal error), never the workbook's.
  const bytes = Buffer.from(await generated.xlsx.writeBuffer(ZIP_OPTIONS as ExcelJS.XlsxWriteOptions));
  return splicePackage({
    input: options.input,
    ...(options.inflated ? { inflated: options.inflated } : {}),
    generated: bytes,
    remove: options.remove,
    file: options.file,
  });
}
