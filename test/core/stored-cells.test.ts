/**
 * How a file's stored cells are read, decided once in the core for both file readers: booleans stored
 * as words, and the number formats that make a number a date, a duration or a number; and what the
 * core makes of a duration where it wants a date, a time of day, a number or text.
 */
import {
  type CellValue,
  cellText,
  clock,
  numberFormatKind,
  readDate,
  readNumber,
  readStoredBoolean,
  readTime,
} from "../../core";

test.each([
  ["0", false],
  ["1", true],
  ["true", true],
  ["FALSE", false],
  ["tRuE", true],
  [" 1 ", true],
  ["\n0\t", false],
  ["2", undefined],
  ["-1", undefined],
  ["1.0", undefined],
  ["yes", undefined],
  ["", undefined],
])("a boolean stored as %j is %p", (stored, want) => {
  expect(readStoredBoolean(stored)).toBe(want);
});

test.each([
  ["General", "number"],
  ["0.00", "number"],
  ["#,##0.00 [$USD]", "number"],
  ['0.0 "days"', "number"],
  ["0\\ \\h", "number"],
  ["0_h", "number"],
  ["@", "number"],
  ["0.00E+00", "number"],
  [undefined, "number"],
  ["dd/mm/yyyy", "date"],
  ["YYYY-MM-DD", "date"],
  ["[$-409]d\\-mmm\\-yy;@", "date"],
  ["[$-F800]dddd, mmmm dd, yyyy", "date"],
  ["h:mm", "date"],
  ["hh:mm AM/PM", "date"],
  ["mm:ss", "date"],
  ["[h]:mm:ss", "duration"],
  ["[H]:MM", "duration"],
  ["[mm]:ss", "duration"],
  ["[ss].00", "duration"],
  ["[s]", "duration"],
  ['[Red][h]:mm;"-"', "duration"],
  ['"[h]" 0', "number"],
])("the format %p shows a %s", (code, kind) => {
  expect(numberFormatKind(code)).toBe(kind);
});

describe("a duration (a number formatted [h]:mm)", () => {
  test.each<[number, string]>([
    [1.5, "36:00"],
    [0.375, "9:00"],
    [45_400, "1089600:00"],
    [1 / 86_400, "0:00:01"],
    [-0.0625, "-1:30"],
  ])("of %p days reads as the text %p", (days, shown) => {
    expect(cellText({ duration: days })).toBe(shown);
  });

  test("is no date, whatever its number", () => {
    expect(readDate({ duration: 45_400 })).toEqual({ ok: false, text: "1089600:00" });
    expect(readDate({ duration: 1.5 })).toEqual({ ok: false, text: "36:00" });
  });

  test.each<[CellValue, string | undefined]>([
    [{ duration: 0.375 }, "09:00"],
    [{ duration: 0 }, "00:00"],
    [{ duration: 0.9999 }, undefined], // 23:59:51 rounds to 24:00: no time of day
    [{ duration: 1.5 }, undefined],
    [{ duration: -0.25 }, undefined],
  ])("%j is the time of day %p when under a day, else none", (cell, want) => {
    const r = readTime(cell);
    expect(r.ok ? clock(r.minutes) : undefined).toBe(want);
  });

  test("is its number of days where a number is read, as Excel's formulas read it", () => {
    expect(readNumber({ duration: 1.5 })).toBe(1.5);
  });
});
