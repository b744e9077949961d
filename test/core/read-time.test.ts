import { type CellValue, clock, readTime } from "../../core";

describe("readTime: times of day in the workshop's local time, as whole minutes", () => {
  test.each<[CellValue, string]>([
    [0.375, "09:00"],
    [0.395833333333333, "09:30"],
    [45401.5625, "13:30"], // a date-time: its time part
    [0.999999, "00:00"], // a hair below midnight is midnight
    [{ date: "1899-12-30", time: 34_200 }, "09:30"], // an hh:mm cell as ExcelJS reads it
    [{ date: "2024-04-18" }, "00:00"],
    ["09:30", "09:30"],
    ["9:30", "09:30"],
    ["09.30", "09:30"],
    ["9h30", "09:30"],
    ["9:30 am", "09:30"],
    ["9:30 PM", "21:30"],
    ["12:00 pm", "12:00"],
    ["12:15 a.m.", "00:15"],
    ["2 pm", "14:00"],
    ["14:00:40", "14:01"],
    [" 2024-04-18T09:30 ", "09:30"],
    ["2024-04-18 16:45:00", "16:45"],
  ])("%j is %s", (cell, expected) => {
    const r = readTime(cell);
    expect(r.ok && clock(r.minutes)).toBe(expected);
  });

  test.each<CellValue>(["9", "25:00", "9:60", "13:00 pm", "noon", "", -0.5, true, { error: "#N/A" }])(
    "%j is not a time",
    (cell) => {
      expect(readTime(cell).ok).toBe(false);
    },
  );
});
