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

/**
 * The `Date` (UTC, as ExcelJS hands date cells over) of an ISO 8601 date stored as text (a `t="d"`
 * cell, `2023-05-30` or `2023-05-30T09:30:00Z`), read as the wall-clock date and time it spells, a
 * zone suffix aside (a calendar day is what the user typed; no zone may move it); undefined when the
 * text is no such date.
 *
 * @example utcDateFromIsoText("2023-05-30")?.toISOString() // "2023-05-30T00:00:00.000Z"
 */
export function utcDateFromIsoText(text: string): Date | undefined {
  const m =
    /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const date = new Date(Date.UTC(2000, mo! - 1, d!, h!, mi!, s!));
  date.setUTCFullYear(y!);
  // 2023-02-30 or 25:00 is no date: Date.UTC would roll it over into another day.
  if (date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) return undefined;
  return date;
}
