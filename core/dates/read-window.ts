import { type CellValue, cellText, foldSpaces, isBlank } from "../cells";
import { type Day, dayFromYMD, daysInMonth } from "./calendar";
import { monthNumber, readDate, readDateText } from "./read-date";

/** `TBC`: proposed, awaiting confirmation; `TBD`: to be decided inside the window; else `firm`. */
export type Certainty = "firm" | "TBC" | "TBD";
export type Precision = "day" | "days" | "part-of-month" | "month" | "months" | "season" | "quarter" | "half" | "year";

/** The span of calendar days a plan date stands for, both ends inclusive. */
export interface DateWindow {
  earliest: Day;
  latest: Day;
  certainty: Certainty;
  precision: Precision;
  /** The text has more than one reading (`Winter 2024`); `note` says which one was taken. */
  ambiguous: boolean;
  note?: string;
}

export type WindowRead = { ok: true; window: DateWindow } | { ok: false; text: string };

/** What one form's parser finds; certainty is read apart, and a `note` marks an ambiguous reading. */
type Span = { earliest: Day; latest: Day; precision: Precision; note?: string };

/** No plan date is this long; longer text is not read at all, so no pattern ever meets a novel. */
const MAX_LENGTH = 120;
/** A bare year (a number cell or text such as `2024`) is only a year inside this span, as for serials. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2199;

/**
 * Reads a Calendar, Forecast or Actual cell as a window of days. A date cell or an Excel serial is
 * one day; an integer 1990–2199 is that year; text is read by `readWindowText`. Blank is not a
 * date (`{ ok: false, text: "" }`): callers test `isBlank` first.
 *
 * @example readWindow("Spring 2024 TBD") // { ok: true, window: { earliest: <2024-03-01>, latest: <2024-05-31>, certainty: "TBD", precision: "season", ambiguous: false } }
 * @example readWindow(43939, true)       // one day, 2024-04-19 (1904 date system)
 */
export function readWindow(value: CellValue | undefined, date1904 = false): WindowRead {
  if (isBlank(value)) return { ok: false, text: "" };
  if (typeof value === "string") return readWindowText(cellText(value));
  if (typeof value === "number" && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) {
    return { ok: true, window: { ...yearSpan(value)!, certainty: "firm", ambiguous: false } };
  }
  const read = readDate(value, date1904);
  return read.ok
    ? { ok: true, window: { ...oneDay(read.day), certainty: "firm", ambiguous: false } }
    : { ok: false, text: read.text };
}

/**
 * Reads a plan date written as text: an exact day, a day range, a month or month range, part of a
 * month or year, a season, a quarter, a half or a year, with an optional certainty marker anywhere
 * (`TBC`, `(TBD)`, `to be confirmed`, `to be decided`, a trailing `?` meaning TBC). When both
 * markers appear, the weaker `TBD` wins. Unreadable text comes back unchanged, never as an error.
 *
 * @example readWindowText("15–24 Oct 2024 (TBC)") // days 2024-10-15..2024-10-24, certainty "TBC"
 * @example readWindowText("Winter 2024")          // 2024-12-01..2025-02-28, ambiguous, with a note
 * @example readWindowText("soon")                 // { ok: false, text: "soon" }
 */
export function readWindowText(text: string): WindowRead {
  if (typeof text !== "string" || text.length > MAX_LENGTH)
    return { ok: false, text: typeof text === "string" ? text : "" };
  const { rest, certainty } = splitCertainty(foldSpaces(text));
  const plain = normalise(rest);
  // Capitals for the exact reader: its ISO pattern wants `T` and `Z` as capitals, and it folds words
  // to lower case itself, so `2024-04-19t10:30z` is still a day.
  const exact = readDateText(rest.toUpperCase()) ?? readDateText(plain);
  const span = exact !== undefined ? oneDay(exact) : firstReading(plain);
  if (!span) return { ok: false, text };
  return { ok: true, window: { ...span, certainty, ambiguous: span.note !== undefined } };
}

const MARKERS: ReadonlyArray<readonly [RegExp, Certainty]> = [
  [/\b(?:tbd|to be (?:decided|determined))\b\.?/gi, "TBD"],
  [/\b(?:tbc|to be confirmed)\b\.?|\?(?=[\s)\]?]*$)/gi, "TBC"],
];

/** Takes the certainty markers out of the text, with the brackets and punctuation left around them. */
function splitCertainty(text: string): { rest: string; certainty: Certainty } {
  let rest = text;
  const found = new Set<Certainty>();
  for (const [pattern, certainty] of MARKERS) {
    rest = rest.replace(pattern, () => {
      found.add(certainty);
      return " ";
    });
  }
  rest = foldSpaces(rest.replace(/[([]\s*[)\]]/g, " ")).replace(
    /^[\s,;:./\u2010-\u2015-]+|[\s,;:./\u2010-\u2015-]+$/g,
    "",
  );
  return { rest, certainty: found.has("TBD") ? "TBD" : found.has("TBC") ? "TBC" : "firm" };
}

/**
 * Lower case, commas as spaces, every dash and `to`/`until`/`through` as `-`, and no spaces around
 * `-` or `/`: `30 May – 2 June 2023` becomes `30 may-2 june 2023`.
 */
function normalise(text: string): string {
  return foldSpaces(
    text
      .toLowerCase()
      .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-")
      .replace(/,/g, " "),
  )
    .replace(/ (?:to|till|until|through|thru) /g, "-")
    .replace(/ ?([-/]) ?/g, "$1");
}

/** The forms other than an exact day, tried in order; the first that reads wins. */
function firstReading(text: string): Span | undefined {
  for (const parse of [dayRange, partOf, season, period, month, monthRange, year]) {
    const span = parse(text);
    if (span) return span;
  }
  return undefined;
}

/** From (y1, m1, d1) to (y2, m2, d2), d2 defaulting to that month's last day; `undefined` if invalid or reversed. */
function span(
  precision: Precision,
  y1: number,
  m1: number,
  d1: number,
  y2: number,
  m2: number,
  d2 = daysInMonth(y2, m2),
): Span | undefined {
  const earliest = dayFromYMD(y1, m1, d1);
  const latest = dayFromYMD(y2, m2, d2);
  return earliest !== undefined && latest !== undefined && earliest <= latest
    ? { earliest, latest, precision }
    : undefined;
}

function oneDay(day: Day): Span {
  return { earliest: day, latest: day, precision: "day" };
}

function yearSpan(y: number): Span | undefined {
  return span("year", y, 1, 1, y, 12);
}

/** Positions where a range may be split: every `-` and `/`. Each side is then read on its own. */
function splits(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < text.length; i++)
    if (text[i] === "-" || text[i] === "/") out.push([text.slice(0, i), text.slice(i + 1)]);
  return out;
}

/** What the start of a day range may borrow from its end: the year (`y`) or the month and year (`my`). */
const TAILS = [
  /^\d{1,2}(?:st|nd|rd|th)?(?: of)?(?<my> [a-z]+\.?(?<y> \d{4}))$/,
  /^[a-z]+\.? \d{1,2}(?:st|nd|rd|th)?(?<y> \d{4})$/,
  /^\d{1,2}(?<my>[/.-]\d{1,2}(?<y>[/.-]\d{4}))$/,
];

/**
 * `15–24 October 2024`, `30 May – 2 June 2023`, `October 15–24, 2024`, `2024-10-15/2024-10-24`.
 * A range across a year end must name both years (`30 Dec 2024 – 3 Jan 2025`): a start later than
 * the end is refused rather than moved to the year before.
 */
function dayRange(text: string): Span | undefined {
  const us = /^([a-z]+\.?) (\d{1,2})-(\d{1,2}) (\d{4})$/.exec(text);
  const input = us ? `${us[2]} ${us[1]}-${us[3]} ${us[1]} ${us[4]}` : text;
  for (const [left, right] of splits(input)) {
    const latest = readDateText(right);
    if (latest === undefined) continue;
    const tail = TAILS.map((re) => re.exec(right)?.groups).find(Boolean) ?? {};
    const earliest = [left, left + (tail.y ?? ""), left + (tail.my ?? "")]
      .map(readDateText)
      .find((d) => d !== undefined);
    if (earliest !== undefined && earliest <= latest) return { earliest, latest, precision: "days" };
  }
  return undefined;
}

/** A month with an optional year: `June 2023`, `Sept. 2024`, `May`, `2023-06`, `06/2023`. */
function monthOf(text: string): { month: number; year?: number } | undefined {
  const words = /^([a-z]+\.?)(?: of)?(?: (\d{4}))?$/.exec(text);
  if (words) {
    const month = monthNumber(words[1]!);
    return month ? { month, ...(words[2] ? { year: +words[2] } : {}) } : undefined;
  }
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (iso) return { year: +iso[1]!, month: +iso[2]! };
  const numeric = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  return numeric ? { year: +numeric[2]!, month: +numeric[1]! } : undefined;
}

/** `June 2023`, `Jun 2023`, `2023-06`, `06/2023`: the whole month. */
function month(text: string): Span | undefined {
  const m = monthOf(text);
  return m?.year === undefined ? undefined : span("month", m.year, m.month, 1, m.year, m.month);
}

/** `March–May 2024`, `Nov 2024 – Jan 2025`, `2024-03/2024-05`: the start may borrow the end's year. */
function monthRange(text: string): Span | undefined {
  for (const [left, right] of splits(text)) {
    const from = monthOf(left);
    const to = monthOf(right);
    if (!from || to?.year === undefined) continue;
    const found = span("months", from.year ?? to.year, from.month, 1, to.year, to.month);
    if (found) return found;
  }
  return undefined;
}

const PARTS: Record<string, number> = {
  early: 0,
  "beginning of": 0,
  "start of": 0,
  mid: 1,
  "middle of": 1,
  late: 2,
  "end of": 2,
};

/**
 * Early (1–10), mid (11–20) or late (21–end) in a month: `mid-March 2024`, `end of March 2024`.
 * Of a year, the same words take four months each: `early 2024` is January–April.
 */
function partOf(text: string): Span | undefined {
  const m = /^(?:the )?(early|beginning of|start of|mid|middle of|late|end of)[ -](.+)$/.exec(text);
  if (!m) return undefined;
  const part = PARTS[m[1]!]!;
  if (/^\d{4}$/.test(m[2]!)) return span("months", +m[2]!, 1 + 4 * part, 1, +m[2]!, 4 + 4 * part);
  const inMonth = monthOf(m[2]!);
  if (inMonth?.year === undefined) return undefined;
  const { year: y, month: mo } = inMonth;
  return span("part-of-month", y, mo, [1, 11, 21][part]!, y, mo, part === 2 ? daysInMonth(y, mo) : [10, 20][part]);
}

const SEASONS: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };

/**
 * Meteorological seasons of the northern hemisphere, three whole months each. `Winter 2024` is read
 * as December 2024 – February 2025 and marked ambiguous; `Winter 2023/24` names both years and is not.
 */
function season(text: string): Span | undefined {
  const m = /^(spring|summer|fall|autumn|winter)(?: of)? (\d{4})(?:[-/](\d{2}|\d{4}))?$/.exec(text);
  if (!m) return undefined;
  const y = +m[2]!;
  const start = SEASONS[m[1]!]!;
  const winter = start === 12;
  if (m[3] !== undefined && (!winter || +m[3] !== (m[3].length === 2 ? (y + 1) % 100 : y + 1))) return undefined;
  const found = span("season", y, start, 1, winter ? y + 1 : y, winter ? 2 : start + 2);
  if (found && winter && m[3] === undefined) found.note = `Winter ${y} was read as December ${y} – February ${y + 1}`;
  return found;
}

const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};
const PERIODS = [
  /^(?<k>[qh])(?<n>\d)[ /-]?(?<y>\d{4})$/,
  /^(?<y>\d{4})[ /-]?(?<k>[qh])(?<n>\d)$/,
  /^(?<n>\d)(?<k>[qh])[ /-]?(?<y>\d{4})$/,
  /^(?:the )?(?<n>first|second|third|fourth|1st|2nd|3rd|4th) (?<k>quarter|half)(?: of)? (?<y>\d{4})$/,
];

/** Quarters (`Q1 2024`, `2024 Q1`, `1Q 2024`, `first quarter of 2024`) and halves (`H2 2024`, `second half 2024`). */
function period(text: string): Span | undefined {
  const g = PERIODS.map((re) => re.exec(text)?.groups).find(Boolean);
  if (!g) return undefined;
  const months = g.k!.startsWith("q") ? 3 : 6;
  const n = ORDINALS[g.n!] ?? +g.n!;
  const y = +g.y!;
  if (n < 1 || n * months > 12) return undefined;
  return span(months === 3 ? "quarter" : "half", y, (n - 1) * months + 1, 1, y, n * months);
}

/** A year alone, `2024`, inside 1990–2199. */
function year(text: string): Span | undefined {
  return /^\d{4}$/.test(text) && +text >= MIN_YEAR && +text <= MAX_YEAR ? yearSpan(+text) : undefined;
}
