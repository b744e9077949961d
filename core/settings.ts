/**
 * The workbook's settings: one typed object with documented defaults, read from the `Settings`
 * table (Key/Value), validated once by zod, and passed down. A value that cannot be used gives a
 * `SETTINGS_INVALID_VALUE` finding and its default is used, so one typo does not stop the checks.
 */
import { z } from "zod";
import { type CellValue, cellText, isBlank, matchKey, readNumber } from "./cells";
import { type Day, isoOf } from "./dates/calendar";
import { readDate } from "./dates/read-date";
import { type Finding, finding } from "./findings";
import type { TableView } from "./tables/read-table";

export const SettingsSchema = z.object({
  /** `ITU6` (the six regional groups) or `ITU5` (the administrative regions A–E). */
  regionModel: z.enum(["ITU6", "ITU5"]).default("ITU6"),
  /** TSAG volunteers wanted per region. */
  volunteersPerRegion: z.number().int().min(0).max(50).default(2),
  /** The share below which a gender is under-represented, 0–1. */
  minGenderShare: z.number().min(0).max(1).default(0.4),
  /** The most confirmed members before the group stops being "limited". */
  maxCommitteeSize: z.number().int().min(1).max(10_000).default(20),
  /** The day "today" means for overdue checks (undefined: the day the check runs). */
  asOf: z.number().int().optional(),
  /** A slip of this many days or more is red (error); fewer is amber (warning). */
  redSlipDays: z.number().int().min(1).max(3650).default(30),
  /** Days before the target WP2/TSAG meeting by which the IEWSC report is due. */
  reportLeadDays: z.number().int().min(0).max(3650).default(30),
  /** The share of programme speakers from industry below which the programme misses its purpose, 0–1. */
  minIndustrySpeakerShare: z.number().min(0).max(1).default(0.5),
  /** Days before the workshop's start from which a speaker who has not accepted is an error. */
  speakerConfirmDays: z.number().int().min(0).max(3650).default(30),
  /** Days before the workshop's start by which speakers, moderators and panellists are invited. */
  invitationLeadDays: z.number().int().min(0).max(3650).default(42),
});

export type Settings = z.output<typeof SettingsSchema>;

/** The defaults, as the contract documents them. */
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

type Key = keyof Settings;

interface KeyReader {
  key: Key;
  /** Name as written in the Settings table. */
  name: string;
  expected: string;
  read: (cell: CellValue, date1904: boolean) => unknown;
}

const num = (cell: CellValue) => {
  const n = readNumber(cell);
  return n === undefined || Number.isNaN(n) ? cellText(cell) : n;
};

// 40 typed into a cell means 40 %: nobody wants a 4,000 % threshold.
const share = (n: number | string) => (typeof n === "number" && n > 1 && n <= 100 ? n / 100 : n);

const READERS: readonly KeyReader[] = [
  {
    key: "regionModel",
    name: "RegionModel",
    expected: "ITU6 or ITU5",
    read: (c) => cellText(c).toUpperCase().replace(/\s+/g, ""),
  },
  { key: "volunteersPerRegion", name: "VolunteersPerRegion", expected: "a whole number from 0 to 50", read: num },
  {
    key: "minGenderShare",
    name: "MinGenderShare",
    expected: "a share from 0 to 1 (or a percentage such as 40 %)",
    read: (c) => share(num(c)),
  },
  { key: "maxCommitteeSize", name: "MaxCommitteeSize", expected: "a whole number of at least 1", read: num },
  {
    key: "asOf",
    name: "AsOf",
    expected: "a date such as 2024-04-19 or 19 April 2024",
    read: (c, date1904) => {
      const r = readDate(c, date1904);
      return r.ok ? r.day : cellText(c);
    },
  },
  { key: "redSlipDays", name: "RedSlipDays", expected: "a whole number of days of at least 1", read: num },
  { key: "reportLeadDays", name: "ReportLeadDays", expected: "a whole number of days, 0 or more", read: num },
  {
    key: "minIndustrySpeakerShare",
    name: "MinIndustrySpeakerShare",
    expected: "a share from 0 to 1 (or a percentage such as 50 %)",
    read: (c) => share(num(c)),
  },
  { key: "speakerConfirmDays", name: "SpeakerConfirmDays", expected: "a whole number of days, 0 or more", read: num },
  { key: "invitationLeadDays", name: "InvitationLeadDays", expected: "a whole number of days, 0 or more", read: num },
];

const BY_NAME = new Map(READERS.map((r) => [matchKey(r.name), r]));

export interface SettingsRead {
  settings: Settings;
  findings: Finding[];
}

/**
 * Reads the Settings table (absent: all defaults). Keys match case- and space-insensitively; a blank
 * value means the default.
 *
 * @example readSettings(undefined).settings.volunteersPerRegion // 2
 */
export function readSettings(table: TableView | undefined, date1904 = false): SettingsRead {
  const findings: Finding[] = [];
  const input: Partial<Record<Key, unknown>> = {};
  for (const { row, cells } of table?.rows ?? []) {
    const keyText = cellText(cells["Key"]);
    if (keyText === "") continue;
    const reader = BY_NAME.get(matchKey(keyText).replace(/\s/g, ""));
    const at = { sheet: table!.sheet, row, column: "Key" };
    if (!reader) {
      findings.push(finding("SETTINGS_UNKNOWN_KEY", "info", at, { key: keyText }));
      continue;
    }
    const cell = cells["Value"] ?? null;
    if (isBlank(cell)) continue;
    const value = reader.read(cell, date1904);
    const ok = SettingsSchema.shape[reader.key].safeParse(value);
    if (ok.success) {
      input[reader.key] = ok.data;
    } else {
      const fallback = DEFAULT_SETTINGS[reader.key];
      findings.push(
        finding(
          "SETTINGS_INVALID_VALUE",
          "error",
          { ...at, column: "Value" },
          {
            key: reader.name,
            value: cellText(cell),
            expected: reader.expected,
            used: fallback === undefined ? "the day of the check" : String(fallback),
          },
        ),
      );
    }
  }
  return { settings: SettingsSchema.parse(input), findings };
}

/** Settings as a plain record for display (`AsOf` as ISO). */
export function describeSettings(settings: Settings): Record<string, string | number> {
  return {
    RegionModel: settings.regionModel,
    VolunteersPerRegion: settings.volunteersPerRegion,
    MinGenderShare: settings.minGenderShare,
    MaxCommitteeSize: settings.maxCommitteeSize,
    AsOf: settings.asOf === undefined ? "today" : isoOf(settings.asOf as Day),
    RedSlipDays: settings.redSlipDays,
    ReportLeadDays: settings.reportLeadDays,
    MinIndustrySpeakerShare: settings.minIndustrySpeakerShare,
    SpeakerConfirmDays: settings.speakerConfirmDays,
    InvitationLeadDays: settings.invitationLeadDays,
  };
}

/** The names of the settings keys, for the template and the documentation. */
export const SETTINGS_KEYS = READERS.map((r) => ({ name: r.name, expected: r.expected }));
