/**
 * Calendar days as plain integers: the number of days since 1970-01-01. A calendar day has no
 * time and no time zone, so nothing in the core can move a date by one. Only UTC arithmetic is
 * used to convert; `Date` never meets local time here.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Serial of 1970-01-01 in Excel's 1900 date system (which counts a fictitious 29 Feb 1900). */
const SERIAL_1900_EPOCH = 25_569;
/** Serial of 1970-01-01 in the 1904 date system used by old Mac workbooks (1,462 days fewer). */
const SERIAL_1904_EPOCH = 24_107;

/**
 * The day for a year, month (1–12) and day of month, or `undefined` when no such day exists.
 *
 * @example dayFromYMD(2024, 4, 19) // 19832
 * @example dayFromYMD(2023, 2, 29) // undefined
 */
export function dayFromYMD(year: number, month: number, dayOfMonth: number): Day | undefined {
  if (![year, month, dayOfMonth].every(Number.isInteger)) return undefined;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  if (year < 1 || year > 9999) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, dayOfMonth);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month (1–12) and day of month of a day. */
export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * ISO form, `YYYY-MM-DD`.
 *
 * @example isoOf(19832) // "2024-04-19"
 */
export function isoOf(day: Day): string {
  const { year, month, day: dd } = ymdOf(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/** The day of an ISO `YYYY-MM-DD` string, or `undefined`. */
export function dayOfIso(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayFromYMD(+m[1]!, +m[2]!, +m[3]!) : undefined;
}

/**
 * The day that an Excel serial number stands for (its time of day is dropped).
 * In the 1900 system serial 60 is the fictitious 29 February 1900; serials below it are one day early.
 *
 * @example dayFromSerial(45401)       // the day of 2024-04-19
 * @example dayFromSerial(43939, true) // also 2024-04-19, in the 1904 system
 */
export function dayFromSerial(serial: number, date1904 = false): Day {
  // A serial's time of day is a fraction; a value a hair below the next integer is that next
  // day written through floating point, so round to the nearest second before dropping the time.
  const whole = Math.floor(Math.round(serial * 86_400) / 86_400);
  if (date1904) return whole - SERIAL_1904_EPOCH;
  return whole - SERIAL_1900_EPOCH + (whole < 61 ? 1 : 0);
}

/** The Excel serial number of a day. */
export function serialOf(day: Day, date1904 = false): number {
  if (date1904) return day + SERIAL_1904_EPOCH;
  const serial = day + SERIAL_1900_EPOCH;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * Adds calendar months, keeping the day of month where it exists and otherwise taking the month's
 * last day (31 March − 1 month = 28 or 29 February).
 */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: dd } = ymdOf(day);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayFromYMD(y, m, Math.min(dd, daysInMonth(y, m)))!;
}

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * A day as people at ITU write it on screen.
 *
 * @example longDate(19832) // "19 April 2024"
 */
export function longDate(day: Day): string {
  return LONG_DATE.format(new Date(day * MS_PER_DAY));
}

/**
 * The calendar day a `Date` shows on the clock of the computer it runs on: what "today" means to the
 * person using the tool. The adapters pass `new Date()`; the core never reads the clock itself.
 */
export function dayOfLocalDate(date: Date): Day {
  return dayFromYMD(date.getFullYear(), date.getMonth() + 1, date.getDate())!;
}
