import { type CellValue, cellText, isBlank } from "../cells";
import { type Day, dayFromYMD, daysInMonth, ymdOf } from "../dates/calendar";
import { monthNumber, readDate } from "../dates/read-date";
import { type Finding, finding } from "../findings";
import type { TableView } from "../tables/read-table";

/** A meeting of a parent body (TSAG, WP2, WTSA …) from the `Meetings` table. */
export interface Meeting {
  row: number;
  body: string;
  start: Day;
  end: Day | undefined;
  place: string;
}

/** A period that does not suit a workshop or meeting: fixed dates, or month-days every year. */
export type Blackout =
  | { name: string; row: number | null; kind: "dates"; from: Day; to: Day }
  | {
      name: string;
      row: number | null;
      kind: "yearly";
      from: { month: number; day: number };
      to: { month: number; day: number };
    };

/** The contract's default when there is no `Blackouts` table: the end of the calendar year. */
const DEFAULT_BLACKOUTS: readonly Blackout[] = [
  { name: "End of calendar year", row: null, kind: "yearly", from: { month: 12, day: 15 }, to: { month: 1, day: 10 } },
];

const unparseable = (view: TableView, row: number, field: string, value: CellValue | undefined): Finding =>
  finding(
    "TIMELINE_DATE_UNPARSEABLE",
    "error",
    { sheet: view.sheet, row, column: field },
    { text: cellText(value), field },
  );

/** Reads the Meetings table; a row whose Start cannot be read is reported and left out. */
export function readMeetings(
  view: TableView | undefined,
  date1904: boolean,
): { meetings: Meeting[]; findings: Finding[] } {
  const meetings: Meeting[] = [];
  const findings: Finding[] = [];
  for (const { row, cells } of view?.rows ?? []) {
    const start = readDate(cells["Start"], date1904);
    if (!start.ok) {
      findings.push(unparseable(view!, row, "Start", cells["Start"]));
      continue;
    }
    const end = isBlank(cells["End"]) ? undefined : readDate(cells["End"], date1904);
    if (end && !end.ok) findings.push(unparseable(view!, row, "End", cells["End"]));
    meetings.push({
      row,
      body: cellText(cells["Body"]),
      start: start.day,
      end: end?.ok ? end.day : undefined,
      place: cellText(cells["Place"]),
    });
  }
  return { meetings: meetings.sort((a, b) => a.start - b.start || a.row - b.row), findings };
}

/** A month-day without a year: `12-15`, `--12-15`, `15 December`, `December 15`. */
function readMonthDay(value: CellValue | undefined): { month: number; day: number } | undefined {
  const text = cellText(value).trim().toLowerCase().replace(/\s+/g, " ");
  const numeric = /^(?:--)?(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+\.?)$/.exec(text);
  const monthFirst = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?$/.exec(text);
  let month: number | undefined;
  let day: number | undefined;
  if (numeric) [month, day] = [+numeric[1]!, +numeric[2]!];
  else if (dayFirst) [month, day] = [monthNumber(dayFirst[2]!), +dayFirst[1]!];
  else if (monthFirst) [month, day] = [monthNumber(monthFirst[1]!), +monthFirst[2]!];
  if (!month || !day || month > 12 || day > daysInMonth(2024, month)) return undefined;
  return { month, day };
}

/** Reads the Blackouts table; without one, the default end-of-year period applies. */
export function readBlackouts(
  view: TableView | undefined,
  date1904: boolean,
): { blackouts: readonly Blackout[]; findings: Finding[] } {
  if (!view) return { blackouts: DEFAULT_BLACKOUTS, findings: [] };
  const blackouts: Blackout[] = [];
  const findings: Finding[] = [];
  for (const { row, cells } of view.rows) {
    const name = cellText(cells["Name"]) || `Blackout at row ${row}`;
    const yearlyFrom = readMonthDay(cells["From"]);
    const yearlyTo = readMonthDay(cells["To"]);
    if (yearlyFrom && yearlyTo) {
      blackouts.push({ name, row, kind: "yearly", from: yearlyFrom, to: yearlyTo });
      continue;
    }
    const from = readDate(cells["From"], date1904);
    const to = readDate(cells["To"], date1904);
    if (from.ok && to.ok) {
      if (from.day <= to.day) {
        blackouts.push({ name, row, kind: "dates", from: from.day, to: to.day });
      } else {
        // "12-15" to "01-10" typed into Excel becomes two dates of this year, the end before the start:
        // what was meant is the yearly period across the year end.
        const [f, t] = [ymdOf(from.day), ymdOf(to.day)];
        blackouts.push({
          name,
          row,
          kind: "yearly",
          from: { month: f.month, day: f.day },
          to: { month: t.month, day: t.day },
        });
      }
      continue;
    }
    // Report the cell that is neither a month-day nor a date; with one of each, the To cell.
    const fromReadable = Boolean(yearlyFrom) || from.ok;
    const toReadable = Boolean(yearlyTo) || to.ok;
    if (!fromReadable) findings.push(unparseable(view, row, "From", cells["From"]));
    if (!toReadable || (fromReadable && toReadable)) findings.push(unparseable(view, row, "To", cells["To"]));
  }
  return { blackouts, findings };
}

const clampedDay = (year: number, md: { month: number; day: number }): Day =>
  dayFromYMD(year, md.month, Math.min(md.day, daysInMonth(year, md.month)))!;

/**
 * The occurrence of a blackout that holds the whole of `[earliest, latest]`, if any. A yearly period
 * whose end comes before its start in the year (`12-15` to `01-10`) wraps the year end.
 *
 * @example blackoutHolding(DEFAULT_BLACKOUTS[0], <2024-12-20>, <2024-12-20>) // { from: <2024-12-15>, to: <2025-01-10> }
 */
export function blackoutHolding(b: Blackout, earliest: Day, latest: Day): { from: Day; to: Day } | undefined {
  if (b.kind === "dates") return b.from <= earliest && latest <= b.to ? { from: b.from, to: b.to } : undefined;
  const wraps = b.to.month < b.from.month || (b.to.month === b.from.month && b.to.day < b.from.day);
  const year = ymdOf(earliest).year;
  for (const y of [year - 1, year]) {
    const from = clampedDay(y, b.from);
    const to = clampedDay(wraps ? y + 1 : y, b.to);
    if (from <= earliest && latest <= to) return { from, to };
  }
  return undefined;
}
