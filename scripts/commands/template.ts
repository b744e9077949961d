import ExcelJS from "exceljs";
import { TEMPLATE_TABLES, templatePlan } from "../../core";
import { writeOutput } from "../atomic-write";
import { EXIT } from "../exit-codes";
import { reportFailure } from "../failure";
import { refuseOutput } from "../output-path";
import { printable, writeOut } from "../printable";
import { renderWorkbook } from "../xlsx/render";

/** Builds the template (or sample) workbook in memory. */
export async function templateBytes(sample: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  renderWorkbook(wb, templatePlan({ sample }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** `iewsc template --out F [--sample]`. */
export async function runTemplate(opts: { out: string; sample?: boolean }): Promise<number> {
  const refused = await refuseOutput(opts.out);
  if (refused) {
    reportFailure({ internal: false, message: refused });
    return EXIT.unusable;
  }
  await writeOutput(opts.out, await templateBytes(Boolean(opts.sample)));
  writeOut(
    `Wrote ${printable(opts.out)}: the ${opts.sample ? "sample" : "empty"} IEWSC workbook (${TEMPLATE_TABLES.join(", ")}).\n`,
  );
  return EXIT.ok;
}
