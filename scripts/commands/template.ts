import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";
import { TEMPLATE_TABLES, templatePlan } from "../../core";
import { writeFileAtomic } from "../atomic-write";
import { renderWorkbook } from "../xlsx/render";

/** Builds the template (or sample) workbook in memory. */
export async function templateBytes(sample: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  renderWorkbook(wb, templatePlan({ sample }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** `iewsc template --out F [--sample]`. */
export async function runTemplate(opts: { out: string; sample?: boolean }): Promise<number> {
  const out = resolve(opts.out);
  const folder = await stat(dirname(out)).catch(() => undefined);
  if (!folder?.isDirectory()) {
    process.stderr.write(`iewsc: ${opts.out}: the folder ${dirname(opts.out)} does not exist; nothing was written\n`);
    return 2;
  }
  if (!/\.xlsx$/i.test(out)) {
    process.stderr.write(`iewsc: ${opts.out}: the output must be an .xlsx file; nothing was written\n`);
    return 2;
  }
  await writeFileAtomic(out, await templateBytes(Boolean(opts.sample)));
  process.stdout.write(
    `Wrote ${opts.out}: the ${opts.sample ? "sample" : "empty"} IEWSC workbook (${TEMPLATE_TABLES.join(", ")}).\n`,
  );
  return 0;
}
