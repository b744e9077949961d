import { cellText, personKey, readNumber, readYesNo } from "../../core";

describe("yes/no cells", () => {
  test.each([
    ["Y", true],
    ["yes", true],
    [" TRUE ", true],
    ["1", true],
    ["x", true],
    ["X", true],
    [true, true],
    [1, true],
    ["N", false],
    ["No", false],
    ["false", false],
    ["0", false],
    [null, false],
    ["", false],
    [false, false],
    [0, false],
    ["maybe", undefined],
    [2, undefined],
  ] as const)("%p → %p", (value, expected) => {
    expect(readYesNo(value)).toBe(expected);
  });
});

describe("numbers", () => {
  test.each([
    [12, 12],
    ["12", 12],
    ["1,500", 1500],
    ["40 %", 0.4],
    ["40%", 0.4],
    ["0.35", 0.35],
    [" 7 ", 7],
    ["1e3", 1000],
  ] as const)("%p → %p", (value, expected) => {
    expect(readNumber(value)).toBeCloseTo(expected);
  });
  test.each(["abc", "1,5,0", "12 people"])("%p is not a number", (value) => {
    expect(readNumber(value)).toBeNaN();
  });
  test("blank is no number", () => {
    expect(readNumber(null)).toBeUndefined();
    expect(readNumber("  ")).toBeUndefined();
  });
});

describe("cell text", () => {
  test.each([
    ["  Regional \n  Volunteer ", "Regional Volunteer"],
    [0.1 + 0.2, "0.3"],
    [true, "TRUE"],
    [{ date: "2024-04-19" }, "2024-04-19"],
    [{ error: "#N/A" }, "#N/A"],
    [null, ""],
  ] as const)("%p reads as %p", (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe("person keys ignore case, accents and white space", () => {
  test.each([
    ["José María", "jose maria"],
    ["Chloé  Dupont", "CHLOE DUPONT"],
    ["Søren", "Soren"],
    ["Łukasz", "Lukasz"],
    ["Strauß", "Strauss"],
    ["Jean Pierre", "JeanPierre"],
  ])("%s = %s", (a, b) => {
    expect(personKey(a)).toBe(personKey(b));
  });
  test("different people stay different", () => {
    expect(personKey("Ana Silva")).not.toBe(personKey("Ana Silvia"));
  });
});
