import fc from "fast-check";
import { dayFromYMD, daysInMonth, isoOf } from "../../core/dates/calendar";
import {
  type Certainty,
  type Precision,
  readWindow,
  readWindowText,
  type WindowRead,
} from "../../core/dates/read-window";
import { type CellValue, cellText, isBlank } from "../../core/cells";

/** A read as one line of plain data, so a failure shows the whole window at a glance. */
function shown(read: WindowRead): string {
  if (!read.ok) return `unreadable: ${read.text}`;
  const w = read.window;
  return `${isoOf(w.earliest)}..${isoOf(w.latest)} ${w.certainty} ${w.precision}${w.ambiguous ? " ambiguous" : ""}`;
}

type Case = [
  value: CellValue,
  earliest: string,
  latest: string,
  certainty: Certainty,
  precision: Precision,
  ambiguous?: boolean,
  date1904?: boolean,
];

const cases: Case[] = [
  // Exact days, in every spelling the exact reader knows, and cells that hold a day.
  ["30th of May 2023", "2023-05-30", "2023-05-30", "firm", "day"],
  ["19 April 2024", "2024-04-19", "2024-04-19", "firm", "day"],
  ["19/04/2024", "2024-04-19", "2024-04-19", "firm", "day"],
  ["2024-04-19", "2024-04-19", "2024-04-19", "firm", "day"],
  ["April 19, 2024", "2024-04-19", "2024-04-19", "firm", "day"],
  ["Friday, 19 April 2024", "2024-04-19", "2024-04-19", "firm", "day"],
  ["2024-04-19T10:30:00Z", "2024-04-19", "2024-04-19", "firm", "day"],
  ["  19   APRIL 2024 ", "2024-04-19", "2024-04-19", "firm", "day"],
  ["29 February 2024", "2024-02-29", "2024-02-29", "firm", "day"],
  [{ date: "2024-04-19" }, "2024-04-19", "2024-04-19", "firm", "day"],
  [45401, "2024-04-19", "2024-04-19", "firm", "day"],
  [45401.75, "2024-04-19", "2024-04-19", "firm", "day"],
  [43939, "2024-04-19", "2024-04-19", "firm", "day", false, true],
  // Day ranges.
  ["15–24 October 2024", "2024-10-15", "2024-10-24", "firm", "days"],
  ["15-24 Oct 2024", "2024-10-15", "2024-10-24", "firm", "days"],
  ["15 - 24 Oct. 2024", "2024-10-15", "2024-10-24", "firm", "days"],
  ["October 15–24, 2024", "2024-10-15", "2024-10-24", "firm", "days"],
  ["30 May – 2 June 2023", "2023-05-30", "2023-06-02", "firm", "days"],
  ["30th of May to 2nd of June 2023", "2023-05-30", "2023-06-02", "firm", "days"],
  ["2024-10-15/2024-10-24", "2024-10-15", "2024-10-24", "firm", "days"],
  ["15/10/2024 – 24/10/2024", "2024-10-15", "2024-10-24", "firm", "days"],
  ["30/05-02/06/2023", "2023-05-30", "2023-06-02", "firm", "days"],
  ["27 February – 2 March 2024", "2024-02-27", "2024-03-02", "firm", "days"],
  ["30 December 2024 – 3 January 2025", "2024-12-30", "2025-01-03", "firm", "days"],
  ["15–24 October 2024 (TBC)", "2024-10-15", "2024-10-24", "TBC", "days"],
  // Months.
  ["June 2023", "2023-06-01", "2023-06-30", "firm", "month"],
  ["Jun 2023", "2023-06-01", "2023-06-30", "firm", "month"],
  ["Sept. 2024", "2024-09-01", "2024-09-30", "firm", "month"],
  ["2023-06", "2023-06-01", "2023-06-30", "firm", "month"],
  ["06/2023", "2023-06-01", "2023-06-30", "firm", "month"],
  ["February 2024", "2024-02-01", "2024-02-29", "firm", "month"],
  ["February 2023", "2023-02-01", "2023-02-28", "firm", "month"],
  ["december, 2024", "2024-12-01", "2024-12-31", "firm", "month"],
  // Month ranges, one across a year end.
  ["March–May 2024", "2024-03-01", "2024-05-31", "firm", "months"],
  ["March to May 2024", "2024-03-01", "2024-05-31", "firm", "months"],
  ["Nov 2024 – Jan 2025", "2024-11-01", "2025-01-31", "firm", "months"],
  ["2024-03/2024-05", "2024-03-01", "2024-05-31", "firm", "months"],
  ["January - February 2024 TBD", "2024-01-01", "2024-02-29", "TBD", "months"],
  // Parts of a month.
  ["early March 2024", "2024-03-01", "2024-03-10", "firm", "part-of-month"],
  ["mid March 2024", "2024-03-11", "2024-03-20", "firm", "part-of-month"],
  ["mid-March 2024", "2024-03-11", "2024-03-20", "firm", "part-of-month"],
  ["late March 2024", "2024-03-21", "2024-03-31", "firm", "part-of-month"],
  ["beginning of March 2024", "2024-03-01", "2024-03-10", "firm", "part-of-month"],
  ["start of March 2024", "2024-03-01", "2024-03-10", "firm", "part-of-month"],
  ["end of March 2024", "2024-03-21", "2024-03-31", "firm", "part-of-month"],
  ["late February 2024", "2024-02-21", "2024-02-29", "firm", "part-of-month"],
  ["late February 2023", "2023-02-21", "2023-02-28", "firm", "part-of-month"],
  ["late April 2024", "2024-04-21", "2024-04-30", "firm", "part-of-month"],
  // Seasons: meteorological, northern hemisphere.
  ["Spring 2024", "2024-03-01", "2024-05-31", "firm", "season"],
  ["Summer 2024", "2024-06-01", "2024-08-31", "firm", "season"],
  ["Fall 2024", "2024-09-01", "2024-11-30", "firm", "season"],
  ["Autumn 2024", "2024-09-01", "2024-11-30", "firm", "season"],
  ["Winter 2024", "2024-12-01", "2025-02-28", "firm", "season", true],
  ["Winter 2023/24", "2023-12-01", "2024-02-29", "firm", "season"],
  ["Winter 2023-2024", "2023-12-01", "2024-02-29", "firm", "season"],
  ["Winter 2023/2024", "2023-12-01", "2024-02-29", "firm", "season"],
  ["winter 2023 – 24 TBC", "2023-12-01", "2024-02-29", "TBC", "season"],
  // Quarters and halves.
  ["Q1 2024", "2024-01-01", "2024-03-31", "firm", "quarter"],
  ["2024 Q1", "2024-01-01", "2024-03-31", "firm", "quarter"],
  ["Q1/2024", "2024-01-01", "2024-03-31", "firm", "quarter"],
  ["1Q 2024", "2024-01-01", "2024-03-31", "firm", "quarter"],
  ["first quarter of 2024", "2024-01-01", "2024-03-31", "firm", "quarter"],
  ["the third quarter of 2024", "2024-07-01", "2024-09-30", "firm", "quarter"],
  ["Q4 2024", "2024-10-01", "2024-12-31", "firm", "quarter"],
  ["H1 2024", "2024-01-01", "2024-06-30", "firm", "half"],
  ["2024 H2", "2024-07-01", "2024-12-31", "firm", "half"],
  ["first half of 2024", "2024-01-01", "2024-06-30", "firm", "half"],
  ["second half 2024", "2024-07-01", "2024-12-31", "firm", "half"],
  // Years, and parts of a year.
  ["2024", "2024-01-01", "2024-12-31", "firm", "year"],
  [2024, "2024-01-01", "2024-12-31", "firm", "year"],
  [1990, "1990-01-01", "1990-12-31", "firm", "year"],
  [2199, "2199-01-01", "2199-12-31", "firm", "year"],
  ["early 2024", "2024-01-01", "2024-04-30", "firm", "months"],
  ["mid 2024", "2024-05-01", "2024-08-31", "firm", "months"],
  ["mid-2024", "2024-05-01", "2024-08-31", "firm", "months"],
  ["late 2024", "2024-09-01", "2024-12-31", "firm", "months"],
  // Certainty markers, anywhere, in any case.
  ["June 2024 TBC", "2024-06-01", "2024-06-30", "TBC", "month"],
  ["June 2024 (TBC)", "2024-06-01", "2024-06-30", "TBC", "month"],
  ["June 2024 [tbc]", "2024-06-01", "2024-06-30", "TBC", "month"],
  ["tbc. June 2024", "2024-06-01", "2024-06-30", "TBC", "month"],
  ["June 2024, to be confirmed", "2024-06-01", "2024-06-30", "TBC", "month"],
  ["June 2024?", "2024-06-01", "2024-06-30", "TBC", "month"],
  ["June 2024 (?)", "2024-06-01", "2024-06-30", "TBC", "month"],
  ["June 2024 - TBD", "2024-06-01", "2024-06-30", "TBD", "month"],
  ["TBD: June 2024", "2024-06-01", "2024-06-30", "TBD", "month"],
  ["June 2024 to be decided", "2024-06-01", "2024-06-30", "TBD", "month"],
  ["June 2024 (to be determined)", "2024-06-01", "2024-06-30", "TBD", "month"],
  ["June 2024 TBC/TBD", "2024-06-01", "2024-06-30", "TBD", "month"],
];

describe("readWindow", () => {
  test.each(cases)(
    "%p reads as %s..%s %s %s",
    (value, earliest, latest, certainty, precision, ambiguous = false, date1904 = false) => {
      expect(shown(readWindow(value, date1904))).toBe(
        `${earliest}..${latest} ${certainty} ${precision}${ambiguous ? " ambiguous" : ""}`,
      );
    },
  );

  test("the Terms of Reference's own eight plan dates", () => {
    const tor = [
      ["30th of May 2023", "2023-05-30..2023-05-30 firm day"],
      ["June 2023", "2023-06-01..2023-06-30 firm month"],
      ["October 2023", "2023-10-01..2023-10-31 firm month"],
      ["January 2024 TBC", "2024-01-01..2024-01-31 TBC month"],
      ["Spring 2024 TBD", "2024-03-01..2024-05-31 TBD season"],
      ["Summer 2024 TBD", "2024-06-01..2024-08-31 TBD season"],
      ["Summer 2024 TBD", "2024-06-01..2024-08-31 TBD season"],
      ["Fall 2024", "2024-09-01..2024-11-30 firm season"],
    ];
    expect(tor.map(([text]) => [text, shown(readWindow(text))])).toEqual(tor);
  });

  test("an ambiguous reading says in plain English how it was read", () => {
    const read = readWindowText("Winter 2024");
    expect(read.ok && read.window.note).toBe("Winter 2024 was read as December 2024 – February 2025");
    const plain = readWindowText("Winter 2023/24");
    expect(plain.ok && "note" in plain.window).toBe(false);
  });

  test("Spring 2024 holds 19 April 2024 (seasons are not quarters)", () => {
    const spring = readWindowText("Spring 2024");
    const day = dayFromYMD(2024, 4, 19)!;
    expect(spring.ok && spring.window.earliest <= day && day <= spring.window.latest).toBe(true);
  });

  test.each<[CellValue | undefined, string]>([
    ["soon", "soon"],
    ["31 February 2024", "31 February 2024"],
    ["Q5 2024", "Q5 2024"],
    ["Q0 2024", "Q0 2024"],
    ["H3 2024", "H3 2024"],
    ["fifth quarter of 2024", "fifth quarter of 2024"],
    ["13/2024", "13/2024"],
    ["2024-13", "2024-13"],
    ["Spring", "Spring"],
    ["May", "May"],
    ["TBC", "TBC"],
    ["(TBD)", "(TBD)"],
    ["Winter 2023/25", "Winter 2023/25"],
    ["Spring 2023/24", "Spring 2023/24"],
    ["24–15 October 2024", "24–15 October 2024"],
    ["May–March 2024", "May–March 2024"],
    ["30 Dec – 3 Jan 2025", "30 Dec – 3 Jan 2025"], // a range across a year end names both years
    ["late 31 March 2024", "late 31 March 2024"],
    ["1850", "1850"],
    ["45401", "45401"],
    [1989, "1989"],
    [2024.5, "2024.5"],
    [true, "TRUE"],
    [{ error: "#N/A" }, "#N/A"],
    [{ date: "2024-02-30" }, "2024-02-30"],
    ["", ""],
    ["   ", ""],
    [null, ""],
    [undefined, ""],
  ])("%p is unreadable and comes back as %p", (value, text) => {
    expect(readWindow(value)).toEqual({ ok: false, text });
  });

  test("readWindowText returns unreadable text exactly as given", () => {
    expect(readWindowText("  sometime   soon ")).toEqual({ ok: false, text: "  sometime   soon " });
  });
});

describe("readWindow properties", () => {
  const wellFormed = (read: WindowRead, text: string): boolean =>
    read.ok
      ? read.window.earliest <= read.window.latest && read.window.ambiguous === (read.window.note !== undefined)
      : read.text === text;

  const tokens = [
    "January",
    "feb",
    "Mar.",
    "april",
    "May",
    "june",
    "Jul",
    "Sept.",
    "October",
    "nov",
    "December",
    "Spring",
    "summer",
    "Fall",
    "autumn",
    "Winter",
    "Q1",
    "q4",
    "Q5",
    "H1",
    "H2",
    "1Q",
    "early",
    "mid",
    "mid-",
    "late",
    "beginning of",
    "end of",
    "first",
    "second",
    "quarter",
    "half",
    "of",
    "the",
    "TBC",
    "TBD",
    "(TBC)",
    "tbc.",
    "to be confirmed",
    "to be decided",
    "?",
    "to",
    "/",
    "–",
    "-",
    "—",
    ",",
    " ",
    ".",
    "(",
    ")",
    "0",
    "1",
    "15",
    "24",
    "29",
    "30",
    "31",
    "2",
    "06",
    "13",
    "24th",
    "1st",
    "2023",
    "2024",
    "2025",
    "1900",
    "2199",
    "9999",
    "0000",
    "2023/24",
    "2024-04-19",
    "2024-10",
  ];
  const vocabulary = fc
    .array(fc.tuple(fc.constantFrom(...tokens), fc.constantFrom(" ", "", " ", "  ")), { maxLength: 8 })
    .map((parts) => parts.map(([token, space]) => token + space).join(""));

  test.each([
    ["any string", fc.string()],
    ["any grapheme string", fc.string({ unit: "grapheme", maxLength: 60 })],
    ["strings of date words", vocabulary],
  ])("%s never throws and reads as a window with earliest <= latest, or comes back unchanged", (_, strings) => {
    fc.assert(
      fc.property(strings, (text) => {
        expect(wellFormed(readWindowText(text), text)).toBe(true);
        expect(wellFormed(readWindow(text), isBlank(text) ? "" : cellText(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("no cell value makes it throw", () => {
    const cell: fc.Arbitrary<CellValue | undefined> = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.record({ date: fc.string() }),
      fc.record({ error: fc.string() }),
    );
    fc.assert(
      fc.property(cell, fc.boolean(), (value, date1904) => {
        const read = readWindow(value, date1904);
        expect(read.ok ? read.window.earliest <= read.window.latest : typeof read.text === "string").toBe(true);
      }),
    );
  });

  // Excel's date cells start on 1 January 1900: one reading as 1899 holds 0 or a negative number.
  test("a date cell for any day Excel can hold is exactly that day; one before 1900 is unreadable", () => {
    expect(readWindow({ date: "1899-12-30" }).ok).toBe(false);
    expect(readWindow({ date: "1899-12-31" }).ok).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: dayFromYMD(1900, 1, 1)!, max: dayFromYMD(9999, 12, 31)! }), (day) => {
        expect(readWindow({ date: isoOf(day) })).toEqual({
          ok: true,
          window: { earliest: day, latest: day, certainty: "firm", precision: "day", ambiguous: false },
        });
      }),
    );
  });

  const MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];

  test("a month name and year spans exactly that month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2199 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const read = readWindowText(`${MONTH_NAMES[month - 1]} ${year}`);
        expect(read).toEqual({
          ok: true,
          window: {
            earliest: dayFromYMD(year, month, 1),
            latest: dayFromYMD(year, month, daysInMonth(year, month)),
            certainty: "firm",
            precision: "month",
            ambiguous: false,
          },
        });
      }),
    );
  });

  test("a certainty marker, before or after, in any case, changes the certainty and nothing else", () => {
    const firm = cases
      .filter(([value, , , certainty]) => typeof value === "string" && certainty === "firm")
      .map(([value]) => value as string);
    const marker = fc.constantFrom("TBC", "(tbc)", "tbc.", "To be confirmed", "?");
    fc.assert(
      fc.property(fc.constantFrom(...firm), marker, fc.boolean(), fc.boolean(), (text, mark, before, upper) => {
        const plain = readWindowText(text);
        const cased = upper ? text.toUpperCase() : text.toLowerCase();
        const marked = readWindowText(before && mark !== "?" ? `${mark} ${cased}` : `${cased} ${mark}`);
        expect(marked.ok && { ...marked.window, certainty: "firm" }).toEqual(plain.ok && plain.window);
        expect(marked.ok && marked.window.certainty).toBe("TBC");
      }),
      { numRuns: 1000 },
    );
  });
});
