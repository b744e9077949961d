import { type CellValue, cellText, isBlank } from "../cells";
import { type Day, dayFromSerial, dayFromYMD, dayOfIso } from "./calendar";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** Month number (1–12) for an English month name or its usual abbreviation (`Sep`, `Sept.`). */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex(
    (m) => m === w || (m.startsWith(w) && w.length >= 3) || (w === "sept" && m === "september"),
  );
  return index >= 0 ? index + 1 : undefined;
}

/** Serials outside this span are not plausible dates for this committee (1 Jan 1990 – 31 Dec 2199). */
const MIN_SERIAL = 32_874;
const MAX_SERIAL = 109_939;

export type DateRead = { ok: true; day: Day } | { ok: false; text: string };

/**
 * Reads one exact calendar day from a cell in any form the contract allows: a date cell, an Excel
 * serial number (1900 or 1904 system), ISO text (`2024-04-19`, with or without a time), day-first
 * text (`19/04/2024`, `19.04.2024`, `19-04-2024`), or words (`19 April 2024`, `30th of May 2023`,
 * `April 19, 2024`, `Friday 19 April 2024`). Blank is not a date: callers test `isBlank` first; nor
 * is a duration (a cell formatted `[h]:mm`), whatever its number.
 *
 * @example readDate("30th of May 2023") // { ok: true, day: <2023-05-30> }
 * @example readDate(45401)              // { ok: true, day: <2024-04-19> }
 */
export function readDate(value: CellValue | undefined, date1904 = false): DateRead {
  if (value !== null && typeof value === "object" && "date" in value) {
    // A date cell holding 0 or -1 reads as 1899 (1e12 arrives as an error): no date Excel can show.
    const day = dayOfIso(value.date);
    return day === undefined || !plausible(day) ? { ok: false, text: value.date } : { ok: true, day };
  }
  // Elapsed time (`[h]:mm`, `36:00`) is stored as days, like a date, but it is no day of the calendar.
  if (value !== null && typeof value === "object" && "duration" in value) return { ok: false, text: cellText(value) };
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= MIN_SERIAL - (date1904 ? 1462 : 0) && value < MAX_SERIAL) {
      return { ok: true, day: dayFromSerial(value, date1904) };
    }
    return { ok: false, text: cellText(value) };
  }
  const text = cellText(value);
  if (isBlank(value)) return { ok: false, text };
  const day = readDateText(text);
  return day === undefined ? { ok: false, text } : { ok: true, day };
}

/** The first day an Excel date cell can hold (serial 1): a date cell before it holds 0 or a negative number. */
const FIRST_EXCEL_DAY = dayFromSerial(1, false);

/** A date cell's day that Excel can show as a date (not 0, −1 or #######). */
const plausible = (day: Day) => day >= FIRST_EXCEL_DAY;

/** Reads an exact date written as text; `undefined` when the text is not one exact day. */
export function readDateText(input: string): Day | undefined {
  const text = input.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return dayFromYMD(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return dayFromYMD(+m[1]!, +m[2]!, +m[3]!);
  // Day first, as ITU and most of its members write: 19/04/2024, 19.04.2024, 19-04-2024.
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return dayFromYMD(+m[3]!, +m[2]!, +m[1]!);
  const words = text
    .toLowerCase()
    .replace(/^(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,? /, "")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // 19 April 2024, 30th of May 2023, 1st May 2024, 19-Apr-2024
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]([a-z]+\.?)[ -](\d{4})$/.exec(words);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? dayFromYMD(+m[3]!, month, +m[1]!) : undefined;
  }
  // April 19, 2024 / May 30th 2023
  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(words);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? dayFromYMD(+m[3]!, month, +m[2]!) : undefined;
  }
  return undefined;
}
