import type ExcelJS from "exceljs";
import { type CellValue, isoOf } from "../../core";
import { dayFromUtcDate } from "./dates";

/**
 * Turns what ExcelJS reads into the core's neutral cell value. Date cells become calendar days read
 * in UTC (ExcelJS builds them at 00:00 UTC, in the 1900 or the 1904 system as the file says), so
 * no time zone can move them; a formula gives its cached result; rich text gives its text.
 */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // A date cell whose number is no date (1e12) is not blank: it is an unreadable date, as Excel's ####### says.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { error: "#NUM!" };
    // A time of day (an `hh:mm` cell, or a date with a time) is kept: the programme reads it.
    const seconds = Math.round(value.getTime() / 1000) % 86_400;
    const time = seconds < 0 ? seconds + 86_400 : seconds;
    return time ? { date: isoOf(dayFromUtcDate(value)), time } : { date: isoOf(dayFromUtcDate(value)) };
  }
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      // No saved result: the program that wrote it never calculated it. It is not blank; it is unknown.
      if (result === undefined) return { error: NOT_CALCULATED };
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ("text" in value && "hyperlink" in value) return toCellValue((value as { text: ExcelJS.CellValue }).text);
  }
  return null;
}

/** The value of a formula cell saved without its result, as messages quote it. */
export const NOT_CALCULATED = "not calculated: open and save it in Excel";
