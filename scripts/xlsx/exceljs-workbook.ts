import type ExcelJS from "exceljs";

/**
 * ExcelJS's `Workbook` class, loaded alone. `require("exceljs")` also loads its streaming reader and
 * writer (unzipper, archiver and their dependencies): half of ExcelJS's start-up, which a command that
 * reads and writes whole workbooks never uses. The class is the one `exceljs` exports.
 *
 * @example
 * const wb = new Workbook();
 * await wb.xlsx.load(bytes);
 */
export const Workbook: typeof ExcelJS.Workbook = require("exceljs/lib/doc/workbook");
