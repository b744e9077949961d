/**
 * Tests write their input workbooks with ExcelJS, as stand-ins for workbooks Excel saved. ExcelJS
 * rewrites the data validations of a workbook it read as overlapping ranges (exceljs #2820), which
 * Excel never writes and the package check of every test output (global-teardown.ts) rejects. The
 * product puts every copy it writes through `prepareForWrite` (scripts/xlsx/render.ts); here every
 * ExcelJS write of a test does the same, so a test's input is what Excel would have saved. (The
 * command line that tests run as a child process is not touched by this: its outputs are checked as
 * the product writes them.)
 */
import { prepareForWrite } from "../scripts/xlsx/render";

// biome-ignore lint/suspicious/noExplicitAny: ExcelJS's XLSX class has no types for its prototype.
const XLSX: any = require("exceljs/lib/xlsx/xlsx");
const write = XLSX.prototype.write;
if (!XLSX.prototype.__iewscPrepared) {
  XLSX.prototype.__iewscPrepared = true;
  XLSX.prototype.write = function (this: { workbook: Parameters<typeof prepareForWrite>[0] }, ...args: unknown[]) {
    prepareForWrite(this.workbook);
    return write.apply(this, args);
  };
}
