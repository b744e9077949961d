import { DEFAULT_SETTINGS, dayOfIso, readSettings, readTable, checkWorkbook } from "../../core";
import { goodRoster, raw } from "../helpers/tables";

const settings = (...pairs: [unknown, unknown][]) =>
  readSettings(readTable(raw("Settings", [["Key", "Value"], ...(pairs as never[])])));

describe("the Settings table", () => {
  test("absent: the documented defaults", () => {
    expect(readSettings(undefined).settings).toEqual({
      regionModel: "ITU6",
      volunteersPerRegion: 2,
      minGenderShare: 0.4,
      maxCommitteeSize: 20,
      redSlipDays: 30,
      reportLeadDays: 30,
      minIndustrySpeakerShare: 0.5,
      speakerConfirmDays: 30,
      invitationLeadDays: 42,
    });
  });

  test("the programme's settings: a share as a percentage, days as whole numbers", () => {
    const view = readTable({
      name: "Settings",
      sheet: "Settings",
      source: "table",
      origin: { row: 1, column: 1 },
      values: [
        ["Key", "Value"],
        ["MinIndustrySpeakerShare", "60 %"],
        ["Speaker Confirm Days", 21],
        ["InvitationLeadDays", "six weeks"],
      ],
    });
    const { settings: s, findings } = readSettings(view);
    expect(s).toMatchObject({ minIndustrySpeakerShare: 0.6, speakerConfirmDays: 21, invitationLeadDays: 42 });
    expect(findings.map((f) => [f.code, f.row])).toEqual([["SETTINGS_INVALID_VALUE", 4]]);
  });

  test("keys match case- and space-insensitively; values are read as people type them", () => {
    const { settings: s, findings } = settings(
      ["regionmodel", " itu5 "],
      ["Volunteers Per Region", "3"],
      ["MinGenderShare", "35 %"],
      ["AsOf", "1 March 2024"],
      ["RedSlipDays", 14],
    );
    expect(findings).toEqual([]);
    expect(s).toMatchObject({
      regionModel: "ITU5",
      volunteersPerRegion: 3,
      minGenderShare: 0.35,
      asOf: dayOfIso("2024-03-01"),
      redSlipDays: 14,
    });
  });

  test("40 typed as a share means 40 %", () => {
    expect(settings(["MinGenderShare", 40]).settings.minGenderShare).toBe(0.4);
  });

  test("AsOf as a date cell and as a serial in a 1904 workbook", () => {
    expect(settings(["AsOf", { date: "2024-03-01" }]).settings.asOf).toBe(dayOfIso("2024-03-01"));
    expect(
      readSettings(
        readTable(
          raw("Settings", [
            ["Key", "Value"],
            ["AsOf", 43890],
          ]),
        ),
        true,
      ).settings.asOf,
    ).toBe(dayOfIso("2024-03-01"));
  });

  test.each([
    ["RegionModel", "ITU7", "ITU6"],
    ["VolunteersPerRegion", "two", "2"],
    ["VolunteersPerRegion", 2.5, "2"],
    ["MinGenderShare", 150, "0.4"],
    ["AsOf", "someday", "the day of the check"],
    ["MaxCommitteeSize", 0, "20"],
  ])("%s = %p is reported, and the default (%s) is used", (key, value, used) => {
    const { settings: s, findings } = settings([key, value]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "SETTINGS_INVALID_VALUE",
      severity: "error",
      sheet: "Settings",
      row: 2,
      column: "Value",
      data: { key, used },
    });
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  test("an unknown key is a note, and a blank value keeps the default", () => {
    const { settings: s, findings } = settings(["Colour", "blue"], ["VolunteersPerRegion", null]);
    expect(findings.map((f) => f.code)).toEqual(["SETTINGS_UNKNOWN_KEY"]);
    expect(s.volunteersPerRegion).toBe(2);
  });

  test("the settings drive the checks, and --as-of overrides AsOf", () => {
    const tables = {
      Roster: raw("Roster", goodRoster()),
      Settings: raw("Settings", [
        ["Key", "Value"],
        ["VolunteersPerRegion", 3],
        ["AsOf", "2024-01-01"],
      ]),
    };
    const result = checkWorkbook({ tables, date1904: false }, { asOf: dayOfIso("2025-05-05") });
    expect(result.findings.filter((f) => f.code === "ROSTER_REGION_SHORT")).toHaveLength(6);
    expect(result.settings.asOf).toBe(dayOfIso("2025-05-05"));
  });
});
