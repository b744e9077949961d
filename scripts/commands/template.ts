import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { templatePlan } from "../../core";
import { writeFileAtomic } from "../atomic-write";
import { OutputWriteError, refuseOutput } from "../output-path";
import { printable, writeErrLine, writeOut } from "../printable";
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
  const refused = await refuseOutput(opts.out, []);
  if (refused) {
    writeErrLine(refused);
    return 2;
  }
  try {
    await writeFileAtomic(out, await templateBytes(Boolean(opts.sample)));
  } catch (e) {
    if (!(e instanceof OutputWriteError)) throw e;
    writeErrLine(e.message);
    return 2;
  }
  writeOut(
    `Wrote ${printable(opts.out)}: the ${opts.sample ? "sample" : "empty"} IEWSC workbook (Settings, Roster, Timeline, Meetings, Blackouts, Workshop, Rates, Tasks).\n`,
  );
  return 0;
}
