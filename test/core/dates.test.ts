import fc from "fast-check";
import { addMonths, dayFromSerial, dayFromYMD, dayOfIso, isoOf, longDate, readDate, serialOf } from "../../core";

const iso = (value: Parameters<typeof readDate>[0], date1904 = false) => {
  const r = readDate(value, date1904);
  return r.ok ? isoOf(r.day) : `unreadable: ${r.text}`;
};

describe("calendar days", () => {
  test.each([
    [45401, false, "2024-04-19"],
    [43939, true, "2024-04-19"], // 1904 system: 1,462 days fewer
    [45401.99999999, false, "2024-04-20"], // a hair below the next day is the next day
    [45401.75, false, "2024-04-19"], // 6 pm is still the 19th
    [61, false, "1900-03-01"],
    [59, false, "1900-02-28"],
    [1, false, "1900-01-01"],
    [0, true, "1904-01-01"],
  ])("serial %d (1904: %s) is %s", (serial, date1904, expected) => {
    expect(isoOf(dayFromSerial(serial, date1904))).toBe(expected);
  });

  test("serials and days round-trip in both date systems", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 100_000 }), fc.boolean(), (serial, date1904) => {
        expect(serialOf(dayFromSerial(serial, date1904), date1904)).toBe(serial);
      }),
    );
  });

  test("ISO days round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYMD(1900, 1, 1)!, max: dayFromYMD(2199, 12, 31)! }), (day) => {
        expect(dayOfIso(isoOf(day))).toBe(day);
      }),
    );
  });

  test.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-03-31", -1, "2023-02-28"],
    ["2023-12-15", 1, "2024-01-15"],
    ["2024-01-10", -2, "2023-11-10"],
  ])("%s plus %d month(s) is %s", (from, n, to) => {
    expect(isoOf(addMonths(dayOfIso(from)!, n))).toBe(to);
  });

  test("on screen, dates are written as ITU writes them", () => {
    expect(longDate(dayOfIso("2024-04-19")!)).toBe("19 April 2024");
  });

  test("impossible days do not exist", () => {
    expect(dayFromYMD(2023, 2, 29)).toBeUndefined();
    expect(dayFromYMD(2024, 13, 1)).toBeUndefined();
    expect(dayOfIso("2024-02-30")).toBeUndefined();
  });
});

describe("readDate: every exact form the contract lists", () => {
  test.each<[Parameters<typeof readDate>[0], string]>([
    [{ date: "2024-04-19" }, "2024-04-19"],
    [45401, "2024-04-19"],
    ["2024-04-19", "2024-04-19"],
    ["2024-04-19T00:00:00Z", "2024-04-19"],
    ["2024-04-19 13:45", "2024-04-19"],
    ["19 April 2024", "2024-04-19"],
    ["19 Apr 2024", "2024-04-19"],
    ["19-Apr-2024", "2024-04-19"],
    ["Friday 19 April 2024", "2024-04-19"],
    ["Friday, 19 April 2024", "2024-04-19"],
    ["April 19, 2024", "2024-04-19"],
    ["30th of May 2023", "2023-05-30"],
    ["1st June 2023", "2023-06-01"],
    ["22nd January 2024", "2024-01-22"],
    ["3 Sept 2024", "2024-09-03"],
    ["19/04/2024", "2024-04-19"],
    ["19.04.2024", "2024-04-19"],
    ["19-04-2024", "2024-04-19"],
    ["1/6/2023", "2023-06-01"], // day first: 1 June
    ["2024/04/19", "2024-04-19"],
    ["  19   April   2024 ", "2024-04-19"],
  ])("%p → %s", (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  test.each<[Parameters<typeof readDate>[0]]>([
    ["31/04/2024"],
    ["April 2024"],
    ["Spring 2024"],
    ["tomorrow"],
    [""],
    [null],
    [true],
    [12],
    [Number.NaN],
    [{ error: "#N/A" }],
    ["19 Foo 2024"],
    ["13/13/2024"],
  ])("%p is not one exact day", (value) => {
    expect(readDate(value).ok).toBe(false);
  });

  test("a serial in a 1904 workbook", () => {
    expect(iso(43939, true)).toBe("2024-04-19");
  });

  test("no string makes it throw", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => void readDate(s)));
  });
});
