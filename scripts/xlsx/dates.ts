/**
 * The two date conversions only ExcelJS needs: it hands date cells over, and takes them, as a
 * JavaScript `Date` at 00:00 UTC. The core works in calendar days (`Day`) and never sees a `Date`.
 */
import type { Day } from "../../core";

const MS_PER_DAY = 86_400_000;

/**
 * The day for a JavaScript `Date` read as UTC (how ExcelJS hands date cells over).
 *
 * @example dayFromUtcDate(new Date(Date.UTC(2024, 3, 19))) // 19832
 */
export function dayFromUtcDate(date: Date): Day {
  return Math.floor(Math.round(date.getTime() / 1000) / 86_400);
}

/**
 * A `Date` at 00:00 UTC on the day (how ExcelJS expects date cells).
 *
 * @example utcDateOf(19832).toISOString() // "2024-04-19T00:00:00.000Z"
 */
export function utcDateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}
