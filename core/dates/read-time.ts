import { type CellValue, cellText, isBlank } from "../cells";

/**
 * A time of day in the workshop's local time: whole minutes since midnight (0–1439). A time of day
 * has no time zone, so nothing can move it; like `Day`, it is a plain integer from the moment it is read.
 */
export type Minutes = number;

export type TimeRead = { ok: true; minutes: Minutes } | { ok: false; text: string };

/**
 * Reads a time of day from a cell: an Excel time (a fraction of a day; a date-time gives its time
 * part), a date cell that carries a time (as ExcelJS reads `hh:mm` cells), a duration under a day
 * (`[h]:mm` showing `9:30`), or text such as `09:30`,
 * `9:30`, `09.30`, `9h30`, `9:30 am`, `2 pm`, `14:00:00` or `2024-04-18 09:30`. Rounded to the minute.
 * Blank is not a time: callers test `isBlank` first.
 *
 * @example readTime(0.375)       // { ok: true, minutes: 540 }  (09:00)
 * @example readTime("9:30 pm")   // { ok: true, minutes: 1290 } (21:30)
 */
export function readTime(value: CellValue | undefined): TimeRead {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return { ok: false, text: cellText(value) };
    // The time part of a serial; round to the minute first, so 0.99999 is not 23:59 but midnight's next day.
    const minutes = Math.round(value * 1440) % 1440;
    return { ok: true, minutes };
  }
  // A duration under a day (`[h]:mm` showing `9:30`) is the time of day it shows; a longer one is none.
  if (value !== null && typeof value === "object" && "duration" in value) {
    const d = value.duration;
    if (!(d >= 0 && Math.round(d * 1440) < 1440)) return { ok: false, text: cellText(value) };
    return { ok: true, minutes: Math.round(d * 1440) };
  }
  if (value !== null && typeof value === "object" && "date" in value) {
    return { ok: true, minutes: Math.round((value.time ?? 0) / 60) % 1440 };
  }
  const text = cellText(value);
  if (isBlank(value) || typeof value !== "string") return { ok: false, text };
  const minutes = readTimeText(text);
  return minutes === undefined ? { ok: false, text } : { ok: true, minutes };
}

/** Reads a time of day written as text; `undefined` when it is not one. */
export function readTimeText(input: string): Minutes | undefined {
  let text = input.trim().toLowerCase().replace(/\s+/g, " ");
  // A date before the time (ISO `2024-04-18T09:30`, or `2024-04-18 09:30`): the time part counts.
  const dated = /^\d{4}-\d{1,2}-\d{1,2}[t ](.+)$/.exec(text);
  if (dated) text = dated[1]!.replace(/(z|[+-]\d{2}:?\d{2})$/, "");
  const m = /^(\d{1,2})(?:[:.h](\d{2})(?::(\d{2})(?:\.\d+)?)?)?h? ?(a\.?m\.?|p\.?m\.?)?$/.exec(text);
  if (!m) return undefined;
  let hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  const meridiem = m[4]?.[0];
  // A bare number ("9") is not a time: it could be anything. A time needs minutes or am/pm.
  if (m[2] === undefined && !meridiem) return undefined;
  if (minutes > 59 || seconds > 59) return undefined;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === "p" ? 12 : 0);
  } else if (hours > 23) {
    return undefined;
  }
  return (hours * 60 + minutes + Math.round(seconds / 60)) % 1440;
}

/**
 * A time of day as the programme shows it, on the 24-hour clock.
 *
 * @example clock(570) // "09:30"
 */
export function clock(minutes: Minutes): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
